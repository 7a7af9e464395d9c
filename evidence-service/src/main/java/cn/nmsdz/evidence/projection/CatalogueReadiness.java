package cn.nmsdz.evidence.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready to accept evidence before the published catalogue (its metrics) has arrived. */
@Readiness
@ApplicationScoped
public class CatalogueReadiness implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        long metrics = QuarkusTransaction.requiringNew().call(() -> MetricDefinitionEntity.count());
        return HealthCheckResponse.named("catalogue projection").status(metrics > 0).withData("metrics", metrics).build();
    }
}
