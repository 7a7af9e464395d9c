package cn.nmsdz.support.rest;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The refusal rules of the services, each with a stable problem {@code type} (the same in every language, listed in
 * the README): a refusal's detail starts with {@code rule <name>:}, and the problem answered for it carries the type of
 * that rule instead of {@code about:blank}, so a client tells the rules apart without reading the words.
 */
public enum RefusalRule {
    /** A token reads its own region and the regions under it; an expert the regions assigned to it. */
    REGION_SCOPE("region-scope"),
    /** An expert assesses only the regions assigned to it. */
    EXPERT_ASSIGNMENT("expert-assignment"),
    /** A department submits only for indicators the task decomposition gives it. */
    DECOMPOSITION_SCOPE("decomposition-scope"),
    /** Whoever submitted a piece of evidence does not review it. */
    FOUR_EYES("four-eyes"),
    /** The submitting department, the submitter or a reviewer of the region withdraws evidence. */
    WITHDRAW_SCOPE("withdraw-scope"),
    /** A creation office manages its own region only. */
    OWN_REGION("own-region"),
    /** A submitter reads its own department's list only. */
    OWN_DEPARTMENT("own-department"),
    /** The token lacks the role the operation needs. */
    ROLE("role"),
    /** Evidence is reviewed only while SUBMITTED and withdrawn only from a state that allows it. */
    REVIEW_TRANSITION("review-transition"),
    /** A judgement (review decision, verdict, claim, assessment) says what it must: a rejection its reason, an expert its comment, documents of the region. */
    JUDGEMENT("judgement"),
    /** An indicator system validates (codes, weights, scoring rules) before it is stored. */
    CATALOGUE("catalogue"),
    /** A version of an indicator system is imported once, changed and published only as a DRAFT, retired only when PUBLISHED. */
    CATALOGUE_LIFECYCLE("catalogue-lifecycle"),
    /** Regions (an import file or one region) read and validate before anything is stored. */
    REGION_DATA("region-data"),
    /** The task decomposition (任务分解表 workbook or entry) names known indicators and departments. */
    DECOMPOSITION("decomposition"),
    /** A campaign's organisation data (departments, stages, schedules, plan tasks, liaisons) agrees with the region's other data. */
    CAMPAIGN("campaign"),
    /** An application for acceptance follows its flow (one per year, a snapshot that passes or a reason, states in order). */
    APPLICATION_FLOW("application-flow"),
    /** A document is not empty, of an accepted media type its name agrees with, and within the size limit. */
    DOCUMENT("document");

    public static final String TYPE_PREFIX = "urn:nmsdz:problem:rule:";
    private static final Pattern NAMED = Pattern.compile("^rule ([a-z-]+):");

    private final String ruleName;

    RefusalRule(String ruleName) {
        this.ruleName = ruleName;
    }

    public String ruleName() {
        return ruleName;
    }

    /** The problem type of this rule, e.g. {@code urn:nmsdz:problem:rule:region-scope}. */
    public String type() {
        return TYPE_PREFIX + ruleName;
    }

    /** The rule a refusal's detail names at its start ({@code rule region-scope: …}), if it names one. */
    public static Optional<RefusalRule> namedIn(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        Matcher m = NAMED.matcher(detail);
        return m.find() ? Arrays.stream(values()).filter(r -> r.ruleName.equals(m.group(1))).findFirst() : Optional.empty();
    }
}
