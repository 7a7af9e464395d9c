package cn.nmsdz.evidence.projection;

/**
 * A published indicator system has just been applied to the projection, in the transaction that applies it (a CDI
 * event, observed synchronously): what needs the catalogue's definitions (the national reference figures) follows
 * it there without the projection knowing who that is.
 */
public record CataloguePublished(String system, int version) {
}
