package cn.nmsdz.scoring.progress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** When evidence of a department last arrived (submitted, reviewed or withdrawn): its last activity. */
@Entity
@Table(name = "department_activity")
@IdClass(DepartmentActivityEntity.Key.class)
public class DepartmentActivityEntity extends PanacheEntityBase {
    @Id
    public String region;
    @Id
    public String department;
    @Column(name = "last_at")
    public OffsetDateTime lastAt;

    public record Key(String region, String department) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static void touch(String region, String department, OffsetDateTime at) {
        if (region == null || department == null) {
            return;
        }
        DepartmentActivityEntity e = findById(new Key(region, department));
        if (e == null) {
            e = new DepartmentActivityEntity();
            e.region = region;
            e.department = department;
        }
        if (e.lastAt == null || at.isAfter(e.lastAt)) {
            e.lastAt = at;
        }
        e.persist();
    }
}
