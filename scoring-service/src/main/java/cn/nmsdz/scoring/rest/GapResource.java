package cn.nmsdz.scoring.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.nmsdz.scoring.explain.SnapshotRenderer;
import cn.nmsdz.support.rest.Language;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.MissingInput;
import cn.nmsdz.scoring.projection.DecompositionDepartmentEntity;
import cn.nmsdz.scoring.projection.DecompositionEntryEntity;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.scoring.snapshot.SnapshotService;
import cn.nmsdz.support.rest.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/regions/{code}/gaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores")
@Authenticated
public class GapResource {

    @Schema(description = "A department named by the task decomposition")
    public record Department(String code, String name) {
    }

    @Schema(description = "The points one indicator loses in the confirmed total and what would earn them")
    public record Gap(
            String code,
            String name,
            BigDecimal maxPoints,
            @Schema(description = "Confirmed points") BigDecimal points,
            @Schema(description = "Points the projected total gives (pending evidence and claims counted)") BigDecimal projectedPoints,
            @Schema(description = "maxPoints − points") BigDecimal lost,
            String status,
            @Schema(description = "Figures that are missing (metric, region, year)") List<MissingInput> missing,
            @Schema(description = "Explanation lines of the comparisons and conditions that were not met") List<String> unmet,
            @Schema(description = "Items (or the indicator) waiting for an expert verdict") List<String> awaitingExpert,
            @Schema(description = "Lead units (牵头单位) from the decomposition") List<Department> leadUnits,
            @Schema(description = "Responsible units (责任单位) from the decomposition") List<Department> responsibleUnits,
            @Schema(description = "The missing figures as phrases, in the language asked for") List<String> missingText) {
    }

    public record GapView(
            String region,
            int year,
            @Schema(description = "The snapshot the gaps are read from") long snapshotNumber,
            BigDecimal confirmedTotal,
            BigDecimal pointsLost,
            @Schema(description = "Whether the decomposition of the region has been received") boolean decompositionKnown,
            @Schema(description = "Indicators losing points, largest loss first") List<Gap> gaps) {
    }

    @Inject
    SnapshotService snapshots;

    @Inject
    RegionAccess access;

    @Inject
    SnapshotRenderer renderer;

    @GET
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer", "evidence-submitter"})
    @Operation(summary = "Gap view: the points each indicator loses and who is responsible",
            description = "From the latest snapshot of the year: per indicator losing points (maximum − confirmed points), "
                    + "largest first, what would earn them (missing figures, unmet comparisons and conditions, items "
                    + "awaiting experts) and the lead and responsible departments of the task decomposition.")
    @APIResponse(responseCode = "400", description = "Missing or impossible year")
    @APIResponse(responseCode = "404", description = "No snapshot of that year yet")
    public GapView gaps(@PathParam("code") String region,
                        @Parameter(description = "Assessment year Y", example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer yearParam,
                        @Parameter(description = ScoreResource.LANG) @QueryParam("lang") String lang,
                        @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        access.checkReadable(region);
        int year = yearParam;
        return view(region, year, language);
    }

    /** The gaps of the latest snapshot of a region and year, in a language (the caller has checked access). */
    public GapView view(String region, int year, Language language) {
        SnapshotEntity entity = SnapshotEntity.<SnapshotEntity>find("region = ?1 and year = ?2",
                Sort.descending("number"), region, year).firstResult();
        if (entity == null) {
            throw ProblemException.notFound("no snapshot of region " + region + " for year " + year + " yet");
        }
        Snapshot stored = snapshots.read(entity);
        Snapshot snapshot = renderer.render(stored, language, () -> snapshots.recompute(entity).recomputed());
        Map<String, IndicatorScore> english = stored.confirmed().indicators().stream()
                .collect(Collectors.toMap(IndicatorScore::code, Function.identity(), (a, b) -> a));
        Map<String, String> names = DecompositionDepartmentEntity.<DecompositionDepartmentEntity>list("region", region)
                .stream().collect(Collectors.toMap(d -> d.code, d -> d.name, (a, b) -> a));
        Map<String, DecompositionEntryEntity> owners = DecompositionEntryEntity.<DecompositionEntryEntity>list("region", region)
                .stream().collect(Collectors.toMap(e -> e.indicator, Function.identity(), (a, b) -> a));
        Map<String, BigDecimal> projected = snapshot.projected().indicators().stream()
                .collect(Collectors.toMap(IndicatorScore::code, IndicatorScore::points, (a, b) -> a));
        List<Gap> gaps = new ArrayList<>();
        BigDecimal lostTotal = BigDecimal.ZERO;
        for (IndicatorScore s : snapshot.confirmed().indicators()) {
            BigDecimal lost = s.maxPoints().subtract(s.points());
            if (lost.signum() <= 0) {
                continue;
            }
            lostTotal = lostTotal.add(lost);
            DecompositionEntryEntity owner = owners.get(s.code());
            gaps.add(new Gap(s.code(), s.name(), s.maxPoints(), s.points(), projected.get(s.code()), lost,
                    s.status().name(), s.missing(), unmet(english.get(s.code()).explanation(), s.explanation()),
                    s.awaitingExpert(), departments(owner == null ? null : owner.leadUnits, names),
                    departments(owner == null ? null : owner.responsibleUnits, names), s.missingText()));
        }
        gaps.sort(Comparator.comparing(Gap::lost).reversed()
                .thenComparingInt(g -> number(g.code())));
        return new GapView(region, year, entity.number, snapshot.confirmed().total(), lostTotal,
                !owners.isEmpty(), gaps);
    }

    /** The explanation lines that cost points: comparisons giving +0, conditions not holding, items not satisfied. */
    static List<String> unmet(List<String> explanation) {
        return unmet(explanation, explanation);
    }

    /** The lines of {@code shown} (the same lines in the language asked for) whose English line is unmet. */
    static List<String> unmet(List<String> english, List<String> shown) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < english.size() && i < shown.size(); i++) {
            String l = english.get(i);
            if (!l.contains("(missing input)") && !l.contains("undecided")
                    && (l.endsWith("→ +0") || l.contains("does not hold") || l.endsWith("not satisfied")
                    || l.contains("not satisfied (") || l.contains("in no band") || l.contains("→ not counted"))) {
                lines.add(shown.get(i));
            }
        }
        return lines;
    }

    /** The departments of a decomposition entry's JSON list of codes, with their names. */
    public static List<Department> departments(String json, Map<String, String> names) {
        if (json == null) {
            return List.of();
        }
        try {
            List<String> codes = EventEnvelope.JSON.readValue(json, new TypeReference<List<String>>() { });
            return codes.stream().map(c -> new Department(c, names.getOrDefault(c, c))).toList();
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static int number(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
