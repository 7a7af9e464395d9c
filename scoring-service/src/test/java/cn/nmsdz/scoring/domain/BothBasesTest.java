package cn.nmsdz.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.Item;
import cn.nmsdz.events.catalogue.MetricDefinition;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.scoring.domain.engine.ScoringEngine;
import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.EvidenceSet;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ScoringEngine#scoreBoth} gives what scoring each basis on its own gives, on the official catalogue with
 * random evidence: settled regions (it then scores once) as well as regions with pending figures and claims.
 */
class BothBasesTest {

    private static final ScoringEngine ENGINE = new ScoringEngine();
    private static final List<EvidenceState> STATES = List.of(EvidenceState.ACCEPTED, EvidenceState.ACCEPTED,
            EvidenceState.SUBMITTED, EvidenceState.REJECTED, EvidenceState.WITHDRAWN);

    @Test
    void bothBasesAtOnceScoreAsEachBasisAlone() throws IOException {
        IndicatorSystemDocument official = EventEnvelope.JSON.readValue(
                OfficialCatalogueScenarioTest.CATALOGUE.toFile(), IndicatorSystemDocument.class);
        List<String> metrics = official.metrics().stream().map(MetricDefinition::code).toList();
        List<Indicator> indicators = official.firstLevel().stream().flatMap(f -> f.children().stream())
                .flatMap(s -> s.indicators().stream()).toList();
        Random random = new Random(20261128);
        int agreed = 0;
        int differed = 0;
        int claimsCounted = 0;
        for (int run = 0; run < 200; run++) {
            int kind = run % 3; // 0: settled, 1: only claims pending, 2: figures and claims pending
            boolean settled = kind < 2; // no figure pending
            Evidence evidence = Evidence.evidence();
            for (int i = random.nextInt(120); i > 0; i--) {
                EvidenceState state = STATES.get(random.nextInt(STATES.size()));
                evidence.obs(random.nextInt(3) == 0 ? "CN" : OfficialCatalogueScenarioTest.R,
                        metrics.get(random.nextInt(metrics.size())), OfficialCatalogueScenarioTest.Y - random.nextInt(3),
                        String.valueOf(random.nextInt(100_000)), random.nextInt(4) == 0 ? "平台" + random.nextInt(3) : null,
                        settled && state == EvidenceState.SUBMITTED ? EvidenceState.ACCEPTED : state);
            }
            for (int i = random.nextInt(12); i > 0; i--) {
                Indicator indicator = indicators.get(random.nextInt(indicators.size()));
                List<Item> items = indicator.items() == null ? List.of() : indicator.items();
                String item = items.isEmpty() ? null : items.get(random.nextInt(items.size())).code();
                if (random.nextBoolean()) {
                    evidence.verdict("expert-" + random.nextInt(3), indicator.code(), item, random.nextBoolean());
                } else {
                    EvidenceState state = STATES.get(random.nextInt(STATES.size()));
                    evidence.claim("market", indicator.code(), item, random.nextBoolean(),
                            kind == 0 && (state == EvidenceState.ACCEPTED || state == EvidenceState.SUBMITTED)
                                    ? EvidenceState.REJECTED : state);
                }
            }
            EvidenceSet set = evidence.build();
            ScoringEngine.Both both = ENGINE.scoreBoth(official, OfficialCatalogueScenarioTest.YONGCHUAN,
                    OfficialCatalogueScenarioTest.Y, set);
            ScoreResult confirmed = ENGINE.score(official, OfficialCatalogueScenarioTest.YONGCHUAN,
                    OfficialCatalogueScenarioTest.Y, set, Basis.CONFIRMED);
            ScoreResult projected = ENGINE.score(official, OfficialCatalogueScenarioTest.YONGCHUAN,
                    OfficialCatalogueScenarioTest.Y, set, Basis.PROJECTED);
            assertEquals(confirmed, both.confirmed(), "run " + run + ": confirmed");
            assertEquals(projected, both.projected(), "run " + run + ": projected");
            boolean pending = set.observations().stream().anyMatch(o -> o.state() == EvidenceState.SUBMITTED)
                    || set.claims().stream().anyMatch(c -> c.state() == EvidenceState.ACCEPTED
                    || c.state() == EvidenceState.SUBMITTED);
            boolean scoredOnce = both.projected().indicators() == both.confirmed().indicators();
            assertEquals(!pending, scoredOnce, "run " + run + ": scored once exactly when nothing is pending");
            if (scoredOnce) {
                agreed++;
            } else {
                differed++;
            }
            if (kind == 1 && confirmed.total().compareTo(projected.total()) != 0) {
                claimsCounted++;
            }
        }
        assertTrue(agreed > 40 && differed > 40 && claimsCounted > 10, "every kind of evidence was scored: " + agreed
                + " once, " + differed + " twice, " + claimsCounted + " with only claims moving the projected total");
    }
}
