package cn.nmsdz.scoring.domain.model;

import java.util.List;

/** Everything the engine may read for one region and year; the engine filters by state and basis itself. */
public record EvidenceSet(List<ObservationFact> observations, List<ExpertVerdict> verdicts, List<Claim> claims) {

    public EvidenceSet {
        observations = observations == null ? List.of() : List.copyOf(observations);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    public static EvidenceSet empty() {
        return new EvidenceSet(List.of(), List.of(), List.of());
    }
}
