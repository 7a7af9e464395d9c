package cn.nmsdz.evidence.messaging;

import cn.nmsdz.evidence.projection.CatalogueDefinitions;
import cn.nmsdz.evidence.projection.CataloguePublished;
import cn.nmsdz.evidence.projection.IndicatorDefinitionEntity;
import cn.nmsdz.evidence.projection.ItemDefinitionEntity;
import cn.nmsdz.evidence.projection.KnownRegionEntity;
import cn.nmsdz.evidence.projection.MetricDefinitionEntity;
import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.catalogue.DecompositionData;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.RuleMetrics;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.events.catalogue.SystemPublishedData;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.support.inbox.EventApplier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps what submissions are checked against, from catalogue.events: metrics, indicators and
 * their items, regions, and each region's task decomposition (which departments own which indicator).
 */
@ApplicationScoped
public class CatalogueConsumer {
    @Inject
    CatalogueDefinitions definitions;

    private static final Logger LOG = Logger.getLogger(CatalogueConsumer.class);

    @Inject
    EntityManager em;

    @Inject
    Event<CataloguePublished> published;

    @Inject
    EventApplier applier;

    /** Applied once per event id, retried (never skipped) while it fails; see {@link EventApplier}. */
    @Incoming("catalogue-in")
    @Blocking(ordered = true)
    public void onEvent(String json) {
        applier.apply(json, this::handle);
    }

    void handle(EventEnvelope event) {
        switch (event.type()) {
            case EventTypes.SYSTEM_PUBLISHED -> {
                SystemPublishedData data = event.dataAs(SystemPublishedData.class);
                applySystem(data);
                // observers (the national figures, which need the metrics) run now, in this transaction
                published.fire(new CataloguePublished(data.system().code(), data.system().version()));
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
            case EventTypes.DECOMPOSITION_CHANGED -> applyDecomposition(event.dataAs(DecompositionData.class), event.time());
            default -> LOG.debugf("ignoring catalogue event type %s", event.type());
        }
    }

    void applySystem(SystemPublishedData published) {
        definitions.changing();
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
        // the latest published system decides which indicators and items exist
        em.createNativeQuery("delete from metric_use").executeUpdate();
        ItemDefinitionEntity.deleteAll();
        IndicatorDefinitionEntity.deleteAll();
        em.flush();
        int indicators = 0;
        for (FirstLevelNode first : published.system().firstLevel()) {
            for (SecondLevelNode second : first.children()) {
                for (Indicator indicator : second.indicators()) {
                    IndicatorDefinitionEntity i = new IndicatorDefinitionEntity();
                    i.code = indicator.code();
                    i.name = indicator.name();
                    i.maxPoints = indicator.maxPoints();
                    i.ruleKind = ruleKind(indicator);
                    i.persist();
                    indicators++;
                    for (Item item : indicator.items() == null ? List.<Item>of() : indicator.items()) {
                        ItemDefinitionEntity it = new ItemDefinitionEntity();
                        it.code = item.code();
                        it.indicatorCode = indicator.code();
                        it.points = item.points();
                        it.expert = item.expert();
                        it.persist();
                    }
                    for (String metric : RuleMetrics.of(indicator)) {
                        em.createNativeQuery("insert into metric_use(metric, indicator) values (:m, :i) on conflict do nothing")
                                .setParameter("m", metric).setParameter("i", indicator.code()).executeUpdate();
                    }
                }
            }
        }
        LOG.infof("catalogue %s v%d: %d metrics, %d indicators known", published.system().code(),
                published.system().version(), published.system().metrics().size(), indicators);
    }

    static String ruleKind(Indicator indicator) {
        if (indicator.rule() == null) {
            return "none";
        }
        String simple = indicator.rule().getClass().getSimpleName();
        // YearlyComparison -> yearly_comparison (the JSON name of the rule kind)
        return simple.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param changedAt the time indicator-service made the change (the event's time): kept as the region's
     *                  {@code received_at}, so a refusal can tell whether a change the caller made later has arrived yet
     */
    void applyDecomposition(DecompositionData data, java.time.OffsetDateTime changedAt) {
        em.createNativeQuery("delete from decomposition_unit where region = :r").setParameter("r", data.region())
                .executeUpdate();
        em.createNativeQuery("insert into decomposition_region(region, received_at) values (:r, :t) "
                + "on conflict (region) do update set received_at = greatest(decomposition_region.received_at, :t)")
                .setParameter("r", data.region())
                .setParameter("t", changedAt != null ? changedAt : java.time.OffsetDateTime.now()).executeUpdate();
        int units = 0;
        for (DecompositionData.Entry entry : data.entries() == null ? List.<DecompositionData.Entry>of() : data.entries()) {
            units += insertUnits(data.region(), entry.indicator(), entry.leadUnits(), "LEAD");
            units += insertUnits(data.region(), entry.indicator(), entry.responsibleUnits(), "RESPONSIBLE");
        }
        LOG.infof("decomposition of %s: %d indicator owner(s)", data.region(), units);
    }

    private int insertUnits(String region, String indicator, List<String> departments, String role) {
        int n = 0;
        for (String department : departments == null ? List.<String>of() : departments) {
            n += em.createNativeQuery("insert into decomposition_unit(region, indicator, department, role) "
                    + "values (:r, :i, :d, :role) on conflict do nothing").setParameter("r", region)
                    .setParameter("i", indicator).setParameter("d", department).setParameter("role", role).executeUpdate();
        }
        return n;
    }
}
