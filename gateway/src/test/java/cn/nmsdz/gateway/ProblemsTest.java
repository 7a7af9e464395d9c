package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The gateway's own problems carry the types the services give the same mistake, never about:blank (README). */
class ProblemsTest {

    private static String typeOf(int status) {
        return new JsonObject(Problems.body(status, "t", "d", "/api/v1/x", "rid")).getString("type");
    }

    @Test
    void eachStatusOfTheGatewayHasTheServicesType() {
        assertEquals("urn:nmsdz:problem:unauthorized", typeOf(401));
        assertEquals("urn:nmsdz:problem:rule:role", typeOf(403));
        assertEquals("urn:nmsdz:problem:not-found", typeOf(404));
        assertEquals("urn:nmsdz:problem:payload-too-large", typeOf(413));
        assertEquals("urn:nmsdz:problem:uri-too-long", typeOf(414));
        assertEquals("urn:nmsdz:problem:too-many-requests", typeOf(429));
        assertEquals("urn:nmsdz:problem:header-fields-too-large", typeOf(431));
        assertEquals("urn:nmsdz:problem:invalid-request", typeOf(400));
        assertEquals("urn:nmsdz:problem:internal-error", typeOf(500));
        assertEquals("urn:nmsdz:problem:backend-unavailable", typeOf(502));
        assertEquals("urn:nmsdz:problem:identity-provider-unavailable", typeOf(503));
        assertEquals("urn:nmsdz:problem:backend-timeout", typeOf(504));
    }

    @Test
    void aProblemKeepsItsFields() {
        JsonObject p = new JsonObject(Problems.body("urn:nmsdz:problem:backend-unavailable", 503, "服务不可用", "稍后再试",
                "/api/v1/openapi", "rid-1"));
        assertEquals(503, p.getInteger("status"));
        assertEquals("服务不可用", p.getString("title"));
        assertEquals("稍后再试", p.getString("detail"));
        assertEquals("/api/v1/openapi", p.getString("instance"));
        assertEquals("rid-1", p.getString("requestId"));
    }
}
