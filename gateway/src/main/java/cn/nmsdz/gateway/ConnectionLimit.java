package cn.nmsdz.gateway;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.inject.Singleton;

/**
 * Lets {@code quarkus.http.limits.max-connections} count every connection from the moment it is accepted, so that
 * callers who connect and send nothing (or half a request head) cannot take the gateway's every open file.
 *
 * <p>With HTTP/2 over clear text (h2c) on, as Quarkus has it, Vert.x waits for a connection's first bytes to tell
 * HTTP/2's preface from HTTP/1 before it makes the connection known, so the limit saw only connections that had sent a
 * whole request head, and 19,800 idle ones took the gateway to its 20,000 files: it then answered nobody while its
 * readiness stayed UP (BENCHMARKS §22, §23). Without h2c the connection is HTTP/1 from its accept, counted, and closed at
 * once past the limit. Nothing is lost for callers: TLS and with it HTTP/2 (ALPN) end at the ingress, which speaks
 * HTTP/1.1 to the gateway, and an HTTP/2 client that tries h2c over plain HTTP goes on with HTTP/1.1 (RFC 7540 3.2).
 */
@Singleton
public class ConnectionLimit implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
