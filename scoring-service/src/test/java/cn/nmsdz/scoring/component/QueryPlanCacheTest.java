package cn.nmsdz.scoring.component;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statements a snapshot runs are planned once, not once per snapshot. Hibernate keys a native query's plan by its
 * SQL and result mapping, and a query given a scalar result class ({@code String.class}) gets a new mapping that
 * equals no earlier one at every call: each call added a plan with the same hash as all before it, until the cache's
 * 2,048 were full, and every later call compared itself with them all (8 % of the snapshot workers' CPU in a
 * rescoring, docs/BENCHMARKS.md §12).
 */
@QuarkusTest
@ScoringComponentTest
class QueryPlanCacheTest {
    private static final AtomicInteger REGIONS = new AtomicInteger(508300);
    private static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 1;
    private static final int SNAPSHOTS_A_ROUND = 30;

    @Inject
    ProjectionConsumer consumer;

    @Inject
    SnapshotService snapshots;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalogueInForce() {
        OfficialCatalogue.inForce(consumer);
    }

    @Test
    void storingMoreSnapshotsAddsNoQueryPlans() {
        storeSnapshots(); // every statement of the path planned once
        int before = cachedPlans();
        storeSnapshots();
        int after = cachedPlans();
        // a plan per snapshot would add 30; a background job's first statement may add one or two
        assertTrue(after - before < 5, SNAPSHOTS_A_ROUND + " more snapshots added " + (after - before)
                + " query plans to " + before);
    }

    /** Snapshots of fresh regions, each with a figure, one a transaction (each raises its notices). */
    private void storeSnapshots() {
        for (int i = 0; i < SNAPSHOTS_A_ROUND; i++) {
            consumer.onEvidence(List.of(TestEvents.figure(String.valueOf(REGIONS.incrementAndGet()),
                    "online_retail_sales", YEAR, "321.5")));
            while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
                // next marked region-year
            }
        }
    }

    private int cachedPlans() {
        return em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getQueryEngine()
                .getInterpretationCache().getNumberOfCachedQueryPlans();
    }
}
