package cn.nmsdz.evidence.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A numbered item ("17.1") of an indicator of the latest published catalogue. */
@Entity
@Table(name = "item_definition")
public class ItemDefinitionEntity extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "indicator_code")
    public String indicatorCode;
    public BigDecimal points;
    /** Whether an expert verdict decides it (otherwise only figures do). */
    public boolean expert;
}
