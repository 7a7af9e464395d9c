package cn.nmsdz.scoring.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.explain.Gaps;
import cn.nmsdz.scoring.snapshot.Hypothesis;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What-if bodies are checked against the official catalogue; every wrong field is named; nothing else runs. */
class SimulationValidationTest {

    static IndicatorSystemDocument official;

    @BeforeAll
    static void load() throws IOException {
        official = EventEnvelope.JSON.readValue(
                Path.of("../indicator-service/src/main/resources/catalogue/nmsdz-v1.json").toFile(),
                IndicatorSystemDocument.class);
    }

    /** Read as the services read bodies (support-http's strict reading). */
    static final com.fasterxml.jackson.databind.ObjectMapper STRICT =
            cn.nmsdz.support.json.StrictJsonReading.apply(new com.fasterxml.jackson.databind.ObjectMapper());

    static SimulationResource.SimulationRequest body(String json) throws IOException {
        return STRICT.readValue(json, SimulationResource.SimulationRequest.class);
    }

    static List<String> fields(ProblemException e) {
        return e.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aValidBodyBecomesAcceptedFiguresGivenVerdictsAndPendingClaimsAfterAllRealEvidence() throws IOException {
        Hypothesis h = SimulationResource.validate("140829", body("""
                {"year": 2025,
                 "observations": [{"metric": "online_operators", "year": 2025, "value": 2000}],
                 "verdicts": [{"indicator": "12", "item": "12.1", "satisfied": true}, {"indicator": "10", "points": 1.5}],
                 "claims": [{"indicator": "13", "item": "13.2", "satisfied": true}]}"""), official);
        assertEquals(1, h.observations().size());
        assertEquals(EvidenceState.ACCEPTED, h.observations().get(0).state());
        assertEquals("140829", h.observations().get(0).region());
        assertEquals(2, h.verdicts().size());
        assertEquals(EvidenceState.SUBMITTED, h.claims().get(0).state());
        assertTrue(h.observations().get(0).position() > Long.MAX_VALUE / 4, "hypothetical evidence is the newest");
    }

    @Test
    void everyWrongFieldIsNamed() throws IOException {
        ProblemException e = assertThrows(ProblemException.class, () -> SimulationResource.validate("140829", body("""
                {"year": 2025, "observations": [{"metric": "nope", "year": 2025, "value": 1}],
                 "verdicts": [{"indicator": "12", "item": "12.9", "satisfied": true},
                              {"indicator": "10", "points": 2.5},
                              {"indicator": "99", "satisfied": true, "points": 1}]}"""), official));
        assertEquals(400, e.status());
        assertEquals(List.of("/observations/0/metric", "/verdicts/0/item",
                "/verdicts/1/points", "/verdicts/2/indicator", "/verdicts/2"), fields(e));
    }

    /** The shape (required fields, ranges, digits) is the records' constraints, named as JSON pointers. */
    @Test
    void theShapeIsTheRecordsConstraints() throws IOException {
        try (var factory = jakarta.validation.Validation.byDefaultProvider().configure()
                .messageInterpolator(new org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator())
                .buildValidatorFactory()) {
            var violations = factory.getValidator().validate(body("""
                    {"observations": [{"metric": "online_operators", "value": 1}, {"metric": " ", "year": 1999, "value": 0.0000001}],
                     "verdicts": [{"points": -1}], "claims": [null]}"""));
            ProblemException e = cn.nmsdz.support.rest.ConstraintProblems.problem(violations, "");
            assertEquals(List.of("/claims/0", "/observations/0/year", "/observations/1/metric", "/observations/1/value",
                    "/observations/1/year", "/verdicts/0/indicator", "/verdicts/0/points", "/year"), fields(e));
            assertEquals(cn.nmsdz.support.rest.ConstraintProblems.TYPE, e.type());
        }
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedNotA500() {
        var e = assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> body("{\"year\": 2025, \"observations\": [{\"metric\": \"x\", \"year\": \"soon\"}]}"));
        assertEquals(List.of("/observations/0/year"), fields(cn.nmsdz.support.rest.ProblemMappers.unreadable(e)));
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> body("[1, 2]"));
    }

    @Test
    void aSimulationIsBoundedLikeASubmission() throws IOException {
        String row = "{\"metric\": \"online_operators\", \"year\": 2025, \"value\": 1}";
        SimulationResource.bounded(body("{\"year\": 2025, \"observations\": [" + String.join(",",
                java.util.Collections.nCopies(10_000, row)) + "]}"));
        ProblemException e = assertThrows(ProblemException.class, () -> SimulationResource.bounded(body(
                "{\"year\": 2025, \"observations\": [" + String.join(",", java.util.Collections.nCopies(10_001, row)) + "]}")));
        assertEquals(413, e.status());
        assertEquals(List.of("/observations"), fields(e));
    }

    @Test
    void theGapViewKeepsOnlyTheLinesThatCostPoints() {
        List<String> unmet = Gaps.unmet(List.of(
                "each year of 2024–2025: online_retail_sales_growth > online_retail_sales_growth (CN) → +1",
                "2024: 5.00 % ≤ 7.20 % (CN, published) → +0",
                "2025: no online_retail_sales_growth for 500118 2025 → +0 (missing input)",
                "17.1 2025: clue_check_on_time_rate 95.00 % > 95 % → does not hold",
                "17.1 not satisfied → +0",
                "17.3 undecided → +0",
                "= 0 of 3"));
        assertEquals(List.of("2024: 5.00 % ≤ 7.20 % (CN, published) → +0",
                "17.1 2025: clue_check_on_time_rate 95.00 % > 95 % → does not hold",
                "17.1 not satisfied → +0"), unmet);
    }

    @Test
    void valuesAndPointsThatTheLedgerCouldNotStoreAreNamedBeforeTheEngineRuns() throws IOException {
        // read as the services read bodies: decimals exactly (1e-999999999 is not rounded to 0)
        var request = body("""
                {"year": 2025,
                 "observations": [{"metric": "online_operators", "year": 2025, "value": 1e-999999999},
                                  {"metric": "online_operators", "year": 2025, "value": 1E+2147483647}],
                 "verdicts": [{"indicator": "10", "points": 1.0000001}]}""");
        ProblemException e = assertThrows(ProblemException.class, () -> SimulationResource.validate("140829", request, official));
        assertEquals(List.of("/observations/0/value", "/observations/1/value", "/verdicts/0/points"), fields(e));
        assertTrue(e.errors().get(0).message().contains("18 digits"));
    }
}
