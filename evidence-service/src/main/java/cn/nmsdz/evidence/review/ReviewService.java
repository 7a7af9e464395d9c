package cn.nmsdz.evidence.review;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.evidence.ledger.EvidenceEntity;
import cn.nmsdz.evidence.ledger.EvidenceLedger;
import cn.nmsdz.evidence.domain.ReviewStep;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.evidence.security.RegionScope;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import cn.nmsdz.support.rest.RefusalRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** SUBMITTED → ACCEPTED / REJECTED by a reviewer of the region; withdrawal as a new state, never a delete. */
@ApplicationScoped
public class ReviewService {
    static final int MAX_REASON = 2000;

    @Inject
    EvidenceLedger ledger;

    @Inject
    RegionScope regions;

    @Transactional
    public EvidenceEntity review(UUID id, ReviewInput input, Caller caller) {
        List<Problem.FieldError> errors = validate(input);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid review; nothing was changed", errors).typed(RefusalRule.JUDGEMENT).chinese("审核无效；未做任何更改");
        }
        EvidenceEntity e = find(id);
        regions.requireVisible(caller, e.region, "no evidence " + id, "没有佐证材料 " + id);
        if (!caller.has(Caller.REVIEWER) || !e.region.equals(caller.region())) {
            throw ProblemException.forbidden("rule region-scope: a reviewer of region " + e.region
                    + " reviews this evidence, not " + (caller.region() == null ? "a caller without region" : caller.region()))
                    .chinese("规则 region-scope：这份佐证材料由地区 " + e.region + " 的审核人审核，"
                            + (caller.region() == null ? "没有地区的调用者" : caller.region()) + " 不能审核");
        }
        if (Objects.equals(e.submittedBy, caller.user())) {
            // whatever roles a user holds, a second person decides on what it submitted
            throw ProblemException.forbidden("rule four-eyes: " + caller.user() + " submitted this evidence and cannot "
                    + "review it; another reviewer of region " + e.region + " decides on it")
                    .chinese("规则 four-eyes：" + caller.user() + " 提交了这份佐证材料，不能审核它；由地区 " + e.region
                            + " 的另一位审核人决定");
        }
        ReviewStep step = ReviewStep.valueOf(input.decision());
        ReviewState state = step.next(ReviewState.valueOf(e.state)).orElseThrow(() -> new ProblemException(409,
                "Conflict", "only SUBMITTED evidence can be reviewed; this is " + e.state + " (version " + e.version + ")",
                List.of(new Problem.FieldError("state", "is " + e.state)))
                .typed(RefusalRule.REVIEW_TRANSITION).chinese("只有已提交（SUBMITTED）的佐证材料可以审核；这份是 " + e.state + "（版本 " + e.version + "）"));
        return ledger.transition(e, state.name(), blankToNull(input.reason()), caller.user(),
                EventTypes.EVIDENCE_REVIEWED);
    }

    @Transactional
    public EvidenceEntity withdraw(UUID id, WithdrawInput input, Caller caller) {
        String reason = input == null ? null : blankToNull(input.reason());
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.badRequest("invalid withdrawal",
                    List.of(new Problem.FieldError("/reason", "at most " + MAX_REASON + " characters")))
                    .typed(ProblemType.INVALID_FIELD).chinese("撤回无效：撤回理由最多 " + MAX_REASON + " 个字符");
        }
        EvidenceEntity e = find(id);
        boolean ownRecord = Objects.equals(e.submittedBy, caller.user());
        if (!ownRecord) {
            regions.requireVisible(caller, e.region, "no evidence " + id, "没有佐证材料 " + id);
        }
        boolean reviewer = caller.has(Caller.REVIEWER) && e.region.equals(caller.region());
        boolean ownDepartment = e.department != null && e.department.equals(caller.department())
                && e.region.equals(caller.region());
        if (!reviewer && !ownDepartment && !ownRecord) {
            throw ProblemException.forbidden("rule withdraw-scope: the submitting department (" + e.department
                    + "), the submitter or a reviewer of region " + e.region + " may withdraw this evidence")
                    .chinese("规则 withdraw-scope：只有提交部门（" + e.department + "）、提交人或地区 " + e.region
                            + " 的审核人可以撤回这份佐证材料");
        }
        ReviewState state = ReviewStep.WITHDRAW.next(ReviewState.valueOf(e.state)).orElseThrow(() -> new ProblemException(
                409, "Conflict", "evidence that is " + e.state + " cannot be withdrawn",
                List.of(new Problem.FieldError("state", "is " + e.state)))
                .typed(RefusalRule.REVIEW_TRANSITION).chinese("处于 " + e.state + " 状态的佐证材料不能撤回"));
        return ledger.transition(e, state.name(), reason, caller.user(), EventTypes.EVIDENCE_WITHDRAWN);
    }

    private EvidenceEntity find(UUID id) {
        EvidenceEntity e = ledger.lock(id);
        if (e == null) {
            throw ProblemException.notFound("no evidence " + id).chinese("没有佐证材料 " + id);
        }
        return e;
    }

    /** The rule of a decision that joins its fields: a rejection says why. */
    public static List<Problem.FieldError> validate(ReviewInput input) {
        // the decision (ACCEPT or REJECT) and the reason's length are ReviewInput's constraints; this rule joins the two
        List<Problem.FieldError> errors = new ArrayList<>();
        if ("REJECT".equals(input.decision()) && blankToNull(input.reason()) == null) {
            errors.add(new Problem.FieldError("/reason", "is required when rejecting"));
        }
        return errors;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
