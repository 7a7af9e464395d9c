package cn.nmsdz.gateway;

import cn.nmsdz.gateway.RouteTable.Backend;
import cn.nmsdz.support.rest.Causes;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Connections to the services behind the gateway: each request to a service goes to one of its instances
 * ({@link Instances}), and moves on to the next when one refuses the connection (a stopped or restarting instance), so
 * a service with two instances keeps answering while one of them is down.
 */
final class Backends {
    private static final Logger LOG = Logger.getLogger(Backends.class);

    private final Map<Backend, Instances> instances = new EnumMap<>(Backend.class);
    private final long timeoutMs;

    Backends(GatewayConfig config) {
        for (Backend backend : Backend.values()) {
            instances.put(backend, new Instances(config.instances(backend)));
        }
        this.timeoutMs = config.gateway().backendTimeout().toMillis();
    }

    /** A request to an instance of {@code backend}, {@code options} completed with its host, port and timeouts. */
    Future<HttpClientRequest> connect(HttpClient client, Backend backend, RequestOptions options) {
        Instances service = instances.get(backend);
        return connect(client, service, service.order(), 0, options);
    }

    List<URI> instances(Backend backend) {
        return instances.get(backend).all();
    }

    private Future<HttpClientRequest> connect(HttpClient client, Instances service, List<URI> order, int i,
            RequestOptions options) {
        URI base = order.get(i);
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() != -1 ? base.getPort() : ssl ? 443 : 80;
        // the same options each try (tries follow one another): only where they go changes
        RequestOptions to = options
                .setHost(base.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs);
        return client.request(to).map(request -> {
            service.connected(base);
            return request;
        }).recover(failure -> {
            if (!refused(failure)) {
                return Future.failedFuture(failure);
            }
            service.refused(base);
            if (i + 1 >= order.size()) {
                return Future.failedFuture(failure);
            }
            LOG.infof("%s refused the connection; trying %s", base, order.get(i + 1));
            return connect(client, service, order, i + 1, options);
        });
    }

    /** Nothing was sent: the instance is not listening (a connect timeout is not retried, it took its time). */
    static boolean refused(Throwable failure) {
        for (Throwable t : Causes.of(failure)) {
            if (t instanceof ConnectTimeoutException) {
                return false;
            }
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
