package cn.nmsdz.evidence.document;

import cn.nmsdz.support.rest.RefusalRule;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an upload whose declared Content-Length is beyond the HTTP body limit before a byte of it
 * is read, with a problem body (the HTTP layer alone would answer a bare 413 and close).
 */
@ApplicationScoped
public class UploadSizeGuard {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "201M")
    MemorySize maxBody;

    @ConfigProperty(name = "nmsdz.documents.max-size", defaultValue = "200M")
    MemorySize maxDocument;

    void install(@Observes Router router) {
        router.route().order(-1000).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long declared = -1;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException ignored) {
                // left to the HTTP layer
            }
            if (declared > maxBody.asLongValue()) {
                JsonObject problem = new JsonObject().put("type", RefusalRule.DOCUMENT.type()).put("title", "Payload too large")
                        .put("status", 413).put("detail", "the request body is larger than " + maxBody.asLongValue()
                                + " bytes; a document may have at most " + maxDocument.asLongValue() + " bytes")
                        .put("instance", rc.request().path())
                        .put("errors", new JsonArray().add(new JsonObject().put("field", "file")
                                .put("message", "larger than " + maxDocument.asLongValue() + " bytes")));
                rc.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close").end(problem.encode());
                return;
            }
            rc.next();
        });
    }
}
