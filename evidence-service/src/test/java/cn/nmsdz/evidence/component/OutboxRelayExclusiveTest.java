package cn.nmsdz.evidence.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service never relay at the same time: while another instance holds the relay's lock, this
 * one sends nothing and leaves the rows to it (a second relay taking the next batch could overtake the first).
 */
@QuarkusTest
@EvidenceComponentTest
class OutboxRelayExclusiveTest {
    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Test
    void aRelayWaitsWhileAnotherInstanceHoldsTheLock() throws Exception {
        while (relay.relayBatch() > 0) {
            // earlier tests' rows: out of the way
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.append("evidence.events", "test.exclusive", "/test", "509899", java.util.Map.of()));
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (Statement st = otherInstance.createStatement(); ResultSet rs = st.executeQuery(OutboxRelay.EXCLUSIVE)) {
                rs.next();
                assertTrue(rs.getBoolean(1), "the other instance takes the relay's lock");
            }
            assertEquals(0, relay.relayBatch(), "sent while another instance relays");
            assertEquals(1L, unsent(), "the row stays for the instance that holds the lock");
            otherInstance.rollback(); // that instance's batch ends
        }
        assertEquals(1, relay.relayBatch());
        assertEquals(0L, unsent());
    }

    long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where sent_at is null and message_key = '509899'").getSingleResult()).longValue());
    }
}
