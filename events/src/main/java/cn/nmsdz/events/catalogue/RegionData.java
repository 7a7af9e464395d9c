package cn.nmsdz.events.catalogue;

/**
 * A region as the catalogue publishes it.
 *
 * @param code       administrative division code, or {@code CN} for the nation
 * @param level      NATION, PROVINCE, CITY, COUNTY
 * @param parentCode null for CN; CN for a province
 */
public record RegionData(String code, String name, String level, String parentCode, Zone zone) {
}
