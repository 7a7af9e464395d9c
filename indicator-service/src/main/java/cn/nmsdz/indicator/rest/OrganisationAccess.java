package cn.nmsdz.indicator.rest;

import cn.nmsdz.indicator.region.RegionEntity;
import cn.nmsdz.support.rest.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who reads a region's organisation data (departments and their members, plan, leadership group with named officials,
 * task decomposition): a token of that region or of a region above it (CN: every region), an expert assigned to it
 * ({@code assigned_regions}), and the catalogue admin. The other services do not read it here: they receive it on
 * catalogue.events.
 */
@RequestScoped
public class OrganisationAccess {
    static final String ADMIN = "catalogue-admin";
    static final String EXPERT = "expert";
    static final String OFFICE = "creation-office";

    @Inject
    SecurityIdentity identity;

    /** 404 for an unknown region, 403 naming the rule for a region the caller does not read. */
    @Transactional
    public void requireRead(String code) {
        if (RegionEntity.findById(code) == null) {
            throw ProblemException.notFound("no region " + code);
        }
        if (identity.hasRole(ADMIN)) {
            return;
        }
        String own = null;
        Set<String> assigned = Set.of();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            own = jwt.getClaim("region");
            assigned = identity.hasRole(EXPERT) ? strings(jwt.getClaim("assigned_regions")) : Set.of();
        }
        if (assigned.contains(code) || (own != null && selfOrAbove(own, code))) {
            return;
        }
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
        if (identity.hasRole(ADMIN)) {
            return;
        }
        String own = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("region") : null;
        if (identity.hasRole(OFFICE) && code.equals(own)) {
            return;
        }
        throw ProblemException.forbidden("rule own-region: 创建办只管理本地区的组织数据 / the organisation data of region "
                + code + " is written by its own creation office and the catalogue admin, not by "
                + (own != null ? "a token of region " + own : "this token"));
    }

    /** Whether {@code ancestor} is {@code code} or lies above it (CN lies above every region). */
    static boolean selfOrAbove(String ancestor, String code) {
        String current = code;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current.equals(ancestor)) {
                return true;
            }
            RegionEntity region = RegionEntity.findById(current);
            current = region == null ? null : region.parentCode;
        }
        return "CN".equals(ancestor);
    }

    /** A claim Keycloak writes as a string for one value and as an array for several. */
    static Set<String> strings(Object claim) {
        Set<String> values = new TreeSet<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(one -> values.add(one instanceof JsonString s ? s.getString() : String.valueOf(one)));
        } else if (claim instanceof JsonString s) {
            values.add(s.getString());
        } else if (claim instanceof String s) {
            values.add(s);
        }
        return values;
    }
}
