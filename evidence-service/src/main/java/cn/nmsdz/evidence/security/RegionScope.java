package cn.nmsdz.evidence.security;

import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.support.access.RegionHierarchy;
import cn.nmsdz.evidence.projection.KnownRegionEntity;
import cn.nmsdz.support.consistency.CatalogueAfter;
import cn.nmsdz.support.consistency.WrittenEvents;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SPEC §7 region rules. A caller reads its own region and every region under it (CN covers all); an expert
 * also reads the regions assigned to it. A submitter writes only for its own region; a data provider writes
 * figures for its region and the regions under it (the national statistics bureau, region CN, for every
 * region; a provincial bureau for its province); an expert assesses only the regions assigned to it.
 */
@ApplicationScoped
public class RegionScope {
    /**
     * Regions found known here: a region arrives from catalogue.events and is never removed, so a region once found
     * stays known and is not selected again (issue 12: every POST selected its region). Only regions found are kept, so
     * what callers name cannot grow it beyond the catalogue.
     */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /**
     * The region must have arrived from catalogue.events. A region created a moment ago may not have: the answer says
     * "not known yet" (404), or 409 with Retry-After when the caller names, in X-NMSDZ-Catalogue-After, a catalogue
     * change this service has not received.
     */
    @Transactional
    public void requireKnown(String region) {
        if (region == null || RegionCodes.NATION.equals(region) || known.contains(region)) {
            return;
        }
        if (KnownRegionEntity.findById(region) != null) {
            known.add(region);
            return;
        }
        if (CatalogueAfter.current().isPresent()) {
            throw RetryLaterException.notYet("region " + region + " has not reached evidence-service yet: the catalogue "
                    + "change of " + CatalogueAfter.current().get() + " named in " + CatalogueAfter.HEADER + " is still on its way", 1)
                    .chinese("地区 " + region + " 尚未到达佐证材料服务：" + CatalogueAfter.HEADER + " 中指明的 "
                            + CatalogueAfter.current().get() + " 的修改仍在途中");
        }
        throw ProblemException.notFound("region " + region + " is not known to evidence-service (yet): a region created "
                + "a moment ago arrives on catalogue.events within seconds; retry, or send " + CatalogueAfter.HEADER
                + " with the " + WrittenEvents.HEADER + " its creation answered to be told when it has arrived")
                .chinese("佐证材料服务（尚）不知道地区 " + region + "：刚创建的地区会在几秒内经 catalogue.events 到达；请重试，"
                        + "或在 " + CatalogueAfter.HEADER + " 中发送创建时应答的 " + WrittenEvents.HEADER + "，以便得知它何时到达");
    }

    @Transactional
    public boolean covers(String callerRegion, String region) {
        return RegionHierarchy.isSelfOrBelow(region, callerRegion, RegionScope::parentOf);
    }

    private static String parentOf(String code) {
        KnownRegionEntity known = KnownRegionEntity.findById(code);
        return known == null ? null : known.parentCode;
    }

    /** Whether the caller reads evidence of {@code region}: see {@link #requireRead}. */
    public boolean mayRead(Caller caller, String region) {
        // the national figures (CN) are the public comparators of every region: readable by all
        return RegionCodes.NATION.equals(region) || reads(caller, region);
    }

    @Transactional
    boolean reads(Caller caller, String region) {
        return RegionHierarchy.reads(caller, region, RegionScope::parentOf);
    }

    /**
     * For a piece of evidence addressed by its id: 404 with the same detail as an unknown id when the caller may not
     * read its region, so the answer does not reveal that it exists nor which region it belongs to.
     */
    public void requireVisible(Caller caller, String region, String notFoundDetail, String notFoundDetailZh) {
        if (!mayRead(caller, region)) {
            throw ProblemException.notFound(notFoundDetail).chinese(notFoundDetailZh);
        }
    }

    public void requireRead(Caller caller, String region) {
        requireKnown(region);
        if (!mayRead(caller, region)) {
            String mandate = caller.region() != null ? "of region " + caller.region() + " and the regions under it"
                    : "of the regions assigned to it (" + String.join(", ", caller.assignedRegions()) + ")";
            String mandateZh = caller.region() != null ? "地区 " + caller.region() + " 及其下级地区"
                    : "分派给它的地区（" + String.join(", ", caller.assignedRegions()) + "）";
            throw ProblemException.forbidden("rule region-scope: " + caller.user() + " reads evidence " + mandate
                    + ", not of " + region)
                    .chinese("规则 region-scope：" + caller.user() + " 读取" + mandateZh + "的佐证材料，不能读取地区 " + region + " 的");
        }
    }

    /** Observations and documents: a submitter for its own region, a data provider within its region. */
    public void requireWrite(Caller caller, String region) {
        requireKnown(region);
        if (!caller.dataProvider()) {
            requireOwn(caller, region, "a submitter writes evidence", "提交人提交佐证材料");
        } else if (!covers(caller.region(), region)) {
            throw ProblemException.forbidden("rule region-scope: a data provider of region " + caller.region()
                    + " writes figures for that region and the regions under it, not for " + region)
                    .chinese("规则 region-scope：地区 " + caller.region() + " 的数据提供方为本地区及其下级地区填报数据，不能为地区 "
                            + region + " 填报");
        }
    }

    public static void requireOwn(Caller caller, String region, String what, String whatZh) {
        if (!region.equals(caller.region())) {
            throw ProblemException.forbidden("rule region-scope: " + what + " only for its own region ("
                    + caller.region() + "), not for " + region)
                    .chinese("规则 region-scope：" + whatZh + "只限本地区（" + caller.region() + "），不能为地区 " + region);
        }
    }

    public static void requireAssigned(Caller caller, String region) {
        if (!caller.assignedTo(region)) {
            throw ProblemException.forbidden("rule expert-assignment: expert " + caller.user() + " is assigned to "
                    + (caller.assignedRegions().isEmpty() ? "no region" : String.join(", ", caller.assignedRegions()))
                    + ", not to " + region + " (Keycloak user attribute " + Caller.ASSIGNED_REGIONS_CLAIM + ")")
                    .chinese("规则 expert-assignment：专家 " + caller.user() + " "
                            + (caller.assignedRegions().isEmpty() ? "没有分派到任何地区" : "分派到 " + String.join(", ", caller.assignedRegions()))
                            + "，没有分派到 " + region + "（Keycloak 用户属性 " + Caller.ASSIGNED_REGIONS_CLAIM + "）");
        }
    }
}
