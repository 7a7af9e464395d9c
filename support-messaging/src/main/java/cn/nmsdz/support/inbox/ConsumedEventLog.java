package cn.nmsdz.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Idempotent consumption: records an event id in the same transaction as the consumer's
 * own writes, so a redelivered event (at-least-once) is recognised and skipped.
 */
@ApplicationScoped
public class ConsumedEventLog {
    @Inject
    EntityManager em;

    /** @return true the first time this event id is seen; false for a duplicate */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId, String type) {
        int inserted = em.createNativeQuery(
                "insert into consumed_event(event_id, event_type, consumed_at) values (:id, :type, now()) "
                        + "on conflict (event_id) do nothing")
                .setParameter("id", eventId)
                .setParameter("type", type)
                .executeUpdate();
        return inserted == 1;
    }
}
