package cn.nmsdz.scoring.component;

import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.scoring.snapshot.SnapshotStore;
import cn.nmsdz.scoring.snapshot.SnapshotStored;
import cn.nmsdz.scoring.snapshot.SnapshotsStored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.CampaignData;
import cn.nmsdz.events.catalogue.CampaignData.Person;
import cn.nmsdz.events.catalogue.CampaignData.Schedule;
import cn.nmsdz.events.catalogue.DecompositionData;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.scoring.notify.CampaignEventTypes;
import cn.nmsdz.scoring.notify.Notifications;
import cn.nmsdz.scoring.notify.Reminders;
import cn.nmsdz.scoring.progress.ProgressService;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.testsupport.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
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
 * direction goes to the creation office; each becomes a stored event with one notification per recipient. And the
 * reminders: what falls due within the window and what is overdue, once a day.
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
    Notifications notifications;

    @Inject
    SnapshotService snapshots;

    @Inject
    Reminders reminders;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalogueAndRegion() {
        OfficialCatalogue.inForce(consumer);
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
            Snapshot read = SnapshotStore.read(latest);
            notifications.onSnapshots(new SnapshotsStored(List.of(
                    new SnapshotStored(successor(latest, true), read, latest.confirmedPassed))));
        });
        assertEquals(List.of("ROLE creation-office"), recipients(CampaignEventTypes.PASS_LINE_CROSSED));
        QuarkusTransaction.requiringNew().run(() -> {
            SnapshotEntity latest = SnapshotEntity.<SnapshotEntity>find("region = ?1 and year = ?2 order by number desc",
                    REGION, YEAR).firstResult();
            notifications.onSnapshots(new SnapshotsStored(List.of(
                    new SnapshotStored(successor(latest, false), SnapshotStore.read(latest), latest.confirmedPassed))));
        });
        assertEquals(List.of("ROLE creation-office", "ROLE creation-office"), recipients(CampaignEventTypes.PASS_LINE_CROSSED),
                "falling back below the line is a crossing too");
    }

    @Test
    void remindersTellWhatFallsDueWithinTheWindowAndWhatIsOverdueOnceADay() {
        String region = "509402";
        consumer.onCatalogue(TestEvents.region(region, "提醒测试县", "500000", Zone.WEST));
        String department = region + "-market";
        consumer.onCatalogue(TestEvents.decomposition(new DecompositionData(region,
                List.of(new DecompositionData.DepartmentData(department, "提醒测试县市场监督管理局", List.of(), "GOVERNMENT_DEPARTMENT")),
                List.of("5", "6", "7").stream().map(i -> new DecompositionData.Entry(i, List.of(), List.of(department), List.of()))
                        .toList())));
        LocalDate today = ProgressService.today();
        List<Person> clerk = List.of(new Person(department, "张三", "023-00000000"));
        consumer.onCatalogue(TestEvents.campaign(new CampaignData(region, List.of(), List.of(
                new Schedule("5", null, today.plusDays(3), null, clerk), // within the 7 days of nmsdz.campaign.remind-days
                new Schedule("6", null, today.plusDays(30), null, clerk), // not yet
                new Schedule("7", null, today.minusDays(1), null, clerk)), // overdue
                List.of())));

        assertEquals(2, reminders.run(region, YEAR));
        assertEquals(List.of("indicator/5"), subjects(region, CampaignEventTypes.ITEM_DUE_SOON));
        assertEquals(List.of("indicator/7"), subjects(region, CampaignEventTypes.ITEM_OVERDUE));
        assertEquals(0, reminders.run(region, YEAR), "the same day's run again reminds nothing twice");
        // to the department that leads the indicator and to the creation office
        assertEquals(List.of("DEPARTMENT " + department, "ROLE creation-office"), recipientsIn(region, CampaignEventTypes.ITEM_OVERDUE));
    }

    @SuppressWarnings("unchecked")
    private List<String> subjects(String region, String type) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select subject from campaign_event where region = ?1 and type = ?2 order by subject")
                .setParameter(1, region).setParameter(2, type).getResultList());
    }

    /** A stored copy of {@code latest} as the region-year's next snapshot, passing or not. */
    private SnapshotEntity successor(SnapshotEntity latest, boolean passed) {
        SnapshotEntity next = new SnapshotEntity();
        next.id = SnapshotEntity.nextId();
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
        next.bodyDeflated = latest.bodyDeflated;
        next.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        next.persist();
        return next;
    }

    /** "KIND recipient" of every notification of this type in the test region, in the order raised. */
    private List<String> recipients(String type) {
        return recipientsIn(REGION, type);
    }

    @SuppressWarnings("unchecked")
    private List<String> recipientsIn(String region, String type) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select n.recipient_kind || ' ' || n.recipient"
                        + " from notification n join campaign_event e on e.id = n.event_id"
                        + " where e.region = ?1 and e.type = ?2 order by n.id")
                .setParameter(1, region).setParameter(2, type).getResultList());
    }
}
