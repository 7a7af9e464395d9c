package cn.nmsdz.scoring.scoreboard;

import cn.nmsdz.scoring.snapshot.SnapshotStore;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.PassStandard;
import cn.nmsdz.scoring.domain.model.FirstLevelScore;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The scoreboard of the regions under a region: every one of them, with or without a snapshot. */
@ApplicationScoped
public class ScoreboardService {
    static final Set<String> LEVELS = Set.of("PROVINCE", "CITY", "COUNTY");

    @Inject
    EntityManager em;

    /** Every row, sorted (ranks numbered in that order); the resource pages them. */
    public List<Scoreboard.Row> rows(String code, int year, String level, String sort, boolean descending) {
        Set<String> under = new java.util.HashSet<>(RegionEntity.selfAndBelow(code)); // the hierarchy read once
        List<RegionEntity> regions = RegionEntity.<RegionEntity>listAll().stream()
                .filter(r -> level.equals(r.level) && !r.code.equals(code) && under.contains(r.code))
                .toList();
        List<String> codes = regions.stream().map(r -> r.code).toList();
        Map<String, SnapshotEntity> latest = new HashMap<>();
        Map<String, String> applications = new HashMap<>();
        Map<String, OffsetDateTime> evidenceAt = new HashMap<>();
        if (!codes.isEmpty()) {
            em.createNativeQuery("select distinct on (region) * from snapshot where year = :year and region in (:regions)"
                            + " order by region, number desc", SnapshotEntity.class)
                    .setParameter("year", year).setParameter("regions", codes).getResultList()
                    .forEach(o -> latest.put(((SnapshotEntity) o).region, (SnapshotEntity) o));
            for (Object o : em.createNativeQuery("select region, state from application where year = :year"
                    + " and region in (:regions)").setParameter("year", year).setParameter("regions", codes).getResultList()) {
                Object[] r = (Object[]) o;
                applications.put((String) r[0], (String) r[1]);
            }
            for (Object o : em.createNativeQuery("select region, max(changed_at) from evidence_fact where region in (:regions)"
                    + " group by region", Object[].class).setParameter("regions", codes).getResultList()) {
                Object[] r = (Object[]) o;
                if (r[1] != null) {
                    evidenceAt.put((String) r[0], toOffset(r[1]));
                }
            }
        }
        IndicatorSystemDocument system = CatalogueSystemEntity.current().map(CatalogueSystemEntity::system).orElse(null);
        List<Scoreboard.Row> rows = new ArrayList<>();
        for (RegionEntity r : regions) {
            SnapshotEntity s = latest.get(r.code);
            rows.add(s == null ? empty(r, system, applications.get(r.code), evidenceAt.get(r.code))
                    : row(r, SnapshotStore.read(s), applications.get(r.code), evidenceAt.get(r.code)));
        }
        Comparator<Scoreboard.Row> order = comparator(sort, system);
        if (descending) {
            order = order.reversed();
        }
        rows.sort(order.thenComparing(Scoreboard.Row::region));
        List<Scoreboard.Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Scoreboard.Row x = rows.get(i);
            ranked.add(new Scoreboard.Row(i + 1, x.region(), x.name(), x.snapshotNumber(), x.confirmedTotal(),
                    x.projectedTotal(), x.firstLevel(), x.confirmedPassed(), x.projectedPassed(), x.failing(),
                    x.applicationState(), x.latestEvidenceAt()));
        }
        return ranked;
    }

    /** The level of a query parameter (county, city, province): 400 naming it otherwise. */
    public static String level(String raw) {
        String level = raw == null || raw.isBlank() ? "COUNTY" : raw.trim().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw ProblemException.badRequest("query parameter 'level' must be county, city or province, not '" + raw + "'",
                    List.of(new Problem.FieldError("level", "county, city or province"))).typed(ProblemType.INVALID_FIELD);
        }
        return level;
    }

    /** The sort key of a query parameter: confirmedTotal (default), projectedTotal, region, rate:<first-level code>. */
    public static String sort(String raw) {
        String sort = raw == null || raw.isBlank() ? "confirmedTotal" : raw.trim();
        IndicatorSystemDocument system = CatalogueSystemEntity.current().map(CatalogueSystemEntity::system).orElse(null);
        boolean rate = sort.startsWith("rate:") && system != null
                && system.firstLevel().stream().anyMatch(f -> f.code().equals(sort.substring(5)));
        if (!rate && !Set.of("confirmedTotal", "projectedTotal", "region").contains(sort)) {
            throw ProblemException.badRequest("query parameter 'sort' must be confirmedTotal, projectedTotal, region or "
                    + "rate:<first-level code>" + (system == null ? "" : " (" + String.join(", ",
                    system.firstLevel().stream().map(f -> "rate:" + f.code()).toList()) + ")") + ", not '" + raw + "'",
                    List.of(new Problem.FieldError("sort", "unknown sort key"))).typed(ProblemType.INVALID_FIELD);
        }
        return sort;
    }

    private static Comparator<Scoreboard.Row> comparator(String sort, IndicatorSystemDocument system) {
        if (sort.startsWith("rate:")) {
            String code = sort.substring(5);
            return Comparator.comparing(r -> r.firstLevel().stream().filter(f -> f.code().equals(code))
                    .map(Scoreboard.Rate::confirmedRate).findFirst().orElse(BigDecimal.ZERO));
        }
        Function<Scoreboard.Row, Comparable> key = switch (sort) {
            case "projectedTotal" -> Scoreboard.Row::projectedTotal;
            case "region" -> Scoreboard.Row::region;
            default -> Scoreboard.Row::confirmedTotal;
        };
        @SuppressWarnings("unchecked")
        Comparator<Scoreboard.Row> c = (a, b) -> key.apply(a).compareTo(key.apply(b));
        return c;
    }

    private static Scoreboard.Row row(RegionEntity r, Snapshot s, String application, OffsetDateTime evidenceAt) {
        List<Scoreboard.Rate> rates = new ArrayList<>();
        for (FirstLevelScore f : s.confirmed().firstLevel()) {
            BigDecimal projected = s.projected().firstLevel().stream().filter(p -> p.code().equals(f.code()))
                    .map(FirstLevelScore::rate).findFirst().orElse(null);
            rates.add(new Scoreboard.Rate(f.code(), f.name(), f.rate(), projected));
        }
        return new Scoreboard.Row(0, r.code, r.name, s.number(), s.confirmed().total(), s.projected().total(), rates,
                s.confirmed().verdict().passed(), s.projected().verdict().passed(), failing(s.confirmed(), s), application,
                evidenceAt);
    }

    /** 'total' when the total misses the standard, and every first level whose rate does. */
    private static List<String> failing(ScoreResult confirmed, Snapshot s) {
        List<String> failing = new ArrayList<>();
        if (confirmed.verdict().passed()) {
            return failing;
        }
        PassStandard standard = CatalogueSystemEntity.<CatalogueSystemEntity>findByIdOptional(
                        new CatalogueSystemEntity.Key(s.systemCode(), s.systemVersion()))
                .map(c -> c.system().passStandard()).orElse(null);
        if (standard == null) {
            return confirmed.verdict().reasons();
        }
        if (confirmed.total().compareTo(standard.minTotal()) < 0) {
            failing.add("total");
        }
        confirmed.firstLevel().stream().filter(f -> f.rate().compareTo(standard.minFirstLevelRate()) < 0)
                .forEach(f -> failing.add(f.code()));
        return failing;
    }

    private static Scoreboard.Row empty(RegionEntity r, IndicatorSystemDocument system, String application,
            OffsetDateTime evidenceAt) {
        List<Scoreboard.Rate> rates = new ArrayList<>();
        List<String> failing = new ArrayList<>(List.of("total"));
        for (FirstLevelNode f : system == null ? List.<FirstLevelNode>of() : system.firstLevel()) {
            rates.add(new Scoreboard.Rate(f.code(), f.name(), BigDecimal.ZERO, BigDecimal.ZERO));
            failing.add(f.code());
        }
        return new Scoreboard.Row(0, r.code, r.name, null, BigDecimal.ZERO, BigDecimal.ZERO, rates, false, false, failing,
                application, evidenceAt);
    }

    private static OffsetDateTime toOffset(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
