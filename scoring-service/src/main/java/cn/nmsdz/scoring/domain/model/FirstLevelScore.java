package cn.nmsdz.scoring.domain.model;

import java.math.BigDecimal;
import java.util.List;

/** A first-level node's points and score rate (points / max × 100, two decimals, half-up). */
public record FirstLevelScore(
        String code,
        String name,
        BigDecimal points,
        BigDecimal maxPoints,
        BigDecimal rate,
        List<SecondLevelScore> children) {
}
