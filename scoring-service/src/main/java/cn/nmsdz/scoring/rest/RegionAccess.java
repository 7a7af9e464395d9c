package cn.nmsdz.scoring.rest;

import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.support.access.RegionHierarchy;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.consistency.CatalogueAfter;
import cn.nmsdz.support.consistency.WrittenEvents;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RetryLaterException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The region-scope rule shared by the resources: a token reads its own region and every region under it. */
@RequestScoped
public class RegionAccess {

    @Inject
    SecurityIdentity identity;

    /**
     * 403 unless the token's region is {@code region} or lies above it, or the caller is an expert assigned to it (the
     * rule of every service: {@link RegionHierarchy}). A region that has not arrived from catalogue.events is "not known
     * yet" (404), never a refusal of the caller's scope; 409 with Retry-After when the caller names a catalogue change
     * (X-NMSDZ-Catalogue-After) this service has not received.
     */
    public void checkReadable(String region) {
        checkKnown(region);
        Caller caller = Caller.of(identity);
        if (RegionHierarchy.reads(caller, region, RegionAccess::parentOf)) {
            return;
        }
        String own = caller.region();
        if (own == null && !caller.assignedRegions().isEmpty()) {
            String assigned = String.join(", ", caller.assignedRegions());
            throw ProblemException.forbidden("rule region-scope: an expert assigned to " + assigned
                    + " reads only those regions, not " + region)
                    .chinese("规则 region-scope：分派到 " + assigned + " 的专家只能读取这些地区，不能读取 " + region);
        }
        throw ProblemException.forbidden("rule region-scope: a token of region " + own
                + " reads only that region and the regions under it, not " + region)
                .chinese("规则 region-scope：地区 " + own + " 的令牌只能读取本地区及其下级地区，不能读取 " + region);
    }

    /** The parent of a region this service has received (null for a root or an unknown region). */
    public static String parentOf(String code) {
        RegionEntity region = RegionEntity.findById(code);
        return region == null ? null : region.parentCode;
    }

    /** 404 (or 409 "not yet" with X-NMSDZ-Catalogue-After) unless the region has arrived from catalogue.events. */
    public void checkKnown(String region) {
        if (!RegionCodes.NATION.equals(region) && RegionEntity.findById(region) == null) {
            if (CatalogueAfter.current().isPresent()) {
                throw RetryLaterException.notYet("region " + region + " has not reached scoring-service yet: the catalogue "
                        + "change of " + CatalogueAfter.current().get() + " named in " + CatalogueAfter.HEADER
                        + " is still on its way", 1);
            }
            throw ProblemException.notFound("region " + region + " is not known to scoring-service (yet): a region "
                    + "created a moment ago arrives on catalogue.events within seconds; retry, or send "
                    + CatalogueAfter.HEADER + " with the " + WrittenEvents.HEADER + " its creation answered")
                    .chinese("评分服务（尚）不知道地区 " + region + "：刚创建的地区会在几秒内经 catalogue.events 到达；请重试，"
                            + "或在请求中附上 " + CatalogueAfter.HEADER + "（取创建时应答的 " + WrittenEvents.HEADER + "）");
        }
    }

    /** The assessment year of a query parameter: required, a number, 2000..2100; else 400 naming {@code year}. */
    public static int requireYear(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badRequest("query parameter 'year' (the assessment year) is required",
                    List.of(new Problem.FieldError("year", "required")))
                    .chinese("缺少查询参数 year（评估年度）", List.of(new Problem.FieldError("year", "必填")));
        }
        long year = number("year", raw);
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("query parameter 'year' must be an assessment year 2000..2100",
                    List.of(new Problem.FieldError("year", "must be 2000..2100")))
                    .chinese("查询参数 year 必须是 2000 至 2100 之间的评估年度",
                            List.of(new Problem.FieldError("year", "必须在 2000 至 2100 之间")));
        }
        return (int) year;
    }

    /** A whole-number query parameter, or its default when absent; 400 naming it when it is not a number. */
    public static long number(String name, String raw, long defaultValue) {
        return raw == null || raw.isBlank() ? defaultValue : number(name, raw);
    }

    private static long number(String name, String raw) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("query parameter '" + name + "' must be a whole number, not '" + raw + "'",
                    List.of(new Problem.FieldError(name, "not a whole number")))
                    .chinese("查询参数 " + name + " 必须是整数，而不是 '" + raw + "'",
                            List.of(new Problem.FieldError(name, "不是整数")));
        }
    }
}
