package cn.nmsdz.indicator.domain.decomposition;

import cn.nmsdz.indicator.domain.validation.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks departments and decomposition entries against their region; plain Java, no framework. */
public final class DecompositionRules {
    private DecompositionRules() {
    }

    /** Violations of one entry; pointers are relative to the entry ("/leadUnits/1"). */
    public static List<Violation> entry(DecompositionEntry e, Set<String> indicatorCodes, RegionOrganisation org) {
        List<Violation> v = new ArrayList<>();
        if (e.indicator() == null || !indicatorCodes.contains(e.indicator())) {
            v.add(new Violation("/indicator", "no indicator " + e.indicator() + " in the indicator system"));
        }
        numbers(v, "/tasks", e.tasks(), org.numbers(PlanTask.TASK), "plan task");
        numbers(v, "/measures", e.measures(), org.numbers(PlanTask.MEASURE), "implementation measure");
        Set<String> known = org.departmentCodes();
        units(v, "/leadUnits", e.leadUnits(), known, org.region());
        units(v, "/responsibleUnits", e.responsibleUnits(), known, org.region());
        if (e.leadUnits().isEmpty() && e.responsibleUnits().isEmpty()) {
            v.add(new Violation("/responsibleUnits", "an indicator needs at least one lead or responsible unit"));
        }
        return v;
    }

    private static void numbers(List<Violation> v, String p, List<Integer> given, Set<Integer> known, String what) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Integer n = given.get(i);
            if (n == null || !known.contains(n)) {
                v.add(new Violation(p + "/" + i, "the region's plan has no " + what + " " + n));
            } else if (!seen.add(n)) {
                v.add(new Violation(p + "/" + i, what + " " + n + " is listed twice"));
            }
        }
    }

    private static void units(List<Violation> v, String p, List<String> given, Set<String> known, String region) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            if (code == null || !known.contains(code)) {
                v.add(new Violation(p + "/" + i, "no department " + code + " in region " + region));
            } else if (!seen.add(code)) {
                v.add(new Violation(p + "/" + i, "department " + code + " is listed twice"));
            }
        }
    }

    /**
     * Violations of a new or changed department of {@code org}'s region: its code begins with the region's, and its
     * names and aliases do not denote another department (a sheet names units by name). The department's own fields
     * (code format and length, name, kind) are the request's constraints ({@code rest.DepartmentInput}).
     */
    public static List<Violation> department(Department d, RegionOrganisation org) {
        List<Violation> v = new ArrayList<>();
        if (d.code() == null || !d.code().startsWith(org.region() + "-")) {
            v.add(new Violation("/code", "must begin with " + org.region() + "-, e.g. " + org.region() + "-market-supervision"));
        }
        Map<String, String> lookup = org.unitLookup();
        List<String> names = d.names();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            String p = i == 0 ? "/name" : "/aliases/" + (i - 1);
            String owner = lookup.get(n.strip());
            if (owner != null && !owner.equals(d.code())) {
                v.add(new Violation(p, "'" + n + "' already names department " + owner));
            }
            if (names.subList(0, i).contains(n)) {
                v.add(new Violation(p, "'" + n + "' is given twice"));
            }
        }
        Set<String> known = org.departmentCodes();
        for (int i = 0; i < d.members().size(); i++) {
            String m = d.members().get(i);
            if (m == null || !known.contains(m) || m.equals(d.code())) {
                v.add(new Violation("/members/" + i, "no other department " + m + " in region " + org.region()));
            }
        }
        if (!d.members().isEmpty() && !"COLLECTIVE".equals(d.kind())) {
            v.add(new Violation("/members", "only a COLLECTIVE has members"));
        }
        return v;
    }
}
