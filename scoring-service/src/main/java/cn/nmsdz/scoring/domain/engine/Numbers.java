package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.events.catalogue.Comparison;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** BigDecimal arithmetic and formatting shared by the rules. No doubles anywhere. */
final class Numbers {

    /** Scale of intermediate quotients (ratios, growth rates); large enough that band edges stay exact. */
    static final int QUOTIENT_SCALE = 10;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Numbers() {
    }

    static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** {@code a × factor / b}; the caller guarantees b ≠ 0. */
    static BigDecimal divide(BigDecimal a, BigDecimal factor, BigDecimal b) {
        return a.multiply(factor).divide(b, QUOTIENT_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Clamp to 0 … max (max null = no upper bound). */
    static BigDecimal clamp(BigDecimal v, BigDecimal max) {
        BigDecimal r = v.signum() < 0 ? BigDecimal.ZERO : v;
        return max != null && r.compareTo(max) > 0 ? max : r;
    }

    /** Points as stored in results: at least one decimal ("2.0", "2.3", "0.25"). */
    static BigDecimal points(BigDecimal v) {
        BigDecimal s = nz(v).stripTrailingZeros();
        return s.scale() < 1 ? s.setScale(1, RoundingMode.UNNECESSARY) : s;
    }

    /** Rate = points / max × 100, two decimals, half-up; a zero maximum gives 100.00. */
    static BigDecimal rate(BigDecimal points, BigDecimal max) {
        if (max == null || max.signum() == 0) {
            return HUNDRED.setScale(2, RoundingMode.UNNECESSARY);
        }
        return points.multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP);
    }

    /** Mean rounded half-up to one decimal. */
    static BigDecimal mean1(BigDecimal sum, int n) {
        return sum.divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
    }

    /** A figure in explanations: two decimals, half-up. */
    static String fig(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A figure with its unit: "12.30 %", "5000.00 万元", "3.00". */
    static String fig(BigDecimal v, String unit) {
        return unit == null || unit.isBlank() ? fig(v) : fig(v) + " " + unit;
    }

    /** Points or thresholds as written in the standard: "1", "0.5", "85". */
    static String plain(BigDecimal v) {
        if (v == null) {
            return "0";
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s).toPlainString();
    }

    /** Points with one decimal at least, as totals are shown: "83.0". */
    static String pts(BigDecimal v) {
        return points(v).toPlainString();
    }

    static boolean holds(BigDecimal value, Comparison op, BigDecimal reference) {
        int c = value.compareTo(reference);
        return switch (op) {
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ -> c == 0;
            case LE -> c <= 0;
            case LT -> c < 0;
        };
    }

    static String symbol(Comparison op) {
        return switch (op) {
            case GT -> ">";
            case GE -> "≥";
            case EQ -> "=";
            case LE -> "≤";
            case LT -> "<";
        };
    }
}
