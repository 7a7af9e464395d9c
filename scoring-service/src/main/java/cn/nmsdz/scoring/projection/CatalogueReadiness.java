package cn.nmsdz.scoring.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready to score before a published version of the configured indicator system has arrived. */
@Readiness
@ApplicationScoped
public class CatalogueReadiness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        String code = CatalogueSystemEntity.configuredCode();
        Integer version = QuarkusTransaction.requiringNew().call(
                () -> CatalogueSystemEntity.current(code).map(s -> s.version).orElse(null));
        return HealthCheckResponse.named("catalogue projection").status(version != null)
                .withData("system", code).withData("version", version == null ? "none" : version.toString()).build();
    }
}
