package cn.nmsdz.scoring.domain.model;

import java.math.BigDecimal;
import java.util.List;

/** The score of one region and year in one basis, explaining every point. */
public record ScoreResult(
        Basis basis,
        BigDecimal total,
        BigDecimal maxTotal,
        List<FirstLevelScore> firstLevel,
        List<IndicatorScore> indicators,
        Verdict verdict) {

    /** The score of the indicator with this code, or null. */
    public IndicatorScore indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }
}
