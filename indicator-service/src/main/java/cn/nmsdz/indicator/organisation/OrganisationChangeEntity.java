package cn.nmsdz.indicator.organisation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change of a region's organisation data: append-only (a database trigger refuses updates and deletes). */
@Entity
@Table(name = "organisation_change")
public class OrganisationChangeEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    public String actor;
    public String subject;
    @Column(columnDefinition = "text")
    public String before;
    @Column(columnDefinition = "text")
    public String after;
}
