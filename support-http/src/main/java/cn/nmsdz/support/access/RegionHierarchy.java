package cn.nmsdz.support.access;

import cn.nmsdz.events.catalogue.RegionCodes;
import java.util.function.UnaryOperator;

/**
 * The region-access rule of every service (SPEC §7), over the region tree a service holds (its own table, read by
 * {@code parentOf}: code → parent code, null for a root or an unknown region): a token reads its own region and every
 * region under it (CN covers all); an expert also reads exactly the regions assigned to it.
 */
public final class RegionHierarchy {
    /** Deeper than any real tree (nation, province, city, county): a cycle in bad data cannot loop forever. */
    private static final int MAX_DEPTH = 10;

    private RegionHierarchy() {
    }

    /** Whether {@code ancestor} is {@code region} or lies above it; the nation lies above every region. */
    public static boolean isSelfOrBelow(String region, String ancestor, UnaryOperator<String> parentOf) {
        if (region == null || ancestor == null) {
            return false;
        }
        if (RegionCodes.NATION.equals(ancestor)) {
            return true;
        }
        String code = region;
        for (int depth = 0; code != null && depth < MAX_DEPTH; depth++) {
            if (code.equals(ancestor)) {
                return true;
            }
            code = parentOf.apply(code);
        }
        return false;
    }

    /** Whether the caller reads {@code region}: its own region and those under it, or a region assigned to it. */
    public static boolean reads(Caller caller, String region, UnaryOperator<String> parentOf) {
        return caller.assignedTo(region) || isSelfOrBelow(region, caller.region(), parentOf);
    }
}
