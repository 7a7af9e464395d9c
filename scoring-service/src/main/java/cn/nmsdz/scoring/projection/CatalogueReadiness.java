package cn.nmsdz.scoring.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready to score before a published indicator system has arrived. */
@Readiness
@ApplicationScoped
public class CatalogueReadiness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        long systems = QuarkusTransaction.requiringNew().call(() -> CatalogueSystemEntity.count());
        return HealthCheckResponse.named("catalogue projection").status(systems > 0).withData("systems", systems).build();
    }
}
