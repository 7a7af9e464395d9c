package cn.nmsdz.scoring.domain;

import cn.nmsdz.scoring.domain.model.Claim;
import cn.nmsdz.scoring.domain.model.EvidenceSet;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.ExpertVerdict;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Test-data builder for evidence; every added piece gets the next position (later = newer). */
final class Evidence {

    private final List<ObservationFact> observations = new ArrayList<>();
    private final List<ExpertVerdict> verdicts = new ArrayList<>();
    private final List<Claim> claims = new ArrayList<>();
    private long position;

    static Evidence evidence() {
        return new Evidence();
    }

    private String nextId(String prefix) {
        position++;
        return prefix + position;
    }

    Evidence obs(String region, String metric, int year, String value) {
        return obs(region, metric, year, value, null, EvidenceState.ACCEPTED);
    }

    Evidence pending(String region, String metric, int year, String value) {
        return obs(region, metric, year, value, null, EvidenceState.SUBMITTED);
    }

    Evidence subject(String region, String metric, int year, String value, String subject) {
        return obs(region, metric, year, value, subject, EvidenceState.ACCEPTED);
    }

    Evidence obs(String region, String metric, int year, String value, String subject, EvidenceState state) {
        String id = nextId("obs-");
        observations.add(new ObservationFact(id, region, metric, year, new BigDecimal(value), subject, state, position));
        return this;
    }

    Evidence verdict(String expert, String indicator, String item, boolean satisfied) {
        String id = nextId("ver-");
        verdicts.add(new ExpertVerdict(id, expert, indicator, item, satisfied, null, position));
        return this;
    }

    Evidence points(String expert, String indicator, String points) {
        String id = nextId("ver-");
        verdicts.add(new ExpertVerdict(id, expert, indicator, null, null, new BigDecimal(points), position));
        return this;
    }

    Evidence claim(String department, String indicator, String item, boolean satisfied, EvidenceState state) {
        String id = nextId("clm-");
        claims.add(new Claim(id, department, indicator, item, satisfied, null, state, position));
        return this;
    }

    Evidence claimPoints(String department, String indicator, String points, EvidenceState state) {
        String id = nextId("clm-");
        claims.add(new Claim(id, department, indicator, null, null, new BigDecimal(points), state, position));
        return this;
    }

    EvidenceSet build() {
        return new EvidenceSet(observations, verdicts, claims);
    }
}
