package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.security.RegionAccess;
import cn.nmsdz.scoring.notify.Notifications;
import cn.nmsdz.scoring.notify.Reminders;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The daily reminder run of one region, on demand. */
@Path("/api/v1/regions/{code}/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@Authenticated
public class ReminderResource {

    public record Run(String region, int year, int notified) {
    }

    @Inject
    Reminders reminders;

    @Inject
    RegionAccess access;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({"creation-office", "catalogue-admin"})
    @Operation(summary = "Send the region's reminders now",
            description = "What is overdue and what falls due within nmsdz.campaign.remind-days (7) notifies its departments "
                    + "and the creation office, in the inbox and to webhooks; the same reminder is sent once a day at most "
                    + "(also by the daily run at 08:00 Asia/Shanghai). The region's own creation office or the admin.")
    @APIResponse(responseCode = "200", description = "How many new events were raised")
    @APIResponse(responseCode = "400", description = "Missing or impossible year")
    @APIResponse(responseCode = "403", description = "An office of another region (rule own-region)")
    public Run run(@PathParam("code") String code, @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        String own = Caller.of(identity).region();
        if (!identity.hasRole("catalogue-admin") && !code.equals(own)) {
            throw ProblemException.forbidden("rule own-region: a creation office sends the reminders of its own region "
                    + own + ", not " + code);
        }
        access.checkReadable(code);
        int y = year;
        return new Run(code, y, reminders.run(code, y));
    }
}
