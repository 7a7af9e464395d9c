package cn.nmsdz.scoring.application;

import cn.nmsdz.scoring.domain.model.FirstLevelScore;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.domain.model.IndicatorStatus;
import cn.nmsdz.scoring.domain.model.ScoreResult;
import cn.nmsdz.scoring.snapshot.Snapshot;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the latest snapshot of an application's region and year differs from the one the application froze. */
@Schema(description = "The frozen snapshot of an application against the latest one of the same region and year")
public record SnapshotDiff(
        UUID applicationId,
        String region,
        int year,
        Ref frozen,
        Ref latest,
        @Schema(description = "whether the latest snapshot is another one than the frozen") boolean newerSnapshot,
        Basis confirmed,
        Basis projected) {

    public record Ref(long snapshotId, long number, long evidencePosition, OffsetDateTime createdAt) {
    }

    @Schema(description = "One basis (confirmed or projected): totals, verdicts, first-level rates, and only the indicators whose points or status changed")
    public record Basis(BigDecimal frozenTotal, BigDecimal latestTotal, BigDecimal change, boolean frozenPassed,
            boolean latestPassed, List<String> latestFailing, List<Level> firstLevel, List<Indicator> changedIndicators) {
    }

    public record Level(String code, String name, BigDecimal frozenRate, BigDecimal latestRate, BigDecimal frozenPoints,
            BigDecimal latestPoints) {
    }

    public record Indicator(String code, int number, String name, BigDecimal frozenPoints, BigDecimal latestPoints,
            BigDecimal change, IndicatorStatus frozenStatus, IndicatorStatus latestStatus) {
    }

    public static SnapshotDiff of(UUID application, Snapshot frozen, Snapshot latest) {
        return new SnapshotDiff(application, frozen.region(), frozen.year(), ref(frozen), ref(latest),
                frozen.id() != latest.id(), basis(frozen.confirmed(), latest.confirmed()),
                basis(frozen.projected(), latest.projected()));
    }

    private static Ref ref(Snapshot s) {
        return new Ref(s.id(), s.number(), s.evidencePosition(), s.createdAt());
    }

    private static Basis basis(ScoreResult a, ScoreResult b) {
        List<Level> levels = new ArrayList<>();
        for (FirstLevelScore f : a.firstLevel()) {
            FirstLevelScore g = b.firstLevel().stream().filter(x -> x.code().equals(f.code())).findFirst().orElse(null);
            levels.add(new Level(f.code(), f.name(), f.rate(), g == null ? null : g.rate(), f.points(),
                    g == null ? null : g.points()));
        }
        List<Indicator> changed = new ArrayList<>();
        for (IndicatorScore i : a.indicators()) {
            IndicatorScore j = b.indicator(i.code());
            BigDecimal after = j == null ? null : j.points();
            IndicatorStatus status = j == null ? null : j.status();
            if (after == null || i.points().compareTo(after) != 0 || !Objects.equals(i.status(), status)) {
                changed.add(new Indicator(i.code(), i.number(), i.name(), i.points(), after,
                        after == null ? null : after.subtract(i.points()), i.status(), status));
            }
        }
        return new Basis(a.total(), b.total(), b.total().subtract(a.total()), a.verdict().passed(), b.verdict().passed(),
                b.verdict().reasons(), levels, changed);
    }
}
