package cn.nmsdz.events.catalogue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The closed rule vocabulary of SPEC §3.1, as data. The JSON field {@code kind} names the rule. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Rule.YearlyComparison.class, name = "yearly_comparison"),
        @JsonSubTypes.Type(value = Rule.RatioBands.class, name = "ratio_bands"),
        @JsonSubTypes.Type(value = Rule.CountBands.class, name = "count_bands"),
        @JsonSubTypes.Type(value = Rule.Items.class, name = "items"),
        @JsonSubTypes.Type(value = Rule.AnyItem.class, name = "any_item"),
        @JsonSubTypes.Type(value = Rule.ExpertPoints.class, name = "expert_points"),
        @JsonSubTypes.Type(value = Rule.CappedCount.class, name = "capped_count")
})
public sealed interface Rule {

    /** For each year of the window: {@code pointsPerYear} when value > comparator (strict). */
    record YearlyComparison(Operand value, Operand comparator, BigDecimal pointsPerYear) implements Rule {
    }

    /** The operand (a ratio) of year Y mapped to points by bands. */
    record RatioBands(Operand value, List<Band> bands) implements Rule {
    }

    /**
     * Distinct subjects whose observation of {@code metric} in some year of the window is at
     * least the threshold of the region's zone, mapped to points by bands.
     */
    record CountBands(String metric, Map<Zone, BigDecimal> thresholdByZone, List<Band> bands) implements Rule {
    }

    /** Sum of the points of the satisfied items. */
    record Items() implements Rule {
    }

    /** {@code points} when any one item is satisfied ("符合一项即可得3分"). */
    record AnyItem(BigDecimal points) implements Rule {
    }

    /** An expert awards 0 … the indicator's maximum for the whole indicator. */
    record ExpertPoints() implements Rule {
    }

    /** {@code pointsPerCount} for each counted record of {@code metric} in the window, capped at the maximum. */
    record CappedCount(String metric, BigDecimal pointsPerCount) implements Rule {
    }
}
