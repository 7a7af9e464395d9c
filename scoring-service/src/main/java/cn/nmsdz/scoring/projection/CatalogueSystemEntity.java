package cn.nmsdz.scoring.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Optional;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.envelope.EventEnvelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cn.nmsdz.scoring.config.ScoringConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/** A published indicator system as received on catalogue.events. */
@Entity
@Table(name = "catalogue_system")
@IdClass(CatalogueSystemEntity.Key.class)
public class CatalogueSystemEntity extends PanacheEntityBase {
    @Id
    public String code;
    @Id
    public int version;
    /**
     * The ~90 KB document, loaded only when its version is parsed (once per version, see {@link #system()}): finding
     * the version in force, which every snapshot does, then reads a small row.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "text")
    public String document;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    /** Retired on catalogue.events: kept to recompute the snapshots that name it, never scored against again. */
    public boolean retired;

    public record Key(String code, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    /**
     * Versions' documents parsed once: a published version never changes, and every snapshot reads one. Only the
     * latest few are kept (a rescoring reads one; a recomputation of old snapshots may parse an older one again), so
     * a service that sees many publishes does not keep them all.
     */
    private static final Cache<Key, IndicatorSystemDocument> PARSED = Caffeine.newBuilder().maximumSize(4).build();

    /** This version's indicator system, parsed once per version while it is among the latest used. */
    public IndicatorSystemDocument system() {
        return PARSED.get(new Key(code, version), k -> {
            try {
                return EventEnvelope.JSON.readValue(document, IndicatorSystemDocument.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored indicator system " + k + " is unreadable", e);
            }
        });
    }

    /**
     * The system regions are scored against: the highest version still published (not retired) of the configured system code
     * ({@code nmsdz.scoring.system-code}); versions of other codes published beside it are never picked.
     */
    public static Optional<CatalogueSystemEntity> current() {
        return current(configuredCode());
    }

    /** The highest version of one system code that is published and not retired. */
    public static Optional<CatalogueSystemEntity> current(String code) {
        return find("code = ?1 and retired = false order by version desc", code).firstResultOptional();
    }

    /** {@code nmsdz.scoring.system-code}, NMSDZ unless configured. */
    public static String configuredCode() {
        return ConfigProvider.getConfig().getOptionalValue("nmsdz.scoring.system-code", String.class)
                .orElse(ScoringConfig.DEFAULT_SYSTEM_CODE);
    }
}
