package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.scoring.domain.model.Basis;
import cn.nmsdz.scoring.domain.model.EvidenceState;
import cn.nmsdz.scoring.domain.model.ObservationFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The observations counted in one basis, one per (region, metric, year, subject): the counted
 * version with the highest position wins (the latest accepted correction).
 */
final class ObservationIndex {

    private record Key(String region, String metric, int year, String subject) {
    }

    private record Series(String region, String metric, int year) {
    }

    private final Map<Key, ObservationFact> latest = new HashMap<>();
    private final Map<Series, List<ObservationFact>> bySeries = new HashMap<>();

    ObservationIndex(List<ObservationFact> observations, Basis basis) {
        for (ObservationFact o : observations) {
            if (o == null || o.value() == null || o.region() == null || o.metric() == null
                    || !EvidenceState.counts(o.state(), basis)) {
                continue;
            }
            Key key = new Key(o.region(), o.metric(), o.year(), blankToNull(o.subject()));
            latest.merge(key, o, (a, b) -> b.position() > a.position() ? b : a);
        }
        for (Map.Entry<Key, ObservationFact> e : latest.entrySet()) {
            Key k = e.getKey();
            bySeries.computeIfAbsent(new Series(k.region(), k.metric(), k.year()), s -> new ArrayList<>())
                    .add(e.getValue());
        }
        Comparator<ObservationFact> order = Comparator
                .comparing((ObservationFact o) -> Objects.toString(blankToNull(o.subject()), ""))
                .thenComparingLong(ObservationFact::position);
        bySeries.values().forEach(list -> list.sort(order));
    }

    /** The region-wide figure (no subject), or null. */
    ObservationFact figure(String region, String metric, int year) {
        return latest.get(new Key(region, metric, year, null));
    }

    /** Every counted observation of the series, of every subject (and the region-wide one), sorted by subject. */
    List<ObservationFact> all(String region, String metric, int year) {
        return bySeries.getOrDefault(new Series(region, metric, year), List.of());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
