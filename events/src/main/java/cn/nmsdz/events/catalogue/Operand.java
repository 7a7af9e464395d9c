package cn.nmsdz.events.catalogue;

/**
 * A figure a rule reads for one year.
 *
 * <p>If {@code metric} is observed for that year, its value is used (a published
 * rate wins). Otherwise, if {@code derive} is given, the figure is derived:
 * {@code growthOf}: (level_Y / level_{Y-1} − 1) × 100; {@code numerator}/{@code denominator}:
 * numerator / denominator × {@code scale} (100 for a percentage, 1 for a plain ratio).
 * A derivation-only operand (metric null) is always derived.
 */
public record Operand(String metric, Scope scope, Derivation derive) {

    /** How to derive the figure when it is not observed directly. */
    public record Derivation(String growthOf, String numerator, String denominator, java.math.BigDecimal scale) {
    }
}
