package cn.nmsdz.evidence.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;

/** A third-level indicator of the latest published catalogue (projected from catalogue.events). */
@Entity
@Table(name = "indicator_definition")
public class IndicatorDefinitionEntity extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "max_points")
    public BigDecimal maxPoints;
    /** The rule's kind, e.g. items, expert_points. */
    @Column(name = "rule_kind")
    public String ruleKind;

    public static Set<String> codes() {
        return IndicatorDefinitionEntity.<IndicatorDefinitionEntity>listAll().stream().map(i -> i.code)
                .collect(Collectors.toSet());
    }
}
