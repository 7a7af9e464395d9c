package cn.nmsdz.indicator.catalogue;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.SystemPublishedData;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.indicator.domain.validation.SystemValidator;
import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Stores, validates and publishes indicator systems. */
@ApplicationScoped
public class CatalogueService {
    static final String SOURCE = "/indicator-service";

    @Inject
    Outbox outbox;

    /** Validates and stores a new DRAFT version; an invalid system is never stored. */
    @Transactional
    public IndicatorSystemEntity importDraft(IndicatorSystemDocument document) {
        List<Problem.FieldError> violations = new SystemValidator().validate(document).stream()
                .map(v -> new Problem.FieldError(v.pointer(), v.message()))
                .toList();
        if (!violations.isEmpty()) {
            throw new ProblemException(422, "Invalid indicator system",
                    violations.size() + " rule(s) of the indicator system are violated", violations);
        }
        if (IndicatorSystemEntity.byVersion(document.code(), document.version()).isPresent()) {
            throw ProblemException.conflict("indicator system " + document.code() + " version " + document.version()
                    + " already exists; import it under a new version number");
        }
        IndicatorSystemEntity entity = new IndicatorSystemEntity();
        entity.code = document.code();
        entity.version = document.version();
        entity.name = document.name();
        entity.status = "DRAFT";
        entity.document = toJson(document);
        entity.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        entity.persist();
        return entity;
    }

    /** DRAFT → PUBLISHED (immutable from then on); emits the whole system on catalogue.events. */
    @Transactional
    public IndicatorSystemEntity publish(String code, int version) {
        IndicatorSystemEntity entity = IndicatorSystemEntity.byVersion(code, version)
                .orElseThrow(() -> ProblemException.notFound("no indicator system " + code + " version " + version));
        if (!"DRAFT".equals(entity.status)) {
            throw ProblemException.conflict("indicator system " + code + " version " + version + " is "
                    + entity.status + "; only a DRAFT can be published");
        }
        entity.status = "PUBLISHED";
        entity.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        outbox.append(Topics.CATALOGUE, EventTypes.SYSTEM_PUBLISHED, SOURCE, "CN",
                new SystemPublishedData("PUBLISHED", document(entity)));
        return entity;
    }

    public IndicatorSystemDocument document(IndicatorSystemEntity entity) {
        try {
            return EventEnvelope.JSON.readValue(entity.document, IndicatorSystemDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored indicator system " + entity.code + " is unreadable", e);
        }
    }

    private static String toJson(IndicatorSystemDocument document) {
        try {
            return EventEnvelope.JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
