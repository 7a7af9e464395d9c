package cn.nmsdz.evidence.document;

import cn.nmsdz.evidence.projection.IndicatorDefinitionEntity;
import cn.nmsdz.evidence.projection.ItemDefinitionEntity;
import cn.nmsdz.evidence.ledger.EvidenceEntity;
import cn.nmsdz.evidence.ledger.EvidenceLedger;
import cn.nmsdz.events.evidence.EvidenceKind;
import cn.nmsdz.events.evidence.ReviewState;
import cn.nmsdz.support.access.Caller;
import cn.nmsdz.evidence.security.DepartmentScope;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Records an uploaded document (its bytes already in the content-addressed store) as evidence. */
@ApplicationScoped
public class DocumentService {

    @Inject
    cn.nmsdz.evidence.security.RegionScope regionScope;

    @Inject
    EvidenceLedger ledger;

    @Inject
    DepartmentScope departments;

    public static final int MAX_YEARS = 10;

    /**
     * The assessment years a document names ("2024,2025"): each 2000 … next year, at most {@link #MAX_YEARS}, sorted and
     * distinct; none when blank. 400 naming the form field {@code years} otherwise.
     */
    public static List<Integer> years(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        int last = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        for (String part : raw.split(",", -1)) {
            try {
                int y = Integer.parseInt(part.strip());
                if (y < 2000 || y > last) {
                    throw new NumberFormatException();
                }
                years.add(y);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("'years' lists the assessment years the document supports, comma-separated "
                        + "(2000 … " + last + "), not '" + raw + "'", List.of(new Problem.FieldError("years",
                        "'" + part.strip() + "' is not an assessment year 2000 … " + last)))
                        .typed(ProblemType.INVALID_FIELD).chinese("years 列出该文件佐证的评估年度，以逗号分隔（2000 … " + last + "），而不是 '" + raw + "'");
            }
        }
        if (years.size() > MAX_YEARS) {
            throw ProblemException.badRequest("a document names at most " + MAX_YEARS + " years",
                    List.of(new Problem.FieldError("years", "at most " + MAX_YEARS + " years")))
                    .typed(ProblemType.INVALID_FIELD).chinese("一个文件最多列出 " + MAX_YEARS + " 个年度");
        }
        return List.copyOf(years);
    }

    /** Checks the target before any byte is stored: region, indicator, item. */
    @Transactional
    public void checkTarget(String region, String indicator, String item, Caller caller) {
        regionScope.requireKnown(region);
        List<Problem.FieldError> errors = new ArrayList<>();
        IndicatorDefinitionEntity i = indicator == null ? null : IndicatorDefinitionEntity.findById(indicator);
        if (indicator == null || indicator.isBlank()) {
            errors.add(new Problem.FieldError("indicator", "is required: the indicator the document is evidence for"));
        } else if (i == null) {
            errors.add(new Problem.FieldError("indicator", "'" + indicator + "' is not an indicator of the published catalogue"));
        }
        if (item != null && i != null) {
            ItemDefinitionEntity it = ItemDefinitionEntity.findById(item);
            if (it == null || !it.indicatorCode.equals(i.code)) {
                errors.add(new Problem.FieldError("item", "'" + item + "' is not an item of indicator " + i.code));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.size() + " problem(s); nothing was stored", errors)
                    .chinese(errors.size() + " 处问题；未保存任何内容");
        }
        departments.requireIndicator(caller, region, indicator);
    }

    @Transactional
    public EvidenceEntity record(String region, String indicator, String item, List<Integer> years, String fileName,
            String mediaType, DocumentStorage.StoredObject stored, Caller caller) {
        checkTarget(region, indicator, item, caller);
        EvidenceEntity e = new EvidenceEntity();
        e.kind = EvidenceKind.DOCUMENT.name();
        e.state = caller.dataProvider() ? ReviewState.ACCEPTED.name() : ReviewState.SUBMITTED.name();
        e.region = region;
        e.indicator = indicator;
        e.item = item;
        e.department = caller.department();
        e.submittedBy = caller.user();
        e.fileName = fileName;
        e.mediaType = mediaType;
        e.sizeBytes = stored.size();
        e.sha256 = stored.sha256();
        e.storageKey = stored.key();
        e.years = years.isEmpty() ? null : String.join(",", years.stream().map(String::valueOf).toList());
        return ledger.create(e, caller.user());
    }
}
