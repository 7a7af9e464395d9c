package cn.nmsdz.scoring.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A published indicator system as received on catalogue.events. */
@Entity
@Table(name = "catalogue_system")
@IdClass(CatalogueSystemEntity.Key.class)
public class CatalogueSystemEntity extends PanacheEntityBase {
    @Id
    public String code;
    @Id
    public int version;
    @Column(columnDefinition = "text")
    public String document;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    public record Key(String code, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    /** The system regions are scored against: the highest published version. */
    public static Optional<CatalogueSystemEntity> current() {
        return find("order by version desc").firstResultOptional();
    }
}
