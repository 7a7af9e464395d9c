package cn.nmsdz.events.catalogue;

/** Region codes with a meaning of their own in every service. */
public final class RegionCodes {
    /** The nation: the root of the region tree, the region of the national figures and of national tokens. */
    public static final String NATION = "CN";

    private RegionCodes() {
    }
}
