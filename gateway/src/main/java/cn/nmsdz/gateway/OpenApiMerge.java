package cn.nmsdz.gateway;

import cn.nmsdz.support.rest.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OpenAPI document for the whole suite: the three services' documents merged, with the answers the gateway itself
 * gives added to every operation, so that a client generator works from the gateway's one URL.
 *
 * <p>Paths, tags, schemas and security schemes are united. The services name some schemas alike (a {@code Problem}
 * each); a name whose definitions differ between services is kept by the first and renamed {@code <service>_<Name>}
 * in the others, together with every {@code $ref} of that document that points to it. A pure function, tested
 * without a server.
 */
public final class OpenApiMerge {
    static final String SCHEMA_REF = "#/components/schemas/";
    static final String RESPONSE_REF = "#/components/responses/";
    static final String GATEWAY_PROBLEM = "GatewayProblem";

    /** The answers the gateway gives on its own, whatever the service would have said; see GatewayRoutes. */
    static final Map<String, String[]> GATEWAY_ANSWERS = gatewayAnswers();

    private OpenApiMerge() {
    }

    /** One service's document under the name the gateway routes it by (e.g. {@code evidence-service}). */
    public record ServiceDocument(String service, JsonObject document) {
    }

    /** The merged document; the inputs are not changed. */
    public static JsonObject merge(List<ServiceDocument> documents, String title, String version, String description) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        JsonObject schemes = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        JsonArray security = null;
        String openapi = "3.1.0";
        for (ServiceDocument service : documents) {
            JsonObject doc = service.document().copy();
            openapi = doc.getString("openapi", openapi);
            JsonObject own = components(doc, "schemas");
            for (String name : Set.copyOf(own.fieldNames())) {
                if (schemas.containsKey(name) && !schemas.getValue(name).equals(own.getValue(name))) {
                    String renamed = prefix(service.service()) + "_" + name;
                    own.put(renamed, own.remove(name));
                    renameRefs(doc, SCHEMA_REF + name, SCHEMA_REF + renamed);
                }
            }
            own.forEach(e -> schemas.put(e.getKey(), e.getValue()));
            components(doc, "securitySchemes").forEach(e -> schemes.put(e.getKey(), e.getValue()));
            if (security == null && doc.getJsonArray("security") != null) {
                security = doc.getJsonArray("security");
            }
            JsonArray docTags = doc.getJsonArray("tags", new JsonArray());
            for (Object tag : docTags) {
                if (tag instanceof JsonObject t && t.getString("name") != null) {
                    tags.putIfAbsent(t.getString("name"), t);
                }
            }
            JsonObject docPaths = doc.getJsonObject("paths", new JsonObject());
            for (String path : docPaths.fieldNames()) {
                JsonObject item = docPaths.getJsonObject(path);
                JsonObject merged = paths.getJsonObject(path);
                if (merged == null) {
                    paths.put(path, item);
                } else {
                    // two services under one path (none today): each method stays with the first that documents it
                    item.forEach(e -> {
                        if (!merged.containsKey(e.getKey())) {
                            merged.put(e.getKey(), e.getValue());
                        }
                    });
                }
            }
        }
        boolean globallySecured = security != null && !security.isEmpty();
        JsonObject responses = new JsonObject();
        paths.forEach(p -> {
            if (p.getValue() instanceof JsonObject item) {
                item.forEach(m -> {
                    if (m.getValue() instanceof JsonObject operation && operation.containsKey("responses")) {
                        addGatewayAnswers(operation, globallySecured, responses);
                    }
                });
            }
        });
        if (!responses.isEmpty()) {
            schemas.put(GATEWAY_PROBLEM, gatewayProblemSchema());
        }
        JsonObject components = new JsonObject().put("schemas", schemas).put("responses", responses);
        if (!schemes.isEmpty()) {
            components.put("securitySchemes", schemes);
        }
        JsonObject merged = new JsonObject()
                .put("openapi", openapi)
                .put("info", new JsonObject().put("title", title).put("version", version).put("description", description))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")
                        .put("description", "网关 / the gateway")))
                .put("paths", paths)
                .put("components", components);
        if (security != null) {
            merged.put("security", security);
        }
        if (!tags.isEmpty()) {
            merged.put("tags", new JsonArray(List.copyOf(tags.values())));
        }
        return merged;
    }

    /** 413 only where a body is sent, 401 only where a token is asked for; 429, 502, 503 and 504 everywhere. */
    private static void addGatewayAnswers(JsonObject operation, boolean globallySecured, JsonObject responses) {
        JsonObject answers = operation.getJsonObject("responses");
        JsonArray security = operation.getJsonArray("security");
        boolean secured = security != null ? !security.isEmpty() && !security.contains(new JsonObject())
                : globallySecured;
        for (Map.Entry<String, String[]> answer : GATEWAY_ANSWERS.entrySet()) {
            String status = answer.getKey();
            if (answers.containsKey(status) || ("401".equals(status) && !secured)
                    || ("413".equals(status) && !operation.containsKey("requestBody"))) {
                continue;
            }
            String name = answer.getValue()[0];
            responses.put(name, new JsonObject()
                    .put("description", answer.getValue()[1])
                    .put("content", new JsonObject().put(Problem.MEDIA_TYPE, new JsonObject()
                            .put("schema", new JsonObject().put("$ref", SCHEMA_REF + GATEWAY_PROBLEM)))));
            answers.put(status, new JsonObject().put("$ref", RESPONSE_REF + name));
        }
    }

    private static Map<String, String[]> gatewayAnswers() {
        Map<String, String[]> answers = new LinkedHashMap<>();
        answers.put("401", new String[] {"GatewayUnauthorized",
                "网关拒绝了令牌（缺失、签名、签发者、受众或已过期）/ the gateway refused the bearer token"});
        answers.put("413", new String[] {"GatewayPayloadTooLarge",
                "请求体超过该路由的上限（JSON 8 MB，文件 200 MB），在发送前或传输中拒绝 / the body is over the route's limit"});
        answers.put("429", new String[] {"GatewayTooManyRequests",
                "请求过于频繁，按 Retry-After 秒后重试 / rate limit exceeded; retry after Retry-After seconds"});
        answers.put("502", new String[] {"GatewayBadGateway",
                "所属服务不可达 / the owning service is not reachable"});
        answers.put("503", new String[] {"GatewayServiceBusy",
                "等待所属服务的请求过多，本次请求未转发；按 Retry-After 秒后重试（或身份认证服务暂时无法访问）/ too many "
                        + "requests already wait for the owning service, this one was not sent: retry after Retry-After "
                        + "seconds (or the identity provider is not reachable)"});
        answers.put("504", new String[] {"GatewayTimeout",
                "所属服务未在时限内答复；带同一 Idempotency-Key 重试是安全的 / the owning service did not answer in time; "
                        + "retrying with the same Idempotency-Key is safe"});
        return Collections.unmodifiableMap(answers);
    }

    private static JsonObject gatewayProblemSchema() {
        JsonObject string = new JsonObject().put("type", "string");
        return new JsonObject()
                .put("type", "object")
                .put("description", "RFC 9457 problem details, as the gateway writes them")
                .put("required", new JsonArray().add("type").add("title").add("status"))
                .put("properties", new JsonObject()
                        .put("type", string.copy())
                        .put("title", string.copy())
                        .put("status", new JsonObject().put("type", "integer"))
                        .put("detail", string.copy())
                        .put("instance", string.copy())
                        .put("requestId", string.copy()));
    }

    private static JsonObject components(JsonObject doc, String kind) {
        JsonObject components = doc.getJsonObject("components", new JsonObject());
        JsonObject part = components.getJsonObject(kind);
        return part == null ? new JsonObject() : part;
    }

    /** {@code evidence-service} → {@code Evidence}. */
    static String prefix(String service) {
        String base = service.endsWith("-service") ? service.substring(0, service.length() - "-service".length())
                : service;
        StringBuilder out = new StringBuilder();
        for (String part : base.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** Replaces every {@code "$ref": from} in the tree by {@code to}. */
    static void renameRefs(Object node, String from, String to) {
        if (node instanceof JsonObject object) {
            if (from.equals(object.getValue("$ref"))) {
                object.put("$ref", to);
            }
            object.forEach(e -> renameRefs(e.getValue(), from, to));
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> renameRefs(item, from, to));
        }
    }
}
