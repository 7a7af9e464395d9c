package cn.nmsdz.events.catalogue;

import java.math.BigDecimal;

/**
 * Pass standard: total at least {@code minTotal} points and every first-level
 * indicator at least {@code minFirstLevelRate} percent of its maximum points.
 */
public record PassStandard(BigDecimal minTotal, BigDecimal minFirstLevelRate) {
}
