package cn.nmsdz.scoring;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The rule engine is plain Java (only java.. and the catalogue's shape from events), with no floating point; and no
 * package cycles: the Kafka consumer (messaging) marks work in the snapshot queue, the snapshot package announces a
 * stored snapshot as a CDI event (notify listens), and the gap view lives in explain, read by rest and report.
 */
@AnalyzeClasses(packages = "cn.nmsdz.scoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String DOMAIN = "cn.nmsdz.scoring.domain..";
    static final Set<String> FLOATING = Set.of("double", "float", Double.class.getName(), Float.class.getName());

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, "cn.nmsdz.events.catalogue..");

    @ArchTest
    static final ArchRule domainHasNoFloatingPointFields = noFields().that().areDeclaredInClassesThat()
            .resideInAPackage(DOMAIN).should().haveRawType(floating());

    @ArchTest
    static final ArchRule domainHasNoFloatingPointSignatures = noMethods().that().areDeclaredInClassesThat()
            .resideInAPackage(DOMAIN).should().haveRawReturnType(floating())
            .orShould().haveRawParameterTypes(describe("a floating-point parameter",
                    (java.util.List<JavaClass> types) -> types.stream().anyMatch(t -> FLOATING.contains(t.getName()))));

    @ArchTest
    static final ArchRule domainComputesNoFloatingPoint = noClasses().that().resideInAPackage(DOMAIN)
            .should().callMethodWhere(describe("the method returns a floating-point number",
                    (JavaMethodCall call) -> FLOATING.contains(call.getTarget().getRawReturnType().getName())));

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("cn.nmsdz.scoring.(*)..").should().beFreeOfCycles();

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> floating() {
        return describe("a floating-point type", c -> FLOATING.contains(c.getName()));
    }
}
