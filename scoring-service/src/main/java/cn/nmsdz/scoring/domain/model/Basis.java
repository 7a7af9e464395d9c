package cn.nmsdz.scoring.domain.model;

/**
 * Which evidence a total counts.
 * CONFIRMED: accepted observations and expert verdicts only.
 * PROJECTED: additionally pending (submitted) observations and self-assessment claims where no expert judged.
 */
public enum Basis {
    CONFIRMED, PROJECTED
}
