package cn.nmsdz.evidence.judgement;

import cn.nmsdz.evidence.projection.IndicatorDefinitionEntity;
import cn.nmsdz.evidence.projection.ItemDefinitionEntity;
import cn.nmsdz.evidence.ledger.EvidenceEntity;
import cn.nmsdz.evidence.ledger.EvidenceLedger;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.evidence.security.DepartmentScope;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RefusalRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Self-assessment claims (a department's, SUBMITTED for review) and expert assessments (ACCEPTED on
 * arrival: an expert verdict is a decision, not a submission). An expert revises by assessing again:
 * every verdict is kept as its own record, and the scoring takes each expert's latest by position.
 */
@ApplicationScoped
public class JudgementService {

    @Inject
    cn.nmsdz.evidence.security.RegionScope regionScope;

    @Inject
    EvidenceLedger ledger;

    @Inject
    DepartmentScope departments;

    @Transactional
    public EvidenceEntity claim(String region, JudgementInput input, Caller caller) {
        validate(region, input, false);
        departments.requireIndicator(caller, region, input.indicator());
        return store(region, input, EvidenceKind.CLAIM.name(), ReviewState.SUBMITTED.name(), caller.department(), caller.user());
    }

    @Transactional
    public EvidenceEntity assess(String region, JudgementInput input, Caller caller) {
        validate(region, input, true);
        return store(region, input, EvidenceKind.ASSESSMENT.name(), ReviewState.ACCEPTED.name(), caller.department(), caller.user());
    }

    private void validate(String region, JudgementInput input, boolean expert) {
        regionScope.requireKnown(region);
        IndicatorDefinitionEntity indicator = input == null || input.indicator() == null ? null
                : IndicatorDefinitionEntity.findById(input.indicator());
        ItemDefinitionEntity item = input == null || input.item() == null ? null : ItemDefinitionEntity.findById(input.item());
        List<Problem.FieldError> errors = new ArrayList<>(JudgementRules.validate(input, expert, indicator, item));
        if (errors.isEmpty()) {
            List<String> docs = input.documentIds() == null ? List.of() : input.documentIds();
            for (int i = 0; i < docs.size(); i++) {
                EvidenceEntity doc = EvidenceEntity.findById(UUID.fromString(docs.get(i)));
                if (doc == null || !EvidenceKind.DOCUMENT.name().equals(doc.kind) || !region.equals(doc.region)) {
                    errors.add(new Problem.FieldError("/documentIds/" + i, "no document " + docs.get(i) + " in region " + region));
                } else if (ReviewState.WITHDRAWN.name().equals(doc.state) || ReviewState.REJECTED.name().equals(doc.state)) {
                    errors.add(new Problem.FieldError("/documentIds/" + i, "document " + docs.get(i) + " is " + doc.state));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " problem(s); nothing was stored", errors)
                    .typed(RefusalRule.JUDGEMENT).chinese(errors.size() + " 处问题；未保存任何内容");
        }
    }

    private EvidenceEntity store(String region, JudgementInput in, String kind, String state, String department, String by) {
        EvidenceEntity e = new EvidenceEntity();
        e.kind = kind;
        e.state = state;
        e.region = region;
        e.indicator = in.indicator();
        e.item = in.item();
        e.department = department;
        e.submittedBy = by;
        e.year = in.year(); // the assessment year (the column observations use for their statistical year)
        e.satisfied = in.satisfied();
        e.points = in.points();
        e.comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
        e.documentIds = in.documentIds() == null || in.documentIds().isEmpty() ? null
                : String.join(",", in.documentIds().stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList());
        return ledger.create(e, by);
    }
}
