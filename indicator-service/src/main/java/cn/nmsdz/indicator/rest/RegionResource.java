package cn.nmsdz.indicator.rest;

import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.indicator.region.RegionEntity;
import cn.nmsdz.indicator.region.RegionService;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Administrative divisions with their level, parent and economic zone")
@Authenticated
public class RegionResource {
    private static final Pattern CODE = Pattern.compile("CN|\\d{6}");
    private static final Set<String> LEVELS = Set.of("PROVINCE", "CITY", "COUNTY");

    @Inject
    RegionService regions;

    @GET
    @Operation(summary = "List regions")
    public List<RegionData> list() {
        return RegionEntity.<RegionEntity>listAll().stream().map(RegionEntity::toData).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a region")
    @APIResponse(responseCode = "404", description = "Unknown region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RegionData get(@PathParam("code") String code) {
        RegionEntity entity = RegionEntity.findById(code);
        if (entity == null) {
            throw ProblemException.notFound("no region " + code);
        }
        return entity.toData();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("catalogue-admin")
    @Operation(summary = "Create or change a region", description = "Announced on catalogue.events.")
    @APIResponse(responseCode = "400", description = "What is wrong with the region",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RegionData upsert(RegionData region) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (region == null) {
            throw ProblemException.badRequest("a region is required", List.of());
        }
        if (region.code() == null || !CODE.matcher(region.code()).matches() || "CN".equals(region.code())) {
            errors.add(new Problem.FieldError("code", "must be a 6-digit administrative division code"));
        }
        if (region.name() == null || region.name().isBlank()) {
            errors.add(new Problem.FieldError("name", "is required"));
        }
        if (region.level() == null || !LEVELS.contains(region.level())) {
            errors.add(new Problem.FieldError("level", "must be one of " + LEVELS));
        }
        if (region.zone() == null) {
            errors.add(new Problem.FieldError("zone", "must be one of EAST, CENTRAL, WEST, NORTHEAST"));
        }
        if (region.parentCode() == null || RegionEntity.findById(region.parentCode()) == null) {
            errors.add(new Problem.FieldError("parentCode", "must name an existing region"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("the region is invalid", errors);
        }
        return regions.upsert(region).toData();
    }
}
