package cn.nmsdz.indicator.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A region's creation plan; {@code leadership} is the LeadershipGroup JSON, or null. */
@Entity
@Table(name = "creation_plan")
public class CreationPlanEntity extends PanacheEntityBase {
    @Id
    @Column(name = "region_code")
    public String regionCode;
    public String title;
    @Column(name = "document_number")
    public String documentNumber;
    public String issuer;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    public String kind;
    @Column(columnDefinition = "text")
    public String leadership;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
