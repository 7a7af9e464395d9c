package cn.nmsdz.systemtest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * A stand-in for an OpenTelemetry collector: receives the services' OTLP exports (HTTP/protobuf, POST …/v1/traces)
 * during the system tests and keeps the last bodies, so a test can ask whether a service exported a span of a given
 * trace without decoding protobuf (the trace id is 16 raw bytes in the body, the service name its UTF-8 text).
 */
final class TraceCollector {
    static final int PORT = 4318 + Suite.OFFSET;
    static final String ENDPOINT = "http://127.0.0.1:" + PORT;
    private static final long MAX_KEPT_BYTES = 64L * 1024 * 1024;
    private static final Deque<byte[]> BODIES = new ArrayDeque<>();
    private static long kept;
    private static HttpServer server;

    private TraceCollector() {
    }

    static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the trace collector cannot listen on " + PORT, e);
        }
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                keep(in.readAllBytes());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    private static synchronized void keep(byte[] body) {
        BODIES.addLast(body);
        kept += body.length;
        while (kept > MAX_KEPT_BYTES) {
            kept -= BODIES.removeFirst().length;
        }
    }

    /** Whether a service of this name exported a span of this trace (32 hex digits). */
    static synchronized boolean exported(String serviceName, String traceId) {
        byte[] id = HexFormat.of().parseHex(traceId);
        byte[] name = serviceName.getBytes(StandardCharsets.UTF_8);
        return BODIES.stream().anyMatch(body -> contains(body, id) && contains(body, name));
    }

    static synchronized List<byte[]> bodies() {
        return List.copyOf(BODIES);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
