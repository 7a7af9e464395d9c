package cn.nmsdz.evidence.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A metric of the published catalogue (projected from catalogue.events). */
@Entity
@Table(name = "metric_definition")
public class MetricDefinitionEntity extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String unit;
    public String kind;
    @Column(name = "min_value")
    public BigDecimal minValue;
    @Column(name = "max_value")
    public BigDecimal maxValue;
    @Column(name = "subject_required")
    public boolean subjectRequired;
}
