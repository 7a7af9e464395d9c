package cn.nmsdz.gateway;

import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared Content-Length is beyond the gateway's body limit before a byte of it
 * is read, with a problem body: the HTTP layer alone would answer a bare 413 and close. (A chunked body
 * that grows past the limit is still cut off by the HTTP layer itself.)
 */
final class BodyLimit {
    private final long maxBytes;

    BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    void check(RoutingContext ctx) {
        if (exceeds(ctx.request().getHeader("Content-Length"))) {
            ctx.response().putHeader("Connection", "close");
            Problems.send(ctx.response(), 413, "Payload too large", "the request body is larger than " + maxBytes
                    + " bytes, the most this gateway forwards (a document may have at most 200 MB)",
                    ctx.request().path(), ctx.get(RequestIds.KEY));
            return;
        }
        ctx.next();
    }

    /** True only for a well-formed declared length over the limit; anything else is the HTTP layer's to judge. */
    boolean exceeds(String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
