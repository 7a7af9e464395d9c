package cn.nmsdz.events.catalogue;

import java.math.BigDecimal;

/**
 * A band of a ratio or a count, both ends included ("比值区间均含本数"); {@code max} null = open.
 * Where two bands share an end, the higher band wins.
 */
public record Band(BigDecimal min, BigDecimal max, BigDecimal points) {
}
