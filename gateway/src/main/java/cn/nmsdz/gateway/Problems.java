package cn.nmsdz.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem details written by the gateway itself ({@code application/problem+json}). */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Buffer body(int status, String title, String detail, String instance, String requestId) {
        JsonObject json = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            json.put("instance", instance);
        }
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json.toBuffer();
    }

    /** Ends {@code response} with a problem, unless it has already been ended. */
    public static void send(HttpServerResponse response, int status, String title, String detail, String instance,
            String requestId) {
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // the status line is gone already (e.g. a backend failed mid-body): nothing sensible left to say
            response.reset();
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body(status, title, detail, instance, requestId));
    }
}
