package cn.nmsdz.indicator.organisation;

import cn.nmsdz.indicator.domain.decomposition.DecompositionRules;
import cn.nmsdz.indicator.domain.decomposition.Department;
import cn.nmsdz.indicator.domain.decomposition.RegionOrganisation;
import cn.nmsdz.indicator.domain.validation.Violation;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RefusalRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A region's departments: created, changed and removed (with their history), each change announced. */
@ApplicationScoped
public class DepartmentService {
    @Inject
    RegionOrganisations organisations;

    @Inject
    OrganisationViewService views;

    @Inject
    OrganisationHistory history;

    @Transactional
    public Department createDepartment(String region, Department d) {
        organisations.region(region);
        if (d.code() != null && DepartmentEntity.findById(d.code()) != null) {
            throw ProblemException.conflict("department " + d.code() + " already exists; change it with PUT")
                    .typed(RefusalRule.CAMPAIGN).chinese("部门 " + d.code() + " 已存在；请用 PUT 修改");
        }
        return saveDepartment(region, d);
    }

    @Transactional
    public Department putDepartment(String region, String code, Department d) {
        organisations.region(region);
        if (d.code() != null && !d.code().equals(code)) {
            throw ProblemException.badRequest("the department's code differs from the path",
                    List.of(new Problem.FieldError("/code", "must be " + code + " (the path) or absent")))
                    .chinese("部门的 code 与路径中的不一致");
        }
        return saveDepartment(region, new Department(code, d.name(), d.aliases(), d.kind(), d.members()));
    }

    /** Removes a department no task, entry, collective or leadership group refers to. */
    @Transactional
    public void deleteDepartment(String region, String code) {
        organisations.region(region);
        DepartmentEntity entity = DepartmentEntity.findById(code);
        if (entity == null || !entity.regionCode.equals(region)) {
            throw ProblemException.notFound("no department " + code + " in region " + region)
                    .chinese("地区 " + region + " 没有部门 " + code);
        }
        RegionOrganisation org = organisations.organisation(region);
        List<String> users = new ArrayList<>();
        List<String> usersZh = new ArrayList<>();
        org.entries().stream().filter(e -> e.leadUnits().contains(code) || e.responsibleUnits().contains(code))
                .forEach(e -> {
                    users.add("indicator " + e.indicator());
                    usersZh.add("指标 " + e.indicator());
                });
        org.tasks().stream().filter(t -> t.leadUnits().contains(code) || t.responsibleUnits().contains(code))
                .forEach(t -> {
                    users.add(t.kind().toLowerCase() + " " + t.number());
                    usersZh.add("创建方案 " + t.kind().toLowerCase() + " " + t.number());
                });
        org.departments().stream().filter(d -> d.members().contains(code)).forEach(d -> {
            users.add("department " + d.code());
            usersZh.add("部门 " + d.code());
        });
        views.leadership(region).ifPresent(g -> {
            if (g.members().stream().anyMatch(m -> code.equals(m.department()))
                    || (g.office() != null && code.equals(g.office().department()))) {
                users.add("the leadership group");
                usersZh.add("领导小组");
            }
        });
        if (!users.isEmpty()) {
            throw ProblemException.conflict("department " + code + " is still named by " + String.join(", ", users))
                    .typed(RefusalRule.CAMPAIGN).chinese("部门 " + code + " 仍被引用：" + String.join("、", usersZh));
        }
        history.record(region, "department " + code, entity.toDomain(), null);
        entity.delete();
        organisations.announce(region);
    }

    private Department saveDepartment(String region, Department d) {
        RegionOrganisation org = organisations.organisation(region);
        List<Violation> violations = DecompositionRules.department(d, org);
        DepartmentEntity existing = d.code() == null ? null : DepartmentEntity.findById(d.code());
        if (existing != null && !existing.regionCode.equals(region)) {
            violations = new ArrayList<>(violations);
            violations.add(new Violation("/code", "department " + d.code() + " belongs to region " + existing.regionCode));
        }
        RegionOrganisations.reject("Invalid department", RefusalRule.CAMPAIGN, violations);
        int position = existing != null ? existing.position
                : DepartmentEntity.ofRegion(region).stream().mapToInt(e -> e.position + 1).max().orElse(0);
        Department before = existing == null ? null : existing.toDomain();
        persist(region, d, position, OffsetDateTime.now(ZoneOffset.UTC));
        history.record(region, "department " + d.code(), before, DepartmentEntity.<DepartmentEntity>findById(d.code()).toDomain());
        organisations.announce(region);
        return d;
    }

    static void persist(String region, Department d, int position, OffsetDateTime now) {
        DepartmentEntity e = DepartmentEntity.findById(d.code());
        if (e == null) {
            e = new DepartmentEntity();
            e.code = d.code();
        }
        e.regionCode = region;
        e.name = d.name().strip();
        e.aliases = d.aliases().stream().map(String::strip).toList();
        e.kind = d.kind();
        e.members = d.members();
        e.position = position;
        e.updatedAt = now;
        e.persist();
    }
}
