package cn.nmsdz.evidence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No package cycles, without exceptions: the catalogue projection announces a published catalogue (a CDI event)
 * instead of calling the national reference data's loader, and the department scope takes what it checks instead
 * of reading submissions. A {@code domain} package (none yet: evidence's rules still read the projection's entities)
 * depends only on java.. and the catalogue's shape in events, like scoring's and indicator's.
 */
@AnalyzeClasses(packages = "cn.nmsdz.evidence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String DOMAIN = "cn.nmsdz.evidence.domain..";

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "cn.nmsdz.events.catalogue..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("cn.nmsdz.evidence.(*)..").should().beFreeOfCycles();
}
