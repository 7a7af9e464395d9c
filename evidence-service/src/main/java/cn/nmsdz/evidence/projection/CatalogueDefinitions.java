package cn.nmsdz.evidence.projection;

import cn.nmsdz.support.wake.Wakeups;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The metric and indicator definitions of the published catalogue, read once and kept until a catalogue event
 * changes them (issue 12: every submission used to load them all). The consumer's transaction drops the copy when it
 * commits, in this instance directly and in the others through {@link Wakeups} ({@code NOTIFY}); a copy read while such
 * a transaction committed is never kept (generation count).
 */
@ApplicationScoped
public class CatalogueDefinitions {
    /** The wake-up topic of a transaction that changed the definitions. */
    static final String CHANGED = "catalogue-definitions";

    /** The definitions a submission is checked against. */
    public record Definitions(Map<String, MetricDefinitionEntity> metrics, Set<String> indicatorCodes,
                              Map<String, Set<String>> metricUses) {
    }

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Wakeups wakeups;

    private final AtomicLong generation = new AtomicLong();
    private volatile Definitions cached;

    void start(@Observes StartupEvent event) {
        wakeups.register(CHANGED, this::invalidate);
    }

    /** The current definitions (read from the database after a change, then from memory). */
    public Definitions current() {
        Definitions d = cached;
        if (d != null) {
            return d;
        }
        long g = generation.get();
        d = QuarkusTransaction.joiningExisting().call(this::load);
        if (generation.get() == g) {
            cached = d;
        }
        return d;
    }

    private Definitions load() {
        Map<String, MetricDefinitionEntity> metrics = MetricDefinitionEntity.<MetricDefinitionEntity>listAll().stream()
                .collect(Collectors.toUnmodifiableMap(m -> m.code, Function.identity()));
        Set<String> indicators = IndicatorDefinitionEntity.<IndicatorDefinitionEntity>listAll().stream()
                .map(i -> i.code).collect(Collectors.toUnmodifiableSet());
        Map<String, Set<String>> uses = new HashMap<>();
        for (Object row : em.createNativeQuery("select metric, indicator from metric_use").getResultList()) {
            Object[] columns = (Object[]) row;
            uses.computeIfAbsent((String) columns[0], k -> new HashSet<>()).add((String) columns[1]);
        }
        uses.replaceAll((k, v) -> Set.copyOf(v));
        return new Definitions(metrics, indicators, Map.copyOf(uses));
    }

    /** Called in the transaction that changes the definitions: every copy is dropped when it commits. */
    public void changing() {
        wakeups.afterCommit(CHANGED);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                invalidate(); // also after a rollback: nothing stale can be kept either way
            }
        });
        invalidate(); // a read inside this transaction sees its own changes: keep none of them
    }

    private void invalidate() {
        generation.incrementAndGet();
        cached = null;
    }
}
