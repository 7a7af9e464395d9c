package cn.nmsdz.scoring.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.scoring.notify.CampaignEventTypes;
import cn.nmsdz.scoring.notify.Notifications;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.ProjectionConsumer;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The campaign's notifications that follow the evidence and the snapshots (issue #13): new evidence awaits the
 * reviewers (once per indicator, department and day, however many pieces), a rejection goes to the submitting
 * department, items without a verdict await the experts, and a confirmed score crossing the pass line in either
 * direction goes to the creation office; each becomes a stored event with one notification per recipient.
 */
@QuarkusTest
@ScoringComponentTest
class NotificationRulesTest {
    static final String REGION = "509401";
    static final String DEPARTMENT = REGION + "-market";
    static final int YEAR = Year.now(ZoneOffset.UTC).getValue() - 1;

    @Inject
    ProjectionConsumer consumer;

    @Inject
    SnapshotService snapshots;

    @Inject
    Notifications notifications;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalogueAndRegion() {
        if (QuarkusTransaction.requiringNew().call(() -> CatalogueSystemEntity.current().isEmpty())) {
            consumer.onCatalogue(TestEvents.published(TestEvents.officialCatalogue()));
        }
        consumer.onCatalogue(TestEvents.region(REGION, "通知测试县", "500000", Zone.WEST));
    }

    @Test
    void evidenceAwaitingReviewIsOneNotificationPerIndicatorDepartmentAndDayAndARejectionGoesToTheDepartment() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        consumer.onEvidence(List.of(TestEvents.claim(REGION, YEAR, "11", "11.3", DEPARTMENT, "SUBMITTED", first, 1),
                TestEvents.claim(REGION, YEAR, "11", "11.1", DEPARTMENT, "SUBMITTED", second, 1)));
        assertEquals(List.of("ROLE evidence-reviewer"), recipients(CampaignEventTypes.EVIDENCE_AWAITING_REVIEW),
                "two claims of one indicator and department on one day: one thing to review");

        consumer.onEvidence(List.of(TestEvents.claim(REGION, YEAR, "11", "11.3", DEPARTMENT, "REJECTED", first, 2)));
        assertEquals(List.of("DEPARTMENT " + DEPARTMENT), recipients(CampaignEventTypes.EVIDENCE_REJECTED));
        // the same state delivered again (Kafka redelivers) is not a second notification
        consumer.onEvidence(List.of(TestEvents.claim(REGION, YEAR, "11", "11.3", DEPARTMENT, "REJECTED", first, 2)));
        assertEquals(1, recipients(CampaignEventTypes.EVIDENCE_REJECTED).size());
    }

    @Test
    void itemsWithoutAVerdictAwaitTheExpertsAndCrossingThePassLineTellsTheOffice() {
        consumer.onEvidence(List.of(TestEvents.figure(REGION, "online_retail_sales", YEAR, "321.5")));
        while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
            // the snapshots the figure marked
        }
        List<String> experts = recipients(CampaignEventTypes.AWAITING_EXPERT);
        assertFalse(experts.isEmpty(), "indicators judged by experts await them in a region without verdicts");
        assertTrue(experts.stream().allMatch("ROLE expert"::equals), experts.toString());
        assertEquals(List.of(), recipients(CampaignEventTypes.PASS_LINE_CROSSED), "failing from the start is no crossing");

        // the next snapshot of the year passes (as if a verdict lifted it over the line), then one fails again
        QuarkusTransaction.requiringNew().run(() -> {
            SnapshotEntity latest = SnapshotEntity.<SnapshotEntity>find("region = ?1 and year = ?2 order by number desc",
                    REGION, YEAR).firstResult();
            Snapshot read = snapshots.read(latest);
            notifications.onSnapshot(successor(latest, true), read);
        });
        assertEquals(List.of("ROLE creation-office"), recipients(CampaignEventTypes.PASS_LINE_CROSSED));
        QuarkusTransaction.requiringNew().run(() -> {
            SnapshotEntity latest = SnapshotEntity.<SnapshotEntity>find("region = ?1 and year = ?2 order by number desc",
                    REGION, YEAR).firstResult();
            notifications.onSnapshot(successor(latest, false), snapshots.read(latest));
        });
        assertEquals(List.of("ROLE creation-office", "ROLE creation-office"), recipients(CampaignEventTypes.PASS_LINE_CROSSED),
                "falling back below the line is a crossing too");
    }

    /** A stored copy of {@code latest} as the region-year's next snapshot, passing or not. */
    private SnapshotEntity successor(SnapshotEntity latest, boolean passed) {
        SnapshotEntity next = new SnapshotEntity();
        next.region = latest.region;
        next.year = latest.year;
        // snapshot numbers run per region across its years
        next.number = ((Number) em.createNativeQuery("select max(number) from snapshot where region = ?1")
                .setParameter(1, latest.region).getSingleResult()).longValue() + 1;
        next.systemCode = latest.systemCode;
        next.systemVersion = latest.systemVersion;
        next.evidencePosition = latest.evidencePosition;
        next.projectionSeq = latest.projectionSeq;
        next.confirmedTotal = latest.confirmedTotal;
        next.projectedTotal = latest.projectedTotal;
        next.confirmedPassed = passed;
        next.projectedPassed = passed;
        next.body = latest.body;
        next.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        next.persist();
        return next;
    }

    /** "KIND recipient" of every notification of this type in the test region, in the order raised. */
    @SuppressWarnings("unchecked")
    private List<String> recipients(String type) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select n.recipient_kind || ' ' || n.recipient"
                        + " from notification n join campaign_event e on e.id = n.event_id"
                        + " where e.region = ?1 and e.type = ?2 order by n.id")
                .setParameter(1, REGION).setParameter(2, type).getResultList());
    }
}
