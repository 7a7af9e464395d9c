package cn.nmsdz.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.util.List;

/**
 * The texts of the screens where people act — 部门工作台, 审核, 专家评审 and their evidence tables — in Chinese; their
 * English is in {@code messages/work_en.properties}. Templates read them as {@code {work:key}}, Java as
 * {@code Lang.bundle(WorkText.class).key()}. The 数据填报 workbook itself (sheet, headings, cells, file name) is an
 * official document and stays Chinese; only what a page says about it is here.
 */
@MessageBundle(value = "work", locale = "zh")
public interface WorkText {

    // ------------------------------------------------------------------ shared by the screens

    @Message("{#each parts}{it}{#if it_hasNext}；{/if}{/each}")
    String joined(List<String> parts);

    @Message("请选择")
    String choose();

    @Message("提交")
    String submit();

    @Message("指标")
    String indicator();

    @Message("材料")
    String evidence();

    @Message("符合")
    String meets();

    @Message("不符合")
    String does_not_meet();

    @Message("未能提交：{problem}")
    String not_submitted(String problem);

    // ------------------------------------------------------------------ 部门工作台

    @Message("已报送模板中的 {count} 项数据，等待审核。")
    String done_template(int count);

    @Message("文件已上传，等待审核。")
    String done_document();

    @Message("自评已提交，等待审核。")
    String done_claim();

    @Message("已提交，等待审核。")
    String done_figure();

    @Message("报送数据")
    String submit_figures();

    @Message("数据项")
    String metric();

    @Message("{name}（{unit}）")
    String metric_option(String name, String unit);

    @Message("统计年度")
    String statistical_year();

    @Message("数值")
    String value();

    @Message("例如 123.45")
    String value_example();

    @Message("数据来源")
    String source();

    @Message("例如 永川区统计局 2025年统计公报")
    String source_example();

    @Message("提交后由本地区审核人员审核，采纳后计入确认得分。")
    String figure_hint();

    @Message("用模板报送")
    String template_heading();

    @Message("下载本部门的数据填报模板（Excel），填写“{value}”和“{source}”后上传：全部无误才报送，有误的单元格逐一列出。")
    String template_hint(String value, String source);

    @Message("下载{year}年度数据填报模板")
    String template_download(int year);

    @Message("填好的模板（.xlsx）")
    String template_file();

    @Message("上传并报送")
    String upload_and_submit();

    @Message("上传证明材料")
    String upload_evidence();

    @Message("所证明的指标")
    String document_indicator();

    @Message("分项（可不填，例如 11.3）")
    String item_optional();

    @Message("支持的评估年度（可不填，例如 2024,2025）")
    String years_optional();

    @Message("文件（PDF、图片、Word、Excel 或文本，至多 8 MB；更大的文件请通过接口上传）")
    String document_file();

    @Message("上传")
    String upload();

    @Message("自评")
    String self_assessment();

    @Message("自评结论")
    String claim_result();

    @Message("已达到")
    String achieved();

    @Message("未达到")
    String not_achieved();

    @Message("说明")
    String explanation();

    @Message("提交自评")
    String submit_claim();

    @Message("本部门负责的指标（{year}年度）")
    String owned_heading(int year);

    @Message("暂无任务分解信息。")
    String no_decomposition();

    @Message("得分/满分")
    String points_of_max();

    @Message("时间节点")
    String due_date();

    @Message("已逾期")
    String overdue();

    @Message("已报送")
    String delivered();

    @Message("尚缺")
    String missing();

    @Message("退回{count}件")
    String returned_count(int count);

    @Message("我的报送")
    String my_submissions();

    @Message("年度须为整数，例如 {example}")
    String year_whole_number(int example);

    @Message("数值须为数字，例如 123.45")
    String value_not_number();

    @Message("请选择指标数据项")
    String choose_metric();

    @Message("请填写数据来源")
    String source_required();

    @Message("请选择填好的模板文件")
    String choose_template();

    @Message("文件无法读取")
    String file_unreadable();

    @Message("未报送任何数据：{problem}")
    String nothing_reported(String problem);

    @Message("未报送任何数据：{problem}（{cells}）")
    String nothing_reported_at(String problem, String cells);

    @Message("{cell}：{message}")
    String at_cell(String cell, String message);

    @Message("评估年度须为整数")
    String assessment_year_whole_number();

    @Message("请选择自评的指标")
    String choose_claim_indicator();

    @Message("请选择“已达到”或“未达到”")
    String choose_claim_result();

    @Message("未能提交自评：{problem}")
    String claim_not_submitted(String problem);

    @Message("请选择要上传的文件")
    String choose_document();

    @Message("请选择文件所证明的指标")
    String choose_document_indicator();

    @Message("未能上传：{problem}")
    String not_uploaded(String problem);

    @Message("无法读取该文件")
    String document_unreadable();

    // ------------------------------------------------------------------ 数据填报模板: what a page says of an upload

    @Message("文件中没有“{sheet}”工作表：请使用本页下载的模板")
    String template_no_sheet(String sheet);

    @Message("第2行应为表头“{headings}”：请使用本页下载的模板")
    String template_headings(String headings);

    @Message("一次至多报送 {max} 项数据")
    String template_too_many(int max);

    @Message("{cell}不能为空")
    String template_cell_empty(String cell);

    @Message("{cell}须为年份，而不是“{text}”")
    String template_cell_not_year(String cell, String text);

    @Message("{cell}须为数字，而不是“{text}”")
    String template_cell_not_number(String cell, String text);

    @Message("这不是可读的 Excel 工作簿（.xlsx）：请使用本页下载的模板")
    String template_not_xlsx();

    @Message("没有填写任何“{column}”")
    String template_no_values(String column);

    @Message("第{row}行“{column}”")
    String template_cell(int row, String column);

    @Message("第{row}行")
    String template_row(int row);

    // ------------------------------------------------------------------ 审核

    @Message("待审核材料")
    String review_queue();

    @Message("没有待审核的材料。")
    String queue_empty();

    @Message("报送部门")
    String submitting_department();

    @Message("审核")
    String review();

    @Message("本人提交，由其他审核人员审核")
    String own_submission();

    @Message("采纳")
    String accept();

    @Message("退回理由")
    String return_reason();

    @Message("退回")
    String return_evidence();

    @Message("已采纳。")
    String done_accepted();

    @Message("已退回。")
    String done_returned();

    @Message("无效的审核操作")
    String invalid_review();

    @Message("退回须填写理由")
    String return_reason_required();

    @Message("未能审核：{problem}")
    String not_reviewed(String problem);

    // ------------------------------------------------------------------ 专家评审

    @Message("地区")
    String region();

    @Message("待评审事项")
    String awaiting_heading();

    @Message("没有待评审的事项。")
    String nothing_awaiting();

    @Message("事项")
    String matter();

    @Message("评审")
    String verdict();

    @Message("查看材料")
    String show_evidence();

    @Message("分值（0–{max}）")
    String points_range(String max);

    @Message("意见")
    String comment();

    @Message("已提交的评审意见（{year}年度）")
    String given_heading(int year);

    @Message("整项评分（满分{max}）")
    String whole_indicator(String max);

    @Message("第{item}项：{text}")
    String item_label(String item, String text);

    @Message("评审意见已提交。")
    String done_verdict();

    @Message("年度须为整数")
    String year_not_whole_number();

    @Message("您没有被指派评审该地区")
    String not_assigned();

    @Message("请填写评审意见")
    String comment_required();

    @Message("分值须为数字")
    String points_not_number();

    @Message("请选择“符合”或“不符合”，或填写分值")
    String choose_verdict();

    @Message("{region} 指标{indicator}的材料")
    String evidence_title(String region, String indicator);

    @Message("返回专家评审")
    String back_to_expert();

    // ------------------------------------------------------------------ evidence tables

    @Message("暂无材料。")
    String no_evidence();

    @Message("类型")
    String kind();

    @Message("内容")
    String content();

    @Message("数值/结论")
    String value_or_verdict();

    @Message("来源/说明")
    String source_or_comment();

    @Message("状态")
    String state();

    @Message("提交时间")
    String submitted_at();

    @Message("理由：{reason}")
    String reason(String reason);

    @Message("{name}（{year}年）")
    String figure_what(String name, String year);

    @Message("指标{indicator}{#if item} 第{item}项{/if}{#if year}（{year}年）{/if}")
    String claim_what(String indicator, String item, String year);
}
