package cn.nmsdz.events.catalogue;

/** LEVEL: an amount (亿元, 万件, persons); RATE: a percentage; COUNT: a non-negative whole number. */
public enum MetricKind {
    LEVEL, RATE, COUNT
}
