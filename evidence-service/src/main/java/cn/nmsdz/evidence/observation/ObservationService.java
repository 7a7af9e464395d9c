package cn.nmsdz.evidence.observation;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.evidence.EvidenceEventData;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.evidence.catalogue.KnownRegionEntity;
import cn.nmsdz.evidence.catalogue.MetricDefinitionEntity;
import cn.nmsdz.evidence.security.Caller;
import cn.nmsdz.support.outbox.Outbox;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Accepts metric observations: all rows valid or nothing stored; row + version + outbox event in one transaction. */
@ApplicationScoped
public class ObservationService {
    public static final int MAX_BATCH = 10_000;
    static final int FIRST_YEAR = 2000;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Transactional
    public List<EvidenceEntity> submit(String region, List<ObservationInput> rows, Caller caller) {
        if (KnownRegionEntity.findById(region) == null) {
            throw ProblemException.notFound("region " + region + " is not in the catalogue");
        }
        List<Problem.FieldError> errors = validate(rows);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " problem(s) in the submission; nothing was stored", errors);
        }
        String state = caller.dataProvider() ? "ACCEPTED" : "SUBMITTED";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<EvidenceEntity> stored = new ArrayList<>(rows.size());
        for (ObservationInput row : rows) {
            EvidenceEntity e = new EvidenceEntity();
            e.id = UUID.randomUUID();
            e.kind = "OBSERVATION";
            e.state = state;
            e.version = 1;
            e.position = nextPosition();
            e.region = region;
            e.indicator = row.indicator();
            e.department = caller.department();
            e.submittedBy = caller.user();
            e.metric = row.metric();
            e.year = row.year();
            e.value = row.value();
            e.subject = row.subject();
            e.source = row.source();
            e.createdAt = now;
            e.updatedAt = now;
            e.persist();
            recordVersion(e, caller.user(), EventTypes.EVIDENCE_SUBMITTED);
            stored.add(e);
        }
        return stored;
    }

    /** Writes the version row and the event carrying the evidence's full state. */
    void recordVersion(EvidenceEntity e, String by, String eventType) {
        EvidenceEventData data = new EvidenceEventData(e.id.toString(), e.version, e.position, e.kind, e.state, e.region,
                e.indicator, e.item, e.department, e.submittedBy, e.metric, e.year, e.value, e.subject, e.source, null,
                null, null, List.of(), e.reason, e.updatedAt);
        EvidenceVersionEntity v = new EvidenceVersionEntity();
        v.evidenceId = e.id;
        v.version = e.version;
        v.state = e.state;
        v.position = e.position;
        v.changedBy = by;
        v.changedAt = e.updatedAt;
        try {
            v.snapshot = EventEnvelope.JSON.writeValueAsString(data);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        v.persist();
        outbox.append(Topics.EVIDENCE, eventType, "/evidence-service", e.region, data);
    }

    long nextPosition() {
        return ((Number) em.createNativeQuery("select nextval('evidence_position_seq')").getSingleResult()).longValue();
    }

    /** Every problem of every row, by index: the whole batch is judged before anything is stored. */
    List<Problem.FieldError> validate(List<ObservationInput> rows) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new Problem.FieldError("/", "at least one observation is required"));
            return errors;
        }
        if (rows.size() > MAX_BATCH) {
            errors.add(new Problem.FieldError("/", "a batch holds at most " + MAX_BATCH + " observations, not " + rows.size()));
            return errors;
        }
        Map<String, MetricDefinitionEntity> metrics = MetricDefinitionEntity.<MetricDefinitionEntity>listAll().stream()
                .collect(Collectors.toMap(m -> m.code, Function.identity()));
        int lastYear = Year.now(ZoneOffset.UTC).getValue();
        for (int i = 0; i < rows.size(); i++) {
            ObservationInput row = rows.get(i);
            String at = "/" + i;
            if (row == null) {
                errors.add(new Problem.FieldError(at, "is empty"));
                continue;
            }
            MetricDefinitionEntity metric = row.metric() == null ? null : metrics.get(row.metric());
            if (metric == null) {
                errors.add(new Problem.FieldError(at + "/metric", row.metric() == null ? "is required"
                        : "'" + row.metric() + "' is not a metric of the published catalogue"));
            }
            if (row.year() == null) {
                errors.add(new Problem.FieldError(at + "/year", "is required"));
            } else if (row.year() < FIRST_YEAR || row.year() > lastYear) {
                errors.add(new Problem.FieldError(at + "/year", "must be between " + FIRST_YEAR + " and " + lastYear));
            }
            if (row.source() == null || row.source().isBlank()) {
                errors.add(new Problem.FieldError(at + "/source", "is required (e.g. the statistics bureau release)"));
            }
            if (row.value() == null) {
                errors.add(new Problem.FieldError(at + "/value", "is required"));
            } else if (metric != null) {
                checkValue(metric, row.value(), at).ifPresent(errors::add);
            }
            if (metric != null && metric.subjectRequired && (row.subject() == null || row.subject().isBlank())) {
                errors.add(new Problem.FieldError(at + "/subject",
                        "is required for " + metric.code + " (the enterprise's unified social credit code)"));
            }
        }
        return errors;
    }

    static java.util.Optional<Problem.FieldError> checkValue(MetricDefinitionEntity metric, BigDecimal value, String at) {
        String field = at + "/value";
        if ("COUNT".equals(metric.kind) && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
            return java.util.Optional.of(new Problem.FieldError(field, metric.code + " is a count: a non-negative whole number"));
        }
        if (metric.minValue != null && value.compareTo(metric.minValue) < 0) {
            return java.util.Optional.of(new Problem.FieldError(field, "must be at least " + metric.minValue.toPlainString()
                    + " for " + metric.code));
        }
        if (metric.maxValue != null && value.compareTo(metric.maxValue) > 0) {
            return java.util.Optional.of(new Problem.FieldError(field, "must be at most " + metric.maxValue.toPlainString()
                    + " for " + metric.code));
        }
        if ("LEVEL".equals(metric.kind) && value.signum() < 0 && metric.minValue == null) {
            return java.util.Optional.of(new Problem.FieldError(field, metric.code + " is a level: it cannot be negative"));
        }
        return java.util.Optional.empty();
    }
}
