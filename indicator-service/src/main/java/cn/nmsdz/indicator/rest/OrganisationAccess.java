package cn.nmsdz.indicator.rest;

import cn.nmsdz.indicator.region.RegionEntity;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.support.access.RegionHierarchy;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * Who reads a region's organisation data (departments and their members, plan, leadership group with named officials,
 * task decomposition): a token of that region or of a region above it (CN: every region), an expert assigned to it
 * ({@code assigned_regions}), and the catalogue admin. The other services do not read it here: they receive it on
 * catalogue.events.
 */
@RequestScoped
public class OrganisationAccess {

    @Inject
    SecurityIdentity identity;

    /** 404 for an unknown region, 403 naming the rule for a region the caller does not read. */
    @Transactional
    public void requireRead(String code) {
        if (RegionEntity.findById(code) == null) {
            throw ProblemException.notFound("no region " + code).chinese("没有地区 " + code);
        }
        if (identity.hasRole(Caller.ADMIN)) {
            return;
        }
        Caller caller = Caller.of(identity);
        if (RegionHierarchy.reads(caller, code, OrganisationAccess::parentOf)) {
            return;
        }
        String own = caller.region();
        Set<String> assigned = caller.has(Caller.EXPERT) ? caller.assignedRegions() : Set.of();
        throw ProblemException.forbidden("rule region-scope: the organisation data of region " + code
                + " (departments, plan, leadership group, decomposition) is read by that region, the regions above it, "
                + "the experts assigned to it and the catalogue admin, not by "
                + (own != null ? "a token of region " + own : assigned.isEmpty() ? "this token"
                        : "an expert assigned to " + String.join(", ", assigned)))
                .chinese("规则 region-scope：地区 " + code + " 的组织数据（部门、创建方案、领导小组、任务分解表）由本地区、其上级地区、"
                        + "分派到该地区的专家和指标体系管理员读取，"
                        + (own != null ? "地区 " + own + " 的令牌" : assigned.isEmpty() ? "此令牌"
                                : "分派到 " + String.join(", ", assigned) + " 的专家") + "不能读取");
    }

    /**
     * Who writes a region's organisation data: the catalogue admin (every region) and the region's own creation
     * office ({@code creation-office} with that {@code region} claim). 404 for an unknown region, 403 naming the rule.
     */
    @Transactional
    public void requireWrite(String code) {
        if (RegionEntity.findById(code) == null) {
            throw ProblemException.notFound("no region " + code).chinese("没有地区 " + code);
        }
        if (identity.hasRole(Caller.ADMIN)) {
            return;
        }
        String own = Caller.of(identity).region();
        if (identity.hasRole(Caller.CREATION_OFFICE) && code.equals(own)) {
            return;
        }
        throw ProblemException.forbidden("rule own-region: the organisation data of region "
                + code + " is written by its own creation office and the catalogue admin, not by "
                + (own != null ? "a token of region " + own : "this token"))
                .chinese("规则 own-region：创建办只管理本地区的组织数据；地区 " + code + " 的组织数据由本地区的创建办和指标体系管理员写入，"
                        + (own != null ? "地区 " + own + " 的令牌" : "此令牌") + "不能写入");
    }

    private static String parentOf(String code) {
        RegionEntity region = RegionEntity.findById(code);
        return region == null ? null : region.parentCode;
    }
}
