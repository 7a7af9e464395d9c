package cn.nmsdz.scoring.security;

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
}
