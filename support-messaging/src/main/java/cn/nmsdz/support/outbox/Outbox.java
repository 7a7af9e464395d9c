package cn.nmsdz.support.outbox;

import cn.nmsdz.events.envelope.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.nmsdz.support.wake.Wakeups;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import cn.nmsdz.support.consistency.WrittenEvents;
import cn.nmsdz.support.tracing.Traces;
import java.util.List;
import java.util.UUID;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import org.hibernate.Session;

/** Appends events to the outbox inside the caller's transaction (never a dual write). */
@ApplicationScoped
public class Outbox {
    @Inject
    Wakeups wakeups;

    @Inject
    EntityManager em;

    /**
     * @return the appended row; its id is the publication position
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String topic, String type, String source, String key, Object data) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String id = UUID.randomUUID().toString();
        OutboxEvent row = new OutboxEvent();
        row.eventId = id;
        row.topic = topic;
        row.key = key;
        row.type = type;
        row.payload = payload(id, type, source, key, now, data, Traces.currentTraceparent());
        row.createdAt = now;
        row.persist();
        WrittenEvents.recordAppended(now);
        wakeups.afterCommit(OutboxRelay.WAKE); // the relay publishes it as soon as this transaction commits
        return row;
    }

    /**
     * One event of {@link #appendAll}: its message key, its data, and the trace it continues (null: the current one,
     * as {@link #append} takes it).
     */
    public record Pending(String key, Object data, String traceparent) {
        public Pending(String key, Object data) {
            this(key, data, null);
        }
    }

    /**
     * Appends events of one topic and type in the given order, as {@link #append} does each, but in JDBC batches: a
     * batch of 10,000 rows is a few statements, not 10,000 single inserts (each of them also a managed entity).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(String topic, String type, String source, List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String trace = Traces.currentTraceparent();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event (event_id,"
                    + " topic, message_key, event_type, payload, created_at) values (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Pending event : events) {
                    String id = UUID.randomUUID().toString();
                    insert.setString(1, id);
                    insert.setString(2, topic);
                    insert.setString(3, event.key());
                    insert.setString(4, type);
                    insert.setString(5, payload(id, type, source, event.key(), now, event.data(),
                            event.traceparent() != null ? event.traceparent() : trace));
                    insert.setObject(6, now);
                    insert.addBatch();
                    if (++n % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        WrittenEvents.recordAppended(now);
        wakeups.afterCommit(OutboxRelay.WAKE);
    }

    /**
     * An event as it travels: the trace of the request (or of the consumed event) that made the change travels with
     * it.
     */
    private static String payload(String id, String type, String source, String key, OffsetDateTime time, Object data,
                                  String traceparent) {
        return new EventEnvelope(id, type, source, key, time, EventEnvelope.JSON.valueToTree(data), traceparent).toJson();
    }
}
