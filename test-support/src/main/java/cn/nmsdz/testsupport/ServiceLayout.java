package cn.nmsdz.testsupport;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The one package layout of indicator-, evidence- and scoring-service (README, "Package layout"), as ArchUnit rules
 * over a service's root package, e.g. {@code cn.nmsdz.scoring}:
 * <ul>
 * <li>{@code domain..}: the pure rules, plain Java: java.., the shared catalogue model and evidence vocabularies of
 * events ({@code events.catalogue}, {@code events.evidence}; not the envelope, which is Jackson) and its own domain
 * only (so no Quarkus, JPA or Jackson annotation either);</li>
 * <li>feature packages (the application layer: services, their entities and queries) depend on neither adapter;</li>
 * <li>{@code rest}: every JAX-RS resource and provider; nothing outside depends on it;</li>
 * <li>{@code messaging}: every Kafka consumer ({@code @Incoming}); nothing outside depends on it;</li>
 * <li>{@code config}: the config mappings;</li>
 * <li>and no package cycles, without exceptions.</li>
 * </ul>
 * Annotations are named as strings so that this module needs neither JAX-RS nor reactive messaging.
 */
public final class ServiceLayout {
    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String PROVIDER = "jakarta.ws.rs.ext.Provider";
    private static final String INCOMING = "org.eclipse.microprofile.reactive.messaging.Incoming";
    private static final String CONFIG_MAPPING = "io.smallrye.config.ConfigMapping";

    private ServiceLayout() {
    }

    /** Every rule below, for one {@code @ArchTest} field. */
    public static ArchRule of(String root) {
        return CompositeArchRule.of(domainIsPlainJava(root))
                .and(noPackageCycles(root))
                .and(resourcesLiveInRest(root))
                .and(nothingDependsOnRest(root))
                .and(consumersLiveInMessaging(root))
                .and(nothingDependsOnMessaging(root))
                .and(configMappingsLiveInConfig(root));
    }

    public static ArchRule domainIsPlainJava(String root) {
        String domain = root + ".domain..";
        return classes().that().resideInAPackage(domain)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.nmsdz.events.catalogue..",
                        "cn.nmsdz.events.evidence..", domain)
                .as("the domain of " + root + " is plain Java (java.., the catalogue model and evidence vocabularies of"
                        + " events, and itself only)");
    }

    public static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    public static ArchRule resourcesLiveInRest(String root) {
        return classes().that(resideInAPackage(root + "..").and(annotatedWith(PATH).or(annotatedWith(PROVIDER))))
                .should().resideInAPackage(root + ".rest..")
                .as("every JAX-RS resource and provider of " + root + " is in " + root + ".rest");
    }

    public static ArchRule nothingDependsOnRest(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(root + ".rest..")
                .as("nothing of " + root + " outside rest depends on rest");
    }

    public static ArchRule consumersLiveInMessaging(String root) {
        return methods().that().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().areAnnotatedWith(INCOMING)
                .should().beDeclaredInClassesThat().resideInAPackage(root + ".messaging..")
                .as("every Kafka consumer (@Incoming) of " + root + " is in " + root + ".messaging")
                .allowEmptyShould(true);
    }

    public static ArchRule nothingDependsOnMessaging(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".messaging..")
                .should().dependOnClassesThat().resideInAPackage(root + ".messaging..")
                .as("nothing of " + root + " outside messaging depends on messaging");
    }

    public static ArchRule configMappingsLiveInConfig(String root) {
        return classes().that().resideInAPackage(root + "..").and().areAnnotatedWith(CONFIG_MAPPING)
                .should().resideInAPackage(root + ".config..")
                .as("every config mapping of " + root + " is in " + root + ".config")
                .allowEmptyShould(true);
    }
}
