package cn.nmsdz.events.score;

import java.time.OffsetDateTime;

/**
 * An application (申报) entered a new state (score.events, keyed by the applying region): submitted, recommended by
 * the city or province, returned, named or not, due for review (复核), confirmed or revoked.
 *
 * @param from           the state before, null for the first submission
 * @param decidedBy      the user who made the transition
 * @param decidingRegion the region the deciding user acts for (the applying region itself for a submission)
 * @param level          COUNTY (the applicant), CITY, PROVINCE or NATION
 * @param snapshotId     the frozen snapshot the application stands on (the provincial pull feed's id)
 */
public record ApplicationChangedData(
        String applicationId,
        String region,
        int year,
        String from,
        String to,
        String level,
        String decidedBy,
        String decidingRegion,
        String reason,
        long snapshotId,
        long snapshotNumber,
        OffsetDateTime at) {
}
