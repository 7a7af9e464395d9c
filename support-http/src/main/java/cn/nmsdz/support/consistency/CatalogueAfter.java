package cn.nmsdz.support.consistency;

import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemMappers;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Read-your-writes across services. A write of indicator-service answers {@value WrittenEvents#HEADER}: the time of
 * the catalogue event it made. A client that calls evidence- or scoring-service right after may pass that time as
 * {@value #HEADER}; where a refusal depends on catalogue data that has not arrived from that write yet, the service
 * answers 409 with Retry-After instead of refusing for good.
 */
@RequestScoped
@Unremovable
public class CatalogueAfter {
    public static final String HEADER = "X-NMSDZ-Catalogue-After";

    // (a request-scoped bean is reached through a shared client proxy: only its methods reach this request's instance)
    private OffsetDateTime after;

    OffsetDateTime value() {
        return after;
    }

    void set(OffsetDateTime value) {
        after = value;
    }

    /**
     * A change reaches every service within seconds; one named this long ago that has still not arrived is not a delay
     * worth waiting for, so the usual answer follows and a client never retries for ever.
     */
    static final Duration WINDOW = Duration.ofSeconds(60);

    /**
     * The catalogue time the caller of the current HTTP request passed, if it did and it is within the last
     * {@link #WINDOW} (none outside an HTTP request).
     */
    public static Optional<OffsetDateTime> current() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        OffsetDateTime after = Arc.container().instance(CatalogueAfter.class).get().value();
        return after == null || after.isBefore(OffsetDateTime.now().minus(WINDOW)) ? Optional.empty() : Optional.of(after);
    }

    /** Whether the caller names a catalogue change later than the one this service holds (null: none held). */
    public static boolean ahead(OffsetDateTime held) {
        Optional<OffsetDateTime> after = current();
        return after.isPresent() && (held == null || held.isBefore(after.get()));
    }

    /** Reads the header of every request; a value that is no ISO-8601 time is a 400 naming the header. */
    public static class Filter {
        @Inject
        CatalogueAfter holder;

        @ServerRequestFilter
        public Response read(ContainerRequestContext request) {
            String value = request.getHeaderString(HEADER);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                holder.set(OffsetDateTime.parse(value.strip()).truncatedTo(ChronoUnit.MICROS));
                return null;
            } catch (DateTimeParseException e) {
                return ProblemMappers.respond(400, "Invalid request", HEADER + " must be an ISO-8601 time with offset, "
                        + "as a catalogue write answered it in " + WrittenEvents.HEADER, request.getUriInfo(),
                        List.of(new Problem.FieldError(HEADER, "not an ISO-8601 time: '" + value + "'")));
            }
        }
    }
}
