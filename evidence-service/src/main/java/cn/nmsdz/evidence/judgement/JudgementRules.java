package cn.nmsdz.evidence.judgement;

import cn.nmsdz.evidence.projection.IndicatorDefinitionEntity;
import cn.nmsdz.evidence.projection.ItemDefinitionEntity;
import cn.nmsdz.support.rest.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a claim or an expert assessment must say (pure checks, no database):
 * on an item, a yes/no; on a whole indicator, points 0 … its maximum (a claim may instead say the
 * whole indicator is satisfied). An expert judges only what an expert decides: items marked for
 * an expert verdict, and indicators whose rule is expert_points; and explains the verdict.
 */
public final class JudgementRules {
    public static final int MAX_COMMENT = 4000;
    public static final int MAX_DOCUMENTS = 50;
    /** The first assessment year a judgement may be for; the last is next year (a creation cycle runs ahead). */
    public static final int FIRST_YEAR = 2000;

    private JudgementRules() {
    }

    /**
     * The rules that need the catalogue or join fields; each field's own rule (indicator and year given, points not
     * negative with one decimal, lengths) is a constraint of {@link JudgementInput}, checked before.
     *
     * @param indicator the catalogue's indicator named by the input (null when unknown)
     * @param item      the catalogue's item named by the input (null when unknown or none)
     */
    public static List<Problem.FieldError> validate(JudgementInput in, boolean expert, IndicatorDefinitionEntity indicator,
            ItemDefinitionEntity item) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.indicator() != null && indicator == null) {
            errors.add(new Problem.FieldError("/indicator", "'" + in.indicator() + "' is not an indicator of the published catalogue"));
        }
        if (in.item() != null && indicator != null && (item == null || !item.indicatorCode.equals(indicator.code))) {
            errors.add(new Problem.FieldError("/item", "'" + in.item() + "' is not an item of indicator " + indicator.code));
        }
        // the year is required and from FIRST_YEAR by its constraints; the last one moves with the calendar
        int lastYear = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
        if (in.year() != null && in.year() > lastYear) {
            errors.add(new Problem.FieldError("/year", "must be an assessment year between " + FIRST_YEAR + " and " + lastYear));
        }
        boolean onItem = in.item() != null;
        if (onItem) {
            if (in.satisfied() == null) {
                errors.add(new Problem.FieldError("/satisfied", "is required (true or false) for a verdict on an item"));
            }
            if (in.points() != null) {
                errors.add(new Problem.FieldError("/points", "not allowed on an item: the item's points are in the catalogue"));
            }
            if (expert && item != null && !item.expert) {
                errors.add(new Problem.FieldError("/item", item.code + " is decided by figures, not by an expert verdict"));
            }
        } else if (expert) {
            if (indicator != null && !"expert_points".equals(indicator.ruleKind)) {
                errors.add(new Problem.FieldError("/item", "is required: indicator " + indicator.code
                        + " is judged item by item (only expert_points indicators take points for the whole indicator)"));
            }
            if (in.satisfied() != null) {
                errors.add(new Problem.FieldError("/satisfied", "not allowed without an item: give points for the whole indicator"));
            }
            if (in.points() == null) {
                errors.add(new Problem.FieldError("/points", "is required for the whole indicator (0 … its maximum)"));
            }
        } else if ((in.satisfied() == null) == (in.points() == null)) {
            errors.add(new Problem.FieldError(in.points() == null ? "/satisfied" : "/points",
                    "give either satisfied or points for a claim on the whole indicator"));
        }
        // not negative and at most one decimal are the constraints of JudgementInput; the maximum is the indicator's
        if (in.points() != null && indicator != null && indicator.maxPoints != null
                && in.points().compareTo(indicator.maxPoints) > 0) {
            errors.add(new Problem.FieldError("/points", "must be at most " + indicator.maxPoints.stripTrailingZeros()
                    .toPlainString() + " (the maximum of indicator " + indicator.code + ")"));
        }
        if (expert && (in.comment() == null || in.comment().isBlank())) {
            errors.add(new Problem.FieldError("/comment", "is required: an expert verdict says why"));
        }
        // the comment's length and the number of documents are JudgementInput's constraints
        List<String> docs = in.documentIds() == null ? List.of() : in.documentIds();
        for (int i = 0; i < docs.size(); i++) {
            if (!isUuid(docs.get(i))) {
                errors.add(new Problem.FieldError("/documentIds/" + i, "'" + docs.get(i) + "' is not a document id"));
            }
        }
        return errors;
    }

    static boolean isUuid(String s) {
        if (s == null) {
            return false;
        }
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

}
