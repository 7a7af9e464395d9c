package cn.nmsdz.evidence.security;

import cn.nmsdz.evidence.catalogue.KnownRegionEntity;
import cn.nmsdz.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A caller reads its own region and every region under it (CN covers all); it writes only its own. */
@ApplicationScoped
public class RegionScope {

    @Transactional
    public boolean covers(String callerRegion, String region) {
        if (callerRegion == null || region == null) {
            return false;
        }
        String code = region;
        for (int depth = 0; code != null && depth < 10; depth++) {
            if (code.equals(callerRegion)) {
                return true;
            }
            KnownRegionEntity known = KnownRegionEntity.findById(code);
            code = known == null ? null : known.parentCode;
        }
        return "CN".equals(callerRegion);
    }

    public void requireRead(Caller caller, String region) {
        // the national figures (CN) are the public comparators of every region: readable by all
        if (!"CN".equals(region) && !covers(caller.region(), region)) {
            throw ProblemException.forbidden("rule region-scope: region " + caller.region()
                    + " reads its own evidence and that of the regions under it, not " + region);
        }
    }

    public static void requireOwn(Caller caller, String region, String what) {
        if (!region.equals(caller.region())) {
            throw ProblemException.forbidden("rule region-scope: " + what + " only for its own region ("
                    + caller.region() + "), not for " + region);
        }
    }
}
