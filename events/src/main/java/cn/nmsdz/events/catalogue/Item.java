package cn.nmsdz.events.catalogue;

import java.math.BigDecimal;
import java.util.List;

/**
 * A numbered sub-point of an indicator and what satisfies it.
 *
 * @param code       "{indicator}.{n}", e.g. "17.1"
 * @param text       verbatim text of the sub-point
 * @param points     points it earns (for any_item rules, null: the rule carries the points)
 * @param expert     whether an expert verdict is needed
 * @param conditions threshold conditions on metrics; all must hold. Empty = none.
 *                   When both expert and conditions are given, both are needed.
 */
public record Item(String code, String text, BigDecimal points, boolean expert, List<Condition> conditions) {
}
