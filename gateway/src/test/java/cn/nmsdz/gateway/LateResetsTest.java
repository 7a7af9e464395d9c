package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LateResets} on a real Vert.x client and server: a client with one pooled connection, so the second request
 * always reuses the first one's connection, and a server whose "/held" answers only when the test says so.
 *
 * <p>The client is used only on one Vert.x context, as the proxy uses it on its event loop. Driven from the test's own
 * thread, a small answer could arrive whole before {@code send().compose(HttpClientResponse::body)} had attached its
 * body handler, and the body never completed: about 1 run in 70 of each test hung so (Vert.x's rule: a response's
 * handlers are set in its own callback, on its context).
 */
class LateResetsTest {
    private Vertx vertx;
    private HttpClient client;
    /** Where every client call runs. */
    private Context context;
    private int port;
    /** The server's connections seen so far (by their remote address). */
    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    /** The response of the latest "/held" or "/partial" request, once the server has it. */
    private final AtomicReference<Promise<HttpServerResponse>> held = new AtomicReference<>(Promise.promise());

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            connections.add(request.remoteAddress().toString());
            HttpServerResponse response = request.response();
            switch (request.path()) {
                case "/quick" -> response.end("quick");
                case "/partial" -> {
                    response.setChunked(true).write("first part ");
                    held.get().complete(response);
                }
                default -> held.get().complete(response);
            }
        });
        port = await(server.listen(0, "127.0.0.1")).actualPort();
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(1).setKeepAlive(true));
        context = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void aLateResetOfAFinishedRequestLeavesTheNextRequestOnItsConnectionAlone() throws Exception {
        HttpClientRequest first = request("/quick", LateResets::guard);
        assertEquals("quick", body(first));

        Future<Buffer> second = start(request("/held", r -> r));
        HttpServerResponse answer = serverHas();
        reset(first); // its caller went away while its answer was being written
        answer.end("second");

        assertEquals("second", await(second).toString());
        assertEquals(1, connections.size(), "the second request ran on the first one's connection, which was kept");
    }

    /**
     * The fault the guard is for. When this fails (the second request then waits for an answer that never comes), the
     * BOM's Vert.x has the fix (4.5.33): keep the guard (a caller who hangs up should not cost a connection), turn this
     * test into one that the fault stays gone, and check that the others pass on that Vert.x (on 4.5.36 they did:
     * BENCHMARKS §24).
     */
    @Test
    void withoutTheGuardVertxClosesTheConnectionTheNextRequestIsUsing() throws Exception {
        HttpClientRequest first = request("/quick", r -> r);
        body(first);

        Future<Buffer> second = start(request("/held", r -> r));
        serverHas();
        reset(first);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> await(second));
        assertInstanceOf(HttpClosedException.class, failed.getCause());
    }

    @Test
    void aResetBeforeTheAnswerDiscardsTheAnswerWhenItComesAndKeepsTheConnection() throws Exception {
        HttpClientRequest first = request("/held", LateResets::guard);
        on(() -> {
            first.send(); // its answer comes when the test says so
            return Future.succeededFuture();
        });
        HttpServerResponse answer = serverHas();
        // the caller went away while the service was still working on its request
        assertTrue(reset(first));
        answer.end("too late for anyone");

        assertEquals("quick", body(request("/quick", r -> r)));
        assertEquals(1, connections.size(), "the connection finished the exchange and served the next one");
    }

    @Test
    void aResetWhileTheBodyIsStillBeingSentAbandonsTheExchange() throws Exception {
        HttpClientRequest first = request("/held", LateResets::guard).setChunked(true).setMethod(HttpMethod.POST);
        Future<HttpClientResponse> response = first.response();
        on(() -> first.write("the first part of a body that never ends"));
        serverHas();
        assertTrue(reset(first));
        assertThrows(ExecutionException.class, () -> await(response));

        assertEquals("quick", body(request("/quick", r -> r)));
        assertEquals(2, connections.size(), "the abandoned exchange's connection was closed, the next one is new");
    }

    @Test
    void aResetWhileTheBodyArrivesDiscardsTheRestAndKeepsTheConnection() throws Exception {
        HttpClientRequest first = request("/partial", LateResets::guard);
        // paused at once, as the proxy pauses an answer its caller is not yet ready for
        on(() -> first.send().map(HttpClientResponse::pause));
        HttpServerResponse answer = serverHas();
        assertTrue(reset(first));
        answer.end("and the rest");

        assertEquals("quick", body(request("/quick", r -> r)));
        assertEquals(1, connections.size(), "the connection finished the discarded answer and served the next one");
    }

    @Test
    void fluentCallsKeepTheGuard() throws Exception {
        HttpClientRequest guarded = request("/quick", LateResets::guard);
        assertSame(guarded, guarded.putHeader("X-Test", "1").setURI("/quick"));
        assertFalse(guarded.equals(LateResets.guard(guarded)));
        assertEquals("quick", body(guarded));
    }

    private HttpClientRequest request(String path, UnaryOperator<HttpClientRequest> wrap) throws Exception {
        return on(() -> client.request(HttpMethod.GET, port, "127.0.0.1", path).map(wrap));
    }

    /** Sends the request and reads its answer's body, on the client's context. */
    private Future<Buffer> start(HttpClientRequest request) throws Exception {
        Promise<Buffer> body = Promise.promise();
        context.runOnContext(ignored -> request.send().compose(HttpClientResponse::body).onComplete(body));
        return body.future();
    }

    private String body(HttpClientRequest request) throws Exception {
        return await(start(request)).toString();
    }

    /** Resets the request on the client's context, as the proxy does when its caller goes away. */
    private boolean reset(HttpClientRequest request) throws Exception {
        return on(() -> Future.succeededFuture(request.reset()));
    }

    /** Runs the action on the client's context and waits for its result. */
    private <T> T on(Supplier<Future<T>> action) throws Exception {
        Promise<T> result = Promise.promise();
        context.runOnContext(ignored -> action.get().onComplete(result));
        return await(result.future());
    }

    /** Waits until the server holds the pending request's response, and gets ready for the next one. */
    private HttpServerResponse serverHas() throws Exception {
        HttpServerResponse response = await(held.get().future());
        held.set(Promise.promise());
        return response;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
