package cn.nmsdz.scoring.report;

import cn.nmsdz.scoring.snapshot.SnapshotCalculator;
import cn.nmsdz.scoring.snapshot.SnapshotStore;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.scoring.explain.SnapshotRenderer;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.DecompositionDepartmentEntity;
import cn.nmsdz.scoring.projection.DecompositionEntryEntity;
import cn.nmsdz.scoring.projection.EvidenceFactEntity;
import cn.nmsdz.scoring.projection.CampaignProjectionEntity;
import cn.nmsdz.scoring.explain.Gaps;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import cn.nmsdz.support.rest.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The report files of scoring-service, built from what it already projects (no call to another service). */
@ApplicationScoped
public class Reports {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    SnapshotCalculator calculator;

    @Inject
    SnapshotRenderer renderer;

    @Inject
    Gaps gaps;

    /** The scorecard workbook of a stored snapshot, its explanations in the language asked for. */
    public byte[] scorecard(SnapshotEntity entity, Language language) {
        Snapshot s = renderer.render(SnapshotStore.readToRender(entity), language, () -> calculator.recompute(entity).recomputed());
        IndicatorSystemDocument system = CatalogueSystemEntity.<CatalogueSystemEntity>findByIdOptional(
                        new CatalogueSystemEntity.Key(entity.systemCode, entity.systemVersion))
                .orElseThrow(() -> new IllegalStateException("catalogue " + entity.systemCode + " v" + entity.systemVersion
                        + " is not in the projection"))
                .system();
        return ScorecardWorkbook.write(s, system, owners(entity.region));
    }

    /** The gaps workbook of the latest snapshot of a region and year. */
    public byte[] gaps(String region, int year, String regionName, Language language) {
        return GapsWorkbook.write(gaps.view(region, year, language), regionName);
    }

    /** The 自评报告 draft of the latest snapshot of a region and year (see SelfEvaluationDocument). */
    public byte[] selfEvaluation(SnapshotEntity entity) {
        Snapshot s = renderer.render(SnapshotStore.readToRender(entity), Language.ZH, () -> calculator.recompute(entity).recomputed());
        IndicatorSystemDocument system = CatalogueSystemEntity.<CatalogueSystemEntity>findByIdOptional(
                        new CatalogueSystemEntity.Key(entity.systemCode, entity.systemVersion))
                .orElseThrow(() -> new IllegalStateException("catalogue " + entity.systemCode + " v" + entity.systemVersion
                        + " is not in the projection"))
                .system();
        Map<String, String> names = DecompositionDepartmentEntity.<DecompositionDepartmentEntity>list("region", entity.region)
                .stream().collect(Collectors.toMap(d -> d.code, d -> d.name, (a, b) -> a));
        // the evidence of the region for this year (documents serve every year), withdrawn pieces left out
        List<SelfEvaluationDocument.Evidence> evidence = EvidenceFactEntity.<EvidenceFactEntity>list(
                        "region = ?1 and state <> 'WITHDRAWN' and (year is null or year = ?2 or kind = 'OBSERVATION')"
                                + " order by position", entity.region, entity.year).stream()
                .map(f -> new SelfEvaluationDocument.Evidence(f.evidenceId, f.kind, f.state, f.indicator, f.item,
                        f.department, f.metric, f.year, f.value, f.subject, f.source, f.fileName, f.sha256, f.satisfied, f.points,
                        f.comment))
                .toList();
        return SelfEvaluationDocument.write(new SelfEvaluationDocument.Content(s, system,
                CampaignProjectionEntity.of(entity.region), names, owners(entity.region), evidence,
                gaps.view(entity.region, entity.year, Language.ZH)));
    }

    /** Lead and responsible units of each indicator from the projected decomposition, by name. */
    Map<String, ScorecardWorkbook.Owners> owners(String region) {
        Map<String, String> names = DecompositionDepartmentEntity.<DecompositionDepartmentEntity>list("region", region)
                .stream().collect(Collectors.toMap(d -> d.code, d -> d.name, (a, b) -> a));
        Map<String, ScorecardWorkbook.Owners> owners = new HashMap<>();
        for (DecompositionEntryEntity e : DecompositionEntryEntity.<DecompositionEntryEntity>list("region", region)) {
            owners.put(e.indicator, new ScorecardWorkbook.Owners(names(e.leadUnits, names), names(e.responsibleUnits, names)));
        }
        return owners;
    }

    private static List<String> names(String json, Map<String, String> names) {
        return Gaps.departments(json, names).stream().map(d -> d.name() == null ? d.code() : d.name()).toList();
    }
}
