package cn.nmsdz.events.catalogue;

import java.math.BigDecimal;

/**
 * {@code value op threshold}, or {@code value op against} when compared with another operand
 * (e.g. the national figure). Evaluated for the latest year Y of the window unless
 * {@code everyYear} is true, in which case it must hold for each year of the window.
 */
public record Condition(Operand value, Comparison op, BigDecimal threshold, Operand against, boolean everyYear) {
}
