package cn.nmsdz.support.shutdown;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Leaves out SmallRye's WARN for a poll that found its consumer already closed by the service's stop. The stop closes a
 * channel's consumer while its polling loop may still run one more poll, which fails with Kafka's "This consumer has
 * already been closed" and is logged as a failure "to be re-attempted" (SRMSG18285; about one stop in a dozen on this
 * suite). SmallRye 4.34 no longer logs it (smallrye-reactive-messaging#3329), Quarkus 3.34's BOM has 4.33: drop this
 * filter with that upgrade. Every other poll failure is logged as before.
 */
@LoggingFilter(name = "kafka-poll-after-close")
public final class KafkaPollAfterClose implements Filter {

    static final String POLL_FAILURE = "SRMSG18285";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(record.getMessage() != null && record.getMessage().startsWith(POLL_FAILURE)
                && record.getThrown() instanceof IllegalStateException closed
                && closed.getMessage() != null && closed.getMessage().contains("has already been closed"));
    }
}
