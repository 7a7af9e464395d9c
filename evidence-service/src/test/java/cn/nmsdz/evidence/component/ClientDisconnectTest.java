package cn.nmsdz.evidence.component;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.evidence.messaging.CatalogueConsumer;
import cn.nmsdz.evidence.rest.ObservationBatchReader;
import cn.nmsdz.support.rest.ProblemMappers;
import cn.nmsdz.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up mid-request is not a server error (the shared {@link ProblemMappers}): at most one INFO line
 * without a stack trace, and the HTTP metrics count it as 499 or as Vert.x's RESET, never as a 500 (nor as a 400),
 * whether it left in the middle of a JSON body (streamed by the service's reader or read by the framework) or of a
 * multipart upload.
 */
@QuarkusTest
@EvidenceComponentTest
class ClientDisconnectTest {
    static final String REGION = "509861";
    static final String OBSERVATIONS = "/api/v1/regions/{code}/observations";
    static final String DOCUMENTS = "/api/v1/regions/{code}/documents";
    static final String CLAIMS = "/api/v1/regions/{code}/claims";
    static final String PROVIDER = TestTokens.user("disconnect-bureau", "data-provider", Map.of("region", REGION));
    static final String SUBMITTER = TestTokens.user("disconnect-market", "evidence-submitter",
            Map.of("region", REGION, "department", "market"));

    @Inject
    CatalogueConsumer catalogue;

    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL base;

    final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() {
        EvidenceApiTest.catalogueAndRegions(catalogue, em, REGION, "断线测试区", "509862", "断线邻区");
        Logger.getLogger(ProblemMappers.class.getName()).addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger(ProblemMappers.class.getName()).removeHandler(capture);
    }

    /**
     * The service reads this body itself, as it streams: a client that hangs up while it reads reaches the mapper,
     * which logs one INFO line and answers 499.
     */
    @Test
    void aClientThatHangsUpInTheMiddleOfAStreamedJsonBodyIsNoServerError() throws Exception {
        hangUpAfter("POST /api/v1/regions/" + REGION + "/observations HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + PROVIDER + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000\r\n\r\n[{\"metric\":\"online_operators\",\"year\":2024,", OBSERVATIONS, true);
        assertEquals(1, about(OBSERVATIONS).size(), "one line about the request");
    }

    /**
     * The framework reads these bodies before the resource: a hang-up may end the request before any mapper runs (then
     * Vert.x alone counts it, as RESET) or reach the mapper (499); never an error either way.
     */
    @Test
    void aClientThatHangsUpInTheMiddleOfABodyTheFrameworkReadsIsNoServerError() throws Exception {
        hangUpAfter("POST /api/v1/regions/" + REGION + "/claims HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + SUBMITTER + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000\r\n\r\n{\"indicator\":\"12\",\"year\":2024,", CLAIMS, false);
    }

    @Test
    void aClientThatHangsUpInTheMiddleOfAnUploadIsNoServerError() throws Exception {
        hangUpAfter("POST /api/v1/regions/" + REGION + "/documents HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + SUBMITTER + "\r\nContent-Type: multipart/form-data; boundary=cut\r\n"
                + "Content-Length: 100000\r\n\r\n--cut\r\nContent-Disposition: form-data; name=\"indicator\"\r\n\r\n12\r\n"
                + "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj", DOCUMENTS, false);
    }

    /**
     * Sends the start of a request, closes the socket (when {@code answered}, once the service reads the body), waits until the service has counted the request (as 499, or
     * when {@code answered} is false also as RESET), and checks that it counted neither a 500 nor a 400 and logged
     * nothing about it above INFO, nor any stack trace.
     */
    void hangUpAfter(String start, String uri, boolean answered) throws Exception {
        double closed = count(uri, String.valueOf(ProblemMappers.CLIENT_CLOSED_REQUEST));
        double reset = count(uri, "RESET");
        double errors = count(uri, "500") + count(uri, "400");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (answered) {
                // hang up only once the service is reading the body (the same JVM: a worker thread in the reader)
                Instant reading = Instant.now().plus(Duration.ofSeconds(30));
                while (!readingObservations() && Instant.now().isBefore(reading)) {
                    Thread.sleep(20);
                }
                assertTrue(readingObservations(), "the service reads the body");
            }
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!counted(uri, closed, answered ? Double.MAX_VALUE : reset) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertTrue(counted(uri, closed, answered ? Double.MAX_VALUE : reset),
                "the hang-up is counted as " + (answered ? "a closed request (499)" : "a closed request (499) or a reset"));
        assertEquals(errors, count(uri, "500") + count(uri, "400"), "neither as a 500 nor as a bad request");
        for (LogRecord record : about(uri)) {
            assertEquals(Level.INFO, record.getLevel(), formatted(record));
            assertTrue(formatted(record).contains("client closed the connection"), formatted(record));
            assertNull(record.getThrown(), "no stack trace");
        }
    }

    static boolean readingObservations() {
        return Thread.getAllStackTraces().values().stream().anyMatch(stack -> java.util.Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().equals(ObservationBatchReader.class.getName())));
    }

    boolean counted(String uri, double closedBefore, double resetBefore) {
        return count(uri, String.valueOf(ProblemMappers.CLIENT_CLOSED_REQUEST)) > closedBefore
                || count(uri, "RESET") > resetBefore;
    }

    List<LogRecord> about(String uri) {
        String path = uri.replace("{code}", REGION);
        return logged.stream().filter(r -> r.getMessage() != null && formatted(r).contains(path)).toList();
    }

    String formatted(LogRecord record) {
        return record.getParameters() == null ? record.getMessage()
                : String.format(record.getMessage(), record.getParameters());
    }

    /** The service's count of answers of a status on a route (its own /q/metrics). */
    static double count(String uri, String status) {
        String prefix = "http_server_requests_seconds_count{";
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(prefix) && l.contains("status=\"" + status + "\"")
                        && l.contains("uri=\"" + uri + "\"") && l.contains("method=\"POST\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
