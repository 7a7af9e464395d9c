package cn.nmsdz.scoring.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A region as received on catalogue.events. */
@Entity
@Table(name = "scoring_region")
public class RegionEntity extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String level;
    @Column(name = "parent_code")
    public String parentCode;
    public String zone;

    /** This region and every region below it. */
    public static List<String> selfAndBelow(String code) {
        Map<String, String> parent = parents();
        List<String> result = new ArrayList<>();
        result.add(code);
        for (String candidate : parent.keySet()) {
            if (isUnder(candidate, code, parent)) {
                result.add(candidate);
            }
        }
        return result;
    }

    /** Whether {@code code} is {@code ancestor} or lies below it. */
    public static boolean isSelfOrBelow(String code, String ancestor) {
        if (code.equals(ancestor)) {
            return true;
        }
        Map<String, String> parent = parents();
        return isUnder(code, ancestor, parent);
    }

    /** child code → parent code of every region that has a parent. */
    private static Map<String, String> parents() {
        return RegionEntity.<RegionEntity>listAll().stream()
                .filter(r -> r.parentCode != null)
                .collect(Collectors.toMap(r -> r.code, r -> r.parentCode));
    }

    private static boolean isUnder(String code, String ancestor, Map<String, String> parent) {
        String p = parent.get(code);
        for (int depth = 0; p != null && depth < 10; depth++) {
            if (p.equals(ancestor)) {
                return true;
            }
            p = parent.get(p);
        }
        return false;
    }
}
