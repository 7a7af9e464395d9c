package cn.nmsdz.scoring.progress;

import cn.nmsdz.events.catalogue.CampaignData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The progress board of a region's creation: computed from evidence, the latest snapshot and the campaign. */
public final class ProgressViews {
    private ProgressViews() {
    }

    /** Where an indicator stands; derived, never typed in. */
    public enum IndicatorProgress {
        /** nothing submitted or accepted (rejected or withdrawn evidence does not count) */
        NO_EVIDENCE,
        /** evidence waits for a reviewer */
        AWAITING_REVIEW,
        /** evidence accepted; no snapshot has scored it yet */
        ACCEPTED,
        /** items wait for an expert verdict */
        AWAITING_EXPERT,
        /** the latest snapshot gives the maximum */
        FULL_POINTS,
        /** the latest snapshot gives less than the maximum and nothing waits */
        POINTS_LOST
    }

    public enum TaskProgress { DONE, ON_TRACK, OVERDUE }

    public record Unit(String code, String name) {
    }

    public record ItemProgress(String item, LocalDate dueDate, boolean overdue, boolean delivered,
            List<CampaignData.Person> persons) {
    }

    public record IndicatorRow(String code, String name, BigDecimal maxPoints,
            @Schema(description = "Confirmed points of the latest snapshot (null: no snapshot yet)") BigDecimal points,
            BigDecimal projectedPoints, IndicatorProgress status,
            LocalDate dueDate, String stage,
            @Schema(description = "Due date passed with nothing delivered (indicator or one of its scheduled items)") boolean overdue,
            List<Unit> leadUnits, List<Unit> responsibleUnits, List<CampaignData.Person> persons,
            int submitted, int accepted, int rejected, List<ItemProgress> items) {
    }

    public record DepartmentRow(String code, String name,
            @Schema(description = "Indicators it leads or is responsible for") int indicatorsOwned,
            BigDecimal pointsPossible, BigDecimal pointsConfirmed, BigDecimal pointsProjected, BigDecimal pointsLost,
            @Schema(description = "Indicators and items of its own that are overdue") int overdue,
            @Schema(description = "Its evidence waiting for review") int awaitingReview,
            @Schema(description = "Its rejected evidence not yet replaced") int rejectedToRedo,
            @Schema(description = "When its evidence last moved (null: never)") OffsetDateTime lastActivity) {
    }

    public record TaskRow(String kind, int number, String title, LocalDate dueDate, String stage, TaskProgress state,
            BigDecimal targetValue, String targetUnit, BigDecimal currentValue, List<CampaignData.Person> persons) {
    }

    @Schema(description = "The progress board of a region and assessment year")
    public record Board(String region, int year,
            @Schema(description = "The day overdue is judged against") LocalDate asOf,
            @Schema(description = "The snapshot points are read from (null: none yet)") Long snapshotNumber,
            BigDecimal confirmedTotal, BigDecimal projectedTotal, Boolean passed,
            List<IndicatorRow> indicators,
            @Schema(description = "Every department named by the decomposition, worst first") List<DepartmentRow> departments,
            List<TaskRow> tasks) {
    }

    @Schema(description = "One department's own list: what it owns, what it must still deliver, by when")
    public record DepartmentList(String region, int year, LocalDate asOf, DepartmentRow department,
            @Schema(description = "Owned indicators with nothing delivered yet, earliest due date first") List<IndicatorRow> toDeliver,
            @Schema(description = "Every owned indicator") List<IndicatorRow> indicators) {
    }
}
