package cn.nmsdz.indicator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain rules are plain Java: java.. and the catalogue's shape from events only; no package cycles, without
 * exceptions (organisation, seed and the workbook adapter depend one way: seed and workbook on organisation).
 */
@AnalyzeClasses(packages = "cn.nmsdz.indicator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String DOMAIN = "cn.nmsdz.indicator.domain..";

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "cn.nmsdz.events.catalogue..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("cn.nmsdz.indicator.(*)..").should().beFreeOfCycles();
}
