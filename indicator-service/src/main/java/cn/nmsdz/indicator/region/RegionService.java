package cn.nmsdz.indicator.region;

import cn.nmsdz.events.EventTypes;
import cn.nmsdz.events.Topics;
import cn.nmsdz.events.catalogue.RegionData;
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
