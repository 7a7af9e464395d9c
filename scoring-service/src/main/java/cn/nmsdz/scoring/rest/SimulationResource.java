package cn.nmsdz.scoring.rest;

import cn.nmsdz.scoring.security.RegionAccess;
import cn.nmsdz.scoring.snapshot.SnapshotCalculator;
import cn.nmsdz.scoring.explain.SnapshotRenderer;
import cn.nmsdz.support.rest.Language;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.scoring.domain.model.Claim;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.ExpertVerdict;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.snapshot.Hypothesis;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/regions/{code}/scores/simulate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Scores")
@Authenticated
public class SimulationResource {

    @Schema(description = "Hypothetical evidence added on top of the region's current evidence")
    public record SimulationRequest(
            @Schema(description = "Assessment year Y (window Y−1, Y)", example = "2025")
            @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "Figures of the region, counted as accepted", maxItems = MAX_OBSERVATIONS)
            List<@NotNull @Valid ObservationInput> observations,
            @Schema(description = "Expert verdicts, counted as given (they decide in both totals)", maxItems = MAX_JUDGEMENTS)
            List<@NotNull @Valid VerdictInput> verdicts,
            @Schema(description = "Self-assessment claims, counted as pending (projected total only)", maxItems = MAX_JUDGEMENTS)
            List<@NotNull @Valid ClaimInput> claims) {
    }

    /** What evidence-service stores (numeric(24, 6)). */
    public record ObservationInput(
            @Schema(description = "Metric code of the catalogue", example = "online_retail_sales") @NotBlank String metric,
            @Schema(example = "2025") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(example = "350") @NotNull @Digits(integer = 18, fraction = 6) BigDecimal value,
            @Schema(description = "Enterprise's unified social credit code (indicator 4), else omitted") String subject) {
    }

    public record VerdictInput(
            @Schema(description = "Expert id; defaults to one hypothetical expert") String expert,
            @Schema(example = "12") @NotBlank String indicator,
            @Schema(description = "Item code, e.g. 12.1; omitted for a whole-indicator award") String item,
            @Schema(description = "Yes/no for an item") Boolean satisfied,
            @Schema(description = "Points for a whole indicator (expert_points), 0 … its maximum")
            @DecimalMin("0") @Digits(integer = 18, fraction = 6) BigDecimal points) {
    }

    public record ClaimInput(
            @Schema(description = "Department code; defaults to a hypothetical department") String department,
            @NotBlank String indicator,
            String item,
            Boolean satisfied,
            @Schema(description = "Points for a whole indicator, 0 … its maximum")
            @DecimalMin("0") @Digits(integer = 18, fraction = 6) BigDecimal points) {
    }

    @Inject
    SnapshotRenderer renderer;

    @Inject
    SnapshotCalculator calculator;

    @Inject
    RegionAccess access;

    @POST
    @Transactional
    @RolesAllowed({"score-reader", "catalogue-admin", "evidence-reviewer", "evidence-submitter", "expert"})
    @Operation(summary = "What-if: the snapshot hypothetical evidence would give",
            description = "Scores the region for the year on top of its current evidence with the given figures "
                    + "(as accepted), expert verdicts and claims (as pending) added after everything else. Nothing is "
                    + "stored and no event is published; the answer has id 0 and number 0.")
    @APIResponse(responseCode = "200", description = "The snapshot it would give",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Snapshot.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; every wrong field is named")
    @APIResponse(responseCode = "403", description = "The region is outside the token's region")
    @APIResponse(responseCode = "409", description = "No published indicator system yet")
    @APIResponse(responseCode = "413", description = "More than " + MAX_OBSERVATIONS + " observations or " + MAX_JUDGEMENTS
            + " verdicts or claims, or a body over the JSON limit (nmsdz.json.max-body-size, 8 MiB)")
    public Snapshot simulate(@PathParam("code") String region,
                             @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                     schema = @Schema(implementation = SimulationRequest.class))) @Valid SimulationRequest body,
                             @Parameter(description = ScoreResource.LANG) @QueryParam("lang") String lang,
                             @Context HttpHeaders headers) {
        Language language = Language.requested(lang, headers);
        access.checkReadable(region);
        if (body == null) {
            throw ProblemException.missingBody("a JSON body {year, observations, verdicts, claims}");
        }
        bounded(body);
        CatalogueSystemEntity current = CatalogueSystemEntity.current()
                .orElseThrow(() -> ProblemException.conflict("no published indicator system has been received yet"));
        IndicatorSystemDocument system = current.system();
        Hypothesis hypothesis = validate(region, body, system);
        return renderer.render(calculator.simulate(region, body.year(), hypothesis), language, null);
    }

    /** As many figures as one submission may hold (evidence-service's batch limit); verdicts and claims far fewer. */
    static final int MAX_OBSERVATIONS = 10_000;
    static final int MAX_JUDGEMENTS = 1_000;

    /** A simulation is bounded like a submission (it took 100,001 observations once). */
    static void bounded(SimulationRequest body) {
        List<Problem.FieldError> over = new ArrayList<>();
        if (body.observations() != null && body.observations().size() > MAX_OBSERVATIONS) {
            over.add(new Problem.FieldError("/observations", "at most " + MAX_OBSERVATIONS + ", not " + body.observations().size()));
        }
        if (body.verdicts() != null && body.verdicts().size() > MAX_JUDGEMENTS) {
            over.add(new Problem.FieldError("/verdicts", "at most " + MAX_JUDGEMENTS + ", not " + body.verdicts().size()));
        }
        if (body.claims() != null && body.claims().size() > MAX_JUDGEMENTS) {
            over.add(new Problem.FieldError("/claims", "at most " + MAX_JUDGEMENTS + ", not " + body.claims().size()));
        }
        if (!over.isEmpty()) {
            throw new ProblemException(413, "Content Too Large", "a simulation holds at most " + MAX_OBSERVATIONS
                    + " observations and " + MAX_JUDGEMENTS + " verdicts and claims each, like a submission", over);
        }
    }

    /** Checks every field against the current catalogue and turns the body into engine evidence. */
    static Hypothesis validate(String region, SimulationRequest body, IndicatorSystemDocument system) {
        // the shape (required fields, ranges, digits) is checked by the records' constraints before this
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> metrics = system.metrics() == null ? Set.of()
                : system.metrics().stream().map(MetricDefinition::code).collect(Collectors.toSet());
        Map<String, Indicator> indicators = new HashMap<>();
        system.firstLevel().forEach(f -> f.children().forEach(s -> s.indicators().forEach(i -> indicators.put(i.code(), i))));
        // hypothetical evidence comes after all real evidence: the latest version wins
        long position = Long.MAX_VALUE / 2;
        List<ObservationFact> observations = new ArrayList<>();
        List<ObservationInput> obs = body.observations() == null ? List.of() : body.observations();
        for (int i = 0; i < obs.size(); i++) {
            ObservationInput o = obs.get(i);
            String at = "/observations/" + i;
            if (!metrics.contains(o.metric())) {
                errors.add(new Problem.FieldError(at + "/metric", "unknown metric " + o.metric()));
            }
            if (!storable(o.value())) {
                errors.add(new Problem.FieldError(at + "/value", STORABLE));
            } else {
                observations.add(new ObservationFact("simulated-observation-" + i, region, o.metric(), o.year(),
                        o.value(), o.subject(), EvidenceState.ACCEPTED, ++position));
            }
        }
        List<ExpertVerdict> verdicts = new ArrayList<>();
        List<VerdictInput> ver = body.verdicts() == null ? List.of() : body.verdicts();
        for (int i = 0; i < ver.size(); i++) {
            VerdictInput v = ver.get(i);
            String at = "/verdicts/" + i;
            if (judgement(at, v.indicator(), v.item(), v.satisfied(), v.points(), indicators, errors)) {
                verdicts.add(new ExpertVerdict("simulated-verdict-" + i,
                        v.expert() == null || v.expert().isBlank() ? "simulated-expert" : v.expert(),
                        v.indicator(), blankToNull(v.item()), v.satisfied(), v.points(), ++position));
            }
        }
        List<Claim> claims = new ArrayList<>();
        List<ClaimInput> cl = body.claims() == null ? List.of() : body.claims();
        for (int i = 0; i < cl.size(); i++) {
            ClaimInput c = cl.get(i);
            String at = "/claims/" + i;
            if (judgement(at, c.indicator(), c.item(), c.satisfied(), c.points(), indicators, errors)) {
                claims.add(new Claim("simulated-claim-" + i,
                        c.department() == null || c.department().isBlank() ? "simulated-department" : c.department(),
                        c.indicator(), blankToNull(c.item()), c.satisfied(), c.points(), EvidenceState.SUBMITTED,
                        ++position));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("the simulation request has " + errors.size() + " invalid field(s)", errors);
        }
        return new Hypothesis(observations, verdicts, claims);
    }

    /** An item judged yes/no, or a whole indicator awarded points (0 … its maximum). */
    private static boolean judgement(String at, String indicatorCode, String item, Boolean satisfied, BigDecimal points,
                                     Map<String, Indicator> indicators, List<Problem.FieldError> errors) {
        int before = errors.size();
        Indicator indicator = indicatorCode == null ? null : indicators.get(indicatorCode);
        if (indicator == null) {
            errors.add(new Problem.FieldError(at + "/indicator", "unknown indicator " + indicatorCode));
        }
        String itemCode = blankToNull(item);
        if (indicator != null && itemCode != null && (indicator.items() == null
                || indicator.items().stream().map(Item::code).noneMatch(itemCode::equals))) {
            errors.add(new Problem.FieldError(at + "/item", "indicator " + indicatorCode + " has no item " + itemCode));
        }
        if ((satisfied == null) == (points == null)) {
            errors.add(new Problem.FieldError(at, "give exactly one of satisfied (an item) and points (a whole indicator)"));
        }
        if (points != null && indicator != null
                && (points.signum() < 0 || points.compareTo(indicator.maxPoints()) > 0)) {
            errors.add(new Problem.FieldError(at + "/points", "must be 0.." + indicator.maxPoints().toPlainString()));
        } else if (points != null && !storable(points)) {
            errors.add(new Problem.FieldError(at + "/points", STORABLE));
        }
        return errors.size() == before;
    }

    static final String STORABLE = "at most 18 digits before and 6 after the decimal point";

    /**
     * What evidence-service stores (numeric(24, 6)), beyond {@code @Digits}: for 1E+2147483647 the validator's
     * precision − scale overflows int and passes; the engine's arithmetic on a value like 1e-999999999
     * would align a billion digits.
     */
    static boolean storable(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() <= 6 && (long) v.precision() - v.scale() <= 18; // in long: 1E+2147483647 overflows int
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
