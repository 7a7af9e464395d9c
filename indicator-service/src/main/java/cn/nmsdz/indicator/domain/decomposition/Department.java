package cn.nmsdz.indicator.domain.decomposition;

import java.util.ArrayList;
import java.util.List;

/**
 * A department (or a collective of departments) of a region, as the plan and its annex name it.
 *
 * @param code    stable code {@code <region>-<slug>}; tokens carry it in their {@code department} claim
 * @param name    the full official name
 * @param aliases the short forms the documents also use (区商务委, 县工科局, ...)
 * @param kind    GOVERNMENT_DEPARTMENT, PARTY_OFFICE, COLLECTIVE or OTHER
 * @param members for a COLLECTIVE that is a known list (各成员单位): the member department codes
 */
public record Department(String code, String name, List<String> aliases, String kind, List<String> members) {

    public Department {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** The name followed by the aliases: every form a clerk may write in a sheet. */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(aliases);
        return all;
    }
}
