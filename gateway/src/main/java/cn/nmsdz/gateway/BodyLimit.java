package cn.nmsdz.gateway;

import cn.nmsdz.support.rest.RequestIds;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;

/**
 * The most body a request may carry through the gateway, chosen by its route: JSON bodies (everything but the file
 * uploads of {@link RouteTable#takesFiles}) get {@code nmsdz.gateway.json-body-limit}, file uploads the HTTP layer's
 * {@code quarkus.http.limits.max-body-size}. A declared Content-Length over the limit is refused here before a byte
 * of the body is read; a body without one (chunked) is counted while it streams to the service by {@link #cap}, and
 * cut off with the same 413 when it grows past the limit. Either way nothing is held in memory.
 */
final class BodyLimit {
    private final long jsonMaxBytes;
    private final long fileMaxBytes;

    BodyLimit(long jsonMaxBytes, long fileMaxBytes) {
        this.jsonMaxBytes = jsonMaxBytes;
        this.fileMaxBytes = fileMaxBytes;
    }

    long limitFor(String path) {
        return RouteTable.takesFiles(path) ? fileMaxBytes : jsonMaxBytes;
    }

    void check(RoutingContext ctx) {
        long max = limitFor(ctx.normalizedPath());
        if (exceeds(ctx.request().getHeader("Content-Length"), max)) {
            refuse(ctx.request().response(), max, ctx.request().path(), ctx.get(RequestIds.MDC_KEY),
                    GatewayWords.chinese(ctx.request()));
            return;
        }
        ctx.next();
    }

    /** 413 problem, then the connection is closed: the rest of the body is never read. */
    static void refuse(io.vertx.core.http.HttpServerResponse response, long max, String path, String requestId,
                       boolean chinese) {
        response.putHeader("Connection", "close");
        Problems.send(response, 413, GatewayWords.title(chinese, 413, "Payload too large"), detail(max, chinese), path,
                requestId);
    }

    static String detail(long max, boolean chinese) {
        return GatewayWords.text(chinese, "bodyTooLarge", detail(max), String.valueOf(max));
    }

    static String detail(long max) {
        return "the request body is larger than " + max + " bytes, the most this gateway forwards on this route"
                + " (JSON: a batch of up to 10,000 rows; a document may have at most 200 MB)";
    }

    /** True only for a well-formed declared length over the limit; anything else is the HTTP layer's to judge. */
    static boolean exceeds(String contentLength, long max) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Thrown into the body's pipe to the service when a body without a declared length grows past the limit. */
    static final class TooLarge extends RuntimeException {
        final long max;

        TooLarge(long max) {
            super("request body larger than " + max + " bytes", null, false, false);
            this.max = max;
        }
    }

    /**
     * {@code body} as it streams, failing with {@link TooLarge} once more than {@code max} bytes went through;
     * {@code onExceeded} runs first, once. The rest of the body is then read and dropped, so the client can read the
     * 413 (closing a connection with unread data resets it, and the answer may be lost); once another {@code max}
     * bytes have been dropped, {@code giveUp} closes the connection.
     */
    static ReadStream<Buffer> cap(ReadStream<Buffer> body, long max, Runnable onExceeded, Runnable giveUp) {
        return new Capped(body, max, onExceeded, giveUp);
    }

    private static final class Capped implements ReadStream<Buffer> {
        private final ReadStream<Buffer> source;
        private final long max;
        private final Runnable onExceeded;
        private final Runnable giveUp;
        private long seen;
        private boolean exceeded;
        private boolean gaveUp;
        private Handler<Throwable> exceptionHandler;
        private Handler<Buffer> handler;

        Capped(ReadStream<Buffer> source, long max, Runnable onExceeded, Runnable giveUp) {
            this.source = source;
            this.max = max;
            this.onExceeded = onExceeded;
            this.giveUp = giveUp;
        }

        private void data(Buffer chunk) {
            seen += chunk.length();
            if (exceeded) {
                if (seen > 2 * max && !gaveUp) {
                    gaveUp = true;
                    giveUp.run();
                }
                return;
            }
            if (seen > max) {
                exceeded = true;
                onExceeded.run();
                source.resume(); // dropped from now on, whatever the pipe does
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(max));
                }
                return;
            }
            handler.handle(chunk);
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> h) {
            exceptionHandler = h;
            source.exceptionHandler(h);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> h) {
            handler = h;
            if (!exceeded) {
                source.handler(h == null ? null : this::data);
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            if (!exceeded) {
                source.pause();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            source.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> h) {
            source.endHandler(h == null ? null : v -> {
                if (!exceeded) {
                    h.handle(v);
                }
            });
            return this;
        }
    }
}
