package cn.nmsdz.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the screens about points: 创建总览, 指标详情, 省级看板 and 指标体系 (with its confirmation), in Chinese;
 * their English is in {@code messages/score_en.properties}. Templates read them as {@code {score:key}}, Java as
 * {@code Lang.bundle(ScoreText.class).key()}. The frame's words (menu names, 评估年度, 查看) come from {@link Msg}.
 */
@MessageBundle(value = "score", locale = "zh")
public interface ScoreText {

    // ------------------------------------------------------------------ shared by the screens

    /** A heading's region and year: 永川区（2025年度）. */
    @Message("{region}（{year}年度）")
    String region_year(String region, int year);

    @Message("确认得分")
    String confirmed_points();

    @Message("预计得分")
    String projected_points();

    @Message("达标")
    String passes();

    @Message("未达标")
    String fails();

    @Message("是否达标")
    String passes_question();

    @Message("达标线 85分")
    String pass_line();

    /** The pass line's label on a chart of totals (short: it sits right of the chart's plot). */
    @Message("达标线 85分")
    String chart_pass_line();

    @Message("（{text}）")
    String in_parens(String text);

    // ------------------------------------------------------------------ 创建总览

    @Message("第{number}次评分，{at}；")
    String scored_at(long number, String at);

    @Message("查看指标详情")
    String see_indicators();

    @Message("下载：")
    String download();

    @Message("评分表（Excel）")
    String report_scorecard();

    @Message("失分项清单（Excel）")
    String report_gaps();

    @Message("自评报告初稿（Word）")
    String report_self_evaluation();

    @Message("督查通报（Excel）")
    String report_progress();

    @Message("申报：{state}")
    String application(String state);

    /** Opens the link after the application's state: （去申报）. */
    @Message("（")
    String link_open();

    @Message("）")
    String link_close();

    @Message("去申报")
    String apply();

    @Message("查看办理经过")
    String application_history();

    @Message("达标线 85分，还差 {gap}")
    String pass_line_gap(String gap);

    @Message("预计得分（含待审核材料和自评）")
    String projected_with_pending();

    @Message("结论")
    String verdict();

    @Message("结论理由")
    String reasons();

    @Message("一级指标得分率（达标线 75%）")
    String first_level_rates();

    @Message("五个一级指标的得分率")
    String first_level_rates_chart();

    /** The pass line on the chart of first-level rates (short: it sits right of the chart's plot). */
    @Message("达标 75%")
    String rate_line();

    @Message("一级指标")
    String first_level();

    @Message("得分")
    String points();

    @Message("满分")
    String max_points();

    @Message("得分率")
    String rate();

    @Message("本年度得分走势")
    String trend();

    @Message("本年度各次评分的总分走势")
    String trend_chart();

    /** A scoring on the trend's axis: 第3次 2026年11月27日. */
    @Message("第{number}次 {date}")
    String trend_label(long number, String date);

    @Message("失分最多的指标")
    String gaps();

    @Message("没有失分的指标。")
    String no_gaps();

    @Message("指标")
    String indicator();

    @Message("失分")
    String points_lost();

    @Message("得分/满分")
    String points_of_max();

    @Message("状态")
    String state();

    @Message("牵头单位")
    String lead_unit();

    @Message("时间节点")
    String due_dates();

    @Message("时间节点")
    String due_date();

    @Message("尚未安排时间节点。")
    String no_due_dates();

    @Message("已逾期")
    String overdue();

    @Message("未到期")
    String not_due();

    @Message("{region}{year}年度还没有评分：提交并审核通过材料后，这里显示得分。")
    String no_snapshot_overview(String region, int year);

    // ------------------------------------------------------------------ 指标详情

    @Message("{region}{year}年度还没有评分。")
    String no_snapshot(String region, int year);

    @Message("第{number}次评分，确认得分 {total}。点击指标查看评分说明、材料和责任单位。")
    String indicators_intro(long number, String total);

    @Message("{code} {name}：{points} / {max}（得分率 {rate}）")
    String first_level_heading(String code, String name, String points, String max, String rate);

    @Message("{code} {name}：{points} / {max}")
    String second_level_heading(String code, String name, String points, String max);

    @Message("预计 {points}")
    String projected_short(String points);

    @Message("缺少：{text}")
    String missing(String text);

    @Message("打分标准：{text}")
    String standard(String text);

    @Message("牵头单位：{lead}；责任单位：{responsible}")
    String units(String lead, String responsible);

    @Message("查看材料")
    String see_evidence();

    // ------------------------------------------------------------------ 省级看板

    @Message("有 {count} 份申报等待本级决定：")
    String awaiting(int count);

    @Message("去申报审核")
    String to_decisions();

    @Message("层级")
    String level();

    @Message("区县")
    String level_county();

    @Message("地市")
    String level_city();

    @Message("各地区确认得分")
    String board_chart();

    @Message("地区")
    String region();

    /** A first-level indicator's rate as a column: A得分率. */
    @Message("{code}得分率")
    String rate_of(String code);

    @Message("申报状态")
    String application_state();

    @Message("尚未评分（尚无材料）")
    String not_scored();

    /** The total among what fails the pass standard (beside first-level indicators A–E). */
    @Message("总分")
    String total();

    // ------------------------------------------------------------------ 指标体系

    @Message("体系")
    String system();

    @Message("版本")
    String version();

    @Message("名称")
    String name();

    @Message("发布时间")
    String published_at();

    @Message("操作")
    String actions();

    @Message("第{version}版")
    String version_no(int version);

    @Message("发布")
    String publish();

    @Message("停用")
    String retire();

    @Message("版本比较")
    String compare_versions();

    @Message("从")
    String from();

    @Message("到")
    String to();

    @Message("比较")
    String compare();

    @Message("两个版本没有差异。")
    String no_diff();

    @Message("位置")
    String diff_where();

    @Message("变化")
    String diff_change();

    @Message("内容")
    String diff_content();

    @Message("草稿")
    String status_draft();

    @Message("已发布")
    String status_published();

    @Message("已停用")
    String status_retired();

    @Message("已发布。")
    String published();

    @Message("已停用。")
    String retired();

    @Message("无法比较：{problem}")
    String cannot_compare(String problem);

    @Message("未能发布：{problem}")
    String publish_failed(String problem);

    @Message("未能停用：{problem}")
    String retire_failed(String problem);

    @Message("体系")
    String part_system();

    @Message("合格标准")
    String part_pass_standard();

    @Message("指标")
    String part_nodes();

    @Message("分项")
    String part_items();

    @Message("评分规则")
    String part_rules();

    @Message("数据项")
    String part_metrics();

    @Message("新增")
    String change_added();

    @Message("删除")
    String change_removed();

    @Message("修改")
    String change_changed();

    @Message("确认")
    String confirm();

    @Message("确认发布第{version}版指标体系")
    String confirm_publish_heading(int version);

    @Message("确认停用第{version}版指标体系")
    String confirm_retire_heading(int version);

    @Message("发布后，所有地区按新版本重新评分。此操作会记录在案。")
    String publish_note();

    @Message("停用后，该版本不再用于评分。此操作会记录在案。")
    String retire_note();

    @Message("确认发布")
    String confirm_publish();

    @Message("确认停用")
    String confirm_retire();

    @Message("取消")
    String cancel();
}
