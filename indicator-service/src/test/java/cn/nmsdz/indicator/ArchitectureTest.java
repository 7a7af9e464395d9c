package cn.nmsdz.indicator;

import cn.nmsdz.testsupport.ServiceLayout;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package layout of every service ({@link ServiceLayout}): the catalogue, decomposition and region rules in a
 * plain-Java domain, every resource in rest, nothing depending on it, and no package cycles, without exceptions
 * (organisation, seed and the workbook adapter depend one way: seed and workbook on organisation).
 */
@AnalyzeClasses(packages = "cn.nmsdz.indicator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule layout = ServiceLayout.of("cn.nmsdz.indicator");
}
