package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ConsoleSecurityTest {
    static final String REALM = "http://127.0.0.1:9180/realms/nmsdz/.well-known/openid-configuration";

    @Test
    void discoveryUrlOfTheRealm() {
        assertEquals(REALM, ConsoleSecurity.discoveryUrl("http://127.0.0.1:9180/realms/nmsdz"));
        assertEquals(REALM, ConsoleSecurity.discoveryUrl("http://127.0.0.1:9180/realms/nmsdz/"));
        assertEquals(REALM, ConsoleSecurity.discoveryUrl(REALM));
    }

    @Test
    void rewritesTheOpenIdConnectSchemeOfAJsonDocument() {
        String doc = """
                {"openapi":"3.1.0","paths":{},"components":{"securitySchemes":{
                  "keycloak":{"type":"openIdConnect","description":"Authentication",
                    "openIdConnectUrl":"http://127.0.0.1:8180/realms/nmsdz/.well-known/openid-configuration"},
                  "key":{"type":"apiKey","in":"header","name":"X-Key"}}}}""";
        JsonObject out = new JsonObject(ConsoleSecurity.rewrite(doc, "application/json;charset=UTF-8", REALM));
        JsonObject schemes = out.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals(REALM, schemes.getJsonObject("keycloak").getString("openIdConnectUrl"));
        assertEquals("Authentication", schemes.getJsonObject("keycloak").getString("description"));
        assertEquals(new JsonObject().put("type", "apiKey").put("in", "header").put("name", "X-Key"),
                schemes.getJsonObject("key"));
        assertEquals("3.1.0", out.getString("openapi"));
    }

    @Test
    void rewritesTheOpenIdConnectSchemeOfAYamlDocument() {
        String doc = """
                openapi: 3.1.0
                components:
                  securitySchemes:
                    keycloak:
                      type: openIdConnect
                      description: Authentication
                      openIdConnectUrl: http://127.0.0.1:8180/realms/nmsdz/.well-known/openid-configuration
                paths: {}
                """;
        String out = ConsoleSecurity.rewrite(doc, "application/yaml;charset=UTF-8", REALM);
        assertTrue(out.contains("      openIdConnectUrl: \"" + REALM + "\"\n"), out);
        assertTrue(out.contains("      description: Authentication\n"), out);
        assertTrue(!out.contains("8180"), out);
    }

    @Test
    void leavesOtherDocumentsAlone() {
        String noSchemes = "{\"openapi\":\"3.1.0\",\"paths\":{}}";
        assertEquals(noSchemes, ConsoleSecurity.rewrite(noSchemes, "application/json", REALM));
        String broken = "{\"openapi\": ";
        assertEquals(broken, ConsoleSecurity.rewrite(broken, "application/json", REALM));
    }
}
