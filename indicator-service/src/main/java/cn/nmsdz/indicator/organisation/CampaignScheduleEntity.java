package cn.nmsdz.indicator.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Due date, stage and responsible persons of one decomposition entry ({@code item} "") or one of its items. */
@Entity
@Table(name = "campaign_schedule")
@IdClass(CampaignScheduleEntity.Key.class)
public class CampaignScheduleEntity extends PanacheEntityBase {
    @Id
    @Column(name = "region_code")
    public String regionCode;
    @Id
    public String indicator;
    @Id
    public String item;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public String stage;
    @Column(columnDefinition = "text")
    public String persons = "[]";
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public record Key(String regionCode, String indicator, String item) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    public static List<CampaignScheduleEntity> ofRegion(String region) {
        return list("regionCode = ?1 order by length(indicator), indicator, item", region);
    }
}
