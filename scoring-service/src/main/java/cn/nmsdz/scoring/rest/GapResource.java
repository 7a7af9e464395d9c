package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.security.RegionAccess;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import cn.nmsdz.scoring.explain.Gaps;
import cn.nmsdz.support.rest.Language;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/regions/{code}/gaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores")
@Authenticated
public class GapResource {

    @Inject
    Gaps gaps;

    @Inject
    RegionAccess access;

    @GET
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer", "evidence-submitter"})
    @Operation(summary = "Gap view: the points each indicator loses and who is responsible",
            description = "From the latest snapshot of the year: per indicator losing points (maximum − confirmed points), "
                    + "largest first, what would earn them (missing figures, unmet comparisons and conditions, items "
                    + "awaiting experts) and the lead and responsible departments of the task decomposition.")
    @APIResponse(responseCode = "400", description = "Missing or impossible year")
    @APIResponse(responseCode = "404", description = "No snapshot of that year yet")
    public Gaps.GapView gaps(@PathParam("code") String region,
                        @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer yearParam,
                        @Parameter(description = ScoreResource.LANG) @QueryParam("lang") String lang,
                        @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        access.checkReadable(region);
        int year = yearParam;
        return gaps.view(region, year, language);
    }
}
