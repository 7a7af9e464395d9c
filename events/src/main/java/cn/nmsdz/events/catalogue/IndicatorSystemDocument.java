package cn.nmsdz.events.catalogue;

import java.util.List;

/**
 * The whole indicator system as data: the shape of the catalogue file, of the
 * import/export body and of the "indicator system published" event payload.
 *
 * @param code             stable code of the system, e.g. {@code NMSDZ}
 * @param version          version number within the code, 1, 2, ...
 * @param name             official Chinese name
 * @param assessmentYears  length of the assessment window ("近2年" = 2)
 * @param passStandard     what a region needs to pass
 * @param notes            readings and decisions a person should know (e.g. NORTHEAST threshold)
 * @param metrics          every metric the rules may name
 * @param firstLevel       the five first-level nodes with their subtrees
 */
public record IndicatorSystemDocument(
        String code,
        int version,
        String name,
        int assessmentYears,
        PassStandard passStandard,
        List<String> notes,
        List<MetricDefinition> metrics,
        List<FirstLevelNode> firstLevel) {
}
