package cn.nmsdz.evidence.observation;

import cn.nmsdz.evidence.projection.CatalogueDefinitions;
import cn.nmsdz.evidence.projection.MetricDefinitionEntity;
import cn.nmsdz.evidence.ledger.EvidenceEntity;
import cn.nmsdz.evidence.ledger.EvidenceLedger;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.evidence.security.DepartmentScope;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Accepts metric observations: all rows valid or nothing stored; row + version + outbox event in one transaction. */
@ApplicationScoped
public class ObservationService {

    @Inject
    cn.nmsdz.evidence.security.RegionScope regionScope;
    /** The most rows of one request (ObservationBatchReader stops reading at the next one: 413). */
    public static final int MAX_BATCH = 10_000;
    public static final int FIRST_YEAR = 2000;
    /** The column's size: a unified social credit code has 18 characters. */
    public static final int MAX_SUBJECT = 64;
    public static final int MAX_SOURCE = 2000;

    @Inject
    EvidenceLedger ledger;

    @Inject
    CatalogueDefinitions definitions;

    @Inject
    DepartmentScope departments;

    @Inject
    jakarta.persistence.EntityManager em;

    @Transactional
    public List<EvidenceEntity> submit(String region, List<ObservationInput> rows, Caller caller) {
        regionScope.requireKnown(region);
        CatalogueDefinitions.Definitions d = definitions.current();
        Map<String, Set<String>> uses = d.metricUses();
        List<Problem.FieldError> errors = validate(rows, d.metrics(), d.indicatorCodes(), uses,
                Year.now(ZoneOffset.UTC).getValue());
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " problem(s) in the submission; nothing was stored", errors)
                    .chinese("提交的数据中有 " + errors.size() + " 处问题；未保存任何内容");
        }
        departments.requireObservations(caller, region,
                rows.stream().map(r -> new DepartmentScope.Target(r.metric(), r.indicator())).toList(), uses);
        String state = caller.dataProvider() ? ReviewState.ACCEPTED.name() : ReviewState.SUBMITTED.name();
        return store(region, rows, state, caller.department(), caller.user());
    }

    /** Stores rows already validated (also used by the national reference data set). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EvidenceEntity> store(String region, List<ObservationInput> rows, String state, String department,
            String by) {
        List<EvidenceEntity> stored = new ArrayList<>(rows.size());
        for (ObservationInput row : rows) {
            EvidenceEntity e = new EvidenceEntity();
            e.kind = EvidenceKind.OBSERVATION.name();
            e.state = state;
            e.region = region;
            e.indicator = row.indicator();
            e.department = department;
            e.submittedBy = by;
            e.metric = row.metric();
            e.year = row.year();
            e.value = row.value();
            e.subject = row.subject();
            e.source = row.source();
            stored.add(e);
        }
        return ledger.createAll(stored, by);
    }

    public static Map<String, MetricDefinitionEntity> metrics() {
        return MetricDefinitionEntity.<MetricDefinitionEntity>listAll().stream()
                .collect(Collectors.toMap(m -> m.code, Function.identity()));
    }

    /**
     * Every problem of every row against the catalogue, by index: the whole batch is judged before anything is stored.
     * Each row's own fields (metric, year 2000…, value with 18+6 digits, source, subject length) are the constraints of
     * {@link ObservationInput}, checked before (the request pipeline, the national load): a field they leave empty is
     * not judged again here.
     *
     * @param indicators the catalogue's indicator codes (empty while unknown: the indicator is then not checked)
     */
    public static List<Problem.FieldError> validate(List<ObservationInput> rows, Map<String, MetricDefinitionEntity> metrics,
            Set<String> indicators, int lastYear) {
        return validate(rows, metrics, indicators, Map.of(), lastYear);
    }

    /**
     * @param readers metric → the indicators whose rules read it (empty while unknown). A row that names an
     *                indicator must name one that reads its metric: the figure counts wherever its metric is
     *                read, so a mismatched tag would also get round the department scope.
     */
    public static List<Problem.FieldError> validate(List<ObservationInput> rows, Map<String, MetricDefinitionEntity> metrics,
            Set<String> indicators, Map<String, Set<String>> readers, int lastYear) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            errors.add(new Problem.FieldError("/", "at least one observation is required"));
            return errors;
        }
        for (int i = 0; i < rows.size(); i++) {
            ObservationInput row = rows.get(i);
            String at = "/" + i;
            if (row == null) {
                errors.add(new Problem.FieldError(at, "is empty"));
                continue;
            }
            MetricDefinitionEntity metric = row.metric() == null ? null : metrics.get(row.metric());
            if (row.metric() != null && metric == null) {
                errors.add(new Problem.FieldError(at + "/metric", "'" + row.metric() + "' is not a metric of the published catalogue"));
            }
            // the first year is a constraint; the last moves with the calendar
            if (row.year() != null && row.year() > lastYear) {
                errors.add(new Problem.FieldError(at + "/year", "must be between " + FIRST_YEAR + " and " + lastYear));
            }
            if (row.value() != null && metric != null) {
                checkValue(metric, row.value(), at).ifPresent(errors::add);
            }
            if (metric != null && metric.subjectRequired && (row.subject() == null || row.subject().isBlank())) {
                errors.add(new Problem.FieldError(at + "/subject",
                        "is required for " + metric.code + " (the enterprise's unified social credit code)"));
            }
            if (row.indicator() != null && !indicators.isEmpty() && !indicators.contains(row.indicator())) {
                errors.add(new Problem.FieldError(at + "/indicator",
                        "'" + row.indicator() + "' is not an indicator of the published catalogue"));
            } else if (row.indicator() != null && metric != null && !readers.isEmpty()
                    && !readers.getOrDefault(metric.code, Set.of()).contains(row.indicator())) {
                errors.add(new Problem.FieldError(at + "/indicator", "indicator " + row.indicator() + " does not read "
                        + metric.code + " (read by: " + String.join(", ",
                                new java.util.TreeSet<>(readers.getOrDefault(metric.code, Set.of()))) + ")"));
            }
        }
        return errors;
    }

    static Optional<Problem.FieldError> checkValue(MetricDefinitionEntity metric, BigDecimal value, String at) {
        String field = at + "/value";
        if ("COUNT".equals(metric.kind) && (value.signum() < 0 || value.stripTrailingZeros().scale() > 0)) {
            return Optional.of(new Problem.FieldError(field, metric.code + " is a count: a non-negative whole number"));
        }
        if (metric.minValue != null && value.compareTo(metric.minValue) < 0) {
            return Optional.of(new Problem.FieldError(field, "must be at least " + metric.minValue.toPlainString()
                    + " for " + metric.code));
        }
        if (metric.maxValue != null && value.compareTo(metric.maxValue) > 0) {
            return Optional.of(new Problem.FieldError(field, "must be at most " + metric.maxValue.toPlainString()
                    + " for " + metric.code));
        }
        if ("LEVEL".equals(metric.kind) && value.signum() < 0 && metric.minValue == null) {
            return Optional.of(new Problem.FieldError(field, metric.code + " is a level: it cannot be negative"));
        }
        // the digits are ObservationInput's @Digits(18, 6), except where its int arithmetic overflows: precision −
        // scale of 1E+2147483647 is negative in int and would pass, so that one is caught here, in long
        if ((long) value.precision() - value.scale() > Integer.MAX_VALUE) {
            return Optional.of(new Problem.FieldError(field, "at most 18 digits before and 6 after the decimal point"));
        }
        return Optional.empty();
    }
}
