package cn.nmsdz.scoring.scoreboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the regions under a region at one level, for one assessment year. */
@Schema(description = "Every region at a level under a region, with its latest snapshot of the year (0 points when none)")
public record Scoreboard(
        String region,
        int year,
        String level,
        @Schema(description = "how the rows are sorted: confirmedTotal, projectedTotal, region or rate:<first-level code>")
        String sort,
        String order,
        @Schema(description = "regions in all pages") int total,
        int page,
        int size,
        List<Row> rows) {

    @Schema(description = "A region's line: no snapshot yet is shown as snapshotNumber null and 0 points")
    public record Row(
            int rank,
            String region,
            String name,
            @Schema(description = "the latest snapshot of the year, null when the region has none") Long snapshotNumber,
            BigDecimal confirmedTotal,
            BigDecimal projectedTotal,
            @Schema(description = "every first-level node with its confirmed and projected score rate (%)")
            List<Rate> firstLevel,
            boolean confirmedPassed,
            boolean projectedPassed,
            @Schema(description = "what fails on the confirmed basis: 'total' and the codes of first levels under the standard")
            List<String> failing,
            @Schema(description = "the state of the region's application for the year, null when it has not applied")
            String applicationState,
            @Schema(description = "when the region's latest evidence changed, null when it has none")
            OffsetDateTime latestEvidenceAt) {
    }

    public record Rate(String code, String name, BigDecimal confirmedRate, BigDecimal projectedRate) {
    }
}
