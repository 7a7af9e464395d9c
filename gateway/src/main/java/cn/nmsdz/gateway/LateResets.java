package cn.nmsdz.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Keeps the proxy's reset of a request it has sent whole from closing the connection, which another request may be
 * using by then.
 *
 * <p>The proxy resets its backend request whenever the caller's side fails: the caller went away while its request
 * waited or its answer was being written. In Vert.x up to 4.5.32 (the Quarkus BOM has 4.5.26) resetting an HTTP/1.1
 * request whose response has arrived whole closes the connection, though that connection is back in the pool by then
 * and may carry someone else's request, which then fails with "Connection was closed" and the gateway answers that
 * innocent caller 502 (vert.x issue 6294, fixed in 4.5.33). Whether the response has arrived is known first on the
 * connection's event loop, later on the request's, so no check made here can rule it out. So a request sent whole is
 * never reset here: its response, now or when it comes, is read into nothing, and the connection goes back to the pool
 * as after any other exchange (the service's own idle timeout still ends one that never answers). A request not sent
 * whole (a body still on its way) is reset as before: its connection cannot have been reused, and closing it is the
 * only way to abandon it on HTTP/1.1. Kept also where Vert.x has the fix: without it a caller who hangs up costs a
 * connection to the service (Vert.x closes it to abandon the exchange), and a flood of such callers filled the pool
 * (BENCHMARKS §21). {@code LateResetsTest} passes on Vert.x 4.5.36 too (BENCHMARKS §24): run it on a new Vert.x
 * before adopting it.
 *
 * <p>A {@link Proxy} rather than a hand-written delegate: the interface has some seventy methods, one of which matters.
 */
final class LateResets {

    private LateResets() {
    }

    static HttpClientRequest guard(HttpClientRequest request) {
        return (HttpClientRequest) Proxy.newProxyInstance(HttpClientRequest.class.getClassLoader(),
                new Class<?>[] {HttpClientRequest.class}, new Guard(request));
    }

    private static final class Guard implements InvocationHandler {
        private final HttpClientRequest request;
        /** end(…) or send(…) called: the request is, or is being, sent whole. */
        private volatile boolean sent;

        Guard(HttpClientRequest request) {
            this.request = request;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("reset") && sent) {
                Future<HttpClientResponse> response = request.response();
                if (response.succeeded()) {
                    discardRest(response.result());
                } else {
                    response.onSuccess(Guard::discardRest);
                }
                return true;
            } else if (name.equals("end") || name.equals("send")) {
                sent = true;
            } else if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "guarded " + request;
                };
            }
            try {
                Object result = method.invoke(request, args);
                // fluent methods answer the request itself: hand back the guarded one
                return result == request ? proxy : result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** Reads whatever is left of the response into nothing, as the proxy does with a response it does not send. */
        private static void discardRest(HttpClientResponse response) {
            response.handler(null);
            response.endHandler(null);
            try {
                // a failure of the rest (the service closing mid-body) is nobody's business any more
                response.exceptionHandler(ignored -> {
                });
            } catch (IllegalStateException ended) {
                return; // Vert.x refuses handlers on a response read to its end: nothing is left to discard
            }
            response.resume();
        }
    }
}
