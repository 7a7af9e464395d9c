package cn.nmsdz.indicator.region;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.indicator.domain.region.RegionRows;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RefusalRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.nmsdz.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Creates or changes regions and announces every change on catalogue.events. */
@ApplicationScoped
public class RegionService {
    @Inject
    Outbox outbox;

    /**
     * All rows or none: every bad row is reported with its row number and nothing is stored.
     * Each stored region is announced like a single upsert.
     */
    @Transactional
    public List<RegionEntity> importRows(List<RegionRows.Row> rows) {
        RegionRows.Result result = RegionRows.check(rows, levels(), zones());
        if (!result.violations().isEmpty()) {
            throw new ProblemException(422, "Invalid regions", result.violations().size()
                    + " problem(s) found; nothing was imported",
                    result.violations().stream().map(v -> new Problem.FieldError(v.pointer(), v.message())).toList())
                    .typed(RefusalRule.REGION_DATA).chinese("发现 " + result.violations().size() + " 处问题；未导入任何地区");
        }
        List<RegionEntity> stored = new ArrayList<>();
        for (RegionRows.Checked r : result.rows()) {
            stored.add(upsert(new RegionData(r.code(), r.name(), r.level(), r.parentCode(), Zone.valueOf(r.zone()))));
        }
        return stored;
    }

    /** One region given on its own, checked by the rules of an import row; 400 naming every wrong field. */
    @Transactional
    public RegionEntity checkedUpsert(RegionData data) {
        RegionRows.Result result = RegionRows.checkOne(new RegionRows.Row(1, data.code(), data.name(), data.level(),
                data.parentCode(), data.zone() == null ? null : data.zone().name()), levels(), zones());
        if (!result.violations().isEmpty()) {
            throw ProblemException.badRequest("the region is invalid",
                    result.violations().stream().map(v -> new Problem.FieldError(v.pointer(), v.message())).toList())
                    .typed(RefusalRule.REGION_DATA).chinese("地区数据无效");
        }
        RegionRows.Checked r = result.rows().get(0);
        return upsert(new RegionData(r.code(), r.name(), r.level(), r.parentCode(), Zone.valueOf(r.zone())));
    }

    /** The level of every stored region, by code (CN → NATION). */
    private static Map<String, String> levels() {
        Map<String, String> levels = new HashMap<>();
        RegionEntity.<RegionEntity>listAll().forEach(r -> levels.put(r.code, r.level));
        return levels;
    }

    /** The zone of every stored region, by code. */
    private static Map<String, String> zones() {
        Map<String, String> zones = new HashMap<>();
        RegionEntity.<RegionEntity>listAll().forEach(r -> {
            if (r.zone != null) {
                zones.put(r.code, r.zone.name());
            }
        });
        return zones;
    }

    @Transactional
    public RegionEntity upsert(RegionData data) {
        RegionEntity entity = RegionEntity.findById(data.code());
        if (entity == null) {
            entity = new RegionEntity();
            entity.code = data.code();
        }
        entity.name = data.name();
        entity.level = data.level();
        entity.parentCode = data.parentCode();
        entity.zone = data.zone();
        entity.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        entity.persist();
        outbox.append(Topics.CATALOGUE, EventTypes.REGION_CHANGED, "/indicator-service", data.code(), data);
        return entity;
    }
}
