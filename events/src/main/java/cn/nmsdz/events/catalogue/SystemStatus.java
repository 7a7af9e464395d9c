package cn.nmsdz.events.catalogue;

/** The life of an indicator system version: DRAFT (changeable), then PUBLISHED (immutable, in force), then RETIRED. */
public enum SystemStatus {
    DRAFT, PUBLISHED, RETIRED
}
