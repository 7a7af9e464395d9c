package cn.nmsdz.scoring.application;

import cn.nmsdz.scoring.application.ApplicationFlow.Level;
import cn.nmsdz.scoring.application.ApplicationFlow.State;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as the API shows it: its state, the snapshot it froze, what may come next and every transition. */
@Schema(description = "An application (申报) of a region for an assessment year")
public record ApplicationView(
        UUID id,
        String region,
        int year,
        State state,
        @Schema(description = "the state in Chinese, e.g. 市级已推荐") String stateName,
        @Schema(description = "the snapshot the application stands on; later evidence never changes it") Frozen frozen,
        boolean forReviewAnyway,
        @Schema(description = "the transitions that may follow, with the level and region that decides each") List<Next> next,
        @Schema(description = "whether it waits for a decision of the first region in next; false once named (or "
                + "confirmed), not named or revoked, when a 复核 is opened at the nation's own time") boolean awaitingDecision,
        @Schema(description = "every transition, oldest first") List<Transition> history,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record Frozen(long snapshotId, long number, long evidencePosition, BigDecimal confirmedTotal,
            BigDecimal projectedTotal, boolean confirmedPassed) {
    }

    public record Next(State to, Level level, String decidingRegion) {
    }

    public record Transition(State from, State to, Level level, String decidedBy, String decidingRegion, String reason,
            long snapshotId, long snapshotNumber, OffsetDateTime at) {
    }

    public static ApplicationView of(ApplicationEntity a, List<ApplicationHistoryEntity> history) {
        SnapshotEntity s = SnapshotEntity.findById(a.snapshotId);
        Map<Level, String> deciders = ApplicationService.deciders(a.region);
        return new ApplicationView(a.id, a.region, a.year, a.state, a.state.chinese,
                new Frozen(a.snapshotId, a.snapshotNumber, a.evidencePosition, s == null ? null : s.confirmedTotal,
                        s == null ? null : s.projectedTotal, s != null && s.confirmedPassed),
                a.forReviewAnyway,
                ApplicationFlow.next(a.state).stream().map(n -> new Next(n.to(), n.level(), deciders.get(n.level()))).toList(),
                ApplicationFlow.awaitsDecision(a.state),
                history.stream().map(h -> new Transition(h.fromState, h.toState, h.level, h.decidedBy, h.decidingRegion,
                        h.reason, h.snapshotId, h.snapshotNumber, h.at)).toList(),
                a.createdAt, a.updatedAt);
    }
}
