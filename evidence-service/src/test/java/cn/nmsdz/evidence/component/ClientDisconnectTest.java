package cn.nmsdz.evidence.component;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.evidence.messaging.CatalogueConsumer;
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
 * A client that hangs up mid-request is not a server error (the shared {@link ProblemMappers}): one INFO line without
 * a stack trace, and the HTTP metrics count no 500 for it, whether it left in the middle of a streamed JSON body or of
 * a multipart upload.
 */
@QuarkusTest
@EvidenceComponentTest
class ClientDisconnectTest {
    static final String REGION = "509831";
    static final String OBSERVATIONS = "/api/v1/regions/{code}/observations";
    static final String DOCUMENTS = "/api/v1/regions/{code}/documents";
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
        EvidenceApiTest.catalogueAndRegions(catalogue, em, REGION, "断线测试区", "509832", "断线邻区");
        Logger.getLogger(ProblemMappers.class.getName()).addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger(ProblemMappers.class.getName()).removeHandler(capture);
    }

    @Test
    void aClientThatHangsUpInTheMiddleOfAJsonBodyIsNoServerError() throws Exception {
        hangUpAfter("POST /api/v1/regions/" + REGION + "/observations HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + PROVIDER + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000\r\n\r\n[{\"metric\":\"online_operators\",\"year\":2024,", OBSERVATIONS);
    }

    @Test
    void aClientThatHangsUpInTheMiddleOfAnUploadIsNoServerError() throws Exception {
        hangUpAfter("POST /api/v1/regions/" + REGION + "/documents HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + SUBMITTER + "\r\nContent-Type: multipart/form-data; boundary=cut\r\n"
                + "Content-Length: 100000\r\n\r\n--cut\r\nContent-Disposition: form-data; name=\"indicator\"\r\n\r\n12\r\n"
                + "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj", DOCUMENTS);
    }

    /** Sends the start of a request, closes the socket, and checks what the service made of it once it answered. */
    void hangUpAfter(String start, String uri) throws Exception {
        double closed = count(uri, ProblemMappers.CLIENT_CLOSED_REQUEST);
        double errors = count(uri, 500) + count(uri, 400);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        // the service is done with the request once its metrics count it
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (count(uri, ProblemMappers.CLIENT_CLOSED_REQUEST) == closed && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(closed + 1, count(uri, ProblemMappers.CLIENT_CLOSED_REQUEST),
                "the hang-up is counted as a closed request (499)");
        assertEquals(errors, count(uri, 500) + count(uri, 400), "and neither as a 500 nor as a bad request");
        String path = uri.replace("{code}", REGION);
        List<LogRecord> about = logged.stream().filter(r -> r.getMessage() != null
                && formatted(r).contains(path)).toList();
        assertEquals(1, about.size(), "one line about the request: " + about.stream().map(this::formatted).toList());
        assertEquals(Level.INFO, about.get(0).getLevel());
        assertTrue(formatted(about.get(0)).contains("client closed the connection"), formatted(about.get(0)));
        assertNull(about.get(0).getThrown(), "no stack trace");
    }

    String formatted(LogRecord record) {
        return record.getParameters() == null ? record.getMessage()
                : String.format(record.getMessage(), record.getParameters());
    }

    /** The service's count of answers of a status on a route (its own /q/metrics). */
    static double count(String uri, int status) {
        String prefix = "http_server_requests_seconds_count{";
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(prefix) && l.contains("status=\"" + status + "\"")
                        && l.contains("uri=\"" + uri + "\"") && l.contains("method=\"POST\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
