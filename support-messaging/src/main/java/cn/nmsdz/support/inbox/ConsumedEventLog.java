package cn.nmsdz.support.inbox;

import cn.nmsdz.events.envelope.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Idempotent consumption: records event ids in the same transaction as the consumer's
 * own writes, so a redelivered event (at-least-once) is recognised and skipped.
 */
@ApplicationScoped
public class ConsumedEventLog {
    @Inject
    EntityManager em;

    /**
     * Records the ids of a poll's events in one statement and returns those seen for the first time (an id twice in the
     * list counts once). Plain JDBC on the transaction's connection: nothing of the persistence context is flushed
     * first, so it belongs at the start of the transaction, before the consumer's writes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstTimes(List<EventEnvelope> events) {
        Map<String, String> types = new LinkedHashMap<>();
        events.forEach(e -> types.putIfAbsent(e.id(), e.type()));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into consumed_event(event_id, event_type, consumed_at)"
                            + " select id, type, now() from unnest(?::varchar[], ?::varchar[]) as e(id, type)"
                            + " on conflict (event_id) do nothing returning event_id")) {
                insert.setArray(1, connection.createArrayOf("varchar", types.keySet().toArray()));
                insert.setArray(2, connection.createArrayOf("varchar", types.values().toArray()));
                Set<String> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
                return inserted;
            }
        });
    }
}
