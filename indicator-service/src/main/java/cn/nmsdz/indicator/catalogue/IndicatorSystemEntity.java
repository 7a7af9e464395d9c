package cn.nmsdz.indicator.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** One version of an indicator system; {@code document} is the IndicatorSystemDocument JSON. */
@Entity
@Table(name = "indicator_system")
public class IndicatorSystemEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public int version;
    public String status;
    public String name;
    @Column(columnDefinition = "text")
    public String document;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public static List<IndicatorSystemEntity> listOrdered() {
        return list("order by code, version");
    }

    public static Optional<IndicatorSystemEntity> latestPublished(String code) {
        return find("code = ?1 and status = 'PUBLISHED' order by version desc", code).firstResultOptional();
    }

    public static int highestVersion(String code) {
        return find("code = ?1 order by version desc", code).firstResultOptional()
                .map(e -> ((IndicatorSystemEntity) e).version).orElse(0);
    }

    public static Optional<IndicatorSystemEntity> byVersion(String code, int version) {
        return find("code = ?1 and version = ?2", code, version).firstResultOptional();
    }
}
