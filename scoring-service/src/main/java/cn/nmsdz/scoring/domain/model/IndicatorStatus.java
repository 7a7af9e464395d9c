package cn.nmsdz.scoring.domain.model;

/** MISSING_INPUT wins over AWAITING_EXPERT; SCORED when nothing is missing or awaited. */
public enum IndicatorStatus {
    SCORED, MISSING_INPUT, AWAITING_EXPERT
}
