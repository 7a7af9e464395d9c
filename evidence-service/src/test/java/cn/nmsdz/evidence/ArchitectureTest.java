package cn.nmsdz.evidence;

import cn.nmsdz.testsupport.ServiceLayout;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layout of every service ({@link ServiceLayout}): the review state machine and the file-name rules in a
 * plain-Java domain, every resource in rest, the catalogue consumer in messaging, nothing depending on either, and no
 * package cycles, without exceptions: the catalogue projection announces a published catalogue (a CDI event) instead
 * of calling the national reference data's loader, and the department scope takes what it checks instead of reading
 * submissions.
 */
@AnalyzeClasses(packages = "cn.nmsdz.evidence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule layout = ServiceLayout.of("cn.nmsdz.evidence");
}
