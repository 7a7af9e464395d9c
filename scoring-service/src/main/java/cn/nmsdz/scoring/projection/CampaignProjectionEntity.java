package cn.nmsdz.scoring.projection;

import cn.nmsdz.events.catalogue.CampaignData;
import cn.nmsdz.events.envelope.EventEnvelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A region's whole creation campaign as the last campaign-changed event carried it. */
@Entity
@Table(name = "campaign_projection")
public class CampaignProjectionEntity extends PanacheEntityBase {
    @Id
    public String region;
    @Column(columnDefinition = "text")
    public String data;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    /** Replaces what was projected for the region (the event carries the whole campaign). */
    public static void apply(CampaignData campaign) {
        if (campaign == null || campaign.region() == null) {
            return;
        }
        CampaignProjectionEntity e = findById(campaign.region());
        if (e == null) {
            e = new CampaignProjectionEntity();
            e.region = campaign.region();
        }
        try {
            e.data = EventEnvelope.JSON.writeValueAsString(campaign);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        e.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.persist();
    }

    /** The region's campaign, empty when none has arrived. */
    public static CampaignData of(String region) {
        CampaignProjectionEntity e = findById(region);
        if (e == null) {
            return new CampaignData(region, List.of(), List.of(), List.of());
        }
        try {
            CampaignData d = EventEnvelope.JSON.readValue(e.data, CampaignData.class);
            return new CampaignData(region, d.stages() == null ? List.of() : d.stages(),
                    d.schedules() == null ? List.of() : d.schedules(), d.tasks() == null ? List.of() : d.tasks(),
                    d.plan(), d.leadership());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
