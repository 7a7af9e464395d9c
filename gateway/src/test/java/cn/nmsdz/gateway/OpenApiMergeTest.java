package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.gateway.OpenApiMerge.ServiceDocument;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiMergeTest {

    static final JsonObject PROBLEM_A = new JsonObject().put("type", "object")
            .put("properties", new JsonObject().put("title", new JsonObject().put("type", "string")));
    static final JsonObject PROBLEM_B = new JsonObject().put("type", "object")
            .put("properties", new JsonObject().put("detail", new JsonObject().put("type", "string")));

    static JsonObject doc(String path, String method, JsonObject operation, JsonObject schemas) {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "x").put("version", "1"))
                .put("paths", new JsonObject().put(path, new JsonObject().put(method, operation)))
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes",
                        new JsonObject().put("SecurityScheme", new JsonObject().put("type", "openIdConnect")
                                .put("openIdConnectUrl", "http://kc/realms/nmsdz/.well-known/openid-configuration"))))
                .put("tags", List.of(new JsonObject().put("name", path)));
    }

    static JsonObject operation(boolean body, boolean secured, String schemaRef) {
        JsonObject op = new JsonObject().put("responses", new JsonObject().put("200", new JsonObject()
                .put("description", "ok").put("content", new JsonObject().put("application/json",
                        new JsonObject().put("schema", new JsonObject().put("$ref", schemaRef))))));
        if (body) {
            op.put("requestBody", new JsonObject().put("content", new JsonObject()));
        }
        if (secured) {
            op.put("security", List.of(new JsonObject().put("SecurityScheme", List.of())));
        }
        return op;
    }

    @Test
    void everyOperationOfEveryServiceIsKeptAndSameNamedDifferentSchemasAreRenamedWithTheirReferences() {
        JsonObject a = doc("/api/v1/a", "post", operation(true, true, "#/components/schemas/Problem"),
                new JsonObject().put("Problem", PROBLEM_A).put("Shared", new JsonObject().put("type", "string")));
        JsonObject b = doc("/api/v1/b", "get", operation(false, false, "#/components/schemas/Problem"),
                new JsonObject().put("Problem", PROBLEM_B).put("Shared", new JsonObject().put("type", "string")));
        JsonObject merged = OpenApiMerge.merge(List.of(new ServiceDocument("indicator-service", a),
                new ServiceDocument("evidence-service", b)), "T", "9", "D");

        assertEquals("3.1.0", merged.getString("openapi"));
        assertEquals("T", merged.getJsonObject("info").getString("title"));
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertEquals(PROBLEM_A, schemas.getJsonObject("Problem"), "the first service keeps the name");
        assertEquals(PROBLEM_B, schemas.getJsonObject("Evidence_Problem"), "the second's differing one is renamed");
        assertNull(schemas.getValue("Evidence_Shared"), "an identical schema is kept once");
        JsonObject get = merged.getJsonObject("paths").getJsonObject("/api/v1/b").getJsonObject("get");
        assertEquals("#/components/schemas/Evidence_Problem", get.getJsonObject("responses").getJsonObject("200")
                .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
        assertEquals(2, merged.getJsonArray("tags").size());
        // the inputs are not changed
        assertTrue(b.getJsonObject("components").getJsonObject("schemas").containsKey("Problem"));
    }

    @Test
    void theGatewaysOwnAnswersAreAddedWhereTheyCanHappen() {
        JsonObject a = doc("/api/v1/a", "post", operation(true, true, "#/components/schemas/X"),
                new JsonObject().put("X", new JsonObject().put("type", "string")));
        JsonObject b = doc("/api/v1/b", "get", operation(false, false, "#/components/schemas/X"),
                new JsonObject().put("X", new JsonObject().put("type", "string")));
        JsonObject merged = OpenApiMerge.merge(List.of(new ServiceDocument("indicator-service", a),
                new ServiceDocument("scoring-service", b)), "T", "9", "D");
        JsonObject post = merged.getJsonObject("paths").getJsonObject("/api/v1/a").getJsonObject("post")
                .getJsonObject("responses");
        for (String status : List.of("401", "413", "429", "502", "503", "504")) {
            assertTrue(post.containsKey(status), "a secured POST with a body can get " + status);
            String ref = post.getJsonObject(status).getString("$ref");
            String name = ref.substring(OpenApiMerge.RESPONSE_REF.length());
            assertTrue(merged.getJsonObject("components").getJsonObject("responses").containsKey(name), ref);
        }
        JsonObject get = merged.getJsonObject("paths").getJsonObject("/api/v1/b").getJsonObject("get")
                .getJsonObject("responses");
        assertFalse(get.containsKey("401"), "an open GET is not refused for its token");
        assertFalse(get.containsKey("413"), "a GET sends no body");
        assertTrue(get.containsKey("429") && get.containsKey("502") && get.containsKey("503") && get.containsKey("504"));
        assertTrue(merged.getJsonObject("components").getJsonObject("schemas").containsKey(OpenApiMerge.GATEWAY_PROBLEM));
    }

    @Test
    void aServicesOwnAnswerIsKept() {
        JsonObject op = operation(true, true, "#/components/schemas/X");
        op.getJsonObject("responses").put("413", new JsonObject().put("description", "the service's own"));
        JsonObject merged = OpenApiMerge.merge(List.of(new ServiceDocument("evidence-service",
                doc("/api/v1/a", "post", op, new JsonObject().put("X", new JsonObject())))), "T", "9", "D");
        assertEquals("the service's own", merged.getJsonObject("paths").getJsonObject("/api/v1/a")
                .getJsonObject("post").getJsonObject("responses").getJsonObject("413").getString("description"));
    }

    @Test
    void formatParameterWinsOverAcceptAndYamlIsTheDefault() {
        assertTrue(MergedOpenApi.wantsJson("json", null));
        assertFalse(MergedOpenApi.wantsJson("yaml", "application/json"));
        assertTrue(MergedOpenApi.wantsJson(null, "application/json"));
        assertFalse(MergedOpenApi.wantsJson(null, null));
        assertFalse(MergedOpenApi.wantsJson(null, "*/*"));
    }
}
