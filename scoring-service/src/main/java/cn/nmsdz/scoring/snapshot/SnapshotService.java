package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.scoring.backlog.Backlog;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.EvidenceFactEntity;
import cn.nmsdz.support.tracing.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scoring pipeline's steps, each in the caller's transaction: what a change of evidence marks
 * ({@link #rescoreAfter}), and storing the snapshot of one marked region-year ({@link #storeOnePending}): claim it
 * from the {@link SnapshotQueue}, compute it with the {@link SnapshotCalculator}, store it with the
 * {@link SnapshotStore}, and complete the mark.
 */
@ApplicationScoped
public class SnapshotService {

    @Inject
    SnapshotQueue queue;

    @Inject
    SnapshotCalculator calculator;

    @Inject
    SnapshotStore store;

    @Inject
    SnapshotWorkerProbe probe;

    @Inject
    EntityManager em;

    /** How long computing and storing one marked region-year's snapshot takes (count = snapshots stored). */
    private Timer snapshotTimer;

    /** Snapshots that failed (the region-year waits behind the others and is tried again): a stall shows here first. */
    private Counter snapshotFailures;

    @Inject
    void meters(MeterRegistry registry) {
        snapshotTimer = Timer.builder("nmsdz.scoring.snapshot.computation")
                .description("computing and storing one region-year's snapshot").register(registry);
        snapshotFailures = Counter.builder("nmsdz.scoring.snapshot.failures")
                .description("snapshots whose computing or storing failed; the region-year is tried again behind the"
                        + " others").register(registry);
    }

    /**
     * Marks what a change of evidence affects for a new snapshot, in the consumer's transaction; the
     * snapshots themselves are stored by {@link #storeOnePending()}, one per marked region and year
     * however many changes marked it. A figure of year y is read by the assessment years y (as Y),
     * y+1 (as Y−1) and y+2 (as the base of a derived growth); a national figure affects every region.
     * A judgement (claim, expert assessment) affects only its own assessment year; one without a year (never
     * stored since the year is required and migrated) every year the region is scored for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescoreAfter(EvidenceFactEntity fact) {
        if (CatalogueSystemEntity.current().isEmpty() || EvidenceKind.DOCUMENT.name().equals(fact.kind)) {
            return; // a document carries no figure or judgement: the numbers cannot change
        }
        List<String> regions = RegionCodes.NATION.equals(fact.region) ? scoredRegions() : List.of(fact.region);
        for (String region : regions) {
            if (RegionCodes.NATION.equals(region)) {
                continue;
            }
            Set<Integer> years = fact.year == null ? queue.yearsOf(region)
                    : EvidenceKind.OBSERVATION.name().equals(fact.kind) ? queue.yearsReading(fact.year, region)
                    : Set.of(fact.year);
            for (int year : years) {
                queue.mark(region, year);
            }
        }
    }

    /**
     * Stores the snapshot of the longest-waiting marked region and year that no other worker computes; false when none
     * is left. The worker claims its region-year with a transaction-scoped advisory lock, not the mark's row lock: a
     * consumer marking the same region-year meanwhile never waits for the computation, it only counts the mark up;
     * the worker deletes the mark at the end only if its count is still the one it read (compare and delete),
     * otherwise the region-year goes behind the others and is scored again. Several workers (threads or instances)
     * thus split the marks by region-year.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeOnePending() {
        Optional<SnapshotQueue.Claim> claimed = queue.claim();
        if (claimed.isEmpty()) {
            return false;
        }
        SnapshotQueue.Claim claim = claimed.get();
        RegionYear regionYear = claim.regionYear();
        // the snapshot continues the trace of the change that marked it (and its score.events event carries it on)
        Span span = Traces.start("snapshot", SpanKind.INTERNAL, claim.traceparent())
                .setAttribute("nmsdz.region", regionYear.region()).setAttribute("nmsdz.year", regionYear.year());
        try (Scope ignored = span.makeCurrent()) {
            storeClaimed(claim);
            return true;
        } finally {
            span.end();
        }
    }

    private void storeClaimed(SnapshotQueue.Claim claim) {
        RegionYear regionYear = claim.regionYear();
        if (CatalogueSystemEntity.current().isPresent()) {
            long seq;
            Timer.Sample computing = Timer.start();
            try {
                Snapshot computed = calculator.compute(regionYear.region(), regionYear.year());
                probe.computed(regionYear.region(), regionYear.year());
                seq = store.store(computed).projectionSeq;
                computing.stop(snapshotTimer);
            } catch (RuntimeException e) {
                snapshotFailures.increment();
                throw new Backlog.RetryLater("snapshot of " + regionYear.region() + " " + regionYear.year(), e,
                        () -> queue.postpone(regionYear));
            }
            if (queue.changedSince(regionYear.region(), regionYear.year(), seq)) {
                // evidence committed while this snapshot was computed: keep the mark, score it again on a later turn
                queue.postpone(regionYear);
                return;
            }
        }
        queue.complete(claim);
    }

    /** Regions with evidence of their own (the nation's comparators are not a scored region). */
    public List<String> scoredRegions() {
        return em.createQuery("select distinct f.region from EvidenceFactEntity f where f.region <> ?1 order by f.region",
                String.class).setParameter(1, RegionCodes.NATION).getResultList();
    }
}
