package cn.nmsdz.indicator.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** A phase of a region's creation with its dates (both ends included). */
@Entity
@Table(name = "campaign_stage")
@IdClass(CampaignStageEntity.Key.class)
public class CampaignStageEntity extends PanacheEntityBase {
    @Id
    @Column(name = "region_code")
    public String regionCode;
    @Id
    public String code;
    public String name;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    public int position;

    public record Key(String regionCode, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static List<CampaignStageEntity> ofRegion(String region) {
        return list("regionCode = ?1 order by position", region);
    }
}
