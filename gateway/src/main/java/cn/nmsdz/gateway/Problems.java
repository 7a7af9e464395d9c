package cn.nmsdz.gateway;

import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemType;
import cn.nmsdz.support.rest.RefusalRule;
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
        return body(type(status), status, title, detail, instance, requestId);
    }

    public static Buffer body(String type, int status, String title, String detail, String instance, String requestId) {
        return Json.encodeToBuffer(new Problem(type, title, status, detail, instance, requestId, null));
    }

    /**
     * The problem type of a gateway answer of this status, the services' types for the same mistake (README, problem
     * types): a 403 is the role rule, a 503 the identity provider that cannot be reached.
     */
    static String type(int status) {
        return status == 403 ? RefusalRule.ROLE.type() : ProblemType.forStatus(status).type();
    }

    /** Ends {@code response} with a problem, unless it has already been ended. */
    public static void send(HttpServerResponse response, int status, String title, String detail, String instance,
            String requestId) {
        send(response, type(status), status, title, detail, instance, requestId);
    }

    /** Ends {@code response} with a problem of the given type, unless it has already been ended. */
    public static void send(HttpServerResponse response, String type, int status, String title, String detail,
            String instance, String requestId) {
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
                .end(body(type, status, title, detail, instance, requestId));
    }
}
