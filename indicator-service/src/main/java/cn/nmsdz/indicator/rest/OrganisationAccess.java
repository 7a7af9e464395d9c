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
            throw ProblemException.notFound("no region " + code);
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
                        : "an expert assigned to " + String.join(", ", assigned)));
    }

    /**
     * Who writes a region's organisation data: the catalogue admin (every region) and the region's own creation
     * office ({@code creation-office} with that {@code region} claim). 404 for an unknown region, 403 naming the rule.
     */
    @Transactional
    public void requireWrite(String code) {
        if (RegionEntity.findById(code) == null) {
            throw ProblemException.notFound("no region " + code);
        }
        if (identity.hasRole(Caller.ADMIN)) {
            return;
        }
        String own = Caller.of(identity).region();
        if (identity.hasRole(Caller.CREATION_OFFICE) && code.equals(own)) {
            return;
        }
        throw ProblemException.forbidden("rule own-region: 创建办只管理本地区的组织数据 / the organisation data of region "
                + code + " is written by its own creation office and the catalogue admin, not by "
                + (own != null ? "a token of region " + own : "this token"));
    }

    private static String parentOf(String code) {
        RegionEntity region = RegionEntity.findById(code);
        return region == null ? null : region.parentCode;
    }
}
