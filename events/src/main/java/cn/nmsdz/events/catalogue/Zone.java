package cn.nmsdz.events.catalogue;

/** Economic zones of the statistics bureau (东部, 中部, 西部, 东北). */
public enum Zone {
    EAST, CENTRAL, WEST, NORTHEAST
}
