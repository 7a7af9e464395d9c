package cn.nmsdz.events.catalogue;

import java.util.List;

/**
 * "decomposition changed" (catalogue.events): a region's departments and, per indicator, the
 * plan tasks, lead units and responsible units (department codes) that own it.
 */
public record DecompositionData(String region, List<DepartmentData> departments, List<Entry> entries) {

    /** A department of a region; {@code code} is what tokens carry in their department claim. */
    public record DepartmentData(String code, String name, List<String> aliases, String kind) {
    }

    /** Who owns one indicator in this region. */
    public record Entry(String indicator, List<Integer> tasks, List<String> leadUnits, List<String> responsibleUnits) {
    }
}
