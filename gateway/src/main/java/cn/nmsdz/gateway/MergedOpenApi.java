package cn.nmsdz.gateway;

import cn.nmsdz.support.rest.ProblemType;

import cn.nmsdz.gateway.OpenApiMerge.ServiceDocument;
import cn.nmsdz.gateway.RouteTable.Backend;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Serves {@code /q/openapi}: the services' documents read from their {@code /q/openapi}, merged ({@link OpenApiMerge})
 * and kept for {@link #FRESH_MILLIS}, so that the document follows the services deployed behind the gateway without
 * reading them on every request. YAML by default, JSON with {@code ?format=json} or {@code Accept: application/json}
 * (as Quarkus serves a service's own). When a service cannot be read, the last merged document is served; before there
 * is one, a 503 problem names the service.
 */
final class MergedOpenApi {
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    /** The services that document an API (in this order in the merged document). */
    static final List<Backend> DOCUMENTED = List.of(Backend.INDICATOR, Backend.EVIDENCE, Backend.SCORING);
    static final long FRESH_MILLIS = 30_000;
    static final String TITLE = "全国网络市场监管与服务示范区评价系统 API（NMSDZ）";
    static final String DESCRIPTION = "指标体系、佐证材料和评分三个服务的全部接口，经网关一个地址访问；各服务单独的文档在"
            + " /openapi/{indicator-service|evidence-service|scoring-service}。\n\nEvery operation of the indicator, evidence"
            + " and scoring services, reached through the gateway, with the answers the gateway gives itself"
            + " (401, 413, 429, 502, 504).";

    private final HttpClient client;
    private final Backends backends;
    private final String discoveryUrl;
    private final String version;
    private Rendered merged;
    private long mergedAt;
    private Future<Rendered> reading;

    /** The merged document, written once in both forms. */
    record Rendered(Buffer json, Buffer yaml) {
        static Rendered of(JsonObject doc) {
            try {
                return new Rendered(doc.toBuffer(), Buffer.buffer(MergedOpenApi.yaml(doc), "UTF-8"));
            } catch (Exception e) {
                throw new IllegalStateException("the merged OpenAPI document cannot be written as YAML", e);
            }
        }
    }

    MergedOpenApi(HttpClient client, Backends backends, String discoveryUrl, String version) {
        this.client = client;
        this.backends = backends;
        this.discoveryUrl = discoveryUrl;
        this.version = version;
    }

    void handle(RoutingContext ctx) {
        document().onComplete(result -> {
            Rendered doc = result.succeeded() ? result.result() : merged;
            if (doc == null) {
                boolean zh = GatewayWords.chinese(ctx.request());
                String service = result.cause() instanceof Unreadable u ? u.service : "?";
                ctx.response().putHeader("Retry-After", "10");
                Problems.send(ctx.response(), ProblemType.BACKEND_UNAVAILABLE.type(), 503,
                        GatewayWords.title(zh, 503, "Service Unavailable"),
                        GatewayWords.text(zh, "openApiUnavailable", "the API document of " + service
                                + " cannot be read yet; retry later", service),
                        ctx.normalizedPath(), GatewayRoutes.requestId(ctx));
                return;
            }
            if (result.failed()) {
                LOG.warnf("merged OpenAPI document: serving the last one: %s", result.cause().getMessage());
            }
            boolean json = wantsJson(ctx.request().getParam("format"), ctx.request().getHeader("Accept"));
            ctx.response()
                    .putHeader("Content-Type", json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                    .putHeader("Cache-Control", "no-cache")
                    .end(json ? doc.json() : doc.yaml());
        });
    }

    static boolean wantsJson(String format, String accept) {
        if (format != null) {
            return "json".equalsIgnoreCase(format);
        }
        return accept != null && accept.toLowerCase().contains("json") && !accept.toLowerCase().contains("yaml");
    }

    static String yaml(JsonObject doc) throws Exception {
        Object tree = JsonMapper.builder().build().readTree(doc.encode());
        // every string quoted: a bare 140829 or 2026-02-28 would be read back as a number or a date
        return YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build()
                .writeValueAsString(tree);
    }

    /** The merged document, read again once it is older than {@link #FRESH_MILLIS}; one reading at a time. */
    private synchronized Future<Rendered> document() {
        if (merged != null && System.currentTimeMillis() - mergedAt < FRESH_MILLIS) {
            return Future.succeededFuture(merged);
        }
        if (reading == null) {
            List<Future<ServiceDocument>> parts = new ArrayList<>();
            for (Backend backend : DOCUMENTED) {
                parts.add(read(backend));
            }
            reading = Future.all(parts).map(all -> {
                List<ServiceDocument> documents = new ArrayList<>();
                for (Future<ServiceDocument> part : parts) {
                    documents.add(part.result());
                }
                return Rendered.of(OpenApiMerge.merge(documents, TITLE, version, DESCRIPTION));
            }).andThen(result -> {
                synchronized (this) {
                    if (result.succeeded()) {
                        merged = result.result();
                        mergedAt = System.currentTimeMillis();
                    }
                    reading = null;
                }
            });
        }
        return reading;
    }

    private Future<ServiceDocument> read(Backend backend) {
        Promise<ServiceDocument> promise = Promise.promise();
        backends.connect(client, backend, new RequestOptions().setMethod(HttpMethod.GET)
                        .setURI(RouteTable.BACKEND_OPENAPI_PATH + "?format=json").putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : failed(backend, response))
                .map(body -> {
                    String text = body.toString("UTF-8");
                    if (discoveryUrl != null) {
                        text = ConsoleSecurity.rewrite(text, "application/json", discoveryUrl);
                    }
                    return new ServiceDocument(backend.serviceName(), new JsonObject(text));
                })
                .onComplete(result -> {
                    if (result.succeeded()) {
                        promise.complete(result.result());
                    } else {
                        promise.fail(result.cause() instanceof Unreadable u ? u
                                : new Unreadable(backend.serviceName(), result.cause()));
                    }
                });
        return promise.future();
    }

    private static Future<Buffer> failed(Backend backend, HttpClientResponse response) {
        return response.body().transform(ignored -> Future.failedFuture(
                new Unreadable(backend.serviceName(), new IllegalStateException("HTTP " + response.statusCode()))));
    }

    /** A service whose document could not be read, and why. */
    static final class Unreadable extends RuntimeException {
        final String service;

        Unreadable(String service, Throwable cause) {
            super(service + ": " + cause, cause, false, false);
            this.service = service;
        }
    }
}
