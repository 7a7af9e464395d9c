package cn.nmsdz.scoring.snapshot;

/** One region's assessment year: what a snapshot is computed for and what the queue marks. */
public record RegionYear(String region, int year) {
}
