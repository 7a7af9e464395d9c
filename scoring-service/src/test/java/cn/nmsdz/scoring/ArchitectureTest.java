package cn.nmsdz.scoring;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import cn.nmsdz.testsupport.ServiceLayout;
import java.util.Set;

/**
 * The package layout of every service ({@link ServiceLayout}: a plain-Java domain, every resource in rest, the Kafka
 * consumer in messaging, nothing depending on either, no package cycles), and a rule engine with no floating point.
 * No cycles here because the consumer (messaging) marks work in the snapshot queue, the snapshot package announces a
 * stored snapshot as a CDI event (notify listens), the gap view lives in explain, read by rest and report, and the
 * region-scope check (security) is shared by rest and the application service.
 */
@AnalyzeClasses(packages = "cn.nmsdz.scoring", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String DOMAIN = "cn.nmsdz.scoring.domain..";
    static final Set<String> FLOATING = Set.of("double", "float", Double.class.getName(), Float.class.getName());

    @ArchTest
    static final ArchRule layout = ServiceLayout.of("cn.nmsdz.scoring");

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

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> floating() {
        return describe("a floating-point type", c -> FLOATING.contains(c.getName()));
    }
}
