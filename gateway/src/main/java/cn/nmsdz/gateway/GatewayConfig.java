package cn.nmsdz.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** {@code nmsdz.*}: where the services live and how long the gateway waits for them. */
@ConfigMapping(prefix = "nmsdz")
public interface GatewayConfig {

    Routes routes();

    Gateway gateway();

    /** Base URLs of the services (env NMSDZ_ROUTES_INDICATOR, NMSDZ_ROUTES_EVIDENCE, NMSDZ_ROUTES_SCORING). */
    interface Routes {
        @WithDefault("http://127.0.0.1:8081")
        URI indicator();

        @WithDefault("http://127.0.0.1:8082")
        URI evidence();

        @WithDefault("http://127.0.0.1:8083")
        URI scoring();
    }

    interface Gateway {
        /** A backend that has not connected or sent anything for this long gets a 504 (NMSDZ_GATEWAY_BACKEND_TIMEOUT). */
        @WithDefault("30s")
        Duration backendTimeout();
    }

    default URI baseUri(RouteTable.Backend backend) {
        return switch (backend) {
            case INDICATOR -> routes().indicator();
            case EVIDENCE -> routes().evidence();
            case SCORING -> routes().scoring();
        };
    }
}
