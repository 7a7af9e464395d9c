package cn.nmsdz.indicator.organisation;

import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.indicator.organisation.CampaignViews.Liaison;
import cn.nmsdz.indicator.organisation.CampaignViews.Person;
import cn.nmsdz.indicator.organisation.CampaignViews.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of the campaign's stages, due dates, persons and liaisons; plain Java, no framework. */
public final class CampaignRules {
    static final Pattern STAGE_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private CampaignRules() {
    }

    public static List<Violation> stages(List<Stage> stages) {
        List<Violation> v = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            String p = "/" + i;
            if (s == null) {
                v.add(new Violation(p, "must not be null"));
                continue;
            }
            if (s.code() == null || s.code().length() > 32 || !STAGE_CODE.matcher(s.code()).matches()) {
                v.add(new Violation(p + "/code", "阶段代码须为小写字母、数字和连字符（至多32个字符）/ must be lower-case words joined by '-', at most 32 characters"));
            } else if (!codes.add(s.code())) {
                v.add(new Violation(p + "/code", "阶段 " + s.code() + " 重复 / stage " + s.code() + " is given twice"));
            }
            if (s.name() == null || s.name().isBlank()) {
                v.add(new Violation(p + "/name", "阶段名称必填 / is required"));
            }
            if (s.startsOn() == null) {
                v.add(new Violation(p + "/startsOn", "开始日期必填 / is required"));
            }
            if (s.endsOn() == null) {
                v.add(new Violation(p + "/endsOn", "结束日期必填 / is required"));
            }
            if (s.startsOn() != null && s.endsOn() != null && s.endsOn().isBefore(s.startsOn())) {
                v.add(new Violation(p + "/endsOn", "结束日期早于开始日期 / ends before it starts"));
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

    public static List<Violation> persons(List<Person> persons, Set<String> departments, String region) {
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            Person p = persons.get(i);
            String at = "/persons/" + i;
            if (p == null) {
                v.add(new Violation(at, "must not be null"));
                continue;
            }
            if (p.name() == null || p.name().isBlank()) {
                v.add(new Violation(at + "/name", "责任人员须有姓名 / a responsible person needs a name"));
            }
            if (p.department() == null || !departments.contains(p.department())) {
                v.add(new Violation(at + "/department", "地区 " + region + " 没有部门 " + p.department()
                        + " / no department " + p.department() + " in region " + region));
            }
        }
        return v;
    }

    public static List<Violation> liaisons(List<Liaison> liaisons) {
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < liaisons.size(); i++) {
            Liaison l = liaisons.get(i);
            String at = "/" + i;
            if (l == null) {
                v.add(new Violation(at, "must not be null"));
                continue;
            }
            if (l.name() == null || l.name().isBlank()) {
                v.add(new Violation(at + "/name", "联络员须有姓名 / a liaison needs a name"));
            }
            if ((l.phone() == null || l.phone().isBlank()) && (l.contact() == null || l.contact().isBlank())) {
                v.add(new Violation(at + "/phone", "联络员须有办公电话或其他联系方式 / a liaison needs an office phone or another contact"));
            }
        }
        return v;
    }
}
