package cn.nmsdz.support.consistency;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The time of the last event a request appended to the outbox. A successful write answers it as {@value #HEADER}, so
 * the client can ask other services to answer only once that change has reached them ({@link CatalogueAfter}).
 */
@RequestScoped
@Unremovable
public class WrittenEvents {
    public static final String HEADER = "X-NMSDZ-Event-Time";

    // (a request-scoped bean is reached through a shared client proxy: only its methods reach this request's instance)
    private OffsetDateTime last;

    void record(OffsetDateTime time) {
        OffsetDateTime t = time.truncatedTo(ChronoUnit.MICROS);
        if (last == null || t.isAfter(last)) {
            last = t;
        }
    }

    OffsetDateTime last() {
        return last;
    }

    /** Called by the outbox for every appended event; outside an HTTP request (a consumer, a worker) it does nothing. */
    public static void recordAppended(OffsetDateTime time) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        try (InstanceHandle<WrittenEvents> handle = Arc.container().instance(WrittenEvents.class)) {
            handle.get().record(time);
        }
    }

    public static class Header {
        @ServerResponseFilter
        public void add(ContainerRequestContext request, ContainerResponseContext response) {
            if (response.getStatus() >= 300 || !Arc.container().requestContext().isActive()) {
                return;
            }
            try (InstanceHandle<WrittenEvents> handle = Arc.container().instance(WrittenEvents.class)) {
                OffsetDateTime last = handle.get().last();
                if (last != null) {
                    response.getHeaders().putSingle(HEADER, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(last));
                }
            }
        }
    }
}
