package cn.nmsdz.indicator.domain.decomposition;

import java.util.List;

/**
 * A numbered work task (TASK) or implementation measure (MEASURE) of a region's creation plan.
 *
 * @param heading for a measure the printed heading, e.g. "(二)加强机制保障"; null for a task
 */
public record PlanTask(String kind, int number, String section, String heading, String title, String text,
        List<String> leadUnits, List<String> responsibleUnits) {

    public static final String TASK = "TASK";
    public static final String MEASURE = "MEASURE";

    public PlanTask {
        leadUnits = leadUnits == null ? List.of() : List.copyOf(leadUnits);
        responsibleUnits = responsibleUnits == null ? List.of() : List.copyOf(responsibleUnits);
    }
}
