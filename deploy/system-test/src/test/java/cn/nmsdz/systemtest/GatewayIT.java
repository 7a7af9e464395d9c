package cn.nmsdz.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gateway's answers of its own, on the real suite: an oversized body refused before it is read,
 * a client over its rate limited with 429 and Retry-After, a stopped backend (502) and a backend that
 * stops answering (504, after the configured 30 s) as problems instead of a hang.
 */
@ExtendWith(Suite.class)
class GatewayIT {
    static final URI GATEWAY = URI.create(Suite.GATEWAY);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aBodyDeclaredOverTheLimitIsRefusedWithAProblemBeforeItIsSent() throws IOException {
        String token = Tokens.user("pl-market");
        try (Socket socket = new Socket(GATEWAY.getHost(), GATEWAY.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            // 300 MB announced, not one byte of it sent: the answer must come anyway
            out.write(("POST /api/v1/regions/140829/documents HTTP/1.1\r\nHost: " + GATEWAY.getAuthority()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/pdf\r\n"
                    + "Content-Length: 300000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readFinalResponse(socket.getInputStream());
            String finalResponse = response.substring(response.lastIndexOf("HTTP/1.1 "));
            assertTrue(finalResponse.startsWith("HTTP/1.1 413"), response);
            assertTrue(finalResponse.toLowerCase().contains("content-type: application/problem+json"), response);
            JsonPath problem = new JsonPath(finalResponse.substring(finalResponse.indexOf("\r\n\r\n") + 4));
            assertEquals(413, problem.getInt("status"));
            assertTrue(problem.getString("detail").contains("larger than"), response);
            assertFalse(problem.getString("requestId").isBlank());
        }
    }

    @Test
    void aClientOverItsRateGetsA429ProblemWithRetryAfterAndIsServedAgainAfterIt() throws Exception {
        // one client of its own (the limit is per token azp + sub), so no other test meets its bucket
        String token = Tokens.client("provincial-platform-cq", "provincial-platform-cq-secret");
        HttpRequest request = HttpRequest.newBuilder(GATEWAY.resolve("/api/v1/regions/500118/scores?year=2025&size=1"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        // a path no service serves: the gateway answers it itself (404), so the flood is fast however busy the
        // services are, and every request still counts against the client's bucket
        HttpRequest flood = HttpRequest.newBuilder(GATEWAY.resolve("/api/v1/no-such-resource"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
        Optional<HttpResponse<String>> limited = Optional.empty();
        // the bucket holds 100 and refills 50 per second: waves of 60 concurrent requests empty it
        for (int wave = 0; wave < 20 && limited.isEmpty(); wave++) {
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                inFlight.add(HTTP.sendAsync(flood, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                HttpResponse<String> r = f.get();
                assertTrue(r.statusCode() == 404 || r.statusCode() == 429, r.statusCode() + " " + r.body());
                if (r.statusCode() == 429 && limited.isEmpty()) {
                    limited = Optional.of(r);
                }
            }
        }
        assertTrue(limited.isPresent(), "no 429 after 1,200 requests of one client");
        HttpResponse<String> refused = limited.get();
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        assertTrue(new JsonPath(refused.body()).getString("detail").contains("rate limit"));

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        assertEquals(200, HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aStoppedBackendIsA502Problem() throws Exception {
        Assumptions.assumeFalse(Suite.EXTERNAL, "stops a service: only on a suite of its own");
        String token = Tokens.user("pl-reviewer");
        Suite.run("stop", "scoring-service");
        try {
            HttpResponse<String> r = HTTP.send(get("/api/v1/regions/140829/scores?year=2025", token),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(502, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonPath problem = new JsonPath(r.body());
            assertEquals("scoring-service is not reachable", problem.getString("detail"));
            assertEquals(r.headers().firstValue("X-Request-Id").orElseThrow(), problem.getString("requestId"));
        } finally {
            Suite.run("restart", "scoring-service");
        }
        assertEquals(200, HTTP.send(get("/api/v1/regions/140829/scores?year=2025", token),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    /** Both protocols: an HTTP/2 client once got no answer at all here (resuming its fully read request threw). */
    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aBackendThatStopsAnsweringIsA504ProblemNotAHang(HttpClient.Version version) throws Exception {
        Assumptions.assumeFalse(Suite.EXTERNAL, "freezes a service: only on a suite of its own");
        String token = Tokens.user("pl-reviewer");
        long pid = Long.parseLong(Files.readString(
                Path.of(System.getenv("NMSDZ_HOME"), "run", "scoring-service.pid")).trim());
        signal("STOP", pid);
        try {
            // the client would wait 90 s; the gateway's backend timeout (30 s) must answer first
            // a client of its own: a pooled HTTP/1.1 connection would not be upgraded to HTTP/2 (h2c)
            HttpClient client = HttpClient.newBuilder().version(version).build();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(GATEWAY.resolve("/api/v1/regions/140829/scores?year=2025"))
                    .version(version).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(90)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(504, r.statusCode(), r.body());
            assertEquals(version, r.version());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("scoring-service did not answer in time", new JsonPath(r.body()).getString("detail"));
        } finally {
            signal("CONT", pid);
        }
        assertEquals(200, HTTP.send(get("/api/v1/regions/140829/scores?year=2025", token),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    static HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(GATEWAY.resolve(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build();
    }

    static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    /** Reads past any "100 Continue" to the final response, headers and as much body as its Content-Length says. */
    static String readFinalResponse(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            bytes.write(buffer, 0, n);
            String text = bytes.toString(StandardCharsets.UTF_8);
            String last = text.substring(text.lastIndexOf("HTTP/1.1 "));
            int headEnd = last.indexOf("\r\n\r\n");
            if (last.startsWith("HTTP/1.1 100") || headEnd < 0) {
                continue;
            }
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                    .matcher(last.substring(0, headEnd));
            if (length.find() && last.substring(headEnd + 4).getBytes(StandardCharsets.UTF_8).length
                    >= Integer.parseInt(length.group(1))) {
                return text;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
