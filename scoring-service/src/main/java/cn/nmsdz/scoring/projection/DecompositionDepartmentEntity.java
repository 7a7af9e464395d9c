package cn.nmsdz.scoring.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A department of a region, as carried by "decomposition changed" (code = the token's department claim). */
@Entity
@Table(name = "decomposition_department")
@IdClass(DecompositionDepartmentEntity.Key.class)
public class DecompositionDepartmentEntity extends PanacheEntityBase {
    @Id
    public String region;
    @Id
    public String code;
    public String name;
    public String kind;

    public record Key(String region, String code) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
