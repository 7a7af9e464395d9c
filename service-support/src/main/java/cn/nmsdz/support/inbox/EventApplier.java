package cn.nmsdz.support.inbox;

import cn.nmsdz.events.envelope.EventEnvelope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Applies a consumed event exactly once: the event id is recorded in the same transaction as
 * the handler's writes. A failing application (database down, a bug fixed by a redeploy) is
 * retried with backoff on the consumer's thread, so the event is never skipped and later
 * events of the same partition (same region) wait behind it. Only a record that is not a
 * CloudEvent at all is skipped, with a warning.
 */
@ApplicationScoped
public class EventApplier {
    private static final Logger LOG = Logger.getLogger(EventApplier.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    ConsumedEventLog consumed;

    public void apply(String json, Consumer<EventEnvelope> handler) {
        EventEnvelope event;
        try {
            event = EventEnvelope.fromJson(json);
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping a record that is not a CloudEvent: %s", e.getMessage());
            return;
        }
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (consumed.firstTime(event.id(), event.type())) {
                        handler.accept(event);
                    }
                });
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "event %s (%s) could not be applied; retrying in %s", event.id(), event.type(), backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
