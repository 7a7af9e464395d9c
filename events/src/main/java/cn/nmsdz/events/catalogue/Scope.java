package cn.nmsdz.events.catalogue;

/** Whose figure an operand reads: the assessed region's own, or the nation's (region {@code CN}). */
public enum Scope {
    SELF, NATIONAL
}
