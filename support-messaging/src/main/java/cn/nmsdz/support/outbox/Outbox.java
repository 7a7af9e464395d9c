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
import java.util.UUID;

/** Appends events to the outbox inside the caller's transaction (never a dual write). */
@ApplicationScoped
public class Outbox {
    @Inject
    Wakeups wakeups;

    /**
     * @return the appended row; its id is the publication position
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String topic, String type, String source, String key, Object data) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String id = UUID.randomUUID().toString();
        // the trace of the request (or of the consumed event) that made the change travels with the event
        EventEnvelope envelope = new EventEnvelope(id, type, source, key, now, EventEnvelope.JSON.valueToTree(data),
                Traces.currentTraceparent());
        OutboxEvent row = new OutboxEvent();
        row.eventId = id;
        row.topic = topic;
        row.key = key;
        row.type = type;
        row.payload = envelope.toJson();
        row.createdAt = now;
        row.persist();
        WrittenEvents.recordAppended(now);
        wakeups.afterCommit(OutboxRelay.WAKE); // the relay publishes it as soon as this transaction commits
        return row;
    }
}
