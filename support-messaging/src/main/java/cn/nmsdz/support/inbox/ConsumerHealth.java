package cn.nmsdz.support.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * A consumer that stopped consuming is visible: readiness "consumers" is DOWN when an incoming Kafka channel has
 * records waiting (its current lag, summed over its partitions) and has taken none for
 * {@code nmsdz.health.consumer.stalled-after} (a handler stuck retrying, a dead polling thread). An idle consumer with
 * nothing waiting stays UP. Gauges {@code nmsdz_consumer_lag{channel}} and
 * {@code nmsdz_consumer_last_progress_age_seconds{channel}} show the same on /q/metrics. (Whether a channel is
 * connected at all is SmallRye's own readiness check.)
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    @Inject
    KafkaClientService kafka;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "nmsdz.health.consumer.stalled-after", defaultValue = "30s")
    Duration stalledAfter;

    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    /** The consumed-records count last seen for a channel, and since when it has not changed. */
    static final class Progress {
        volatile double consumed = -1;
        volatile Instant since = Instant.now();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("consumers").up();
        List<String> problems = new ArrayList<>();
        for (String channel : new TreeSet<>(kafka.getConsumerChannels())) {
            Sample s = sample(channel);
            b.withData(channel + ".lag", (long) s.lag()).withData(channel + ".lastProgressAgeSeconds", (long) s.progressAge());
            String problem = problem(channel, s.lag(), s.progressAge(), stalledAfter);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            b.down().withData("problem", String.join("; ", problems));
        }
        return b.build();
    }

    /** Why a channel counts as stalled, or null. Pure, for the unit tests of the threshold. */
    static String problem(String channel, double lag, double progressAgeSeconds, Duration stalledAfter) {
        if (lag > 0 && progressAgeSeconds > stalledAfter.toSeconds()) {
            return "consumer " + channel + " has " + (long) lag + " record(s) waiting and took none for "
                    + (long) progressAgeSeconds + " s (limit " + stalledAfter.toSeconds() + " s)";
        }
        return null;
    }

    record Sample(double lag, double progressAge) {
    }

    Sample sample(String channel) {
        double lag = 0;
        double consumed = 0;
        for (KafkaConsumer<Object, Object> consumer : kafka.<Object, Object>getConsumers(channel)) {
            // metrics() only reads the client's metric registry: safe from this thread, unlike the consumer's API
            for (Map.Entry<MetricName, ? extends Metric> m : consumer.unwrap().metrics().entrySet()) {
                MetricName name = m.getKey();
                if (!"consumer-fetch-manager-metrics".equals(name.group())) {
                    continue;
                }
                Object value = m.getValue().metricValue();
                double v = value instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : 0;
                if ("records-lag".equals(name.name()) && name.tags().containsKey("partition")) {
                    lag += Math.max(0, v);
                } else if ("records-consumed-total".equals(name.name()) && !name.tags().containsKey("topic")) {
                    consumed += v;
                }
            }
        }
        Progress p = progress.computeIfAbsent(channel, c -> {
            Progress fresh = new Progress();
            Gauge.builder("nmsdz.consumer.lag", this, h -> h.sample(c).lag()).tag("channel", c)
                    .description("records waiting for the consumer of this channel").register(registry);
            Gauge.builder("nmsdz.consumer.last.progress.age.seconds", this, h -> h.sample(c).progressAge()).tag("channel", c)
                    .description("seconds since the consumer of this channel last took a record").register(registry);
            return fresh;
        });
        Instant now = Instant.now();
        if (consumed != p.consumed) {
            p.consumed = consumed;
            p.since = now;
        }
        return new Sample(lag, Math.max(0, Duration.between(p.since, now).toMillis() / 1000.0));
    }
}
