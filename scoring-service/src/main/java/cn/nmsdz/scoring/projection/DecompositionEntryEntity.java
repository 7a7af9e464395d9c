package cn.nmsdz.scoring.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Who owns one indicator in one region; the lists are stored as JSON arrays of department codes / task numbers. */
@Entity
@Table(name = "decomposition_entry")
@IdClass(DecompositionEntryEntity.Key.class)
public class DecompositionEntryEntity extends PanacheEntityBase {
    @Id
    public String region;
    @Id
    public String indicator;
    public String tasks;
    @Column(name = "lead_units")
    public String leadUnits;
    @Column(name = "responsible_units")
    public String responsibleUnits;

    public record Key(String region, String indicator) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
