package cn.nmsdz.gateway;

import cn.nmsdz.support.rest.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;

/**
 * RFC 9457 problem details written by the gateway itself: the services' {@link Problem} body (support-http-core),
 * sent at the Vert.x level, where the gateway answers (no JAX-RS exception mappers here).
 */
public final class Problems {

    private Problems() {
    }

    public static Buffer body(int status, String title, String detail, String instance, String requestId) {
        return Json.encodeToBuffer(Problem.blank(status, title, detail, instance, requestId));
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
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(body(status, title, detail, instance, requestId));
    }
}
