package cn.nmsdz.scoring.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.scoring.retention.SnapshotRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Snapshot retention (issue 17): what is older than the retention goes, except each region-year's latest snapshot,
 * the one an application froze and one its history names; nothing younger than the retention goes; and nothing at
 * all when no retention is configured (the component profile sets none).
 */
@QuarkusTest
@ScoringComponentTest
class SnapshotRetentionTest {
    static final String REGION = "509895";

    @Inject
    SnapshotRetention retention;

    @Inject
    EntityManager em;

    @Test
    void oldSnapshotsGoExceptTheLatestOfEachYearAndWhatApplicationsStandOn() {
        // 2025: #1..#5 old, #6 new; 2024: #7 old and the year's latest
        for (int n = 1; n <= 7; n++) {
            int year = n == 7 ? 2024 : 2025;
            String age = n == 6 ? "1 day" : "400 days";
            sql("insert into snapshot(region, year, number, system_code, system_version, evidence_position,"
                    + " confirmed_total, projected_total, confirmed_passed, projected_passed, body, created_at)"
                    + " values ('" + REGION + "', " + year + ", " + n + ", 'NMSDZ', 1, " + n + ", 0, 0, false, false,"
                    + " '{}', now() - interval '" + age + "')");
        }
        sql("insert into application(id, region, year, state, snapshot_id, snapshot_number, evidence_position,"
                + " for_review_anyway, created_at, updated_at) select gen_random_uuid(), region, year, 'SUBMITTED', id,"
                + " number, 2, false, now(), now() from snapshot where region = '" + REGION + "' and number = 2");
        sql("insert into application_history(application_id, from_state, to_state, level, decided_by,"
                + " deciding_region, snapshot_id, snapshot_number, at) select a.id, null, 'SUBMITTED', 'COUNTY', 'x',"
                + " '" + REGION + "', s.id, s.number, now() from application a, snapshot s where a.region = '" + REGION
                + "' and s.region = a.region and s.number = 3");

        assertEquals(0, retention.run(), "no retention configured: nothing is pruned");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), numbers());

        assertEquals(3, retention.run(Duration.ofDays(365)), "#1, #4 and #5 go");
        assertEquals(List.of(2L, 3L, 6L, 7L), numbers(),
                "kept: #2 (frozen by an application), #3 (in its history), #6 (2025's latest), #7 (2024's latest)");
        assertEquals(0, retention.run(Duration.ofDays(365)), "a second run finds nothing more");
    }

    void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    List<Long> numbers() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select number from snapshot where region = '" + REGION + "' order by number").getResultList());
    }
}
