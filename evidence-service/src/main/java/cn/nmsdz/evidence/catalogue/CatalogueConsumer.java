package cn.nmsdz.evidence.catalogue;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.events.catalogue.SystemPublishedData;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.support.inbox.ConsumedEventLog;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps the metrics and regions that submissions are checked against, from catalogue.events. */
@ApplicationScoped
public class CatalogueConsumer {
    private static final Logger LOG = Logger.getLogger(CatalogueConsumer.class);

    @Inject
    ConsumedEventLog consumed;

    @Incoming("catalogue-in")
    @Blocking(ordered = true)
    @Transactional
    public void onEvent(String json) {
        EventEnvelope event;
        try {
            event = EventEnvelope.fromJson(json);
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping a record that is not a CloudEvent: %s", e.getMessage());
            return;
        }
        if (!consumed.firstTime(event.id(), event.type())) {
            return;
        }
        switch (event.type()) {
            case EventTypes.SYSTEM_PUBLISHED -> {
                SystemPublishedData published = event.dataAs(SystemPublishedData.class);
                for (MetricDefinition m : published.system().metrics()) {
                    MetricDefinitionEntity entity = MetricDefinitionEntity.findById(m.code());
                    if (entity == null) {
                        entity = new MetricDefinitionEntity();
                        entity.code = m.code();
                    }
                    entity.name = m.name();
                    entity.unit = m.unit();
                    entity.kind = m.kind().name();
                    entity.minValue = m.min();
                    entity.maxValue = m.max();
                    entity.subjectRequired = m.subjectRequired();
                    entity.persist();
                }
                LOG.infof("catalogue %s v%d: %d metrics known", published.system().code(), published.system().version(),
                        published.system().metrics().size());
            }
            case EventTypes.REGION_CHANGED -> {
                RegionData region = event.dataAs(RegionData.class);
                KnownRegionEntity entity = KnownRegionEntity.findById(region.code());
                if (entity == null) {
                    entity = new KnownRegionEntity();
                    entity.code = region.code();
                }
                entity.name = region.name();
                entity.parentCode = region.parentCode();
                entity.persist();
            }
            default -> LOG.debugf("ignoring catalogue event type %s", event.type());
        }
    }
}
