package cn.nmsdz.scoring.progress;

import cn.nmsdz.scoring.snapshot.SnapshotStore;
import cn.nmsdz.scoring.projection.CampaignProjectionEntity;
import cn.nmsdz.events.catalogue.FirstLevelNode;
import cn.nmsdz.events.catalogue.Indicator;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.SecondLevelNode;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.scoring.domain.model.IndicatorScore;
import cn.nmsdz.scoring.progress.ProgressBoard.Fact;
import cn.nmsdz.scoring.progress.ProgressBoard.IndicatorDef;
import cn.nmsdz.scoring.progress.ProgressBoard.Owners;
import cn.nmsdz.scoring.progress.ProgressViews.Board;
import cn.nmsdz.scoring.projection.CatalogueSystemEntity;
import cn.nmsdz.scoring.projection.DecompositionDepartmentEntity;
import cn.nmsdz.scoring.projection.DecompositionEntryEntity;
import cn.nmsdz.scoring.projection.EvidenceFactEntity;
import cn.nmsdz.scoring.snapshot.Snapshot;
import cn.nmsdz.scoring.snapshot.SnapshotEntity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Loads what the board is computed from (projection, latest snapshot, campaign) and computes it. */
@ApplicationScoped
public class ProgressService {
    /** Due dates are days of the regions' calendar. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    @Transactional
    public Board board(String region, int year) {
        return board(region, year, today());
    }

    @Transactional
    public Board board(String region, int year, LocalDate asOf) {
        List<IndicatorDef> defs = new ArrayList<>();
        CatalogueSystemEntity.current().map(CatalogueSystemEntity::system).ifPresent(system -> defs.addAll(defs(system)));
        SnapshotEntity latest = SnapshotEntity.<SnapshotEntity>find("region = ?1 and year = ?2", Sort.descending("number"),
                region, year).firstResult();
        Map<String, IndicatorScore> confirmed = new HashMap<>();
        Map<String, IndicatorScore> projected = new HashMap<>();
        Snapshot snapshot = latest == null ? null : SnapshotStore.read(latest);
        if (snapshot != null) {
            snapshot.confirmed().indicators().forEach(i -> confirmed.put(i.code(), i));
            snapshot.projected().indicators().forEach(i -> projected.put(i.code(), i));
        }
        List<Fact> facts = EvidenceFactEntity.<EvidenceFactEntity>list("region", region).stream()
                .filter(f -> f.year == null || f.year == year || f.year == year - 1) // the assessment window Y−1, Y
                .map(f -> new Fact(f.indicator, f.item, f.department, f.state)).toList();
        List<Owners> owners = DecompositionEntryEntity.<DecompositionEntryEntity>list("region", region).stream()
                .map(e -> new Owners(e.indicator, read(e.tasks).stream().map(String::valueOf).toList(), strings(e.leadUnits),
                        strings(e.responsibleUnits))).toList();
        Map<String, String> names = DecompositionDepartmentEntity.<DecompositionDepartmentEntity>list("region", region).stream()
                .collect(Collectors.toMap(d -> d.code, d -> d.name, (a, b) -> a));
        Map<String, OffsetDateTime> activity = DepartmentActivityEntity.<DepartmentActivityEntity>list("region", region)
                .stream().collect(Collectors.toMap(a -> a.department, a -> a.lastAt, (a, b) -> a));
        return ProgressBoard.compute(new ProgressBoard.Inputs(region, year, asOf, defs,
                latest == null ? null : latest.number, confirmed, projected,
                snapshot == null ? null : snapshot.confirmed().total(), snapshot == null ? null : snapshot.projected().total(),
                snapshot == null ? null : snapshot.confirmed().verdict().passed(), facts, owners, names,
                CampaignProjectionEntity.of(region), activity));
    }

    static List<IndicatorDef> defs(IndicatorSystemDocument system) {
        List<IndicatorDef> defs = new ArrayList<>();
        for (FirstLevelNode f : system.firstLevel()) {
            for (SecondLevelNode s : f.children()) {
                for (Indicator i : s.indicators()) {
                    defs.add(new IndicatorDef(i.code(), i.name(), i.maxPoints()));
                }
            }
        }
        return defs;
    }

    private static List<Object> read(String json) {
        try {
            return json == null ? List.of() : EventEnvelope.JSON.readValue(json, new TypeReference<List<Object>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static List<String> strings(String json) {
        return read(json).stream().map(String::valueOf).toList();
    }
}
