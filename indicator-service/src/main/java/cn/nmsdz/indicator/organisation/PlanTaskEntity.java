package cn.nmsdz.indicator.organisation;

import cn.nmsdz.indicator.domain.decomposition.PlanTask;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;

/** A numbered task or implementation measure of a region's plan. */
@Entity
@Table(name = "plan_task")
@IdClass(PlanTaskEntity.Key.class)
public class PlanTaskEntity extends PanacheEntityBase {
    @Id
    @Column(name = "region_code")
    public String regionCode;
    @Id
    public String kind;
    @Id
    public int number;
    public String section;
    public String heading;
    public String title;
    @Column(columnDefinition = "text")
    public String text;
    @Convert(converter = JsonLists.Strings.class)
    @Column(name = "lead_units")
    public List<String> leadUnits;
    @Convert(converter = JsonLists.Strings.class)
    @Column(name = "responsible_units")
    public List<String> responsibleUnits;

    // the campaign's fields (issue #13): deadline, stage, responsible persons (JSON), target and current value
    @Column(name = "due_date")
    public java.time.LocalDate dueDate;
    public String stage;
    @Column(columnDefinition = "text")
    public String persons = "[]";
    @Column(name = "target_value")
    public java.math.BigDecimal targetValue;
    @Column(name = "target_unit")
    public String targetUnit;
    @Column(name = "current_value")
    public java.math.BigDecimal currentValue;

    public record Key(String regionCode, String kind, int number) implements Serializable {
        public Key() {
            this(null, null, 0);
        }
    }

    public static List<PlanTaskEntity> ofRegion(String region) {
        return list("regionCode = ?1 order by kind desc, number", region);
    }

    public PlanTask toDomain() {
        return new PlanTask(kind, number, section, heading, title, text, leadUnits, responsibleUnits);
    }
}
