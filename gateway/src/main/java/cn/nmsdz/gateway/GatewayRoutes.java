package cn.nmsdz.gateway;

import cn.nmsdz.gateway.RouteTable.Backend;
import cn.nmsdz.gateway.RouteTable.Target;
import cn.nmsdz.support.rest.Causes;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemType;
import cn.nmsdz.support.rest.RequestIds;
import io.netty.channel.ConnectTimeoutException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.oidc.OIDCException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.ConnectionBase;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collector;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The gateway on the Quarkus Vert.x router: a request id on every request, then (after Quarkus' CORS filter and token
 * check on /api/*) a per-client rate limit and a streaming reverse proxy to the owning service. Bodies are never buffered: no BodyHandler on these routes.
 */
@ApplicationScoped
public class GatewayRoutes {
    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    /** Before Quarkus' CORS (-300), authentication (-200) and authorization (-100) filters. */
    static final int REQUEST_ID_ORDER = -1000;
    /**
     * After authentication (-200), so a client is counted by its verified token (nobody can drain another client's
     * bucket with a forged one), and after CORS (-300), so a 429 still carries the CORS headers; before authorization
     * (-100), so anonymous floods are limited by address too.
     */
    static final int RATE_LIMIT_ORDER = -150;
    private static final String TARGET = "nmsdz.target";
    /** A proxied request slower than this is logged whatever its status. */
    private static final long SLOW_MS = 1000;
    private static final String STARTED = "nmsdz.started";
    /** Set when a body without a declared length grew past its route's limit on its way to the service. */
    private static final String TOO_LARGE = "nmsdz.too-large";
    /** Set when the request was refused because too many were already waiting for the service (503). */
    private static final String REFUSED_BUSY = "nmsdz.refused-busy";
    /** Set once a request to the service exists (connected): the proxy's own answers have none behind them. */
    private static final String SENT_TO_SERVICE = "nmsdz.sent-to-service";
    /** The body of the gateway's own answer to a request that never reached the service (see writeOwn). */
    private static final String OWN_ANSWER = "nmsdz.own-answer";

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private Counter rateLimited;
    private final Map<Backend, Counter> refusedBusy = new EnumMap<>(Backend.class);
    private final Map<Backend, Counter> callersGone = new EnumMap<>(Backend.class);

    @Inject
    void meters(MeterRegistry registry) {
        rateLimited = Counter.builder("nmsdz.gateway.rate.limited")
                .description("requests refused with 429 because the caller's rate limit was exceeded").register(registry);
        for (Backend backend : Backend.values()) {
            refusedBusy.put(backend, Counter.builder("nmsdz.gateway.backend.busy").tag("service", backend.serviceName())
                    .description("requests refused with 503 because too many were already waiting for the service")
                    .register(registry));
            callersGone.put(backend, Counter.builder("nmsdz.gateway.callers.gone").tag("service", backend.serviceName())
                    .description("answers (the service's, or the gateway's own for it) not written whole because the"
                            + " caller closed its connection")
                    .register(registry));
        }
    }

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    @ConfigProperty(name = "quarkus.smallrye-openapi.info-version", defaultValue = "0.1.0")
    String openApiVersion;

    private HttpClient client;
    private Backends backends;
    private RateLimiter limiter;
    private BodyLimit bodyLimit;
    /** The discovery URL written into the services' OpenAPI documents; null leaves them unchanged. */
    private String consoleDiscoveryUrl;

    void register(@Observes Router router) {
        long timeoutMs = config.gateway().backendTimeout().toMillis();
        int timeout = (int) Math.min(timeoutMs, Integer.MAX_VALUE - 1000);
        client = vertx.createHttpClient(new HttpClientOptions()
                .setName("nmsdz-gateway")
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setMaxPoolSize(64)
                // beyond this, a request is refused at once (503, see backendFailure) instead of queueing without end
                .setMaxWaitQueueSize(config.gateway().maxWaitingRequests())
                .setConnectTimeout(timeout)
                // the per-request idle timeout (504) stops once the response head has arrived; this one also
                // closes a backend that stalls in the middle of a body, which resets the client's response.
                // A second later than the request timeout, so a silent backend is a 504, not a closed connection.
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout(timeout + 1000));
        backends = new Backends(config);
        HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(this::openBackendRequest)
                .addInterceptor(new BackendInterceptor());

        consoleDiscoveryUrl = config.gateway().console().openidConnectUrl()
                .or(() -> authServerUrl.map(ConsoleSecurity::discoveryUrl))
                .orElse(null);
        router.route().order(REQUEST_ID_ORDER).handler(GatewayRoutes::assignRequestId);
        router.route().order(REQUEST_ID_ORDER + 1).handler(new RequestChecks(
                config.gateway().maxRequestLine().asLongValue(), config.gateway().maxHeaderSize().asLongValue())::check);
        bodyLimit = new BodyLimit(config.gateway().jsonBodyLimit().asLongValue(), maxBodySize.asLongValue());
        router.route().order(REQUEST_ID_ORDER + 2).handler(bodyLimit::check);
        GatewayConfig.RateLimit rl = config.gateway().rateLimit();
        if (rl.enabled()) {
            limiter = new RateLimiter(rl.requestsPerSecond(), rl.burst(), rl.maxClients());
            router.route("/api/*").order(RATE_LIMIT_ORDER).handler(this::rateLimit);
            router.route("/openapi/*").order(RATE_LIMIT_ORDER).handler(this::rateLimit);
            router.route(RouteTable.BACKEND_OPENAPI_PATH).order(RATE_LIMIT_ORDER).handler(this::rateLimit);
            vertx.setPeriodic(60_000, id -> limiter.evictIdle());
        }
        router.route("/api/*").handler(ctx -> forward(ctx, proxy));
        // the suite's one API document, in place of the gateway's own (quarkus.smallrye-openapi.enabled=false)
        MergedOpenApi mergedOpenApi = new MergedOpenApi(client, backends, consoleDiscoveryUrl, openApiVersion);
        router.get(RouteTable.BACKEND_OPENAPI_PATH).order(RATE_LIMIT_ORDER + 1).handler(mergedOpenApi::handle);
        router.route("/openapi/*").handler(ctx -> forward(ctx, proxy));
        // the web workspace (issue #16): its pages under /web, and the gateway's own address opens it
        router.route("/web").handler(ctx -> forward(ctx, proxy));
        router.route("/web/*").handler(ctx -> forward(ctx, proxy));
        router.route("/").handler(ctx -> ctx.response().setStatusCode(302).putHeader("Location", "/web/").end());
        router.route().failureHandler(GatewayRoutes::failure);
        LOG.infof("routes: indicator=%s evidence=%s scoring=%s web=%s, backend timeout %s, rate limit %s",
                backends.instances(Backend.INDICATOR), backends.instances(Backend.EVIDENCE),
                backends.instances(Backend.SCORING), backends.instances(Backend.WEB),
                config.gateway().backendTimeout(),
                rl.enabled() ? rl.requestsPerSecond() + "/s burst " + rl.burst() : "off");
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    /**
     * A safe caller-supplied request id (the services' rule, {@link RequestIds}), otherwise the trace id of the
     * request's span (so a request id found in a problem or a log line finds its trace), otherwise (tracing off) a
     * fresh random UUID.
     */
    static String acceptRequestId(String candidate) {
        return RequestIds.accept(candidate, () -> {
            SpanContext span = Span.current().getSpanContext();
            return span.isValid() ? span.getTraceId() : UUID.randomUUID().toString();
        });
    }

    /** Keeps a safe caller-supplied X-Request-Id or makes one; forwards it, logs it, and returns it. */
    static void assignRequestId(RoutingContext ctx) {
        String id = acceptRequestId(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(RequestIds.MDC_KEY, id);
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.request().headers().set(RequestIds.HEADER, id);
        // set (not add) when the headers leave, so a backend echoing the id does not duplicate it
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            headers.set(RequestIds.HEADER, id);
            // no response of the gateway is to be sniffed into another type, nor framed: the console keeps tokens
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", "frame-ancestors 'none'");
            }
        });
        ctx.next();
    }

    static String requestId(RoutingContext ctx) {
        return ctx.get(RequestIds.MDC_KEY);
    }

    /** 429 problem+json with Retry-After once the caller's bucket is empty. */
    private void rateLimit(RoutingContext ctx) {
        String key = clientKey(ctx);
        RateLimiter.Decision decision = limiter.tryAcquire(key);
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        long retryAfter = decision.retryAfterSeconds();
        rateLimited.increment();
        LOG.debugf("rate limit: %s refused for %d s on %s", key, retryAfter, ctx.normalizedPath());
        ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
        boolean zh = GatewayWords.chinese(ctx.request());
        Problems.send(ctx.response(), 429, GatewayWords.title(zh, 429, "Too Many Requests"),
                GatewayWords.text(zh, "rateLimit", "request rate limit exceeded; retry after " + retryAfter + " s",
                        String.valueOf(retryAfter)), ctx.normalizedPath(), requestId(ctx));
    }

    /** The verified token's azp + sub, or the remote address of an anonymous request. */
    static String clientKey(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            String sub = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            return RateLimiter.clientKey(azp == null ? null : azp.toString(), sub, null);
        }
        SocketAddress remote = ctx.request().remoteAddress();
        return RateLimiter.clientKey(null, null, remote == null ? null : remote.hostAddress());
    }

    private static void forward(RoutingContext ctx, HttpProxy proxy) {
        String path = ctx.normalizedPath();
        if (RouteTable.resolve(path).isEmpty()) {
            boolean zh = GatewayWords.chinese(ctx.request());
            Problems.send(ctx.response(), 404, GatewayWords.title(zh, 404, "Not Found"),
                    GatewayWords.text(zh, "notRouted", "no service serves " + path, path), path, requestId(ctx));
            return;
        }
        proxy.handle(ctx.request());
    }

    /** The connection to an instance of the owning service; connect and idle timeouts are the backend timeout. */
    private Future<HttpClientRequest> openBackendRequest(ProxyContext pc) {
        Target target = pc.get(TARGET, Target.class);
        return backends.connect(pc.client(), target.backend(), new RequestOptions())
                // a failed request also fails its response, which backendFailure turns into a problem and logs;
                // without a handler Vert.x would log each one again as an ERROR (e.g. a body cut off at its limit);
                // guarded: once sent whole, it is not reset when its caller goes away (LateResets)
                .map(request -> {
                    pc.set(SENT_TO_SERVICE, Boolean.TRUE);
                    return LateResets.guard(
                            request.exceptionHandler(failure -> LOG.debugf("backend request failed: %s", failure)));
                });
    }

    /** Points the request at the owner's path, adds forwarding headers, and turns backend failures into problems. */
    final class BackendInterceptor implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext pc) {
            ProxyRequest request = pc.request();
            HttpServerRequest in = request.proxiedRequest();
            String path = HttpUtils.normalizePath(in.path());
            Target target = RouteTable.resolve(path)
                    .orElseThrow(() -> new IllegalStateException("no route for " + path));
            pc.set(TARGET, target);
            pc.set(STARTED, System.nanoTime());
            request.setURI(in.query() == null ? target.path() : target.path() + "?" + in.query());
            Body body = request.getBody();
            if (body != null && body.length() < 0 && in.version() != io.vertx.core.http.HttpVersion.HTTP_2
                    && !in.headers().contains("Transfer-Encoding")) {
                // HTTP/1.x without Content-Length or Transfer-Encoding: no body (RFC 9112 6.3), as on every GET. The
                // service's request is ended at once instead of when the caller's (empty) body has been piped: a
                // caller that went away before that left the service's request open, and its pooled connection
                // leased, until the idle timeout (31 s); a flood of such callers took every connection to a service.
                request.setBody(null);
                in.resume();
                body = null;
            }
            if (body != null && body.length() < 0) {
                // no declared length (chunked): counted on its way, cut off past the route's limit
                long max = bodyLimit.limitFor(path);
                request.setBody(Body.body(BodyLimit.cap(body.stream(), max, () -> pc.set(TOO_LARGE, max), () -> {
                    if (in.version() == io.vertx.core.http.HttpVersion.HTTP_2) {
                        in.response().reset();
                    } else {
                        in.connection().close();
                    }
                }), body.length()));
            }
            // the gateway answers "Expect: 100-continue" itself (quarkus.http.handle-100-continue-automatically)
            request.headers().remove("Expect");
            request.headers().set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
            if (in.authority() != null) {
                request.headers().set("X-Forwarded-Host", in.authority().toString());
            }
            if (in.remoteAddress() != null) {
                String previous = in.getHeader("X-Forwarded-For");
                String client = in.remoteAddress().hostAddress();
                request.headers().set("X-Forwarded-For", previous == null ? client : previous + ", " + client);
            }
            return pc.sendRequest().recover(failure -> Future.succeededFuture(backendFailure(pc, target, failure)));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext pc) {
            int status = pc.response().getStatusCode();
            if (status == 304 || status == 204) {
                // no body by definition (RFC 9110): without this the proxy streams an empty chunked one, and a strict
                // client (Python's http.client) fails to read a 304 that announces Transfer-Encoding: chunked
                pc.response().setBody(null);
                pc.response().headers().remove("Transfer-Encoding");
            }
            Target target = pc.get(TARGET, Target.class);
            Long started = pc.get(STARTED, Long.class);
            HttpServerRequest in = pc.request().proxiedRequest();
            if (target != null && started != null) {
                // an answer the caller or an operator may ask about (an error, or slow) is an INFO line; the rest only at
                // DEBUG: formatting a line per request was 6 % of the proxy path's CPU (issue 12), and Micrometer
                // already counts and times every request
                long ms = (System.nanoTime() - started) / 1_000_000;
                if ((status >= 400 && pc.get(REFUSED_BUSY, Boolean.class) == null) || ms >= SLOW_MS) {
                    LOG.infof("%s %s -> %s %d (%d ms)", in.method(), in.path(), target.backend().serviceName(), status, ms);
                } else if (LOG.isDebugEnabled()) {
                    LOG.debugf("%s %s -> %s %d (%d ms)", in.method(), in.path(), target.backend().serviceName(), status, ms);
                }
            }
            if (target != null && RouteTable.BACKEND_OPENAPI_PATH.equals(target.path())
                    && pc.response().getStatusCode() == 200 && consoleDiscoveryUrl != null) {
                return pointConsoleAtRealm(pc.response()).compose(v -> send(pc, target, in), failure -> {
                    LOG.warnf("%s %s -> %s: OpenAPI document not read: %s", in.method(), in.path(),
                            target.backend().serviceName(), failure);
                    boolean zh = GatewayWords.chinese(in);
                    Problems.send(in.response(), 502, GatewayWords.title(zh, 502, "Bad Gateway"),
                            GatewayWords.text(zh, "openApiIncomplete", target.backend().serviceName()
                                    + " sent an incomplete OpenAPI document", target.backend().serviceName()), in.path(),
                            in.getHeader(RequestIds.HEADER));
                    return Future.succeededFuture();
                });
            }
            Buffer own = pc.get(OWN_ANSWER, Buffer.class);
            return own != null ? writeOwn(pc.response(), own, target, in) : send(pc, target, in);
        }

        /**
         * Writes an answer of the gateway's own to a request that never reached the service (refused as busy, the
         * service unreachable) itself: when the caller has gone, the proxy's writing of it ends in a
         * NullPointerException (vertx-http-proxy resets the service's request, and there is none), logged by Vert.x as
         * an uncaught ERROR, a stack trace for each such caller under a flood.
         */
        private Future<Void> writeOwn(ProxyResponse answer, Buffer body, Target target, HttpServerRequest in) {
            HttpServerResponse out = in.response();
            if (out.ended()) {
                return Future.succeededFuture();
            }
            out.setStatusCode(answer.getStatusCode());
            answer.headers().forEach(header -> out.headers().add(header.getKey(), header.getValue()));
            return out.end(body).recover(failure -> {
                notWrittenWhole(target, in, failure);
                return Future.succeededFuture();
            });
        }

        /** OpenAPI documents are small: read one whole and rewrite its OpenID Connect URL (see ConsoleSecurity). */
        private Future<Void> pointConsoleAtRealm(ProxyResponse response) {
            ReadStream<Buffer> stream = response.getBody().stream();
            Future<Buffer> whole = stream.collect(Collector.of(Buffer::buffer, Buffer::appendBuffer,
                    Buffer::appendBuffer));
            stream.resume();
            return whole.map(buffer -> {
                String rewritten = ConsoleSecurity.rewrite(buffer.toString(StandardCharsets.UTF_8),
                        response.headers().get("Content-Type"), consoleDiscoveryUrl);
                // the body changed: the backend's length and validators no longer describe it
                response.headers().remove("Content-Length").remove("ETag").remove("Last-Modified");
                response.setBody(Body.body(Buffer.buffer(rewritten, "UTF-8")));
                return null;
            });
        }

        private Future<Void> send(ProxyContext pc, Target target, HttpServerRequest in) {
            return pc.sendResponse().onFailure(failure -> notWrittenWhole(target, in, failure));
        }

        /** An answer not written whole: counted when its caller hung up, logged when something else cut it off. */
        private void notWrittenWhole(Target target, HttpServerRequest in, Throwable failure) {
            String service = target == null ? "?" : target.backend().serviceName();
            if (target != null && callerHungUp(in)) {
                // the caller hung up while its answer was being written: its own doing, and under a flood of such
                // callers a line each was thousands a minute
                callersGone.get(target.backend()).increment();
                LOG.debugf("%s %s -> %s: caller gone before its answer was written: %s", in.method(), in.path(),
                        service, failure);
            } else {
                // the proxy has reset the caller's response (its head was already sent): say why in the log
                LOG.warnf("%s %s -> %s: response not completed: %s", in.method(), in.path(), service, failure);
            }
        }
    }

    /**
     * Whether the caller's connection is gone. Vert.x marks the response closed only a moment after a write to it
     * failed (the close is announced on the next turn of the event loop); the channel knows at once.
     */
    static boolean callerHungUp(HttpServerRequest in) {
        return in.response().closed()
                || (in.connection() instanceof ConnectionBase connection && !connection.channel().isActive());
    }

    private ProxyResponse backendFailure(ProxyContext pc, Target target, Throwable failure) {
        HttpServerRequest in = pc.request().proxiedRequest();
        String requestId = in.getHeader(RequestIds.HEADER);
        boolean zh = GatewayWords.chinese(in);
        Long tooLarge = pc.get(TOO_LARGE, Long.class);
        if (tooLarge != null) {
            // the body's pipe to the service was cut off (and the service's request reset): the caller's fault
            LOG.infof("%s %s: body over %d bytes cut off", in.method(), in.path(), tooLarge);
            return pc.request().response()
                    .setStatusCode(413)
                    .putHeader("Connection", "close")
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Cache-Control", "no-store")
                    .setBody(Body.body(Problems.body(413, GatewayWords.title(zh, 413, "Payload too large"),
                            BodyLimit.detail(tooLarge, zh), in.path(), requestId)));
        }
        Backend backend = target.backend();
        boolean busy = Causes.find(failure, ConnectionPoolTooBusyException.class).isPresent();
        boolean timeout = !busy && isTimeout(failure);
        int status = busy ? 503 : timeout ? 504 : 502;
        String title = GatewayWords.title(zh, status, busy ? "Service Unavailable"
                : timeout ? "Gateway Timeout" : "Bad Gateway");
        String detail = busy
                ? GatewayWords.text(zh, "busy", backend.serviceName()
                        + " has too many requests waiting; this one was not sent: retry in a moment", backend.serviceName())
                : timeout
                ? GatewayWords.text(zh, "timeout", backend.serviceName() + " did not answer in time", backend.serviceName())
                : GatewayWords.text(zh, "unreachable", backend.serviceName() + " is not reachable", backend.serviceName());
        if (busy) {
            // counted, not logged one by one: under a flood a line per refusal would only add to the load
            pc.set(REFUSED_BUSY, Boolean.TRUE);
            refusedBusy.get(backend).increment();
        } else {
            LOG.warnf("%s %s -> %s failed with %d: %s", in.method(), in.path(), backend.serviceName(), status, failure);
        }
        ProxyRequest request = pc.request();
        if (!in.isEnded()) {
            // frees an unread body; once the body has been read whole (always, by the time a backend times out),
            // resuming an HTTP/2 request throws, and the client would never get an answer
            request.release();
        }
        Buffer problem = Problems.body(busy ? ProblemType.SERVICE_BUSY.type() : Problems.type(status), status, title,
                detail, in.path(), requestId);
        if (pc.get(SENT_TO_SERVICE, Boolean.class) == null) {
            pc.set(OWN_ANSWER, problem);
        }
        ProxyResponse response = request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .setBody(Body.body(problem));
        return busy ? response.putHeader("Retry-After", "1") : response;
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable t : Causes.of(failure)) {
            // ConnectTimeoutException is a ConnectException: test it first
            if (t instanceof TimeoutException || t instanceof ConnectTimeoutException) {
                return true;
            }
            if (t instanceof ConnectException) {
                return false;
            }
        }
        return false;
    }

    /** Every failure on the gateway's own routes (a refused token included) leaves as problem+json. */
    static void failure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        String path = ctx.normalizedPath();
        int status;
        String title;
        String detail;
        String key = "";
        if (is(failure, AuthenticationFailedException.class) || is(failure, UnauthorizedException.class)
                || is(failure, AuthenticationCompletionException.class)) {
            status = 401;
            title = "Unauthorized";
            key = "tokenRefused";
            detail = "the bearer token was refused (signature, issuer, audience or expiry)";
            if (ctx.response().headers().get("WWW-Authenticate") == null && !ctx.response().headWritten()) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
            }
        } else if (is(failure, ForbiddenException.class)) {
            status = 403;
            title = "Forbidden";
            key = "forbidden";
            detail = "your roles do not allow this operation";
        } else if (is(failure, OIDCException.class)) {
            LOG.warnf("token check impossible on %s: %s", path, rootMessage(failure));
            status = 503;
            title = "Service Unavailable";
            key = "identityProvider";
            detail = "the identity provider is not reachable; retry later";
            ctx.response().putHeader("Retry-After", "10");
        } else if (failure == null && ctx.statusCode() >= 400) {
            status = ctx.statusCode();
            title = HttpResponseStatus.valueOf(status).reasonPhrase();
            detail = title;
        } else {
            LOG.error("unexpected failure on " + path, failure);
            status = 500;
            title = "Internal error";
            key = "unexpected";
            detail = "an unexpected error occurred; quote the request id to the operators";
        }
        boolean zh = GatewayWords.chinese(ctx.request());
        Problems.send(ctx.response(), status, GatewayWords.title(zh, status, title), GatewayWords.text(zh, key, detail), path,
                requestId(ctx));
    }

    private static String rootMessage(Throwable failure) {
        return Causes.root(failure).toString();
    }

    private static boolean is(Throwable failure, Class<? extends Throwable> type) {
        return Causes.find(failure, type).isPresent();
    }
}
