package cn.nmsdz.scoring.notify;

import java.util.List;

/**
 * The CloudEvents types of the campaign's notifications and webhook deliveries (issue #13); the suffix is the contract
 * version. Kept here, not in the events module: they never travel on Kafka, only to inboxes and webhook receivers.
 */
public final class CampaignEventTypes {
    public static final String ITEM_OVERDUE = "cn.nmsdz.campaign.item-overdue.v1";
    public static final String ITEM_DUE_SOON = "cn.nmsdz.campaign.item-due-soon.v1";
    public static final String TASK_OVERDUE = "cn.nmsdz.campaign.task-overdue.v1";
    public static final String EVIDENCE_REJECTED = "cn.nmsdz.campaign.evidence-rejected.v1";
    public static final String EVIDENCE_AWAITING_REVIEW = "cn.nmsdz.campaign.evidence-awaiting-review.v1";
    public static final String AWAITING_EXPERT = "cn.nmsdz.campaign.awaiting-expert.v1";
    public static final String PASS_LINE_CROSSED = "cn.nmsdz.campaign.pass-line-crossed.v1";
    /** To the applying region's creation office: a step of its application was taken (by whom, why). */
    public static final String APPLICATION_DECIDED = "cn.nmsdz.campaign.application-decided.v1";
    /** To the authority (city, province, nation) whose decision an application now waits for. */
    public static final String APPLICATION_AWAITING = "cn.nmsdz.campaign.application-awaiting.v1";
    public static final List<String> ALL = List.of(ITEM_OVERDUE, ITEM_DUE_SOON, TASK_OVERDUE, EVIDENCE_REJECTED,
            EVIDENCE_AWAITING_REVIEW, AWAITING_EXPERT, PASS_LINE_CROSSED, APPLICATION_DECIDED, APPLICATION_AWAITING);

    private CampaignEventTypes() {
    }
}
