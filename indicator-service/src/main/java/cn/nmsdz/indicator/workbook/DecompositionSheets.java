package cn.nmsdz.indicator.workbook;

import cn.nmsdz.indicator.organisation.CampaignService;
import cn.nmsdz.indicator.organisation.DecompositionService;
import cn.nmsdz.indicator.organisation.RegionOrganisations;
import cn.nmsdz.indicator.region.RegionEntity;
import cn.nmsdz.support.rest.Problem;
import cn.nmsdz.support.rest.ProblemException;
import cn.nmsdz.support.rest.RefusalRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;

/**
 * The 任务分解表 as an Excel file in and out: the workbook ({@link DecompositionWorkbook}, Apache POI) on one side,
 * the organisation services on the other, which know nothing of files.
 */
@ApplicationScoped
public class DecompositionSheets {
    @Inject
    RegionOrganisations organisations;

    @Inject
    DecompositionService decomposition;

    @Inject
    CampaignService campaign;

    /** The 任务分解表 of the region as an .xlsx workbook. */
    public byte[] exportSheet(String region) {
        RegionEntity r = organisations.region(region);
        return DecompositionWorkbook.export(organisations.system(), organisations.organisation(region), r.name,
                campaign.schedules(region), campaign.tasks(region));
    }

    /**
     * Imports a 任务分解表: the sheet becomes the region's whole decomposition (indicators without a
     * row, or with an empty row, lose their entry). All or nothing; every problem by row.
     */
    @Transactional
    public void importSheet(String region, InputStream in) {
        organisations.region(region);
        DecompositionWorkbook.Result result = DecompositionWorkbook.read(in, organisations.system(),
                organisations.organisation(region), campaign.stages(region));
        if (!result.violations().isEmpty()) {
            throw new ProblemException(422, "Invalid 任务分解表", result.violations().size()
                    + " problem(s) found; nothing was imported",
                    result.violations().stream().map(v -> new Problem.FieldError(v.pointer(), v.message())).toList())
                    .typed(RefusalRule.DECOMPOSITION).chinese("任务分解表中发现 " + result.violations().size() + " 处问题；未导入任何内容");
        }
        decomposition.replaceAll(region, result.entries());
        // the sheet's 时间节点/责任人员/推进阶段 columns: only a sheet that has them changes the schedules (an old file keeps them)
        campaign.applySheet(region, result.schedules(), result.tasks());
    }
}
