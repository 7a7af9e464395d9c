package cn.nmsdz.scoring.snapshot;

import cn.nmsdz.scoring.domain.model.Claim;
import cn.nmsdz.scoring.domain.model.ExpertVerdict;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import java.util.List;

/** Evidence a what-if adds on top of the projected evidence (already validated, positions after the real ones). */
public record Hypothesis(List<ObservationFact> observations, List<ExpertVerdict> verdicts, List<Claim> claims) {

    public static Hypothesis none() {
        return new Hypothesis(List.of(), List.of(), List.of());
    }
}
