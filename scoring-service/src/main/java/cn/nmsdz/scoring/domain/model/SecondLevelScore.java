package cn.nmsdz.scoring.domain.model;

import java.math.BigDecimal;

/** A second-level node's points and score rate (points / max × 100, two decimals, half-up). */
public record SecondLevelScore(String code, String name, BigDecimal points, BigDecimal maxPoints, BigDecimal rate) {
}
