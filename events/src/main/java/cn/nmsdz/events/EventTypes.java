package cn.nmsdz.events;

/** CloudEvents {@code type} values, one per event kind; the suffix is the contract version. */
public final class EventTypes {
    public static final String SYSTEM_PUBLISHED = "cn.nmsdz.catalogue.system-published.v1";
    /** A published version was retired: data is {@link cn.nmsdz.events.catalogue.SystemPublishedData} with status RETIRED. */
    public static final String SYSTEM_RETIRED = "cn.nmsdz.catalogue.system-retired.v1";
    public static final String REGION_CHANGED = "cn.nmsdz.catalogue.region-changed.v1";
    public static final String DECOMPOSITION_CHANGED = "cn.nmsdz.catalogue.decomposition-changed.v1";
    /**
     * A region's creation campaign changed (stages, due dates, responsible persons, plan-task targets, liaisons):
     * data is {@link cn.nmsdz.events.catalogue.CampaignData}, the region's whole campaign.
     */
    public static final String CAMPAIGN_CHANGED = "cn.nmsdz.catalogue.campaign-changed.v1";
    public static final String EVIDENCE_SUBMITTED = "cn.nmsdz.evidence.submitted.v1";
    public static final String EVIDENCE_REVIEWED = "cn.nmsdz.evidence.reviewed.v1";
    public static final String EVIDENCE_WITHDRAWN = "cn.nmsdz.evidence.withdrawn.v1";
    public static final String SNAPSHOT_CREATED = "cn.nmsdz.score.snapshot-created.v1";
    /** An application (申报) changed state: data is {@link cn.nmsdz.events.score.ApplicationChangedData}. */
    public static final String APPLICATION_CHANGED = "cn.nmsdz.score.application-changed.v1";

    private EventTypes() {
    }
}
