package cn.nmsdz.scoring.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.catalogue.CampaignData;
import cn.nmsdz.events.catalogue.DecompositionData;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.events.evidence.EvidenceEventData;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.scoring.messaging.ProjectionConsumer;
import cn.nmsdz.scoring.notify.WebhookDeliveryWorker;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.testsupport.TestEvents;
import cn.nmsdz.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native SQL of scoring-service's notifications, webhooks, legacy judgement years, applications and scoreboard,
 * one statement (or one query's reads) per test, named in its Javadoc, with its effect on the rows; and the projection
 * consumer's dedupe for the catalogue events {@link ScoringApiTest} does not deliver twice. Regions of its own (under
 * 520000), so it shares the running service with the other classes.
 */
@QuarkusTest
@ScoringComponentTest
class ScoringSqlTest {
    static final String PARENT = "520000";
    static final String REGION = "520101";
    static final String EMPTY = "520102";
    static final int YEAR = 2025;
    static final String OFFICE = TestTokens.user("sql-office", "creation-office", Map.of("region", REGION));
    static final String OTHER_OFFICE = TestTokens.user("sql-office-2", "creation-office", Map.of("region", REGION));
    static final String BOARD = TestTokens.user("sql-board", "assessment-authority", Map.of("region", PARENT));
    /** Positions of this class's own evidence events, far from those of {@link TestEvents}. */
    static final long POSITIONS = 7_000_000_000L;

    @Inject
    ProjectionConsumer consumer;

    @Inject
    SnapshotService snapshots;

    @Inject
    WebhookDeliveryWorker webhooks;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @BeforeEach
    void catalogueAndRegions() {
        OfficialCatalogue.inForce(consumer);
        if (count("select count(*) from scoring_region where code = '" + REGION + "'") == 0) {
            consumer.onCatalogue(TestEvents.region(PARENT, "语句测试市", null, Zone.WEST));
            consumer.onCatalogue(TestEvents.region(REGION, "语句测试区", PARENT, Zone.WEST));
            consumer.onCatalogue(TestEvents.region(EMPTY, "语句空区", PARENT, Zone.WEST));
        }
    }

    // ---------------------------------------------------------------- notify/NotificationResource

    /**
     * The inbox query ({@code select n.id, … from notification n join campaign_event e … left join notification_read r
     * … where (…)}) and the mark-read insert ({@code insert into notification_read (notification_id, username,
     * read_at) values (?1, ?2, ?3) on conflict do nothing}): read once per user, marking twice keeps one row.
     */
    @Test
    void notificationResource_aNotificationIsMarkedReadOncePerUser() {
        long id = notification("sql-read-" + UUID.randomUUID());
        given().auth().oauth2(OFFICE).get("/api/v1/notifications?unread=true").then().statusCode(200)
                .body("id", hasItem((int) id)).body("find { it.id == " + id + " }.read", equalTo(false));
        given().auth().oauth2(OFFICE).post("/api/v1/notifications/" + id + "/read").then().statusCode(204);
        given().auth().oauth2(OFFICE).post("/api/v1/notifications/" + id + "/read").then().statusCode(204);
        assertEquals(List.of("sql-office"), strings("select username from notification_read where notification_id = " + id));
        given().auth().oauth2(OFFICE).get("/api/v1/notifications?unread=true").then().statusCode(200)
                .body("id", not(hasItem((int) id)));
        given().auth().oauth2(OFFICE).get("/api/v1/notifications").then().statusCode(200)
                .body("find { it.id == " + id + " }.read", equalTo(true));
        given().auth().oauth2(OTHER_OFFICE).get("/api/v1/notifications?unread=true").then().statusCode(200)
                .body("id", hasItem((int) id));
    }

    // ---------------------------------------------------------------- notify/WebhookDeliveryWorker

    /**
     * {@code select id from webhook_delivery where state = 'PENDING' and next_attempt_at <= now() order by
     * next_attempt_at, id limit 1 for update skip locked}: the most overdue delivery first, one per call; one due
     * later or delivered already is left alone.
     */
    @Test
    void webhookDeliveryWorker_takesTheMostOverdueDeliveryFirst() {
        String subscription = "sql-sub-" + UUID.randomUUID();
        sql("insert into webhook_subscription (id, url, event_types, region, secret, created_by, created_at) values ('"
                + subscription + "', 'http://127.0.0.1:9/hook', '[]', '" + REGION + "', 's3cr3t-s3cr3t-s3cr3t', 'sql-office', now())");
        long second = delivery(subscription, "PENDING", "timestamptz '2000-01-01 00:00:02+00'");
        long first = delivery(subscription, "PENDING", "timestamptz '2000-01-01 00:00:01+00'");
        long later = delivery(subscription, "PENDING", "now() + interval '1 hour'");
        long delivered = delivery(subscription, "DELIVERED", "timestamptz '2000-01-01 00:00:00+00'");
        assertTrue(webhooks.deliverOne());
        assertEquals(List.of(1L, 0L, 0L, 0L), attempts(first, second, later, delivered), "the most overdue first");
        assertTrue(webhooks.deliverOne());
        assertEquals(List.of(1L, 1L, 0L, 0L), attempts(first, second, later, delivered), "then the next");
        assertEquals(1, count("select count(*) from webhook_delivery where id = " + first
                + " and state = 'PENDING' and attempts = 1 and next_attempt_at > now()"), "a failed attempt waits its backoff");
    }

    // ---------------------------------------------------------------- projection/LegacyJudgementYear

    /**
     * {@code select min(position) from evidence_fact_version where evidence_id = ?1} and {@code select max(year) from
     * evidence_fact_version where region = ?1 and kind = 'OBSERVATION' and position < ?2}: a judgement without a year
     * takes the latest year of the region's figures received before its first version (2025 when none were).
     */
    @Test
    void legacyJudgementYear_theYearOfTheFiguresBeforeTheJudgementsFirstVersion() {
        String region = "520103";
        String empty = "520104";
        consumer.onCatalogue(TestEvents.region(region, "旧判断区", PARENT, Zone.WEST));
        consumer.onCatalogue(TestEvents.region(empty, "旧判断空区", PARENT, Zone.WEST));
        String claim = UUID.randomUUID().toString();
        String lone = UUID.randomUUID().toString();
        for (String event : List.of(
                figure(region, 2022, POSITIONS + 1),
                figure(region, 2023, POSITIONS + 2),
                legacyClaim(region, claim, 1, POSITIONS + 3),
                figure(region, 2024, POSITIONS + 4), // after the claim was first given: not its year
                legacyClaim(region, claim, 2, POSITIONS + 5),
                legacyClaim(empty, lone, 1, POSITIONS + 6))) {
            consumer.onEvidence(List.of(event));
        }
        assertEquals(2023, count("select year from evidence_fact where evidence_id = '" + claim + "'"),
                "its second version keeps the year of its first");
        assertEquals(2025, count("select year from evidence_fact where evidence_id = '" + lone + "'"));
        sql("delete from snapshot_pending where region in ('" + region + "', '" + empty + "')"); // nothing to score here
    }

    // ---------------------------------------------------------------- application/ApplicationService

    /**
     * {@code select count(*) from snapshot_pending where region = ?1 and year = ?2} (no application on a score being
     * recomputed) and {@code select 1 from pg_advisory_xact_lock(hashtext(?1))} (one application per region and year
     * at a time: a second waits for the first's transaction); and then the scoreboard's three reads:
     * {@code select distinct on (region) * from snapshot … order by region, number desc} (the latest snapshot),
     * {@code select region, state from application …} and {@code select region, max(changed_at) from evidence_fact …}.
     */
    @Test
    void applicationService_andScoreboardService_readTheRowsTheyStandOn() throws Exception {
        consumer.onEvidence(List.of(TestEvents.figure(REGION, "online_retail_sales_growth", YEAR, "6.1")));
        drain();
        consumer.onEvidence(List.of(TestEvents.figure(REGION, "online_retail_sales_growth", YEAR, "7.2")));
        drain();
        long latest = count("select max(number) from snapshot where region = '" + REGION + "' and year = " + YEAR);
        assertTrue(count("select count(*) from snapshot where region = '" + REGION + "' and year = " + YEAR) >= 2);

        sql("insert into snapshot_pending (region, year, marks, marked_at) values ('" + REGION + "', " + YEAR + ", 1, now())");
        try {
            apply().then().statusCode(409).header("Retry-After", "1").body("detail", containsString("正在重新计算"))
                    .body("type", org.hamcrest.Matchers.equalTo("urn:nmsdz:problem:not-arrived-yet"));
            given().auth().oauth2(OFFICE).contentType("application/json").header("Accept-Language", "en")
                    .body(Map.of("year", YEAR, "forReviewAnyway", true, "reason", "语句测试"))
                    .post("/api/v1/regions/" + REGION + "/applications")
                    .then().statusCode(409).header("Retry-After", "1").body("detail", containsString("recomputed"));
        } finally {
            sql("delete from snapshot_pending where region = '" + REGION + "'");
        }
        assertEquals(0, count("select count(*) from application where region = '" + REGION + "'"));

        Response answer;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.execute("select pg_advisory_xact_lock(hashtext('application " + REGION + " " + YEAR + "'))");
            }
            CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(this::apply);
            while (!waiting.isDone()
                    && count("select count(*) from pg_locks where locktype = 'advisory' and not granted") == 0) {
                Thread.onSpinWait(); // until the application waits on the lock the other transaction holds
            }
            assertFalse(waiting.isDone(), "the application waited for the region-year's lock");
            assertEquals(0, count("select count(*) from application where region = '" + REGION + "'"),
                    "nothing stored while the other transaction holds the region-year");
            other.rollback();
            answer = waiting.get();
        }
        assertEquals(201, answer.statusCode());
        assertEquals(1, count("select count(*) from application where region = '" + REGION + "' and year = " + YEAR));

        String changedAt = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select to_char(max(changed_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') from evidence_fact"
                        + " where region = '" + REGION + "'").getSingleResult());
        given().auth().oauth2(BOARD).get("/api/v1/regions/" + PARENT + "/scoreboard?year=" + YEAR).then().statusCode(200)
                .body("rows.find { it.region == '" + REGION + "' }.snapshotNumber", equalTo((int) latest))
                .body("rows.find { it.region == '" + REGION + "' }.applicationState", equalTo("SUBMITTED"))
                .body("rows.find { it.region == '" + REGION + "' }.latestEvidenceAt", org.hamcrest.Matchers.startsWith(changedAt))
                .body("rows.find { it.region == '" + EMPTY + "' }.snapshotNumber", nullValue())
                .body("rows.find { it.region == '" + EMPTY + "' }.applicationState", nullValue())
                .body("rows.find { it.region == '" + EMPTY + "' }.latestEvidenceAt", nullValue());
    }

    // ---------------------------------------------------------------- projection/ProjectionConsumer dedupe

    /** A decomposition delivered twice is applied once. */
    @Test
    void projectionConsumer_aDecompositionDeliveredTwiceIsAppliedOnce() {
        String event = TestEvents.decomposition(new DecompositionData(EMPTY,
                List.of(new DecompositionData.DepartmentData("sql-market", "市场监管局", List.of(), "GOVERNMENT")),
                List.of(new DecompositionData.Entry("12", List.of(1), List.of("sql-market"), List.of()))));
        consumer.onCatalogue(event);
        sql("delete from decomposition_entry where region = '" + EMPTY + "'");
        consumer.onCatalogue(event);
        assertEquals(0, count("select count(*) from decomposition_entry where region = '" + EMPTY + "'"),
                "the redelivery changed nothing");
        assertEquals(1, count("select count(*) from decomposition_department where region = '" + EMPTY + "'"));
        assertEquals(1, count("select count(*) from consumed_event where event_id = '" + EventEnvelope.fromJson(event).id() + "'"));
    }

    /** A campaign delivered twice is applied once. */
    @Test
    void projectionConsumer_aCampaignDeliveredTwiceIsAppliedOnce() {
        String event = TestEvents.campaign(new CampaignData(EMPTY, List.of(), List.of(), List.of(), null, null));
        consumer.onCatalogue(event);
        assertEquals(1, count("select count(*) from campaign_projection where region = '" + EMPTY + "'"));
        sql("delete from campaign_projection where region = '" + EMPTY + "'");
        consumer.onCatalogue(event);
        assertEquals(0, count("select count(*) from campaign_projection where region = '" + EMPTY + "'"),
                "the redelivery changed nothing");
        assertEquals(1, count("select count(*) from consumed_event where event_id = '" + EventEnvelope.fromJson(event).id() + "'"));
    }

    // ---------------------------------------------------------------- helpers

    Response apply() {
        return given().auth().oauth2(OFFICE).contentType("application/json")
                .body(Map.of("year", YEAR, "forReviewAnyway", true, "reason", "语句测试"))
                .post("/api/v1/regions/" + REGION + "/applications");
    }

    void drain() {
        while (QuarkusTransaction.requiringNew().call(snapshots::storeOnePending)) {
            // every marked region-year
        }
    }

    long notification(String eventId) {
        sql("insert into campaign_event (id, dedupe_key, region, type, subject, message, body, created_at) values ('"
                + eventId + "', '" + eventId + "', '" + REGION + "', 'sql.test', '语句测试', '语句测试通知', '{}', now())");
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into notification (event_id, region, recipient_kind, recipient, created_at) values ('" + eventId
                        + "', '" + REGION + "', 'ROLE', 'creation-office', now()) returning id").getSingleResult()).longValue());
    }

    long delivery(String subscription, String state, String nextAttemptAt) {
        String event = "sql-hook-" + UUID.randomUUID();
        sql("insert into campaign_event (id, dedupe_key, region, type, subject, message, body, created_at) values ('"
                + event + "', '" + event + "', '" + REGION + "', 'sql.test', null, '语句测试', '{}', now())");
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "insert into webhook_delivery (subscription_id, event_id, state, attempts, next_attempt_at) values ('"
                        + subscription + "', '" + event + "', '" + state + "', 0, " + nextAttemptAt + ") returning id")
                .getSingleResult()).longValue());
    }

    List<Long> attempts(long... deliveries) {
        return java.util.Arrays.stream(deliveries)
                .mapToObj(d -> count("select count(*) from webhook_attempt where delivery_id = " + d)).toList();
    }

    static String figure(String region, int year, long position) {
        return evidence(new EvidenceEventData(UUID.randomUUID().toString(), 1, position, EvidenceKind.OBSERVATION.name(),
                ReviewState.ACCEPTED.name(), region, null, null, "market", "component-test", "online_retail_sales", year,
                new BigDecimal("100"), null, "语句测试", null, null, null, List.of(), null, OffsetDateTime.now(ZoneOffset.UTC),
                null), EventTypes.EVIDENCE_SUBMITTED);
    }

    /** A claim as evidence-service announced it before judgements carried their assessment year (year null). */
    static String legacyClaim(String region, String id, int version, long position) {
        return evidence(new EvidenceEventData(id, version, position, EvidenceKind.CLAIM.name(),
                version == 1 ? ReviewState.SUBMITTED.name() : ReviewState.ACCEPTED.name(), region, "12", null, "market",
                "component-test", null, null, null, null, "语句测试", true, null, null, List.of(), null,
                OffsetDateTime.now(ZoneOffset.UTC), null), version == 1 ? EventTypes.EVIDENCE_SUBMITTED : EventTypes.EVIDENCE_REVIEWED);
    }

    static String evidence(EvidenceEventData data, String type) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, "/evidence-service", data.region(),
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON.valueToTree(data)).toJson();
    }

    void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).getResultList());
    }
}
