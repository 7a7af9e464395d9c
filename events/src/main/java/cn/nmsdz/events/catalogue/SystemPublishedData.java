package cn.nmsdz.events.catalogue;

/** "indicator system published": the whole published system, so consumers need nothing else. */
public record SystemPublishedData(String status, IndicatorSystemDocument system) {
}
