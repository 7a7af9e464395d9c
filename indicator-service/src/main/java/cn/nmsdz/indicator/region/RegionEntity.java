package cn.nmsdz.indicator.region;

import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.events.catalogue.Zone;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A region: administrative division code, or CN for the nation. */
@Entity
@Table(name = "region")
public class RegionEntity extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String level;
    @Column(name = "parent_code")
    public String parentCode;
    @Enumerated(EnumType.STRING)
    public Zone zone;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public RegionData toData() {
        return new RegionData(code, name, level, parentCode, zone);
    }
}
