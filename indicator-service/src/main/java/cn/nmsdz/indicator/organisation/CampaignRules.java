package cn.nmsdz.indicator.organisation;

import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.indicator.organisation.CampaignViews.Person;
import cn.nmsdz.indicator.organisation.CampaignViews.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The campaign's rules that need the region's other data (its stages, its departments) or several elements at once;
 * plain Java, no framework. What one field or one object says by itself is a constraint of {@link CampaignViews}.
 */
public final class CampaignRules {
    private CampaignRules() {
    }

    /** A stage code names one stage: given twice is refused (each stage's own fields are its constraints). */
    public static List<Violation> stages(List<Stage> stages) {
        List<Violation> v = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            if (!codes.add(stages.get(i).code())) {
                v.add(new Violation("/" + i + "/code", "阶段 " + stages.get(i).code() + " 重复 / stage "
                        + stages.get(i).code() + " is given twice"));
            }
        }
        return v;
    }

    /**
     * A due date lies within the named stage, or without a stage within one of the region's stages. Past dates are
     * allowed (a late entry is a fact). A region without stages accepts any date.
     */
    public static List<Violation> dueDate(LocalDate due, String stage, List<Stage> stages) {
        List<Violation> v = new ArrayList<>();
        Stage named = null;
        if (stage != null) {
            named = stages.stream().filter(s -> s.code().equals(stage)).findFirst().orElse(null);
            if (named == null) {
                v.add(new Violation("/stage", "没有阶段 " + stage + "（已有：" + stages.stream().map(Stage::code).toList()
                        + "）/ the creation has no stage " + stage));
                return v;
            }
        }
        if (due == null || stages.isEmpty()) {
            return v;
        }
        if (named != null) {
            if (due.isBefore(named.startsOn()) || due.isAfter(named.endsOn())) {
                v.add(new Violation("/dueDate", "时间节点 " + due + " 不在阶段“" + named.name() + "”（" + named.startsOn() + " 至 "
                        + named.endsOn() + "）内 / the due date lies outside stage " + named.code()));
            }
        } else if (stages.stream().noneMatch(s -> !due.isBefore(s.startsOn()) && !due.isAfter(s.endsOn()))) {
            v.add(new Violation("/dueDate", "时间节点 " + due + " 不在创建的任何阶段内（" + stages.stream()
                    .map(s -> s.name() + " " + s.startsOn() + "至" + s.endsOn()).toList()
                    + "）/ the due date lies outside the creation's stages"));
        }
        return v;
    }

    /** Each responsible person belongs to a department of the region (name and department given: constraints). */
    public static List<Violation> persons(List<Person> persons, Set<String> departments, String region) {
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            Person p = persons.get(i);
            if (!departments.contains(p.department())) {
                v.add(new Violation("/persons/" + i + "/department", "地区 " + region + " 没有部门 " + p.department()
                        + " / no department " + p.department() + " in region " + region));
            }
        }
        return v;
    }
}
