package cn.nmsdz.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code nmsdz.*}: where the services live and how long the gateway waits for them. */
@ConfigMapping(prefix = "nmsdz")
public interface GatewayConfig {

    Routes routes();

    Gateway gateway();

    /**
     * Base URLs of the services (env NMSDZ_ROUTES_INDICATOR, NMSDZ_ROUTES_EVIDENCE, NMSDZ_ROUTES_SCORING,
     * NMSDZ_ROUTES_WEB): one, or several instances separated by commas, which the gateway takes in turn (see
     * {@link Instances}). On Kubernetes one Service URL each is usual: the Service spreads the requests. The local
     * defaults are in application.properties (the ports: the root pom's nmsdz.port.*).
     */
    interface Routes {
        List<URI> indicator();

        List<URI> evidence();

        List<URI> scoring();

        /** The web workspace (NMSDZ_ROUTES_WEB). */
        List<URI> web();
    }

    interface Gateway {
        /** A backend that has not connected or sent anything for this long gets a 504 (NMSDZ_GATEWAY_BACKEND_TIMEOUT). */
        @WithDefault("30s")
        Duration backendTimeout();

        /**
         * The most a JSON body may have (NMSDZ_GATEWAY_JSON_BODY_LIMIT): 10,000 observation rows are about 2.8 MB
         * (3.9 MB with non-ASCII escaped), so 8M leaves twice that. File uploads keep quarkus.http.limits.max-body-size.
         */
        @WithDefault("8M")
        MemorySize jsonBodyLimit();

        /** The longest request line (method, target, version) the gateway takes: longer is a 414 problem. */
        @WithDefault("4K")
        MemorySize maxRequestLine();

        /** The most header bytes (names and values) the gateway takes: more is a 431 problem. */
        @WithDefault("20K")
        MemorySize maxHeaderSize();

        /**
         * Requests that may wait for a connection to one service while its 64 pooled connections are all busy
         * (NMSDZ_GATEWAY_MAX_WAITING_REQUESTS); more are answered 503 with Retry-After at once. Without a bound, a flood
         * of requests beyond what the services can answer queued up in the gateway with their connections until it
         * ran out of heap and file descriptors. A waiting request holds about 20 KB of heap.
         */
        @WithDefault("512")
        int maxWaitingRequests();

        RateLimit rateLimit();

        Console console();
    }

    /** {@code nmsdz.gateway.console.*}: the OpenAPI console (Swagger UI) in the browser. */
    interface Console {
        /**
         * The OpenID Connect discovery URL the browser uses to log in, written into the services' OpenAPI documents
         * (NMSDZ_GATEWAY_CONSOLE_OPENID_CONNECT_URL). Default: the gateway's own realm
         * ({@code quarkus.oidc.auth-server-url} + /.well-known/openid-configuration); set it when browsers reach
         * Keycloak under another address than the gateway does.
         */
        Optional<String> openidConnectUrl();
    }

    /**
     * {@code nmsdz.gateway.rate-limit.*}: a token bucket per client (token azp + sub, or remote address). The defaults
     * are far above what a person or a test does, so only runaway clients meet a 429.
     */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second per client (NMSDZ_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND). */
        @WithDefault("50")
        long requestsPerSecond();

        /** Requests a client may make at once after being idle (NMSDZ_GATEWAY_RATE_LIMIT_BURST). */
        @WithDefault("100")
        long burst();

        /** Upper bound of tracked clients; idle ones are evicted first. */
        @WithDefault("100000")
        int maxClients();
    }

    /** The instances of a service, in the order configured. */
    default List<URI> instances(RouteTable.Backend backend) {
        return switch (backend) {
            case INDICATOR -> routes().indicator();
            case EVIDENCE -> routes().evidence();
            case SCORING -> routes().scoring();
            case WEB -> routes().web();
        };
    }
}
