package cn.nmsdz.evidence.component;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.catalogue.DecompositionData;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.RuleMetrics;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.evidence.national.NationalReferenceData;
import cn.nmsdz.evidence.messaging.CatalogueConsumer;
import cn.nmsdz.evidence.projection.CatalogueDefinitions;
import cn.nmsdz.testsupport.TestEvents;
import cn.nmsdz.testsupport.TestTokens;
import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.outbox.OutboxRelay;
import cn.nmsdz.support.wake.Wakeups;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every native SQL statement of evidence-service, one test each (named by the class and statement it covers), with
 * its effect on the rows; and the catalogue consumer's dedupe for the event types {@link ObservationOutboxTest} does
 * not deliver twice. Regions of its own (509831–509836), so it shares the running service with the other classes.
 */
@QuarkusTest
@EvidenceComponentTest
class EvidenceSqlTest {
    static final String REGION = "509831";
    static final String OTHER = "509832";
    static final String UNDECOMPOSED = "509833";
    static final String MARKET = TestTokens.user("sql-market", "evidence-submitter",
            Map.of("region", REGION, "department", "sql-market"));
    static final String STATS = TestTokens.user("sql-stats", "evidence-submitter",
            Map.of("region", REGION, "department", "sql-stats"));
    static final String UNDECOMPOSED_SUBMITTER = TestTokens.user("sql-nobody", "evidence-submitter",
            Map.of("region", UNDECOMPOSED, "department", "sql-market"));
    static final String PROVIDER = TestTokens.user("service-account-sql", "data-provider", Map.of("region", "CN"));
    static final OffsetDateTime CHANGED_AT = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    CatalogueConsumer catalogue;

    @Inject
    CatalogueDefinitions definitions;

    @Inject
    NationalReferenceData national;

    @Inject
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Inject
    TransactionSynchronizationRegistry synchronizations;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    @Any
    InMemoryConnector messaging;

    @BeforeEach
    void catalogueAndRegions() {
        if (count("select count(*) from metric_definition") == 0) {
            catalogue.onEvent(TestEvents.published(TestEvents.officialCatalogue()));
        }
        if (count("select count(*) from known_region where code = '" + REGION + "'") == 0) {
            for (String code : List.of(REGION, OTHER, UNDECOMPOSED)) {
                catalogue.onEvent(TestEvents.region(code, "语句测试区" + code, "500000", Zone.WEST));
            }
            catalogue.onEvent(decomposition(REGION, CHANGED_AT, List.of(
                    new DecompositionData.Entry("12", List.of(1), List.of("sql-market", "sql-market"), List.of("sql-market")),
                    new DecompositionData.Entry("13", List.of(), List.of("sql-stats"), List.of()))));
            catalogue.onEvent(decomposition(OTHER, CHANGED_AT, List.of(
                    new DecompositionData.Entry("12", List.of(1), List.of("other-market"), List.of()))));
        }
    }

    // ---------------------------------------------------------------- CatalogueConsumer

    /** {@code delete from metric_use} and {@code insert into metric_use(metric, indicator) … on conflict do nothing}. */
    @Test
    void catalogueConsumer_publishedSystemReplacesMetricUseWithTheRulesMetrics() {
        sql("insert into metric_use(metric, indicator) values ('no_longer_read', '12')");
        catalogue.onEvent(TestEvents.published(TestEvents.officialCatalogue()));
        assertEquals(expectedMetricUse(TestEvents.officialCatalogue()),
                new TreeSet<>(strings("select metric || ' ' || indicator from metric_use")),
                "exactly the metrics each indicator's rule reads: the stale row is deleted, each pair stored once");
    }

    /** {@code delete from decomposition_unit where region = :r} and {@code insert into decomposition_unit … on conflict do nothing}. */
    @Test
    void catalogueConsumer_aDecompositionReplacesTheRegionsUnitsOnly() {
        String region = "509834";
        catalogue.onEvent(decomposition(region, CHANGED_AT, List.of(
                new DecompositionData.Entry("12", List.of(1), List.of("a", "a"), List.of("a", "b")))));
        assertEquals(List.of("12 a LEAD", "12 a RESPONSIBLE", "12 b RESPONSIBLE"), units(region),
                "a unit named twice in one role is stored once");
        List<String> other = units(OTHER);
        catalogue.onEvent(decomposition(region, CHANGED_AT.plusHours(1), List.of(
                new DecompositionData.Entry("13", List.of(), List.of("c"), List.of()))));
        assertEquals(List.of("13 c LEAD"), units(region), "the region's earlier units are gone");
        assertEquals(other, units(OTHER), "another region's units stay");
    }

    /** {@code insert into decomposition_region(region, received_at) … on conflict (region) do update set received_at = greatest(…)}. */
    @Test
    void catalogueConsumer_decompositionRegionKeepsTheLatestChangeTime() {
        String region = "509835";
        catalogue.onEvent(decomposition(region, CHANGED_AT, List.of()));
        assertEquals(CHANGED_AT.toInstant(), receivedAt(region));
        catalogue.onEvent(decomposition(region, CHANGED_AT.plusDays(1), List.of()));
        assertEquals(CHANGED_AT.plusDays(1).toInstant(), receivedAt(region), "a later change moves it on");
        catalogue.onEvent(decomposition(region, CHANGED_AT.minusDays(1), List.of()));
        assertEquals(CHANGED_AT.plusDays(1).toInstant(), receivedAt(region), "an older change never moves it back");
        assertEquals(1, count("select count(*) from decomposition_region where region = '" + region + "'"));
    }

    // ---------------------------------------------------------------- CatalogueDefinitions

    /** {@code select metric, indicator from metric_use}: what a submission's department scope is checked against. */
    @Test
    void catalogueDefinitions_readMetricUseAfterAChange() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("insert into metric_use(metric, indicator) values ('sql_test_metric', '12'), "
                        + "('sql_test_metric', '13')").executeUpdate();
                definitions.changing(); // drops the copy in memory when this commits
            });
            assertEquals(Set.of("12", "13"), definitions.current().metricUses().get("sql_test_metric"));
            assertEquals(Set.copyOf(strings("select indicator from metric_use where metric = 'online_retail_sales'")),
                    definitions.current().metricUses().get("online_retail_sales"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from metric_use where metric = 'sql_test_metric'").executeUpdate();
                definitions.changing();
            });
        }
        assertEquals(null, definitions.current().metricUses().get("sql_test_metric"));
    }

    // ---------------------------------------------------------------- DepartmentScope

    /** {@code select received_at from decomposition_region where region = :r}: the refusal names the change it was decided on. */
    @Test
    void departmentScope_readsWhenTheRegionsDecompositionChanged() {
        given().auth().oauth2(STATS).header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("indicator", "12", "year", 2025, "satisfied", true))
                .post("/api/v1/regions/" + REGION + "/claims").then().statusCode(403)
                .body("detail", containsString("the decomposition of " + REGION + " held here is the one changed at "
                        + CHANGED_AT));
        long before = count("select count(*) from evidence where region = '" + UNDECOMPOSED + "'");
        given().auth().oauth2(UNDECOMPOSED_SUBMITTER).header("Accept-Language", "en").contentType("application/json")
                .body(Map.of("indicator", "12", "year", 2025, "satisfied", true))
                .post("/api/v1/regions/" + UNDECOMPOSED + "/claims").then().statusCode(403)
                .body("detail", containsString("no task decomposition of region " + UNDECOMPOSED + " has been received"));
        assertEquals(before, count("select count(*) from evidence where region = '" + UNDECOMPOSED + "'"));
    }

    /** {@code select distinct indicator from decomposition_unit where region = :r and department = :d}. */
    @Test
    void departmentScope_aDepartmentClaimsExactlyTheIndicatorsItOwns() {
        long before = count("select count(*) from evidence where region = '" + REGION + "'");
        claim(MARKET, "12").statusCode(201);
        claim(MARKET, "13").statusCode(403);
        claim(STATS, "13").statusCode(201);
        claim(STATS, "12").statusCode(403);
        assertEquals(before + 2, count("select count(*) from evidence where region = '" + REGION + "'"));
        assertEquals(List.of("12 sql-market", "13 sql-stats"), strings("select indicator || ' ' || department from "
                + "evidence where region = '" + REGION + "' and kind = 'CLAIM' group by indicator, department order by 1"));
    }

    // ---------------------------------------------------------------- Idempotency

    /** {@code insert into idempotency_record(caller, idem_key, fingerprint, created_at) … on conflict do nothing}. */
    @Test
    void idempotency_aKeyIsClaimedOncePerCallerAndARefusedRequestKeepsNone() {
        String key = UUID.randomUUID().toString();
        claim(MARKET, "12", key).statusCode(201);
        claim(MARKET, "12", key).statusCode(201).header("Idempotent-Replayed", "true");
        claim(STATS, "13", key).statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        assertEquals(List.of("sql-market 201", "sql-stats 201"), strings("select caller || ' ' || status from "
                + "idempotency_record where idem_key = '" + key + "' order by caller"),
                "one record per caller and key, with the answer it replays");
        String refused = UUID.randomUUID().toString();
        claim(MARKET, "13", refused).statusCode(403);
        assertEquals(0, count("select count(*) from idempotency_record where idem_key = '" + refused + "'"),
                "a refusal keeps no key: the corrected request may use it");
    }

    // ---------------------------------------------------------------- EvidenceLedger

    /**
     * {@code select nextval('evidence_position_seq') from generate_series(1, :n) order by 1} (a batch) and
     * {@code select nextval('evidence_position_seq')} (one row): every row a new position, a batch's in its order.
     */
    @Test
    void evidenceLedger_positionsFollowTheSequenceInSubmissionOrder() {
        long highest = count("select coalesce(max(position), 0) from evidence");
        List<String> ids = given().auth().oauth2(PROVIDER).contentType("application/json")
                .body(List.of(figure(2021), figure(2022), figure(2023)))
                .post("/api/v1/regions/" + REGION + "/observations").then().statusCode(201).extract().path("id");
        List<Long> batch = new ArrayList<>();
        for (String id : ids) {
            batch.add(count("select position from evidence where id = '" + id + "'"));
        }
        assertTrue(batch.get(0) > highest, "after every earlier position");
        assertTrue(batch.get(0) < batch.get(1) && batch.get(1) < batch.get(2), "in the batch's order: " + batch);
        String one = given().auth().oauth2(PROVIDER).contentType("application/json").body(figure(2024))
                .post("/api/v1/regions/" + REGION + "/observations").then().statusCode(201).extract().path("[0].id");
        assertTrue(count("select position from evidence where id = '" + one + "'") > batch.get(2));
        assertEquals(4, count("select count(distinct e.position) from evidence e join evidence_version v on v.evidence_id = e.id "
                + "and v.position = e.position where e.id in ('" + String.join("','", ids) + "','" + one + "')"),
                "each version row carries its evidence's position");
    }

    // ---------------------------------------------------------------- NationalReferenceData

    /**
     * The national load judges its rows by the rules of a submission, one place each: ObservationInput's constraints
     * (the validator the request pipeline uses), then the catalogue's; a bad row is named by index and field with what
     * is wrong (the log says it as it leaves the row out).
     */
    @Test
    void nationalReferenceData_aBadRowIsNamedByTheSameRulesAsASubmission() {
        List<cn.nmsdz.evidence.observation.ObservationInput> rows = List.of(
                new cn.nmsdz.evidence.observation.ObservationInput("online_retail_sales", 2024, java.math.BigDecimal.ONE,
                        null, "国家统计局", null),
                new cn.nmsdz.evidence.observation.ObservationInput("online_retail_sales", 1999, java.math.BigDecimal.ONE,
                        null, " ", null),
                new cn.nmsdz.evidence.observation.ObservationInput("no_such_metric", 2024,
                        new java.math.BigDecimal("1.1234567"), null, "国家统计局", null));
        List<cn.nmsdz.support.rest.Problem.FieldError> problems = QuarkusTransaction.requiringNew()
                .call(() -> national.problems(rows));
        assertEquals(List.of("/1/source", "/1/year", "/2/value", "/2/metric"),
                problems.stream().map(cn.nmsdz.support.rest.Problem.FieldError::field).toList());
        assertEquals(List.of("is required", "must be 2000..2100", "must have at most 18 digits before and 6 after the decimal point",
                "'no_such_metric' is not a metric of the published catalogue"),
                problems.stream().map(cn.nmsdz.support.rest.Problem.FieldError::message).toList());
    }

    /**
     * {@code insert into reference_data_load … on conflict do nothing} (the marker claims the load) and
     * {@code update reference_data_load set rows = :r}: the marker counts the rows stored, and a second load stores none.
     */
    @Test
    void nationalReferenceData_theMarkerCountsTheLoadAndClaimsItOnce() throws Exception {
        long stored = count("select count(*) from evidence where region = 'CN' and submitted_by = '"
                + NationalReferenceData.SUBMITTER + "'");
        assertTrue(stored > 0);
        assertEquals(stored, count("select rows from reference_data_load where name = '" + NationalReferenceData.NAME + "'"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(national::loadOnce), "claimed already");
        assertEquals(stored, count("select count(*) from evidence where region = 'CN' and submitted_by = '"
                + NationalReferenceData.SUBMITTER + "'"));
        // without the marker, CN's evidence still stops a load, and the marker is taken with 0 rows (rolled back here)
        transaction.begin();
        int loaded;
        List<?> marker;
        try {
            em.createNativeQuery("delete from reference_data_load where name = :n").setParameter("n", NationalReferenceData.NAME)
                    .executeUpdate();
            loaded = national.loadOnce();
            marker = em.createNativeQuery("select rows from reference_data_load where name = :n")
                    .setParameter("n", NationalReferenceData.NAME).getResultList();
        } finally {
            transaction.rollback();
        }
        assertEquals(0, loaded);
        assertEquals(List.of(0), marker.stream().map(o -> ((Number) o).intValue()).toList());
        assertEquals(stored, count("select rows from reference_data_load where name = '" + NationalReferenceData.NAME + "'"));
    }

    // ---------------------------------------------------------------- support-messaging: OutboxRelay

    /**
     * {@code select id, topic, message_key, payload from outbox_event where sent_at is null and id > ? order by id
     * limit ?} and {@code update outbox_event set sent_at = ?, attempts = attempts + 1 where id = any(?)}: the unsent
     * rows go out in their order and are marked sent once; a sent row is never sent again.
     */
    @Test
    void outboxRelay_sendsTheUnsentRowsInOrderAndMarksEachSentOnce() {
        while (relay.relayBatch() > 0) {
            // earlier tests' rows: out of the way
        }
        InMemorySink<String> sink = messaging.sink(OutboxRelay.CHANNEL);
        sink.clear();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.append("evidence.events", "test.sql", "/test", "509837", Map.of("n", 1));
            outbox.append("evidence.events", "test.sql", "/test", "509837", Map.of("n", 2));
        });
        assertEquals(2, relay.relayBatch());
        assertEquals(List.of(1, 2), sink.received().stream()
                .map(m -> EventEnvelope.fromJson(m.getPayload()).data().get("n").asInt()).toList(), "in the rows' order");
        assertEquals(List.of("1 true", "1 true"), strings("select attempts || ' ' || (sent_at is not null) from "
                + "outbox_event where message_key = '509837' order by id"));
        assertEquals(0, relay.relayBatch(), "nothing unsent is left");
        assertEquals(2, sink.received().size());
        assertEquals(List.of("1 true", "1 true"), strings("select attempts || ' ' || (sent_at is not null) from "
                + "outbox_event where message_key = '509837' order by id"));
    }

    // ---------------------------------------------------------------- support-messaging: Wakeups

    /**
     * {@code select count(*) from (select pg_notify(current_schema() || '.' || ?1, ?2)) n} (?2 names the instance, which
     * ignores its own): a transaction that signals a
     * topic notifies the other instances' listeners when it commits, and not at all when it rolls back. Wake-ups are off
     * where the scheduler is (as in these tests), so this test makes an instance that is on.
     */
    @Test
    void wakeups_aCommittedSignalNotifiesTheListenersAndARolledBackOneDoesNot() throws Exception {
        Wakeups wakeups = new Wakeups();
        field("transactions").set(wakeups, synchronizations);
        field("em").set(wakeups, em);
        field("enabled").setBoolean(wakeups, true);
        try (Connection listener = dataSource.getConnection()) {
            listener.setAutoCommit(true);
            String schema;
            try (Statement st = listener.createStatement(); ResultSet rs = st.executeQuery("select current_schema()")) {
                rs.next();
                schema = rs.getString(1);
            }
            try (Statement st = listener.createStatement()) {
                st.execute("listen \"" + schema + ".sql-test\"");
                st.execute("listen \"" + schema + ".sql-test-marker\"");
            }
            transaction.begin();
            try {
                wakeups.afterCommit("sql-test");
            } finally {
                transaction.rollback();
            }
            QuarkusTransaction.requiringNew().run(() -> wakeups.afterCommit("sql-test-marker"));
            QuarkusTransaction.requiringNew().run(() -> wakeups.afterCommit("sql-test"));
            assertEquals(List.of(schema + ".sql-test-marker", schema + ".sql-test"), notifications(listener, 2),
                    "the committed signals in commit order, none of the rolled-back one");
        }
    }

    static java.lang.reflect.Field field(String name) throws NoSuchFieldException {
        java.lang.reflect.Field f = Wakeups.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** The next {@code n} notifications of the listening connection, or those that came within half a minute. */
    static List<String> notifications(Connection listener, int n) throws java.sql.SQLException {
        PGConnection pg = listener.unwrap(PGConnection.class);
        List<String> names = new ArrayList<>();
        for (int waited = 0; names.size() < n && waited < 30; waited++) {
            PGNotification[] notes = pg.getNotifications(1000);
            for (PGNotification note : notes == null ? new PGNotification[0] : notes) {
                names.add(note.getName());
            }
        }
        return names;
    }

    // ---------------------------------------------------------------- the consumer's dedupe

    /** A system-published event delivered twice is applied once (the consumed-event id, then nothing). */
    @Test
    void catalogueConsumer_aPublishedSystemDeliveredTwiceIsAppliedOnce() {
        String event = TestEvents.published(TestEvents.officialCatalogue());
        catalogue.onEvent(event);
        String name = string("select name from metric_definition where code = 'online_retail_sales'");
        try {
            sql("update metric_definition set name = 'changed since' where code = 'online_retail_sales'");
            catalogue.onEvent(event);
            assertEquals("changed since", string("select name from metric_definition where code = 'online_retail_sales'"));
            assertEquals(1, count("select count(*) from consumed_event where event_id = '"
                    + EventEnvelope.fromJson(event).id() + "'"));
        } finally {
            sql("update metric_definition set name = '" + name + "' where code = 'online_retail_sales'");
        }
    }

    /** A decomposition event delivered twice is applied once. */
    @Test
    void catalogueConsumer_aDecompositionDeliveredTwiceIsAppliedOnce() {
        String region = "509836";
        String event = decomposition(region, CHANGED_AT, List.of(
                new DecompositionData.Entry("12", List.of(1), List.of("a"), List.of())));
        catalogue.onEvent(event);
        sql("delete from decomposition_unit where region = '" + region + "'");
        catalogue.onEvent(event);
        assertEquals(List.of(), units(region), "the redelivery changed nothing");
        assertEquals(1, count("select count(*) from consumed_event where event_id = '"
                + EventEnvelope.fromJson(event).id() + "'"));
    }

    // ---------------------------------------------------------------- helpers

    static Set<String> expectedMetricUse(IndicatorSystemDocument system) {
        Set<String> pairs = new TreeSet<>();
        for (FirstLevelNode f : system.firstLevel()) {
            for (SecondLevelNode s : f.children()) {
                s.indicators().forEach(i -> RuleMetrics.of(i).forEach(m -> pairs.add(m + " " + i.code())));
            }
        }
        return pairs;
    }

    static String decomposition(String region, OffsetDateTime changedAt, List<DecompositionData.Entry> entries) {
        DecompositionData data = new DecompositionData(region, List.of(), entries);
        return new EventEnvelope(UUID.randomUUID().toString(), EventTypes.DECOMPOSITION_CHANGED, "/indicator-service",
                region, changedAt, EventEnvelope.JSON.valueToTree(data)).toJson();
    }

    static Map<String, Object> figure(int year) {
        return Map.of("metric", "online_retail_sales", "year", year, "value", 100 + year % 10, "source", "语句测试");
    }

    io.restassured.response.ValidatableResponse claim(String token, String indicator) {
        return claim(token, indicator, null);
    }

    io.restassured.response.ValidatableResponse claim(String token, String indicator, String key) {
        var request = given().auth().oauth2(token).contentType("application/json");
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("indicator", indicator, "year", 2025, "satisfied", true))
                .post("/api/v1/regions/" + REGION + "/claims").then();
    }

    List<String> units(String region) {
        return strings("select indicator || ' ' || department || ' ' || role from decomposition_unit where region = '"
                + region + "' order by 1");
    }

    java.time.Instant receivedAt(String region) {
        Object value = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select received_at from decomposition_region where region = :r").setParameter("r", region).getSingleResult());
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.time.Instant i) {
            return i;
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    String string(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(sql).getSingleResult());
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql).getResultList());
    }
}
