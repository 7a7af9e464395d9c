package cn.nmsdz.indicator.seed;

import cn.nmsdz.events.catalogue.RegionCodes;
import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.envelope.EventEnvelope;
import cn.nmsdz.indicator.catalogue.CatalogueService;
import cn.nmsdz.indicator.catalogue.IndicatorSystemEntity;
import cn.nmsdz.indicator.organisation.OrganisationSeeding;
import cn.nmsdz.indicator.organisation.RegionSeed;
import cn.nmsdz.indicator.region.RegionEntity;
import cn.nmsdz.indicator.region.RegionService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On the first start of a fresh installation: publishes the official indicator system shipped
 * in the project and the seed regions (the nation, 重庆市 → 永川区, 山西省 → 运城市 → 平陆县), then the
 * departments, creation plan and task decomposition of 永川区 and 平陆县 from their seed files.
 */
@ApplicationScoped
public class SeedLoader {
    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    static final List<RegionData> SEED_REGIONS = List.of(
            new RegionData(RegionCodes.NATION, "中华人民共和国", "NATION", null, null),
            new RegionData("500000", "重庆市", "PROVINCE", RegionCodes.NATION, Zone.WEST),
            new RegionData("500118", "永川区", "COUNTY", "500000", Zone.WEST),
            new RegionData("140000", "山西省", "PROVINCE", RegionCodes.NATION, Zone.CENTRAL),
            new RegionData("140800", "运城市", "CITY", "140000", Zone.CENTRAL),
            new RegionData("140829", "平陆县", "COUNTY", "140800", Zone.CENTRAL));

    @Inject
    CatalogueService catalogue;

    @Inject
    RegionService regions;

    @Inject
    OrganisationSeeding organisation;

    @ConfigProperty(name = "nmsdz.seed.catalogue")
    String catalogueResource;

    @ConfigProperty(name = "nmsdz.seed.regions")
    List<String> regionSeeds;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (IndicatorSystemEntity.count() == 0) {
            IndicatorSystemDocument official = readCatalogue();
            catalogue.importDraft(official);
            catalogue.publish(official.code(), official.version());
            LOG.infof("published the official indicator system %s v%d", official.code(), official.version());
        }
        if (RegionEntity.count() == 0) {
            SEED_REGIONS.forEach(regions::upsert);
            LOG.infof("loaded %d seed regions", SEED_REGIONS.size());
        }
        // departments, plan and decomposition of each seed region, once per region
        for (String resource : regionSeeds) {
            RegionSeed seed = RegionSeed.read(resource.strip());
            if (organisation.loadSeed(seed)) {
                LOG.infof("loaded departments, plan and decomposition of %s %s from %s", seed.region().code(),
                        seed.region().name(), resource);
            }
        }
    }

    IndicatorSystemDocument readCatalogue() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(catalogueResource)) {
            if (in == null) {
                throw new IllegalStateException("catalogue resource " + catalogueResource + " is missing");
            }
            return EventEnvelope.JSON.readValue(in, IndicatorSystemDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
