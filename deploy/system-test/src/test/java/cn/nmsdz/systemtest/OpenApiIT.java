package cn.nmsdz.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.response.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, item 4: the gateway's {@code /q/openapi} is one document of the whole suite, so that a client generator
 * works from one URL. Every operation of every service is in it (as the service documents it), the gateway's own
 * answers are added, and the document validates against the OpenAPI 3.1 schema, in JSON and in YAML.
 */
@ExtendWith(Suite.class)
class OpenApiIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SERVICES = List.of("indicator-service", "evidence-service", "scoring-service");
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    static JsonNode merged() throws Exception {
        Response response = given().get(Suite.GATEWAY + "/q/openapi?format=json");
        assertEquals(200, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        return JSON.readTree(response.asByteArray());
    }

    @Test
    void everyOperationOfEveryServiceIsInTheMergedDocumentAsTheServiceDocumentsIt() throws Exception {
        JsonNode merged = merged();
        Set<String> missing = new TreeSet<>();
        int operations = 0;
        for (String service : SERVICES) {
            JsonNode own = JSON.readTree(given().get(Suite.GATEWAY + "/openapi/" + service + "?format=json")
                    .then().statusCode(200).extract().asByteArray());
            for (var path : own.get("paths").properties()) {
                for (String method : METHODS) {
                    JsonNode operation = path.getValue().get(method);
                    if (operation == null) {
                        continue;
                    }
                    operations++;
                    JsonNode there = merged.path("paths").path(path.getKey()).path(method);
                    if (there.isMissingNode()) {
                        missing.add(service + ": " + method.toUpperCase() + " " + path.getKey());
                        continue;
                    }
                    assertEquals(operation.path("operationId"), there.path("operationId"), path.getKey());
                    assertEquals(operation.path("parameters").size(), there.path("parameters").size(), path.getKey());
                    // the service's own answers stay (a schema may have been renamed, the statuses are the same)
                    operation.path("responses").fieldNames().forEachRemaining(status -> assertTrue(
                            there.path("responses").has(status), method + " " + path.getKey() + " " + status));
                }
            }
        }
        assertTrue(operations > 60, "the services document their APIs: " + operations);
        assertEquals(Set.of(), missing, "operations missing from the gateway's document");
        assertTrue(merged.path("info").path("title").asText().contains("全国网络市场监管与服务示范区"),
                merged.path("info").toString());
    }

    @Test
    void theGatewaysOwnAnswersAreDocumentedOnEveryOperation() throws Exception {
        JsonNode merged = merged();
        JsonNode submit = merged.path("paths").path("/api/v1/regions/{code}/observations").path("post");
        for (String status : List.of("401", "413", "429", "502", "503", "504")) {
            assertTrue(submit.path("responses").has(status), "submitting figures can get " + status);
        }
        // the service documents its own 504 for a submission; where one does not, the gateway's says how to retry
        JsonNode read = merged.path("paths").path("/api/v1/regions/{code}").path("get").path("responses");
        String ref = read.path("504").path("$ref").asText();
        assertTrue(ref.startsWith("#/components/responses/"), read.toString());
        JsonNode timeout = merged.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
        assertTrue(timeout.path("description").asText().contains("Idempotency-Key"), timeout.toString());
        for (var path : merged.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    for (String status : List.of("429", "502", "503", "504")) {
                        assertTrue(operation.path("responses").has(status), method + " " + path.getKey() + " " + status);
                    }
                }
            }
        }
    }

    @Test
    void theMergedDocumentValidatesAsOpenApi31InJsonAndInYaml() throws Exception {
        JsonSchema schema;
        try (InputStream in = OpenApiIT.class.getResourceAsStream("/openapi/oas-3.1-schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        JsonNode json = merged();
        assertTrue(json.path("openapi").asText().startsWith("3.1."), json.path("openapi").asText());
        Set<ValidationMessage> errors = schema.validate(json);
        assertEquals(Set.of(), errors, "the merged document is a valid OpenAPI 3.1 document");
        // the check can fail: the same document without its info, or with a response that is not one, is refused
        com.fasterxml.jackson.databind.node.ObjectNode broken = json.deepCopy();
        broken.remove("info");
        assertTrue(!schema.validate(broken).isEmpty(), "a document without info is not valid");
        broken = json.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("paths").path("/api/v1/regions/{code}").path("get")
                .path("responses")).put("200", "fine");
        assertTrue(!schema.validate(broken).isEmpty(), "a response that is a string is not valid");

        Response yaml = given().get(Suite.GATEWAY + "/q/openapi");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.contentType().startsWith("application/yaml"), "YAML by default, as Quarkus serves it: "
                + yaml.contentType());
        JsonNode fromYaml = new YAMLMapper().readTree(yaml.asByteArray());
        assertEquals(json, fromYaml, "the YAML and the JSON are the same document");
        // the console reaches the realm the browser can reach, as in each service's document
        json.path("components").path("securitySchemes").forEach(scheme -> {
            if ("openIdConnect".equals(scheme.path("type").asText())) {
                assertEquals(Suite.KEYCLOAK + "/realms/nmsdz/.well-known/openid-configuration",
                        scheme.path("openIdConnectUrl").asText());
            }
        });
    }
}
