package cn.nmsdz.evidence.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.nmsdz.support.retention.MessagingRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retention deletes published outbox rows and consumed-event ids past their age, in batches, and never an
 * unpublished row however old, nor anything younger than the retention.
 */
@QuarkusTest
@EvidenceComponentTest
class MessagingRetentionTest {
    @Inject
    MessagingRetention retention;

    @Inject
    EntityManager em;

    @Test
    void oldPublishedRowsAndOldConsumedIdsGoTheRestStays() {
        sql("insert into outbox_event(event_id, topic, message_key, event_type, payload, created_at, sent_at) values"
                + " ('ret-old-sent-1', 't', '509897', 'x', '{}', now() - interval '20 days', now() - interval '20 days'),"
                + " ('ret-old-sent-2', 't', '509897', 'x', '{}', now() - interval '9 days', now() - interval '8 days'),"
                + " ('ret-old-unsent', 't', '509897', 'x', '{}', now() - interval '20 days', null),"
                + " ('ret-new-sent', 't', '509897', 'x', '{}', now() - interval '1 day', now() - interval '1 day')");
        sql("insert into consumed_event(event_id, event_type, consumed_at) values"
                + " ('ret-old-consumed', 'x', now() - interval '31 days'), ('ret-new-consumed', 'x', now() - interval '29 days')");
        retention.run();
        assertEquals(List.of("ret-new-sent", "ret-old-unsent"), ids("select event_id from outbox_event"
                + " where message_key = '509897' order by event_id"));
        assertEquals(List.of("ret-new-consumed"), ids("select event_id from consumed_event where event_id like 'ret-%'"));
    }

    void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    List<String> ids(String query) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(query).getResultList());
    }
}
