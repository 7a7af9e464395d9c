package cn.nmsdz.scoring.domain;

import static cn.nmsdz.scoring.domain.Evidence.evidence;
import static cn.nmsdz.scoring.domain.Support.assertPoints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.PassStandard;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.scoring.domain.engine.ScoringEngine;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.InputUsed;
import cn.nmsdz.scoring.domain.model.MissingInput;
import cn.nmsdz.scoring.domain.model.RegionProfile;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenarios on the OFFICIAL catalogue (indicator-service's nmsdz-v1.json, 41 indicators), with evidence
 * built by hand from the standard's text for 永川区 (WEST), assessment year 2025 (window 2024–2025).
 * National comparators are the figures of NATIONAL_STATS.md as observations of region CN.
 */
class OfficialCatalogueScenarioTest {

    static final Path CATALOGUE = Path.of("../indicator-service/src/main/resources/catalogue/nmsdz-v1.json");
    static final String R = "500118";
    static final RegionProfile YONGCHUAN = new RegionProfile(R, Zone.WEST);
    static final int Y = 2025;
    static final ScoringEngine ENGINE = new ScoringEngine();

    static IndicatorSystemDocument official;

    @BeforeAll
    static void load() throws IOException {
        official = EventEnvelope.JSON.readValue(CATALOGUE.toFile(), IndicatorSystemDocument.class);
        assertEquals(41, official.firstLevel().stream().flatMap(f -> f.children().stream())
                .mapToInt(s -> s.indicators().size()).sum());
    }

    /** National figures (NATIONAL_STATS.md): published growth rates and shares, and the levels beside them. */
    static Evidence national(Evidence e) {
        return e
                .obs("CN", "online_retail_sales", 2023, "154264")
                .obs("CN", "online_retail_sales", 2024, "155200")
                .obs("CN", "online_retail_sales", 2025, "159722")
                .obs("CN", "online_retail_sales_growth", 2024, "7.2")
                .obs("CN", "online_retail_sales_growth", 2025, "8.6")
                .obs("CN", "retail_sales_total", 2024, "487895")
                .obs("CN", "retail_sales_total", 2025, "501202")
                .obs("CN", "online_retail_share", 2024, "26.8")
                .obs("CN", "online_retail_share", 2025, "26.1")
                .obs("CN", "express_volume_growth", 2024, "21.0")
                .obs("CN", "express_volume_growth", 2025, "13.7")
                // not in NATIONAL_STATS.md (no published national figure was collected): assumed for the test
                .obs("CN", "mediation_success_rate", 2025, "65")
                .obs("CN", "consumer_satisfaction", 2025, "78")
                .obs("CN", "odr_on_time_rate", 2025, "85")
                .obs("CN", "odr_settlement_rate", 2025, "75");
    }

    /**
     * The passing region. Expected points, by hand from the standard:
     * <pre>
     * A 促进发展 (20)
     *   1  online retail growth (levels 250 → 280 → 322): 2024 12.00 % > 7.2 %, 2025 15.00 % > 8.6 %   2
     *   2  vs own retail growth (1000 → 1040 → 1092): 12.00 > 4.00, 15.00 > 5.00                       2
     *   3  online_operators 1500 / market_entities 10000 = 15 % (shared end, higher band)              2
     *   4  WEST ≥ 5000万元: subject A 6000 (2024) and 7000 (2025) once, B exactly 5000 → 2 subjects    2
     *   5  express growth 25.0 > 21.0, 15.0 > 13.7                                                    2
     *   6  share 280/1040 = 26.92 > 26.8, 322/1092 = 29.49 > 26.1                                     2
     *   7  5000 / 100000 = 5 %                                                                        2
     *   8  600 / 10000 = 6 %                                                                          2
     *   9  750 / 1500 = 50 %                                                                          2
     *   10 experts 2 and 1.5 → mean 1.75 → 1.8 (half-up)                                              1.8   = 19.8
     * B 规范监管 (25)
     *   11 60/100 = 60 % > 50; claim rate = 100; 11.3 expert yes                                     3
     *   12 12.1, 12.2 yes; 12.3 expert no                                                             2
     *   13, 14, 15 all yes                                                                            9
     *   16 expert 3                                                                                   3
     *   17 96 > 95; 92 and 91 > 90; 17.3 yes                                                          3
     *   18 96 and 97 > 95; 0 violation cases                                                          2
     *   19 95 > 90; 93 > 90                                                                           2     = 24
     * C 优化服务 (20)
     *   20–24, 27 all items yes: 3 + 2 + 3 + 3 + 2 + 2                                                15
     *   25 96, 96 > 95; mediation 70 > 65 (CN); satisfaction 80 > 78 (CN)                             3
     *   26 ODR 90 > 85 and 80 > 75 (CN) and expert yes; 26.2 yes                                      2     = 20
     * D 探索创新 (20)
     *   28 28.2 yes → 3;  29 29.1 no, 29.3 yes → 3;  30 nobody judged → 0;  31 31.1 yes → 3           9
     *   32 expert 2;  33 33.1 yes (2), 33.2 no;  34 outputs 1 (2024) + 2 (2025) = 3, capped at 2      6     = 15 (75.00 %)
     * E 综合保障 (15)
     *   35 expert 2; 36 3; 37 2; 38 38.1 yes, coverage = 100 and 52 ≥ 50 hours → 2; 39 2; 40 2;
     *   41 41.1 yes, 41.2 no → 1                                                                            = 14
     * total 19.8 + 24 + 20 + 15 + 14 = 92.8 ≥ 85, every rate ≥ 75 % → passes
     * </pre>
     */
    static Evidence passing() {
        Evidence e = national(evidence())
                .obs(R, "online_retail_sales", 2023, "250")
                .obs(R, "online_retail_sales", 2024, "280")
                .obs(R, "online_retail_sales", 2025, "322")
                .obs(R, "retail_sales_total", 2023, "1000")
                .obs(R, "retail_sales_total", 2024, "1040")
                .obs(R, "retail_sales_total", 2025, "1092")
                .obs(R, "online_operators", 2025, "1500")
                .obs(R, "market_entities", 2025, "10000")
                .subject(R, "new_operator_ecommerce_sales", 2024, "6000", "91500118MA5UA0001A")
                .subject(R, "new_operator_ecommerce_sales", 2025, "7000", "91500118MA5UA0001A")
                .subject(R, "new_operator_ecommerce_sales", 2025, "5000", "91500118MA5UB0002B")
                .obs(R, "express_volume_growth", 2024, "25.0")
                .obs(R, "express_volume_growth", 2025, "15.0")
                .obs(R, "online_employment", 2025, "5000")
                .obs(R, "total_employment", 2025, "100000")
                .obs(R, "ecommerce_tax", 2025, "600")
                .obs(R, "total_tax", 2025, "10000")
                .obs(R, "online_operators_2y", 2025, "750")
                .points("e1", "10", "2").points("e2", "10", "1.5")
                .obs(R, "platform_users", 2025, "60")
                .obs(R, "regulatory_staff", 2025, "100")
                .obs(R, "identity_claim_rate", 2025, "100")
                .points("e1", "16", "3")
                .obs(R, "clue_check_on_time_rate", 2025, "96")
                .obs(R, "assigned_clue_timely_rate", 2025, "92")
                .obs(R, "assigned_clue_completion_rate", 2025, "91")
                .obs(R, "case_upheld_rate", 2025, "96")
                .obs(R, "case_win_rate", 2025, "97")
                .obs(R, "procedural_violation_cases", 2025, "0")
                .obs(R, "monitoring_check_timely_rate", 2025, "95")
                .obs(R, "monitoring_check_completion_rate", 2025, "93")
                .obs(R, "complaint_initial_check_on_time_rate", 2025, "96")
                .obs(R, "complaint_closed_on_time_rate", 2025, "96")
                .obs(R, "mediation_success_rate", 2025, "70")
                .obs(R, "consumer_satisfaction", 2025, "80")
                .obs(R, "odr_on_time_rate", 2025, "90")
                .obs(R, "odr_settlement_rate", 2025, "80")
                .points("e1", "32", "2")
                .obs(R, "institutional_outputs", 2024, "1")
                .obs(R, "institutional_outputs", 2025, "2")
                .points("e1", "35", "2")
                .obs(R, "training_coverage", 2025, "100")
                .obs(R, "training_hours_per_person", 2025, "52");
        for (String item : List.of("11.3", "12.1", "12.2", "13.1", "13.2", "13.3", "14.1", "14.2", "14.3",
                "15.1", "15.2", "15.3", "17.3", "20.1", "20.2", "20.3", "21.1", "21.2", "22.1", "22.2", "22.3",
                "23.1", "23.2", "23.3", "24.1", "24.2", "26.1", "26.2", "27.1", "27.2", "28.2", "29.3", "31.1",
                "33.1", "36.1", "36.2", "36.3", "37.1", "37.2", "38.1", "39.1", "39.2", "40.1", "40.2", "41.1")) {
            e.verdict("e1", indicatorOf(item), item, true);
        }
        for (String item : List.of("12.3", "29.1", "33.2", "41.2")) {
            e.verdict("e1", indicatorOf(item), item, false);
        }
        return e;
    }

    static String indicatorOf(String item) {
        return item.substring(0, item.indexOf('.'));
    }

    static ScoreResult score(IndicatorSystemDocument system, Evidence evidence) {
        return ENGINE.score(system, YONGCHUAN, Y, evidence.build(), Basis.CONFIRMED);
    }

    /** Points per indicator code, for compact comparisons. */
    static Map<String, BigDecimal> points(ScoreResult r) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        r.indicators().forEach(i -> map.put(i.code(), i.points()));
        return map;
    }

    @Test
    void aRegionThatPassesScoresExactly92point8() {
        ScoreResult r = score(official, passing());
        assertPoints("92.8", r.total());
        assertPoints("100", r.maxTotal());
        assertEquals(List.of("19.8", "24.0", "20.0", "15.0", "14.0"),
                r.firstLevel().stream().map(f -> f.points().toPlainString()).toList());
        assertPoints("75.00", r.firstLevel().get(3).rate());
        assertTrue(r.verdict().passed(), () -> r.verdict().reasons().toString());
        Map<String, BigDecimal> p = points(r);
        assertPoints("1.8", p.get("10"));
        assertPoints("2", p.get("3"));
        assertPoints("2", p.get("4"));
        assertPoints("0", p.get("30"));
        assertPoints("2", p.get("34"));
        assertEquals(IndicatorStatus.AWAITING_EXPERT, r.indicator("30").status());
        assertEquals(IndicatorStatus.SCORED, r.indicator("1").status());
        // national growth is the published one (8.6 %), never recomputed from the levels (2.9 %)
        assertTrue(r.indicator("1").explanation().stream().anyMatch(l -> l.contains("8.60 % (CN, published)")),
                () -> r.indicator("1").explanation().toString());
        assertEveryExplanationNamesItsInputs(r);
    }

    @Test
    void aRegionAbove85FailsOnAFirstLevelRate() {
        // 31.1 now judged by three experts, one yes and two no: no strict majority, D loses 3 points
        Evidence e = passing().verdict("e2", "31", "31.1", false).verdict("e3", "31", "31.1", false);
        ScoreResult r = score(official, e);
        assertPoints("89.8", r.total());
        assertPoints("0", r.indicator("31").points());
        assertPoints("60.00", r.firstLevel().get(3).rate());
        assertFalse(r.verdict().passed());
        assertEquals(List.of("D 探索创新 rate 60.00 % < 75 %"), r.verdict().reasons());
        assertEveryExplanationNamesItsInputs(r);
    }

    @Test
    void missingYearsAreListedExactlyAndTheOtherYearsStillCount() {
        Evidence e = national(evidence());
        // the passing evidence without the 2023 levels (needed by the derived 2024 growths) and without
        // the region's 2024 express growth
        Evidence full = passing();
        full.build().observations().stream()
                .filter(o -> !(o.region().equals(R) && o.year() == 2023))
                .filter(o -> !(o.region().equals(R) && o.metric().equals("express_volume_growth") && o.year() == 2024))
                .filter(o -> !o.region().equals("CN"))
                .forEach(o -> e.obs(o.region(), o.metric(), o.year(), o.value().toPlainString(), o.subject(), o.state()));
        full.build().verdicts().forEach(v -> {
            if (v.points() != null) {
                e.points(v.expertId(), v.indicatorCode(), v.points().toPlainString());
            } else {
                e.verdict(v.expertId(), v.indicatorCode(), v.itemCode(), v.satisfied());
            }
        });
        ScoreResult r = score(official, e);
        // 92.8 − 1 (indicator 1, 2024) − 1 (indicator 2, 2024) − 1 (indicator 5, 2024)
        assertPoints("89.8", r.total());
        assertPoints("1", r.indicator("1").points());
        assertPoints("1", r.indicator("2").points());
        assertPoints("1", r.indicator("5").points());
        assertPoints("2", r.indicator("6").points()); // the share needs no earlier year
        assertEquals(IndicatorStatus.MISSING_INPUT, r.indicator("1").status());
        assertEquals(List.of(new MissingInput("online_retail_sales_growth", R, 2024),
                new MissingInput("online_retail_sales", R, 2023)), r.indicator("1").missing());
        assertEquals(List.of(new MissingInput("online_retail_sales_growth", R, 2024),
                new MissingInput("online_retail_sales", R, 2023),
                new MissingInput("retail_sales_total_growth", R, 2024),
                new MissingInput("retail_sales_total", R, 2023)), r.indicator("2").missing());
        assertEquals(List.of(new MissingInput("express_volume_growth", R, 2024),
                new MissingInput("express_volume", R, 2023),
                new MissingInput("express_volume", R, 2024)), r.indicator("5").missing());
        long missingIndicators = r.indicators().stream().filter(i -> i.status() == IndicatorStatus.MISSING_INPUT).count();
        assertEquals(3, missingIndicators);
        assertTrue(r.verdict().passed(), () -> r.verdict().reasons().toString()); // A 16.8 / 20 = 84 %
        assertEveryExplanationNamesItsInputs(r);
    }

    @Test
    void theRevised80PercentStandardFailsTheSameEvidence() {
        IndicatorSystemDocument revised = withStandard(official, s -> new PassStandard(s.minTotal(), new BigDecimal("80")));
        ScoreResult before = score(official, passing());
        ScoreResult after = score(revised, passing());
        assertPoints("92.8", after.total());
        assertEquals(points(before), points(after), "the standard changes the verdict, not the points");
        assertTrue(before.verdict().passed());
        assertFalse(after.verdict().passed());
        assertEquals(List.of("D 探索创新 rate 75.00 % < 80 %"), after.verdict().reasons());
    }

    @Test
    void theProjectedTotalOfThePassingRegionEqualsTheConfirmedOneWithoutPendingEvidence() {
        ScoreResult projected = ENGINE.score(official, YONGCHUAN, Y, passing().build(), Basis.PROJECTED);
        assertPoints("92.8", projected.total());
    }

    static IndicatorSystemDocument withStandard(IndicatorSystemDocument s, UnaryOperator<PassStandard> change) {
        return new IndicatorSystemDocument(s.code(), s.version() + 1, s.name(), s.assessmentYears(),
                change.apply(s.passStandard()), s.notes(), s.metrics(), s.firstLevel());
    }

    /**
     * Every indicator explains itself: the rule's result line, and every input it used is named in the text
     * (an observation by its metric — or the derivation that reads it — and year, a verdict or claim by
     * its expert or department). An indicator that used no input says what it is missing or awaiting.
     */
    static void assertEveryExplanationNamesItsInputs(ScoreResult r) {
        assertEquals(41, r.indicators().size());
        for (IndicatorScore s : r.indicators()) {
            String text = String.join("\n", s.explanation());
            assertTrue(s.explanation().get(s.explanation().size() - 1).startsWith("= "), () -> s.code() + ": " + text);
            if (s.inputs().isEmpty()) {
                assertTrue(!s.missing().isEmpty() || !s.awaitingExpert().isEmpty(),
                        () -> s.code() + " used no input and names nothing missing or awaited: " + text);
                continue;
            }
            for (InputUsed in : s.inputs()) {
                assertNotNull(in.evidenceId(), () -> s.code() + ": an input without an evidence id");
                if (in.metric() != null) {
                    assertTrue(text.contains(in.metric()) && text.contains(String.valueOf(in.year())),
                            () -> s.code() + " does not name " + in.metric() + " " + in.year() + ": " + text);
                } else {
                    assertTrue(text.contains(in.subject()), () -> s.code() + " does not name " + in.subject() + ": " + text);
                }
            }
        }
    }
}
