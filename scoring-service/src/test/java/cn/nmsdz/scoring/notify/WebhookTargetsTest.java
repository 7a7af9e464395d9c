package cn.nmsdz.scoring.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** SSRF: which webhook targets are refused, and the signature a receiver recomputes. */
class WebhookTargetsTest {

    static WebhookTargets targets(String... allowed) {
        WebhookTargets t = new WebhookTargets();
        t.allowedHosts = allowed.length == 0 ? Optional.empty() : Optional.of(List.of(allowed));
        return t;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://203.0.113.5/x", "file:///etc/passwd", "gopher://203.0.113.5", "not a url", "http:///nohost",
            "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook", "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://100.64.0.1/", "http://0.0.0.0/",
            "http://[fd00::1]/", "http://[fe80::1]/", "http://224.0.0.1/", "http://user:pw@203.0.113.5/"})
    void refused(String url) {
        assertTrue(targets().refusal(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://203.0.113.5/hook", "https://198.51.100.7:8443/oa/nmsdz", "HTTPS://203.0.113.5/"})
    void allowed(String url) {
        assertEquals(Optional.empty(), targets().refusal(url), url);
    }

    @Test
    void theAllowListNamesHostsThatWouldOtherwiseBeRefused() {
        assertEquals(Optional.empty(), targets("127.0.0.1").refusal("http://127.0.0.1:18999/hook"));
        assertTrue(targets("127.0.0.1").refusal("http://10.0.0.1/hook").isPresent());
        assertTrue(targets("127.0.0.1").refusal("ftp://127.0.0.1/hook").isPresent(), "the scheme is checked all the same");
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231-style reference value, computed independently
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
                WebhookDeliveryWorker.sign("key", "The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCap() {
        WebhookDeliveryWorker w = new WebhookDeliveryWorker();
        w.retryBase = java.time.Duration.ofSeconds(2);
        w.retryMax = java.time.Duration.ofMinutes(10);
        assertEquals(java.time.Duration.ofSeconds(2), w.backoff(1));
        assertEquals(java.time.Duration.ofSeconds(16), w.backoff(4));
        assertEquals(java.time.Duration.ofMinutes(10), w.backoff(30));
    }
}
