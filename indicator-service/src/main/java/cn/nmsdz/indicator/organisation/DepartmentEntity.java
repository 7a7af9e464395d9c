package cn.nmsdz.indicator.organisation;

import cn.nmsdz.indicator.domain.decomposition.Department;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** A department of a region; {@code position} keeps the order of the seed or of creation. */
@Entity
@Table(name = "department")
public class DepartmentEntity extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "region_code")
    public String regionCode;
    public String name;
    @Convert(converter = JsonLists.Strings.class)
    public List<String> aliases;
    public String kind;
    @Convert(converter = JsonLists.Strings.class)
    public List<String> members;
    public int position;
    /** 联络员 as a JSON array of {name, phone, contact}; set through the liaisons endpoint only. */
    @Column(columnDefinition = "text")
    public String liaisons = "[]";
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static List<DepartmentEntity> ofRegion(String region) {
        return list("regionCode = ?1 order by position, code", region);
    }

    public Department toDomain() {
        return new Department(code, name, aliases, kind, members);
    }
}
