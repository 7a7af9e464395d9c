package cn.nmsdz.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The suite's APIs, called through the gateway with the signed-in user's own access token (server to server: the
 * token never reaches the browser). So the APIs decide what a user may see and do, exactly as for any other client.
 * Answers come in the workspace's language ({@code Accept-Language: zh-CN} or {@code en}, {@link Lang}).
 */
@RequestScoped
public class Api {
    private static final Logger LOG = Logger.getLogger(Api.class);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    AccessTokenCredential token;

    @Inject
    Lang lang;

    @ConfigProperty(name = "nmsdz.web.api-url")
    String base;

    @ConfigProperty(name = "nmsdz.web.api-timeout")
    Duration timeout;

    /** An answer: its status and body (a problem's when it failed). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's Chinese detail (or title) for the page. */
        public String problem() {
            if (ok()) {
                return "";
            }
            String detail = body.path("detail").asText("");
            String title = body.path("title").asText("");
            return !detail.isBlank() ? detail : !title.isBlank() ? title : Lang.msg().request_failed(status);
        }

        /**
         * The problem with what each of its errors says, for a form's user: a detail such as 发现 2 处问题 alone does
         * not tell which. An error's message in both languages ("中文 / English") gives the page's half; one the
         * detail already names is not said twice.
         */
        public String explained() {
            String problem = problem();
            List<String> errors = new java.util.ArrayList<>();
            body.path("errors").forEach(e -> {
                String message = Words.ours(e.path("message").asText(e.path("detail").asText("")));
                if (!message.isEmpty() && !problem.contains(message)) { // a one-error problem says it already
                    errors.add(message);
                }
            });
            boolean english = Lang.current() == Lang.Language.EN;
            return problem + (errors.isEmpty() ? "" : english ? " (" + String.join("; ", errors) + ")"
                    : "（" + String.join("；", errors) + "）");
        }
    }

    /** GET; the body of a 2xx, or the failed answer as an exception the pages show in words. */
    public JsonNode get(String path) {
        Answer answer = send("GET", path, null, null);
        if (!answer.ok()) {
            throw new ApiException(answer);
        }
        return answer.body();
    }

    /** GET that may fail (a 404 of a region without a snapshot is an empty page, not an error). */
    public Answer tryGet(String path) {
        return send("GET", path, null, null);
    }

    /** A region's name (全国 for CN); its code when the API does not know it. */
    public String regionName(String code) {
        if ("CN".equals(code)) {
            return Lang.msg().nation();
        }
        Answer region = tryGet("/api/v1/regions/" + code);
        return region.ok() ? region.body().path("name").asText(code) : code;
    }

    /** POST of a JSON body, with an idempotency key so that a retried form stores nothing twice. */
    public Answer post(String path, Object body) {
        return send("POST", path, body, UUID.randomUUID().toString());
    }

    /** PUT of a JSON body (a whole replacement, as idempotent as the API makes it). */
    public Answer put(String path, Object body) {
        return send("PUT", path, body, null);
    }

    /**
     * A multipart POST of form fields and one file, streamed from disk (a document upload); the API checks the
     * file's type from its bytes.
     */
    public Answer postFile(String path, java.util.Map<String, String> fields, String fileName, String fileType,
            java.nio.file.Path file) {
        String boundary = "nmsdz-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName.replace("\"", "").replace("\r", "").replace("\n", "")).append("\"\r\n")
                .append("Content-Type: ").append(fileType).append("\r\n\r\n");
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token.getToken())
                    .header("Accept", "application/json").header("Accept-Language", lang.tag())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8),
                            HttpRequest.BodyPublishers.ofFile(file),
                            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8)))
                    .build();
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(),
                    response.body().length == 0 ? MissingNode.getInstance() : parse(response.body()));
        } catch (IOException e) {
            LOG.warnf("POST %s failed: %s", path, e.toString());
            return new Answer(503, JSON.createObjectNode().put("detail", Lang.msg().service_unavailable()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, JSON.createObjectNode().put("detail", Lang.msg().request_interrupted()));
        }
    }

    /** A file (a document's content): its status, bytes, type and file name header. */
    public record Bytes(int status, byte[] body, String type, String disposition) {
        /** The file as the browser gets it: its bytes, type and name as the API gave them, never cached. */
        jakarta.ws.rs.core.Response download() {
            jakarta.ws.rs.core.Response.ResponseBuilder file = jakarta.ws.rs.core.Response.ok(body, type);
            if (disposition != null) {
                file.header("Content-Disposition", disposition);
            }
            return file.header("Cache-Control", "no-store").build();
        }
    }

    /** A file that was refused, as an answer whose problem the error page shows (the API's own words, when JSON). */
    static Answer problemOf(Bytes refused) {
        JsonNode body = refused.type().contains("json") ? parse(refused.body()) : MissingNode.getInstance();
        return new Answer(refused.status(), body);
    }

    public Bytes bytes(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token.getToken()).GET().build();
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                    response.headers().firstValue("Content-Disposition").orElse(null));
        } catch (IOException e) {
            return new Bytes(503, new byte[0], "text/plain", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Bytes(503, new byte[0], "text/plain", null);
        }
    }

    private Answer send(String method, String path, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + token.getToken())
                    .header("Accept", "application/json")
                    .header("Accept-Language", lang.tag());
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? MissingNode.getInstance() : parse(response.body());
            if (response.statusCode() >= 400) {
                LOG.infof("%s %s -> %d", method, path, response.statusCode());
            }
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            LOG.warnf("%s %s failed: %s", method, path, e.toString());
            return new Answer(503, JSON.createObjectNode().put("detail", Lang.msg().service_unavailable()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, JSON.createObjectNode().put("detail", Lang.msg().request_interrupted()));
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** A failed GET: the page shows the API's own words. */
    public static final class ApiException extends RuntimeException {
        private final transient Answer answer;

        public ApiException(Answer answer) {
            super(answer.problem(), null, false, false);
            this.answer = answer;
        }

        public Answer answer() {
            return answer;
        }
    }
}
