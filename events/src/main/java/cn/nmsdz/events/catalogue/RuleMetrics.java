package cn.nmsdz.events.catalogue;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics an indicator reads (its rule's operands and its items' conditions): who owns a figure (evidence-service),
 * which figures stand behind an indicator (scoring-service's 自评报告).
 */
public final class RuleMetrics {
    private RuleMetrics() {
    }

    public static Set<String> of(Indicator indicator) {
        Set<String> metrics = new TreeSet<>();
        Rule rule = indicator.rule();
        if (rule instanceof Rule.YearlyComparison r) {
            add(metrics, r.value());
            add(metrics, r.comparator());
        } else if (rule instanceof Rule.RatioBands r) {
            add(metrics, r.value());
        } else if (rule instanceof Rule.CountBands r) {
            addCode(metrics, r.metric());
        } else if (rule instanceof Rule.CappedCount r) {
            addCode(metrics, r.metric());
        }
        if (indicator.items() != null) {
            for (Item item : indicator.items()) {
                if (item.conditions() != null) {
                    for (Condition c : item.conditions()) {
                        add(metrics, c.value());
                        add(metrics, c.against());
                    }
                }
            }
        }
        return metrics;
    }

    private static void add(Set<String> metrics, Operand operand) {
        if (operand == null) {
            return;
        }
        addCode(metrics, operand.metric());
        if (operand.derive() != null) {
            addCode(metrics, operand.derive().growthOf());
            addCode(metrics, operand.derive().numerator());
            addCode(metrics, operand.derive().denominator());
        }
    }

    private static void addCode(Set<String> metrics, String code) {
        if (code != null && !code.isBlank()) {
            metrics.add(code);
        }
    }
}
