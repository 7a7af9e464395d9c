package cn.nmsdz.support.inbox;

import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.support.tracing.Traces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
        applyAll(List.of(json), handler);
    }

    /**
     * Applies the records of one poll in order, in one transaction (one commit instead of one per event);
     * a failure rolls back and retries them all, so none is skipped and none is applied twice.
     */
    public void applyAll(List<String> jsons, Consumer<EventEnvelope> handler) {
        applyAll(jsons, handler, () -> { });
    }

    /**
     * As {@link #applyAll(List, Consumer)}, then {@code afterAll} in the same transaction: what the handler left to do
     * once per poll rather than once per event (it runs again with the events on a retry).
     */
    public void applyAll(List<String> jsons, Consumer<EventEnvelope> handler, Runnable afterAll) {
        applyAll(jsons, () -> new Batch() {
            @Override
            public void apply(EventEnvelope event) {
                handler.accept(event);
            }

            @Override
            public void after() {
                afterAll.run();
            }
        });
    }

    /**
     * What a consumer does with the new events of one poll, in one transaction: {@link #before} with all of them
     * (to read what they need in one statement), {@link #apply} with each in order (in its own consumer span), then
     * {@link #after} (what it left to do once per poll).
     */
    public interface Batch {
        /** The poll's events not consumed before, in order, before any is applied. */
        default void before(List<EventEnvelope> events) {
        }

        void apply(EventEnvelope event);

        default void after() {
        }
    }

    /**
     * Applies the records of one poll in order, in one transaction, through a {@link Batch} made for each attempt: a
     * retry starts from a fresh one, so nothing the failed attempt collected leaks into it. The poll's event ids are
     * recorded in one statement; an event recorded before (or earlier in the same poll) is not applied again.
     */
    public void applyAll(List<String> jsons, Supplier<? extends Batch> batches) {
        List<EventEnvelope> events = new ArrayList<>(jsons.size());
        for (String json : jsons) {
            try {
                events.add(EventEnvelope.fromJson(json));
            } catch (IllegalArgumentException e) {
                LOG.warnf("skipping a record that is not a CloudEvent: %s", e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Set<String> firstTime = consumed.firstTimes(events);
                    // remove: a duplicate later in the same poll is not applied twice
                    List<EventEnvelope> fresh = events.stream().filter(e -> firstTime.remove(e.id())).toList();
                    Batch batch = batches.get();
                    batch.before(fresh);
                    for (EventEnvelope event : fresh) {
                        Traces.within(Traces.consume(event), () -> batch.apply(event));
                    }
                    batch.after();
                });
                return;
            } catch (RuntimeException e) {
                EventEnvelope first = events.get(0);
                LOG.errorf(e, "%d event(s) from %s (%s) could not be applied; retrying in %s", events.size(),
                        first.id(), first.type(), backoff);
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
