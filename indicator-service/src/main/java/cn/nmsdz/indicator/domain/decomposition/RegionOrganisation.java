package cn.nmsdz.indicator.domain.decomposition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A region's departments, plan tasks and measures, and decomposition: what the rules below check against. */
public record RegionOrganisation(String region, List<Department> departments, List<PlanTask> tasks,
        List<DecompositionEntry> entries) {

    public RegionOrganisation {
        departments = departments == null ? List.of() : List.copyOf(departments);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public Set<String> departmentCodes() {
        return departments.stream().map(Department::code).collect(Collectors.toSet());
    }

    public Set<Integer> numbers(String kind) {
        return tasks.stream().filter(t -> t.kind().equals(kind)).map(PlanTask::number).collect(Collectors.toSet());
    }

    public Optional<PlanTask> task(String kind, int number) {
        return tasks.stream().filter(t -> t.kind().equals(kind) && t.number() == number).findFirst();
    }

    public Optional<Department> department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** Every name, alias and code of every department → its code (codes win over names). */
    public Map<String, String> unitLookup() {
        Map<String, String> lookup = new HashMap<>();
        for (Department d : departments) {
            d.names().forEach(n -> lookup.putIfAbsent(n.strip(), d.code()));
        }
        departments.forEach(d -> lookup.put(d.code(), d.code()));
        return lookup;
    }
}
