package cn.nmsdz.indicator.domain.decomposition;

import java.util.List;

/**
 * Who owns one indicator in a region: the plan tasks and measures it is linked to, its lead units
 * and its responsible units (department codes, in the order the annex prints them).
 */
public record DecompositionEntry(String indicator, List<Integer> tasks, List<Integer> measures,
        List<String> leadUnits, List<String> responsibleUnits) {

    public DecompositionEntry {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        measures = measures == null ? List.of() : List.copyOf(measures);
        leadUnits = leadUnits == null ? List.of() : List.copyOf(leadUnits);
        responsibleUnits = responsibleUnits == null ? List.of() : List.copyOf(responsibleUnits);
    }
}
