package cn.nmsdz.testsupport;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.events.catalogue.SystemPublishedData;
import cn.nmsdz.events.catalogue.SystemStatus;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.events.evidence.EvidenceEventData;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.events.evidence.ReviewState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** CloudEvents as the other services put them on the topics, for component tests to feed the consumer. */
public final class TestEvents {
    public static final Path OFFICIAL_CATALOGUE = Path.of("../indicator-service/src/main/resources/catalogue/nmsdz-v1.json");
    /** evidence-service's global position: every test's evidence gets the next one, as on the topic. */
    private static final AtomicLong POSITION = new AtomicLong(1_000_000);

    private TestEvents() {
    }

    public static IndicatorSystemDocument officialCatalogue() {
        try {
            return EventEnvelope.JSON.readValue(OFFICIAL_CATALOGUE.toFile(), IndicatorSystemDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String published(IndicatorSystemDocument system) {
        return envelope(EventTypes.SYSTEM_PUBLISHED, "/indicator-service", system.code(),
                new SystemPublishedData(SystemStatus.PUBLISHED.name(), system));
    }

    public static String retired(IndicatorSystemDocument system) {
        return envelope(EventTypes.SYSTEM_RETIRED, "/indicator-service", system.code(),
                new SystemPublishedData(SystemStatus.RETIRED.name(), system));
    }

    public static String region(String code, String name, String parent, Zone zone) {
        return region(code, name, "COUNTY", parent, zone);
    }

    /** A region of a level (PROVINCE, CITY, COUNTY) under its parent (null for a province). */
    public static String region(String code, String name, String level, String parent, Zone zone) {
        return envelope(EventTypes.REGION_CHANGED, "/indicator-service", code, new RegionData(code, name, level, parent, zone));
    }

    /** An accepted figure from a data provider. */
    public static String figure(String region, String metric, int year, String value) {
        return evidence(region, EvidenceKind.OBSERVATION.name(), null, null, metric, year, new BigDecimal(value), null, null);
    }

    /** An expert's accepted verdict for an assessment year on an item (or points for the whole indicator when item is null). */
    public static String verdict(String region, int year, String indicator, String item, Boolean satisfied, String points) {
        return evidence(region, EvidenceKind.ASSESSMENT.name(), indicator, item, null, year, null, satisfied,
                points == null ? null : new BigDecimal(points));
    }

    /**
     * One version of a figure in a review state (SUBMITTED, ACCEPTED, REJECTED, WITHDRAWN), as evidence-service
     * announces it: version 1 is the submission, a later version its review or withdrawal.
     */
    public static String figure(String region, String metric, int year, String value, String subject, String state,
                                String evidenceId, int version) {
        EvidenceEventData data = new EvidenceEventData(evidenceId, version, POSITION.incrementAndGet(),
                EvidenceKind.OBSERVATION.name(), state, region, null, null, "market", "component-test", metric, year,
                new BigDecimal(value), subject, "component test", null, null, null, List.of(), null,
                OffsetDateTime.now(ZoneOffset.UTC), null);
        return envelope(version == 1 ? EventTypes.EVIDENCE_SUBMITTED : EventTypes.EVIDENCE_REVIEWED, "/evidence-service",
                region, data);
    }

    /** A document: it carries no figure or judgement. */
    public static String document(String region, String indicator) {
        return evidence(region, EvidenceKind.DOCUMENT.name(), indicator, null, null, null, null, null, null);
    }

    /** An accepted document with its stored file, as evidence-service announces it. */
    public static String document(String region, String indicator, String fileName, String sha256) {
        EvidenceEventData data = new EvidenceEventData(UUID.randomUUID().toString(), 1, POSITION.incrementAndGet(),
                "DOCUMENT", "ACCEPTED", region, indicator, null, "market", "component-test", null, null, null, null, null,
                null, null, null, List.of(), null, OffsetDateTime.now(ZoneOffset.UTC),
                new cn.nmsdz.events.evidence.DocumentData(fileName, "application/pdf", 1024, sha256, List.of()));
        return envelope(EventTypes.EVIDENCE_SUBMITTED, "/evidence-service", region, data);
    }

    /** A region's task decomposition as indicator-service announces it. */
    public static String decomposition(cn.nmsdz.events.catalogue.DecompositionData decomposition) {
        return envelope(EventTypes.DECOMPOSITION_CHANGED, "/indicator-service", decomposition.region(), decomposition);
    }

    /** A region's campaign (stages, due dates, persons, plan tasks) as indicator-service announces it. */
    public static String campaign(cn.nmsdz.events.catalogue.CampaignData campaign) {
        return envelope(EventTypes.CAMPAIGN_CHANGED, "/indicator-service", campaign.region(), campaign);
    }

    /** A clerk's claim for an item, from a department, in a review state (SUBMITTED, ACCEPTED, REJECTED). */
    public static String claim(String region, int year, String indicator, String item, String department, String state,
                               String evidenceId, int version) {
        EvidenceEventData data = new EvidenceEventData(evidenceId, version, POSITION.incrementAndGet(), EvidenceKind.CLAIM.name(), state,
                region, indicator, item, department, "component-test", null, year, null, null, "component test", true,
                null, null, List.of(), ReviewState.REJECTED.name().equals(state) ? "材料不全" : null, OffsetDateTime.now(ZoneOffset.UTC), null);
        return envelope(version == 1 ? EventTypes.EVIDENCE_SUBMITTED : EventTypes.EVIDENCE_REVIEWED, "/evidence-service",
                region, data);
    }

    private static String evidence(String region, String kind, String indicator, String item, String metric,
                                   Integer year, BigDecimal value, Boolean satisfied, BigDecimal points) {
        EvidenceEventData data = new EvidenceEventData(UUID.randomUUID().toString(), 1, POSITION.incrementAndGet(),
                kind, ReviewState.ACCEPTED.name(), region, indicator, item, "market", "component-test", metric, year, value, null,
                "component test", satisfied, points, null, List.of(), null, OffsetDateTime.now(ZoneOffset.UTC), null);
        return envelope(EventTypes.EVIDENCE_SUBMITTED, "/evidence-service", region, data);
    }

    private static String envelope(String type, String source, String subject, Object data) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, source, subject,
                OffsetDateTime.now(ZoneOffset.UTC), EventEnvelope.JSON.valueToTree(data)).toJson();
    }
}
