package cn.nmsdz.scoring.application;

import cn.nmsdz.scoring.snapshot.SnapshotStore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.scoring.security.RegionAccess;
import cn.nmsdz.support.access.RegionHierarchy;
import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.score.ApplicationChangedData;
import cn.nmsdz.scoring.application.ApplicationFlow.Level;
import cn.nmsdz.scoring.application.ApplicationFlow.State;
import cn.nmsdz.scoring.projection.RegionEntity;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RefusalRule;
import cn.nmsdz.support.rest.RetryLaterException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import cn.nmsdz.scoring.notify.CampaignEventTypes;
import cn.nmsdz.scoring.notify.Notifications;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applications: a region's creation office applies with its latest snapshot of a year (frozen by reference), the
 * authorities above it decide in turn ({@link ApplicationFlow}), each transition is kept as history and published on
 * score.events keyed by the applying region, in the same transaction (outbox).
 */
@ApplicationScoped
public class ApplicationService {
    public static final int MAX_REASON = 2000;
    static final String NATION = RegionCodes.NATION;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Notifications notifications;

    /** The caller: user name and the region of its token. */
    public record Actor(String user, String region) {
    }

    /** The body of an application. */
    public record ApplicationRequest(
            @Schema(description = "the assessment year applied for", example = "2025") @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "apply although the confirmed total does not pass (then a reason is required)")
            Boolean forReviewAnyway,
            @Size(max = MAX_REASON) String reason) {
    }

    /** The body of a transition. */
    public record TransitionRequest(
            @Schema(description = "the state to move to", example = "RECOMMENDED_BY_CITY") @NotBlank String to,
            @Schema(description = "why (every decision says why)") @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /**
     * Applies (or applies again after a return) for a year: freezes the latest snapshot of the region and year. 409 when
     * there is none, when it does not pass on the confirmed basis (unless for review anyway, with a reason), when an
     * application of that year is under way or decided, or while a newer snapshot of that year is being computed.
     */
    @Transactional
    public ApplicationEntity apply(String region, ApplicationRequest body, Actor actor) {
        if (body == null) {
            throw ProblemException.missingBody("a JSON body {year, forReviewAnyway, reason}");
        }
        // year and the reason's length are the request's constraints; this rule joins two fields
        boolean anyway = Boolean.TRUE.equals(body.forReviewAnyway());
        if (anyway && blankToNull(body.reason()) == null) {
            throw ProblemException.badRequest("a reason is required when applying for review anyway; nothing was stored",
                    List.of(new Problem.FieldError("/reason", "a reason is required when applying for review anyway")))
                    .chinese("未达标仍申请评审时须说明理由；未保存任何内容",
                            List.of(new Problem.FieldError("/reason", "未达标仍申请评审时须填写理由")))
                    .typed(RefusalRule.APPLICATION_FLOW);
        }
        int year = body.year();
        // one application per region and year: concurrent first submissions are serialised, not a unique-key error
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "application " + region
                + " " + year).getSingleResult();
        ApplicationEntity existing = em.createQuery("from ApplicationEntity a where a.region = ?1 and a.year = ?2",
                        ApplicationEntity.class).setParameter(1, region).setParameter(2, year)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (existing != null && existing.state != State.RETURNED) {
            throw ProblemException.conflict("region " + region + " has applied for " + year + " already (application "
                    + existing.id + ", " + existing.state + " " + existing.state.chinese + "): only a RETURNED application "
                    + "is submitted again")
                    .chinese("地区 " + region + " 已申报 " + year + " 年度（当前为“" + existing.state.chinese
                            + "”）：只有被退回的申报才能再次提交")
                    .typed(RefusalRule.APPLICATION_FLOW);
        }
        SnapshotEntity frozen = freeze(region, year, anyway);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ApplicationEntity app = existing;
        State from = null;
        if (app == null) {
            app = new ApplicationEntity();
            app.id = UUID.randomUUID();
            app.region = region;
            app.year = year;
            app.createdAt = now;
        } else {
            from = app.state;
        }
        app.state = State.SUBMITTED;
        app.snapshotId = frozen.id;
        app.snapshotNumber = frozen.number;
        app.evidencePosition = frozen.evidencePosition;
        app.forReviewAnyway = anyway;
        app.updatedAt = now;
        app.persist();
        record(app, from, Level.COUNTY, actor, blankToNull(body.reason()), now);
        return app;
    }

    /** The latest snapshot of the region and year, if the application may stand on it; else a 409 that says why. */
    private SnapshotEntity freeze(String region, int year, boolean anyway) {
        boolean computing = ((Number) em.createNativeQuery("select count(*) from snapshot_pending where region = ?1"
                + " and year = ?2").setParameter(1, region).setParameter(2, year).getSingleResult()).longValue() > 0;
        if (computing) {
            throw RetryLaterException.notYet("the score of region " + region + " for " + year + " is being recomputed "
                    + "(evidence arrived a moment ago): an application freezes the snapshot that reads it; retry", 1)
                    .chinese("地区 " + region + " " + year + " 年度的得分正在重新计算（刚有材料到达）：申报将冻结计算后的评分，请稍后重试");
        }
        SnapshotEntity latest = SnapshotEntity.<SnapshotEntity>find("region = ?1 and year = ?2", Sort.descending("number"),
                region, year).firstResult();
        if (latest == null) {
            throw ProblemException.conflict("region " + region + " has no snapshot for " + year + ": an application "
                    + "freezes the region's confirmed score of the year applied for; submit its evidence first")
                    .chinese("地区 " + region + " 尚无 " + year + " 年度的评分：申报冻结所申报年度的确认得分，请先提交并审核材料")
                    .typed(RefusalRule.APPLICATION_FLOW);
        }
        if (!latest.confirmedPassed && !anyway) {
            List<String> reasons = SnapshotStore.read(latest).confirmed().verdict().reasons();
            throw new ProblemException(409, "Pass standard not met", "snapshot " + latest.number + " of " + region + " for "
                    + year + " does not pass on the confirmed basis (" + String.join("; ", reasons) + "); apply with "
                    + "forReviewAnyway true and a reason to have it reviewed anyway",
                    reasons.stream().map(r -> new Problem.FieldError("confirmed", r)).toList())
                    .chinese("地区 " + region + " " + year + " 年度第 " + latest.number + " 次评分的确认得分 "
                            + latest.confirmedTotal.stripTrailingZeros().toPlainString() + " 分，未达到合格标准（总分不低于85分且"
                            + "每个一级指标得分率不低于75%）；如仍需评审，请选择“未达标仍申请评审”并说明理由", List.of())
                    .typed(RefusalRule.APPLICATION_FLOW);
        }
        return latest;
    }

    /** Moves an application one step ({@link ApplicationFlow}), as the authority of the level that step needs. */
    @Transactional
    public ApplicationEntity transition(String region, UUID id, TransitionRequest body, Actor actor) {
        if (body == null) {
            throw ProblemException.missingBody("a JSON body {to, reason}");
        }
        // `to` and `reason` given, the reason's length: the request's constraints; here the word must be a state
        State target;
        try {
            target = State.valueOf(body.to());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'" + body.to() + "' is not a state; nothing was changed",
                    List.of(new Problem.FieldError("/to", "'" + body.to() + "' is not a state; one of "
                            + java.util.Arrays.toString(State.values())))).typed(RefusalRule.APPLICATION_FLOW);
        }
        if (!RegionHierarchy.isSelfOrBelow(region, actor.region(), RegionAccess::parentOf)) {
            throw ProblemException.forbidden("rule region-scope: an authority of " + actor.region() + " decides only "
                    + "applications of regions under it, not of " + region)
                    .chinese("规则 region-scope：地区 " + actor.region() + " 只能决定其下级地区的申报，不能决定 " + region + " 的申报");
        }
        ApplicationEntity app = em.find(ApplicationEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (app == null || !app.region.equals(region)) {
            throw ProblemException.notFound("no application " + id + " of region " + region);
        }
        if (target == State.SUBMITTED) {
            throw ProblemException.conflict("the application is " + app.state + " (" + app.state.chinese + "): a returned "
                    + "application is submitted again by its creation office with POST /api/v1/regions/" + region
                    + "/applications, which freezes the latest snapshot")
                    .chinese("申报当前为“" + app.state.chinese + "”：被退回的申报由其创建办重新申报（冻结最新评分），不能由审核方改为“已申报”")
                    .typed(RefusalRule.APPLICATION_FLOW);
        }
        Map<Level, String> deciders = deciders(region);
        Set<Level> acting = EnumSet.noneOf(Level.class);
        deciders.forEach((level, decider) -> {
            if (decider.equals(actor.region())) {
                acting.add(level);
            }
        });
        ApplicationFlow.Outcome outcome = ApplicationFlow.decide(app.state, target, acting);
        if (!outcome.allowed()) {
            Level needed = ApplicationFlow.next(app.state).stream().map(ApplicationFlow.Step::level).findFirst()
                    .orElse(null);
            throw ProblemException.conflict(outcome.refusal().detail() + (needed == null ? ""
                    : " It waits for " + needed + " level: region " + deciders.get(needed) + "."))
                    .chinese(outcome.refusal().chinese() + (needed == null ? ""
                            : "申报正等待" + needed.chinese + "（地区 " + deciders.get(needed) + "）决定。"))
                    .typed(RefusalRule.APPLICATION_FLOW);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        State from = app.state;
        app.state = target;
        app.updatedAt = now;
        record(app, from, outcome.step().level(), actor, body.reason().strip(), now);
        return app;
    }

    /**
     * Which region decides at each level for an applying region: the region itself (COUNTY), the city above it (or, for
     * a county directly under its province, the province), the province, and CN.
     */
    public static Map<Level, String> deciders(String region) {
        Map<Level, String> deciders = new EnumMap<>(Level.class);
        deciders.put(Level.COUNTY, region);
        RegionEntity r = RegionEntity.findById(region);
        for (int depth = 0; r != null && r.parentCode != null && depth < 10; depth++) {
            r = RegionEntity.findById(r.parentCode);
            if (r == null) {
                break;
            }
            if ("CITY".equals(r.level)) {
                deciders.putIfAbsent(Level.CITY, r.code);
            } else if ("PROVINCE".equals(r.level)) {
                deciders.putIfAbsent(Level.PROVINCE, r.code);
            }
        }
        if (deciders.containsKey(Level.PROVINCE)) {
            deciders.putIfAbsent(Level.CITY, deciders.get(Level.PROVINCE));
        }
        deciders.put(Level.NATION, NATION);
        return deciders;
    }

    private void record(ApplicationEntity app, State from, Level level, Actor actor, String reason, OffsetDateTime at) {
        ApplicationHistoryEntity h = new ApplicationHistoryEntity();
        h.applicationId = app.id;
        h.fromState = from;
        h.toState = app.state;
        h.level = level;
        h.decidedBy = actor.user();
        h.decidingRegion = actor.region();
        h.reason = reason;
        h.snapshotId = app.snapshotId;
        h.snapshotNumber = app.snapshotNumber;
        h.at = at;
        h.persist();
        outbox.append(Topics.SCORE, EventTypes.APPLICATION_CHANGED, "/scoring-service", app.region,
                new ApplicationChangedData(app.id.toString(), app.region, app.year, from == null ? null : from.name(),
                        app.state.name(), level.name(), actor.user(), actor.region(), reason, app.snapshotId,
                        app.snapshotNumber, at));
        announce(app, level, actor, reason, at);
    }

    /**
     * Tells the people who act next (in their inboxes and webhooks, in the same transaction): the applying region's
     * creation office what was decided (not its own submission), and the authority whose decision the application now
     * waits for that it does.
     */
    private void announce(ApplicationEntity app, Level level, Actor actor, String reason, OffsetDateTime at) {
        RegionEntity applicant = RegionEntity.findById(app.region);
        String name = applicant == null ? app.region : applicant.name;
        String what = name + app.year + "年度申报";
        String key = "application " + app.id + " " + app.state + " " + at;
        if (level != Level.COUNTY) {
            notifications.raise(app.region, CampaignEventTypes.APPLICATION_DECIDED, "application/" + app.id,
                    what + "：" + level.chinese + "（" + actor.region() + "）决定“" + app.state.chinese + "”，理由：" + reason
                            + " / application of " + app.region + " for " + app.year + ": " + app.state + " by "
                            + actor.region() + " (" + level + "): " + reason,
                    "decided " + key, Map.of("application", app.id.toString(), "year", app.year, "state", app.state.name()),
                    List.of(Notifications.Recipient.role("creation-office")));
        }
        if (!ApplicationFlow.awaitsDecision(app.state)) {
            return;
        }
        Map<Level, String> deciders = deciders(app.region);
        ApplicationFlow.next(app.state).stream().map(ApplicationFlow.Step::level).filter(l -> l != Level.COUNTY)
                .filter(l -> deciders.get(l) != null).findFirst().ifPresent(next -> notifications.raise(deciders.get(next),
                        CampaignEventTypes.APPLICATION_AWAITING, "application/" + app.id,
                        what + "（" + app.state.chinese + "）等待" + next.chinese + "决定 / application of " + app.region
                                + " for " + app.year + " (" + app.state + ") waits for the " + next + " level",
                        "awaiting " + key, Map.of("application", app.id.toString(), "region", app.region,
                                "year", app.year, "state", app.state.name()),
                        List.of(Notifications.Recipient.role("assessment-authority"))));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public List<ApplicationHistoryEntity> history(UUID id) {
        return ApplicationHistoryEntity.list("applicationId", Sort.ascending("seq"), id);
    }
}
