package cn.nmsdz.scoring.domain.model;

import cn.nmsdz.events.catalogue.Zone;

/** The assessed region: its administrative division code and the statistics bureau's economic zone. */
public record RegionProfile(String code, Zone zone) {
}
