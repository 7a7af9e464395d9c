package cn.nmsdz.support.shutdown;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KafkaPollAfterCloseTest {

    static final String POLL_FAILURE = "SRMSG18285: Failed to poll consumer client `%s` for channel `%s`, it will be re-attempted";

    @Test
    void aPollThatFindsItsConsumerClosedByTheStopIsNotLogged() {
        assertFalse(new KafkaPollAfterClose().isLoggable(
                record(POLL_FAILURE, new IllegalStateException("This consumer has already been closed."))));
    }

    @Test
    void anyOtherPollFailureIsLogged() {
        KafkaPollAfterClose filter = new KafkaPollAfterClose();
        assertTrue(filter.isLoggable(record(POLL_FAILURE, new TimeoutException("Timeout of 60000ms expired"))));
        assertTrue(filter.isLoggable(record(POLL_FAILURE, new IllegalStateException("No current assignment"))));
        assertTrue(filter.isLoggable(record(POLL_FAILURE, null)));
    }

    @Test
    void anotherMessageWithTheSameCauseIsLogged() {
        assertTrue(new KafkaPollAfterClose().isLoggable(record("SRMSG18228: A failure has been reported for Kafka topics",
                new IllegalStateException("This consumer has already been closed."))));
    }

    static LogRecord record(String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setThrown(thrown);
        return record;
    }
}
