package cn.nmsdz.scoring.component;

import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The official catalogue in the projection, as the component tests (one application, one database) need it. */
public final class OfficialCatalogue {
    private OfficialCatalogue() {
    }

    /** Publishes the official catalogue to the projection unless a version is in force already. */
    public static void inForce(ProjectionConsumer consumer) {
        if (QuarkusTransaction.requiringNew().call(() -> CatalogueSystemEntity.current().isEmpty())) {
            consumer.onCatalogue(TestEvents.published(TestEvents.officialCatalogue()));
        }
    }
}
