package cn.nmsdz.indicator.organisation;

import cn.nmsdz.indicator.domain.decomposition.DecompositionEntry;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/** Who owns one indicator in one region. */
@Entity
@Table(name = "decomposition_entry")
@IdClass(DecompositionEntryEntity.Key.class)
public class DecompositionEntryEntity extends PanacheEntityBase {
    @Id
    @Column(name = "region_code")
    public String regionCode;
    @Id
    public String indicator;
    @Convert(converter = JsonLists.Integers.class)
    public List<Integer> tasks;
    @Convert(converter = JsonLists.Integers.class)
    public List<Integer> measures;
    @Convert(converter = JsonLists.Strings.class)
    @Column(name = "lead_units")
    public List<String> leadUnits;
    @Convert(converter = JsonLists.Strings.class)
    @Column(name = "responsible_units")
    public List<String> responsibleUnits;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public record Key(String regionCode, String indicator) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    /** In indicator order (numeric codes numerically). */
    public static List<DecompositionEntryEntity> ofRegion(String region) {
        List<DecompositionEntryEntity> all = list("regionCode", region);
        return all.stream().sorted(Comparator.comparing((DecompositionEntryEntity e) -> e.indicator.length())
                .thenComparing(e -> e.indicator)).toList();
    }

    public DecompositionEntry toDomain() {
        return new DecompositionEntry(indicator, tasks, measures, leadUnits, responsibleUnits);
    }
}
