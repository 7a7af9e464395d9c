package cn.nmsdz.scoring.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends what webhook_delivery owes, outbox style: a row is written with its event, survives restarts, and is retried
 * with exponential backoff (base {@code nmsdz.webhooks.retry-base}, at most {@code nmsdz.webhooks.retry-max}) until the
 * receiver answers 2xx. Each delivery is a structured CloudEvent (application/cloudevents+json), the very same bytes on
 * every attempt, signed {@code X-NMSDZ-Signature: sha256=<hex HMAC-SHA256(secret, body)>}; receivers dedupe on the
 * CloudEvent id. No redirects are followed, connect and response time out, at most
 * {@code nmsdz.webhooks.max-response-bytes} of the answer are read, and the target is checked again (SSRF) before
 * every attempt. Every attempt is logged (webhook_attempt).
 */
@ApplicationScoped
public class WebhookDeliveryWorker {
    private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class);
    public static final String SIGNATURE_HEADER = "X-NMSDZ-Signature";

    @Inject
    EntityManager em;

    @Inject
    WebhookTargets targets;

    @ConfigProperty(name = "nmsdz.webhooks.connect-timeout", defaultValue = "5s")
    Duration connectTimeout;

    @ConfigProperty(name = "nmsdz.webhooks.response-timeout", defaultValue = "10s")
    Duration responseTimeout;

    @ConfigProperty(name = "nmsdz.webhooks.max-response-bytes", defaultValue = "4096")
    int maxResponseBytes;

    @ConfigProperty(name = "nmsdz.webhooks.retry-base", defaultValue = "2s")
    Duration retryBase;

    @ConfigProperty(name = "nmsdz.webhooks.retry-max", defaultValue = "10m")
    Duration retryMax;

    private HttpClient client;

    HttpClient client() {
        if (client == null) {
            // HTTP/1.1: the default HTTP/2 client upgrades plain http with h2c, which receivers such as the JDK's own server
            // answer in a way the client reports as an error after the receiver took the event (a needless second delivery)
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    @Scheduled(every = "${nmsdz.webhooks.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        for (int i = 0; i < 50 && deliverOne(); i++) {
            // one delivery per transaction; a batch per poll
        }
    }

    /** Sends the oldest due delivery; false when none is due. */
    public boolean deliverOne() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Long> due = em.createNativeQuery("select id from webhook_delivery where state = 'PENDING' "
                    + "and next_attempt_at <= now() order by next_attempt_at, id limit 1 for update skip locked")
                    .getResultList().stream().map(n -> ((Number) n).longValue()).toList();
            if (due.isEmpty()) {
                return false;
            }
            WebhookDeliveryEntity d = WebhookDeliveryEntity.findById(due.get(0));
            WebhookSubscriptionEntity s = WebhookSubscriptionEntity.findById(d.subscriptionId);
            CampaignEventEntity event = CampaignEventEntity.findById(d.eventId);
            long start = System.nanoTime();
            WebhookAttemptEntity attempt = new WebhookAttemptEntity();
            attempt.deliveryId = d.id;
            attempt.at = OffsetDateTime.now(ZoneOffset.UTC);
            Optional<String> refused = targets.refusal(s.url);
            if (refused.isPresent()) {
                attempt.error = "refused: " + refused.get();
            } else {
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(s.url)).timeout(responseTimeout)
                            .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                            .header(SIGNATURE_HEADER, "sha256=" + sign(s.secret, event.body))
                            .header("ce-id", event.id)
                            .POST(HttpRequest.BodyPublishers.ofString(event.body, StandardCharsets.UTF_8)).build();
                    HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = response.body()) {
                        body.readNBytes(maxResponseBytes); // read a little, never all of what a receiver may send
                    }
                    attempt.status = response.statusCode();
                } catch (IOException e) {
                    // the log says what the office can act on; the library's text goes to the service log only
                    attempt.error = e instanceof java.net.http.HttpConnectTimeoutException ? "connect timed out"
                            : e instanceof java.net.http.HttpTimeoutException ? "no response in time"
                            : e instanceof java.net.ConnectException ? "connection refused" : "network error";
                    LOG.infof("webhook delivery %d: %s (%s)", d.id, attempt.error, e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    attempt.error = "interrupted";
                }
            }
            attempt.durationMs = (System.nanoTime() - start) / 1_000_000;
            attempt.persist();
            d.attempts++;
            if (attempt.status != null && attempt.status >= 200 && attempt.status < 300) {
                d.state = "DELIVERED";
                d.deliveredAt = OffsetDateTime.now(ZoneOffset.UTC);
            } else {
                d.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC).plus(backoff(d.attempts));
                LOG.infof("webhook delivery %d to subscription %s failed (attempt %d: %s); next at %s", d.id, s.id,
                        d.attempts, attempt.status != null ? "HTTP " + attempt.status : attempt.error, d.nextAttemptAt);
            }
            return true;
        });
    }

    Duration backoff(int attempts) {
        Duration d = retryBase.multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }

    /** Hex HMAC-SHA256 of the body with the subscription's secret (what a receiver recomputes). */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
