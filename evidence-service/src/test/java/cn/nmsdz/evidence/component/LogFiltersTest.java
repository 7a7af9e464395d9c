package cn.nmsdz.evidence.component;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

/**
 * The service's log (its console) leaves out the WARN of a Kafka poll that found its consumer closed by the stop
 * (support-messaging's {@code KafkaPollAfterClose}, named in its configuration), and keeps every other.
 */
@QuarkusTest
@EvidenceComponentTest
class LogFiltersTest {

    @Test
    void theConsoleLeavesOutAPollAfterItsConsumerClosedAndKeepsOtherWarnings() {
        List<Handler> consoles = new ArrayList<>();
        collectConsoles(Logger.getLogger("").getHandlers(), consoles);
        assertFalse(consoles.isEmpty(), "the console handler");
        LogRecord afterClose = warning("SRMSG18285: Failed to poll consumer client `%s` for channel `%s`, it will be re-attempted",
                new IllegalStateException("This consumer has already been closed."));
        LogRecord other = warning("SRMSG18285: Failed to poll consumer client `%s` for channel `%s`, it will be re-attempted",
                new IllegalStateException("No current assignment"));
        for (Handler console : consoles) {
            assertFalse(console.isLoggable(afterClose));
            assertTrue(console.isLoggable(other));
        }
    }

    static void collectConsoles(Handler[] handlers, List<Handler> found) {
        for (Handler h : handlers) {
            if (h instanceof ConsoleHandler) {
                found.add(h);
            }
            if (h instanceof ExtHandler ext) {
                collectConsoles(ext.getHandlers(), found);
            }
        }
    }

    static LogRecord warning(String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setThrown(thrown);
        return record;
    }
}
