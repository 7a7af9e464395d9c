package cn.nmsdz.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.util.List;

/**
 * The texts of 创建进度 (a region's campaign and a department's page), 申报, 申报审核 and 消息, in Chinese; their
 * English is in {@code messages/campaign_en.properties}. Templates read them as {@code {campaign:key}}, Java as
 * {@code Lang.bundle(CampaignText.class).key()}.
 * <p>
 * A message never holds markup (its output is escaped) and its English never begins or ends with a space (the
 * properties file's values are stripped): where an English sentence runs on into a {@code <span>}, the template adds
 * the space with {@code {#if viewer.english} {/if}}.
 */
@MessageBundle(value = "campaign", locale = "zh")
public interface CampaignText {

    // ------------------------------------------------------------------ shared

    @Message("{name}（{year}年度）")
    String name_year(String name, int year);

    @Message("。")
    String stop();

    @Message("指标")
    String indicator();

    @Message("状态")
    String state();

    @Message("得分/满分")
    String points_max();

    @Message("时间节点")
    String due_date();

    @Message("已逾期")
    String overdue_mark();

    @Message("未安排")
    String not_scheduled();

    @Message("达标")
    String passes();

    @Message("未达标")
    String fails();

    @Message("时间")
    String th_time();

    @Message("地区")
    String th_region();

    // ------------------------------------------------------------------ 创建进度

    @Message("截至 {date}：")
    String as_of_label(String date);

    @Message("{count} 项指标已逾期")
    String overdue_count(long count);

    @Message("没有逾期的指标")
    String no_overdue();

    @Message("下载督查通报（Excel）")
    String download_bulletin();

    @Message("发送催办提醒")
    String send_reminders();

    @Message("逾期和即将到期的事项通知牵头部门和创建办（站内消息和订阅的推送地址）；每天 8:00 也会自动提醒。")
    String reminders_hint();

    @Message("部门进展")
    String department_progress();

    @Message("尚未分解任务：还没有部门承担指标。")
    String no_departments();

    @Message("部门")
    String th_department();

    @Message("承担指标")
    String th_owned();

    @Message("可得分")
    String th_possible();

    @Message("确认得分")
    String th_confirmed();

    @Message("失分")
    String th_lost();

    @Message("逾期")
    String th_overdue();

    @Message("待审核")
    String th_awaiting();

    @Message("退回待重报")
    String th_redo();

    @Message("最近报送")
    String th_last();

    @Message("尚未报送")
    String nothing_submitted();

    @Message("时间节点和责任人")
    String schedule_heading();

    @Message("尚未划分创建阶段：时间节点可以是任何日期。")
    String no_stages();

    /** The stages, each as {@link #stage_span}. */
    @Message("创建阶段：{#each stages}{it}{#if it_hasNext}；{/if}{/each}；时间节点须在阶段之内。")
    String stages_are(List<String> stages);

    @Message("{name}（{from}—{to}）")
    String stage_span(String name, String from, String to);

    @Message("修改创建阶段")
    String edit_stages();

    @Message("阶段名称")
    String stage_name();

    @Message("开始日期")
    String starts_on();

    @Message("结束日期")
    String ends_on();

    @Message("清空名称和日期即删除该阶段；空行用于新增阶段。")
    String stages_hint();

    @Message("保存创建阶段")
    String save_stages();

    @Message("牵头单位")
    String lead_unit();

    @Message("责任人")
    String responsible_person();

    @Message("（{stage}）")
    String in_stage(String stage);

    @Message("修改")
    String edit();

    @Message("阶段")
    String stage();

    @Message("（不限）")
    String any_stage();

    @Message("{unit}：")
    String unit_label(String unit);

    @Message("电话")
    String phone();

    @Message("保存")
    String save();

    /** A responsible person with a phone number. */
    @Message("{name}（{phone}）")
    String person_phone(String name, String phone);

    @Message("已保存指标{indicator}的时间节点和责任人。")
    String schedule_saved(String indicator);

    @Message("已保存创建阶段。")
    String stages_saved();

    @Message("已发出 {count} 条催办提醒（逾期和即将到期的事项，通知牵头部门和创建办）。")
    String reminders_sent(int count);

    @Message("没有需要新发的催办提醒（同一事项每天最多提醒一次）。")
    String no_reminders();

    @Message("请求无效：请从列表中选择指标。")
    String bad_indicator();

    @Message("指标{indicator}的时间节点须为日期，例如 {example}。")
    String due_not_a_date(String indicator, String example);

    @Message("指标{indicator}：填写了电话的单位须同时填写责任人姓名。")
    String phone_without_person(String indicator);

    @Message("未能保存指标{indicator}的时间节点：{problem}")
    String schedule_not_saved(String indicator, String problem);

    @Message("第{number}个阶段：填写了日期，请同时填写阶段名称（清空名称和日期即删除该阶段）。")
    String stage_without_name(int number);

    @Message("阶段“{name}”须有开始和结束日期。")
    String stage_without_dates(String name);

    @Message("阶段“{name}”的结束日期不得早于开始日期。")
    String stage_ends_before_start(String name);

    @Message("未能保存创建阶段：{problem}")
    String stages_not_saved(String problem);

    @Message("未能发出催办提醒：{problem}")
    String reminders_not_sent(String problem);

    // ------------------------------------------------------------------ a department

    @Message("返回创建进度")
    String back_to_campaign();

    @Message("可得分 {points}")
    String points_possible(String points);

    @Message("失分 {points}")
    String points_lost(String points);

    @Message("待审核 {awaiting}，退回待重报 {redo}")
    String awaiting_and_redo(int awaiting, int redo);

    @Message("截至 {date}")
    String as_of(String date);

    @Message("联络员")
    String liaisons();

    @Message("尚未指定联络员。")
    String no_liaison();

    @Message("修改联络员")
    String edit_liaisons();

    @Message("姓名")
    String liaison_name();

    @Message("办公电话")
    String office_phone();

    @Message("其他联系方式")
    String other_contact();

    @Message("清空一行即删除该联络员；空行用于新增。每位联络员须有办公电话或其他联系方式。")
    String liaisons_hint();

    @Message("保存联络员")
    String save_liaisons();

    @Message("尚未报送材料的指标")
    String to_deliver();

    @Message("承担的指标都已报送材料。")
    String nothing_to_deliver();

    @Message("承担的全部指标")
    String all_owned();

    @Message("已保存联络员。")
    String liaisons_saved();

    @Message("第{row}行：请填写联络员姓名。")
    String liaison_without_name(int row);

    @Message("联络员“{name}”须有办公电话或其他联系方式。")
    String liaison_without_contact(String name);

    @Message("未能保存联络员：{problem}")
    String liaisons_not_saved(String problem);

    // ------------------------------------------------------------------ 申报

    @Message("申报状态：")
    String application_state_label();

    @Message("申报依据：第{number}次评分，确认得分 {total}，")
    String frozen_basis(long number, String total);

    @Message("（未达标仍申请评审）")
    String review_anyway_note();

    @Message("；首次申报于 {at}。")
    String first_applied(String at);

    @Message("申报后已有新的评分（第{latest}次，确认得分 {total}）；申报仍以冻结的第{frozen}次评分为准")
    String changed(long latest, String total, long frozen);

    @Message("，重新申报将冻结最新评分")
    String changed_returned();

    @Message("办理经过")
    String history();

    @Message("环节")
    String th_step();

    @Message("办理人")
    String th_by();

    @Message("结果")
    String th_result();

    @Message("依据评分")
    String th_basis();

    @Message("理由")
    String th_reason();

    /** Who decides a step, and where: 市级（运城市）. */
    @Message("{level}（{region}）")
    String level_region(String level, String region);

    @Message("第{number}次")
    String scoring_no(long number);

    @Message("本级决定")
    String own_decision();

    @Message("决定理由（必填，记入办理经过）")
    String decision_reason();

    @Message("等待{who}决定。")
    String waiting_for(String who);

    @Message("{region}尚未申报{year}年度。")
    String not_applied(String region, int year);

    @Message("重新申报")
    String apply_again();

    @Message("申报")
    String apply();

    @Message("申报将冻结本年度最新的评分（第{number}次，确认得分 {total}，")
    String apply_freezes(long number, String total);

    @Message("）：此后新增的材料不改变申报的得分。")
    String apply_freezes_end();

    @Message("未达标仍申请评审")
    String review_anyway();

    @Message("申报说明")
    String apply_note();

    @Message("申报说明（未达标仍申请评审时必填）")
    String apply_note_required();

    @Message("提交申报")
    String submit_application();

    @Message("本年度尚无评分，还不能申报：请先提交并审核材料。")
    String cannot_apply();

    @Message("已申报，等待上级审核推荐。")
    String applied();

    @Message("已决定：{state}。")
    String decided(String state);

    @Message("未能申报：{problem}")
    String apply_failed(String problem);

    @Message("请求无效：请从申报页面选择决定。")
    String bad_decision();

    @Message("请填写决定理由（不超过 {max} 字）。")
    String reason_required(int max);

    @Message("未能{decision}：{problem}")
    String decision_failed(String decision, String problem);

    // ------------------------------------------------------------------ 申报审核

    @Message("下级地区等待本级决定的申报（推荐、退回、命名、复核），各年度，新者在前。")
    String decisions_intro();

    @Message("没有等待本级决定的申报。")
    String nothing_awaiting();

    @Message("年度")
    String th_year();

    @Message("申报状态")
    String th_application_state();

    @Message("申报得分")
    String th_application_points();

    @Message("是否达标")
    String th_passes();

    @Message("更新时间")
    String th_updated();

    @Message("可作决定")
    String th_decisions();

    // ------------------------------------------------------------------ 消息

    @Message("逾期和即将到期的事项、被退回的材料、待审核和待专家评审的事项、申报的进展和待决定的申报，按本人的部门和角色送达，新者在前。")
    String messages_intro();

    @Message("查看全部消息")
    String all_messages();

    @Message("只看未读")
    String unread_only();

    @Message("全部标为已读（{unread}条未读）")
    String mark_all_read(long unread);

    @Message("没有未读消息。")
    String no_unread();

    @Message("还没有消息。")
    String no_messages();

    @Message("类型")
    String th_type();

    @Message("内容")
    String th_content();

    @Message("已读")
    String read();

    @Message("标为已读")
    String mark_read();

    @Message("已标为已读。")
    String marked_read();

    // ------------------------------------------------------------------ plan tasks (实施方案的任务和措施)

    @Message("实施方案任务")
    String tasks_heading();

    @Message("创建实施方案的任务和保障措施：时间节点、目标值和当前进度。有目标值的任务达到目标即完成，没有目标值的任务在关联指标全部满分时完成。")
    String tasks_intro();

    @Message("尚未录入创建实施方案。")
    String no_tasks();

    @Message("任务")
    String task();

    @Message("目标")
    String target();

    @Message("任务{number}")
    String task_label(int number);

    @Message("措施{number}")
    String measure_label(int number);

    @Message("{current} / {target} {unit}")
    String target_progress(String current, String target, String unit);

    @Message("当前值")
    String current_value();

    @Message("目标值")
    String target_value();

    @Message("单位")
    String target_unit();

    @Message("已完成")
    String task_done();

    @Message("推进中")
    String task_on_track();

    @Message("已逾期")
    String task_overdue();

    @Message("已保存{label}的时间节点和目标。")
    String task_saved(String label);

    @Message("没有这项任务。")
    String bad_task();

    @Message("{label}的时间节点须为日期，例如 {example}。")
    String task_due_not_a_date(String label, String example);

    @Message("{label}的{field}须为数字，例如 5 或 2.5。")
    String task_not_a_number(String label, String field);

    @Message("{label}未保存：{problem}")
    String task_not_saved(String label, String problem);

    // ------------------------------------------------------------------ leadership group (领导小组)

    @Message("领导小组")
    String leadership_heading();

    @Message("尚未录入领导小组。")
    String no_leadership();

    @Message("修改领导小组")
    String edit_leadership();

    @Message("名单标题")
    String group_title();

    @Message("组内职务")
    String member_role();

    @Message("姓名")
    String member_person();

    @Message("职务")
    String member_position();

    @Message("所在单位")
    String member_unit();

    @Message("组长")
    String role_head();

    @Message("副组长")
    String role_deputy();

    @Message("成员")
    String role_member();

    @Message("清空姓名即删除该成员；空行用于新增成员。自评报告按此名单写明领导小组。")
    String leadership_hint();

    @Message("领导小组办公室")
    String office_heading();

    @Message("办公室职责")
    String office_text();

    @Message("设在")
    String office_unit();

    @Message("主任")
    String office_director();

    @Message("联络人")
    String office_liaison();

    @Message("领导小组办公室{#if unit}设在{unit}{/if}{#if director}，主任：{director}{/if}{#if liaison}，联络人：{liaison}{/if}")
    String office_line(String unit, String director, String liaison);

    @Message("保存领导小组")
    String save_leadership();

    @Message("已保存领导小组。")
    String leadership_saved();

    @Message("名单须有标题。")
    String leadership_without_title();

    @Message("第{row}行有职务或单位，但没有姓名。")
    String member_without_name(int row);

    @Message("领导小组未保存：{problem}")
    String leadership_not_saved(String problem);

    @Message("领导小组和办公室")
    String leadership_link();
}
