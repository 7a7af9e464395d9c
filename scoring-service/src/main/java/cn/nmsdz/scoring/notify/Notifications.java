package cn.nmsdz.scoring.notify;

import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.progress.DepartmentActivityEntity;
import cn.nmsdz.scoring.projection.EvidenceFactEntity;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.scoring.snapshot.SnapshotStored;
import cn.nmsdz.scoring.snapshot.SnapshotsStored;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

/**
 * Turns what happens in the campaign into notifications (one per recipient) and webhook deliveries (one per matching
 * subscription), in the transaction of what caused them. A dedupe key per happening makes a redelivered event or a
 * second reminder run of the same day add nothing.
 */
@ApplicationScoped
public class Notifications {
    @Inject
    EntityManager em;


    /** A recipient: a department of the region, or a role in the region. */
    public record Recipient(String kind, String code) {
        public static Recipient department(String code) {
            return new Recipient(NotificationEntity.DEPARTMENT, code);
        }

        public static Recipient role(String role) {
            return new Recipient(NotificationEntity.ROLE, role);
        }
    }

    /** Something to tell: an event of a region for its recipients, recorded once by {@code dedupeKey}. */
    public record Notice(String region, String type, String subject, String message, String dedupeKey,
                         Map<String, Object> data, List<Recipient> recipients) {
    }

    /** Records the event once (by {@code dedupeKey}); false when it was recorded before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean raise(String region, String type, String subject, String message, String dedupeKey,
            Map<String, Object> data, List<Recipient> recipients) {
        return raiseAll(List.of(new Notice(region, type, subject, message, dedupeKey, data, recipients))) == 1;
    }

    /**
     * Records each notice not recorded before (by its {@code dedupeKey}) and returns how many that was. The keys are
     * looked up and the webhook subscriptions read once for all of them: a new snapshot raises one notice per
     * indicator awaiting an expert, and rescoring stores thousands of snapshots.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int raiseAll(List<Notice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        // one statement whatever the number of keys (an in-list of n keys would be a new statement for every n); no
        // result class: with one, Hibernate plans the query anew at every call (QueryPlanCacheTest)
        Set<String> recorded = new HashSet<>();
        for (Object key : em.createNativeQuery("select dedupe_key from campaign_event where dedupe_key = any(?1)")
                .setParameter(1, notices.stream().map(Notice::dedupeKey).toArray(String[]::new)).getResultList()) {
            recorded.add((String) key);
        }
        List<WebhookSubscriptionEntity> subscriptions = null;
        int raised = 0;
        for (Notice n : notices) {
            if (!recorded.add(n.dedupeKey())) {
                continue;
            }
            if (subscriptions == null) {
                subscriptions = WebhookSubscriptionEntity.listAll();
            }
            record(n, subscriptions);
            raised++;
        }
        return raised;
    }

    private void record(Notice notice, List<WebhookSubscriptionEntity> subscriptions) {
        String region = notice.region();
        String type = notice.type();
        String subject = notice.subject();
        String message = notice.message();
        Map<String, Object> data = notice.data();
        List<Recipient> recipients = notice.recipients();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CampaignEventEntity e = new CampaignEventEntity();
        e.id = UUID.randomUUID().toString();
        e.dedupeKey = notice.dedupeKey();
        e.region = region;
        e.type = type;
        e.subject = subject;
        e.message = message;
        e.createdAt = now;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("region", region);
        payload.put("message", message);
        payload.putAll(data);
        payload.put("recipients", recipients.stream().map(r -> r.kind().toLowerCase() + ":" + r.code()).distinct().toList());
        Map<String, Object> cloudEvent = new LinkedHashMap<>();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("id", e.id);
        cloudEvent.put("source", "/scoring-service/campaign");
        cloudEvent.put("type", type);
        cloudEvent.put("subject", subject);
        cloudEvent.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now));
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("data", payload);
        try {
            e.body = EventEnvelope.JSON.writeValueAsString(cloudEvent);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        e.persist();
        recipients.stream().distinct().forEach(r -> {
            NotificationEntity n = new NotificationEntity();
            n.eventId = e.id;
            n.region = region;
            n.recipientKind = r.kind();
            n.recipient = r.code();
            n.createdAt = now;
            n.persist();
        });
        for (WebhookSubscriptionEntity s : subscriptions) {
            if ((s.region == null || s.region.equals(region)) && types(s).contains(type)) {
                WebhookDeliveryEntity d = new WebhookDeliveryEntity();
                d.subscriptionId = s.id;
                d.eventId = e.id;
                d.state = "PENDING";
                d.nextAttemptAt = now;
                d.persist();
            }
        }
    }

    public static List<String> types(WebhookSubscriptionEntity s) {
        try {
            return EventEnvelope.JSON.readValue(s.eventTypes, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    // ------------------------------------------------------------------ what the projection tells us

    /**
     * New states of evidence, a poll's in the order applied: their departments' last activity, rejections, evidence
     * awaiting review. Each department is touched once and the notices are raised together, so a poll of 1,000
     * figures of one indicator is one dedupe lookup and one notice, not 1,000; the first fact of a key gives the notice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEvidence(List<EvidenceFactEntity> facts) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Set<List<String>> departments = new java.util.LinkedHashSet<>();
        List<Notice> notices = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (EvidenceFactEntity fact : facts) {
            departments.add(java.util.Arrays.asList(fact.region, fact.department));
            Notice notice = noticeOf(fact);
            if (notice != null && keys.add(notice.dedupeKey())) {
                notices.add(notice);
            }
        }
        departments.forEach(d -> DepartmentActivityEntity.touch(d.get(0), d.get(1), now));
        raiseAll(notices);
    }

    /** What a new state of evidence tells: a rejection (to its department), evidence awaiting review, or nothing. */
    private static Notice noticeOf(EvidenceFactEntity fact) {
        String what = "指标" + fact.indicator + (fact.item == null ? "" : "（" + fact.item + "）");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("evidenceId", fact.evidenceId);
        data.put("indicator", fact.indicator);
        data.put("item", fact.item);
        data.put("department", fact.department);
        String key = "evidence:" + fact.evidenceId + ":" + fact.version + ":" + fact.state;
        if (ReviewState.REJECTED.name().equals(fact.state) && fact.department != null) {
            return new Notice(fact.region, CampaignEventTypes.EVIDENCE_REJECTED, "evidence/" + fact.evidenceId,
                    what + "的材料被退回，请重新报送 / evidence for indicator " + fact.indicator + " was rejected: submit it again",
                    key, data, List.of(Recipient.department(fact.department)));
        } else if (ReviewState.SUBMITTED.name().equals(fact.state)) {
            // one per indicator, department and day: a batch of 10,000 figures is one thing to review, not 10,000
            data.remove("evidenceId");
            data.remove("item");
            String day = java.time.LocalDate.now(cn.nmsdz.scoring.progress.ProgressService.ZONE).toString();
            return new Notice(fact.region, CampaignEventTypes.EVIDENCE_AWAITING_REVIEW, "indicator/" + fact.indicator,
                    "指标" + fact.indicator + "有新材料待审核 / new evidence for indicator " + fact.indicator + " awaits review",
                    "awaiting-review:" + fact.region + ":" + fact.indicator + ":" + fact.department + ":" + day, data,
                    List.of(Recipient.role("evidence-reviewer")));
        }
        return null;
    }

    /**
     * New snapshots: items waiting for an expert, and a crossing of the pass line either way (to the office). A batch
     * (a rescoring stores thousands) looks its notices up once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSnapshots(@Observes SnapshotsStored batch) {
        List<Notice> notices = new ArrayList<>();
        for (SnapshotStored stored : batch.snapshots()) {
            awaitingExpert(stored, notices);
            passLineCrossed(stored, notices);
        }
        raiseAll(notices);
    }

    private static void awaitingExpert(SnapshotStored stored, List<Notice> notices) {
        SnapshotEntity entity = stored.entity();
        for (IndicatorScore s : stored.snapshot().confirmed().indicators()) {
            if (s.awaitingExpert() != null && !s.awaitingExpert().isEmpty()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("year", entity.year);
                data.put("indicator", s.code());
                data.put("items", s.awaitingExpert());
                notices.add(new Notice(entity.region, CampaignEventTypes.AWAITING_EXPERT, "indicator/" + s.code(),
                        "指标" + s.code() + "待专家评估：" + String.join("、", s.awaitingExpert()) + " / indicator " + s.code()
                                + " awaits an expert verdict",
                        "awaiting-expert:" + entity.region + ":" + entity.year + ":" + s.code() + ":" + s.awaitingExpert(),
                        data, List.of(Recipient.role("expert"))));
            }
        }
    }

    /** Compared with the verdict of the region-year's snapshot before (the store reads it with the new number). */
    private static void passLineCrossed(SnapshotStored stored, List<Notice> notices) {
        SnapshotEntity entity = stored.entity();
        if (stored.previouslyPassed() == null || stored.previouslyPassed() == entity.confirmedPassed) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("year", entity.year);
        data.put("snapshotNumber", entity.number);
        data.put("confirmedTotal", entity.confirmedTotal);
        data.put("passed", entity.confirmedPassed);
        notices.add(new Notice(entity.region, CampaignEventTypes.PASS_LINE_CROSSED, "snapshot/" + entity.number,
                (entity.confirmedPassed ? "确认得分已达到示范区标准" : "确认得分已跌破示范区标准") + "（" + entity.confirmedTotal
                        + "分）/ the confirmed score " + (entity.confirmedPassed ? "now passes" : "no longer passes"),
                "pass-line:" + entity.region + ":" + entity.year + ":" + entity.number, data,
                List.of(Recipient.role("creation-office"))));
    }
}
