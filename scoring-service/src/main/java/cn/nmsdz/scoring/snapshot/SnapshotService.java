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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.Set;

/**
 * The scoring pipeline's steps, each in the caller's transaction: what a change of evidence marks
 * ({@link #rescoreAfter}), and storing the snapshots of marked region-years ({@link #storePending}): claim them
 * from the {@link SnapshotQueue}, compute them with the {@link SnapshotCalculator}, store them with the
 * {@link SnapshotStore}, and complete their marks.
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
     * snapshots themselves are stored by {@link #storePending(int)}, one per marked region and year
     * however many changes marked it. A figure of year y is read by the assessment years y (as Y),
     * y+1 (as Y−1) and y+2 (as the base of a derived growth); a national figure affects every region.
     * A judgement (claim, expert assessment) affects only its own assessment year; one without a year (never
     * stored since the year is required and migrated) every year the region is scored for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescoreAfter(EvidenceFactEntity fact) {
        rescoreAfter(fact, Traces.currentTraceparent());
    }

    /**
     * As {@link #rescoreAfter(EvidenceFactEntity)} for a change of the trace {@code traceparent}: the consumer marks
     * a poll's changes at its end, outside the span of the event that made them, and the snapshot continues that trace.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescoreAfter(EvidenceFactEntity fact, String traceparent) {
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
                queue.mark(region, year, traceparent);
            }
        }
    }

    /** Stores the snapshot of the longest-waiting marked region-year no other worker computes; false when none is left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeOnePending() {
        return storePending(1) > 0;
    }

    /**
     * Stores the snapshots of up to {@code max} of the longest-waiting marked region-years that no other worker
     * computes, in the caller's transaction, and returns how many it took (0 when none is left). The worker claims its
     * region-years with transaction-scoped advisory locks, not the marks' row locks: a consumer marking the same
     * region-year meanwhile never waits for the computation, it only counts the mark up; the worker deletes a mark at
     * the end only if its count is still the one it read (compare and delete), otherwise the region-year goes behind
     * the others and is scored again. Several workers (threads or instances) thus split the marks by region-year.
     * <p>
     * All of them are computed before the first is stored: storing takes the feed lock until the commit (see
     * {@link SnapshotStore}), so another worker computes while this one stores. Under a burst or a rescoring a batch
     * shares one commit; an idle region's mark is a batch of one, scored at once. If one of them fails, the batch
     * rolls back and that region-year goes behind the others; the rest are taken again on the next turn.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int storePending(int max) {
        return storePending(max, 1);
    }

    /**
     * As {@link #storePending(int)}, taking a fair share among {@code workers} workers (see
     * {@link SnapshotQueue#claim(int, int)}): the three marks of an idle region's figure go one per worker, each
     * committed (readable, its event on its way) as soon as it is stored, not after the other two were computed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int storePending(int max, int workers) {
        queue.holdCatalogueVersion(); // until this batch commits, no rescoring is planned (and none is being planned)
        List<SnapshotQueue.Claim> claims = queue.claim(max, workers);
        if (claims.isEmpty()) {
            return 0;
        }
        Optional<CatalogueSystemEntity> system = CatalogueSystemEntity.current(); // one lookup for the batch
        if (system.isPresent()) {
            system.get().system(); // parsed (once per version) while attached: the loop below clears the session
            List<Computing> computed = new ArrayList<>(claims.size());
            for (SnapshotQueue.Claim claim : claims) {
                computed.add(compute(claim, system.get()));
                // the evidence rows read are mapped into the snapshot and written nowhere: every flush before the
                // batch's next statements would otherwise check them all again
                em.clear();
            }
            // whether evidence a snapshot reads was applied while it was computed is read (for the batch at once) before
            // the store takes the feed lock (every statement after it waits for no other worker's)
            Map<RegionYear, Long> computedAt = new HashMap<>();
            computed.forEach(c -> computedAt.put(c.claim().regionYear(), c.snapshot().computed().projectionSeq()));
            Set<RegionYear> changed = queue.changedSince(computedAt);
            List<SnapshotQueue.Claim> done = new ArrayList<>(claims.size());
            List<RegionYear> again = new ArrayList<>();
            for (Computing c : computed) {
                if (changed.contains(c.claim().regionYear())) {
                    again.add(c.claim().regionYear());
                } else {
                    done.add(c.claim());
                }
            }
            store(computed);
            again.forEach(queue::postpone);
            queue.complete(done);
        } else {
            queue.complete(claims);
        }
        return claims.size();
    }

    /** A computed region-year: its snapshot (body written), the span that continues the change's trace, the time taken. */
    private record Computing(SnapshotQueue.Claim claim, SnapshotStore.Prepared snapshot, Span span, long computeNanos) {
    }

    private Computing compute(SnapshotQueue.Claim claim, CatalogueSystemEntity system) {
        RegionYear regionYear = claim.regionYear();
        // the snapshot continues the trace of the change that marked it (and its score.events event carries it on)
        Span span = Traces.start("snapshot", SpanKind.INTERNAL, claim.traceparent())
                .setAttribute("nmsdz.region", regionYear.region()).setAttribute("nmsdz.year", regionYear.year());
        long start = System.nanoTime();
        try (Scope ignored = span.makeCurrent()) {
            // its body written too: storing, under the feed lock, is then little more than the inserts
            SnapshotStore.Prepared snapshot = SnapshotStore.prepare(calculator.computeToStore(regionYear.region(),
                    regionYear.year(), system));
            probe.computed(regionYear.region(), regionYear.year());
            return new Computing(claim, snapshot, span, System.nanoTime() - start);
        } catch (RuntimeException e) {
            span.end();
            throw failed(regionYear, e);
        }
    }

    /**
     * Stores the computed snapshots of a batch together (see {@link SnapshotStore#storeAll}); each one's time is its
     * computing and its share of the batch's storing.
     */
    private void store(List<Computing> computed) {
        long start = System.nanoTime();
        try {
            store.storeAll(computed.stream().map(Computing::snapshot).toList());
            long storeShare = (System.nanoTime() - start) / computed.size();
            computed.forEach(c -> snapshotTimer.record(c.computeNanos() + storeShare, TimeUnit.NANOSECONDS));
        } catch (RuntimeException e) {
            snapshotFailures.increment();
            // which of them failed is not known: the whole batch goes behind the others
            List<RegionYear> batch = computed.stream().map(c -> c.claim().regionYear()).toList();
            throw new Backlog.RetryLater("snapshots of " + batch, e, () -> batch.forEach(queue::postpone));
        } finally {
            computed.forEach(c -> c.span().end());
        }
    }

    private Backlog.RetryLater failed(RegionYear regionYear, RuntimeException e) {
        snapshotFailures.increment();
        return new Backlog.RetryLater("snapshot of " + regionYear.region() + " " + regionYear.year(), e,
                () -> queue.postpone(regionYear));
    }

    /** Regions with evidence of their own (the nation's comparators are not a scored region). */
    public List<String> scoredRegions() {
        return em.createQuery("select distinct f.region from EvidenceFactEntity f where f.region <> ?1 order by f.region",
                String.class).setParameter(1, RegionCodes.NATION).getResultList();
    }
}
