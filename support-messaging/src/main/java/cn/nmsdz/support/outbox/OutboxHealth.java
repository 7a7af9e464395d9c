package cn.nmsdz.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Makes a stuck outbox visible (issue: a relay killed by an OutOfMemoryError left readiness UP while events piled up
 * unsent). Readiness "outbox" is DOWN when
 * <ul>
 * <li>the relay has not run for {@code nmsdz.health.outbox.relay-idle-after} (its scheduler thread died),</li>
 * <li>unsent rows wait, the oldest for longer than {@code nmsdz.health.outbox.stalled-after}, and nothing was
 * published for that long either (Kafka unreachable, the channel broken) — a backlog that is being worked off under
 * load stays UP,</li>
 * <li>or the oldest unsent row is older than {@code nmsdz.health.outbox.max-age}, progress or not.</li>
 * </ul>
 * The same figures are gauges on /q/metrics: {@code nmsdz_outbox_pending_rows},
 * {@code nmsdz_outbox_oldest_pending_age_seconds}, {@code nmsdz_outbox_last_relay_run_age_seconds},
 * {@code nmsdz_outbox_last_sent_age_seconds} and {@code nmsdz_outbox_ready} (1 or 0).
 */
@Readiness
@ApplicationScoped
@Startup
public class OutboxHealth implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(OutboxHealth.class);

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "nmsdz.health.outbox.relay-idle-after", defaultValue = "20s")
    Duration relayIdleAfter;

    @ConfigProperty(name = "nmsdz.health.outbox.stalled-after", defaultValue = "10s")
    Duration stalledAfter;

    @ConfigProperty(name = "nmsdz.health.outbox.max-age", defaultValue = "5m")
    Duration maxAge;

    private final Instant started = Instant.now();
    private volatile State cached;

    @Inject
    void gauges(MeterRegistry registry) {
        Gauge.builder("nmsdz.outbox.pending.rows", this, h -> h.state().pending())
                .description("outbox rows not yet published").register(registry);
        Gauge.builder("nmsdz.outbox.oldest.pending.age.seconds", this, h -> h.state().oldestPendingAgeSeconds())
                .description("age of the oldest unpublished outbox row (0 when none)").register(registry);
        Gauge.builder("nmsdz.outbox.last.relay.run.age.seconds", this, h -> h.state().lastRunAgeSeconds())
                .description("seconds since the outbox relay last ran").register(registry);
        Gauge.builder("nmsdz.outbox.last.sent.age.seconds", this, h -> h.state().lastSentAgeSeconds())
                .description("seconds since the outbox relay last published a row").register(registry);
        Gauge.builder("nmsdz.outbox.ready", this, h -> h.state().problems().isEmpty() ? 1 : 0)
                .description("1 while the outbox is published in time, else 0 (readiness DOWN)").register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        State s = state();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox").status(s.problems().isEmpty())
                .withData("pendingRows", s.pending())
                .withData("oldestPendingAgeSeconds", (long) s.oldestPendingAgeSeconds())
                .withData("lastRelayRunAgeSeconds", (long) s.lastRunAgeSeconds())
                .withData("lastSentAgeSeconds", (long) s.lastSentAgeSeconds())
                .withData("channelReady", relay.channelReady());
        if (!s.problems().isEmpty()) {
            b.withData("problem", String.join("; ", s.problems()));
        }
        return b.build();
    }

    /** The figures, read at most once a second (health probes and metric scrapes share them). */
    State state() {
        State s = cached;
        Instant now = Instant.now();
        if (s == null || Duration.between(s.at(), now).toMillis() >= 1000) {
            s = read(now);
            cached = s;
        }
        return s;
    }

    private State read(Instant now) {
        long pending = 0;
        double oldest = 0;
        String unreadable = null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*), coalesce(extract(epoch from "
                        + "(clock_timestamp() - min(created_at))), 0) from outbox_event where sent_at is null");
                ResultSet r = q.executeQuery()) {
            r.next();
            pending = r.getLong(1);
            oldest = Math.max(0, r.getDouble(2));
        } catch (SQLException e) {
            LOG.warnf("outbox health: the outbox could not be read: %s", e.getMessage());
            unreadable = "the outbox table could not be read";
        }
        Instant lastRun = relay.lastRun();
        Instant lastSent = relay.lastSent();
        double runAge = seconds(lastRun == null ? started : lastRun, now);
        double sentAge = seconds(lastSent == null ? started : lastSent, now);
        return new State(now, pending, oldest, runAge, sentAge,
                problems(pending, oldest, runAge, sentAge, relayIdleAfter, stalledAfter, maxAge, unreadable));
    }

    /** The reasons the outbox is not healthy; empty when it is. Pure, for the unit tests of the thresholds. */
    static List<String> problems(long pending, double oldestPendingAge, double relayRunAge, double lastSentAge,
            Duration relayIdleAfter, Duration stalledAfter, Duration maxAge, String unreadable) {
        List<String> problems = new ArrayList<>();
        if (unreadable != null) {
            problems.add(unreadable);
        }
        if (relayRunAge > relayIdleAfter.toSeconds()) {
            problems.add("the outbox relay has not run for " + (long) relayRunAge + " s (limit " + relayIdleAfter.toSeconds()
                    + " s): its scheduler has stopped");
        }
        if (pending > 0 && oldestPendingAge > stalledAfter.toSeconds() && lastSentAge > stalledAfter.toSeconds()) {
            problems.add(pending + " outbox row(s) unsent, the oldest for " + (long) oldestPendingAge
                    + " s, and nothing published for " + (long) lastSentAge + " s (limit " + stalledAfter.toSeconds()
                    + " s): is Kafka reachable?");
        } else if (pending > 0 && oldestPendingAge > maxAge.toSeconds()) {
            problems.add("the oldest of " + pending + " unsent outbox row(s) waits for " + (long) oldestPendingAge
                    + " s (limit " + maxAge.toSeconds() + " s): the relay does not keep up");
        }
        return problems;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }

    record State(Instant at, long pending, double oldestPendingAgeSeconds, double lastRunAgeSeconds,
            double lastSentAgeSeconds, List<String> problems) {
    }
}
