package cn.nmsdz.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The workspace's common texts (the frame of every page, the menu, the error pages), in Chinese; their English is in
 * {@code messages/msg_en.properties}. Templates read them as {@code {msg:key}}, Java as {@code Lang.msg().key()}. Each
 * group of screens keeps its own bundle beside it ({@code WorkText}, {@code ScoreText}, {@code CampaignText}).
 */
@MessageBundle(value = "msg", locale = "zh")
public interface Msg {

    @Message("示范区创建评估")
    String product();

    @Message("全国网络市场监管与服务示范区 · 创建工作台")
    String brand();

    @Message("工作台")
    String workspace();

    @Message("退出登录")
    String sign_out();

    @Message("功能菜单")
    String menu();

    @Message("创建总览")
    String menu_overview();

    @Message("指标详情")
    String menu_indicators();

    @Message("创建进度")
    String menu_campaign();

    @Message("申报")
    String menu_applications();

    @Message("部门工作台")
    String menu_workbench();

    @Message("审核")
    String menu_review();

    @Message("专家评审")
    String menu_expert();

    @Message("省级看板")
    String menu_board();

    @Message("申报审核")
    String menu_decisions();

    @Message("指标体系")
    String menu_catalogue();

    @Message("消息")
    String menu_messages();

    @Message("评估年度")
    String assessment_year();

    @Message("{year}年")
    String year(int year);

    @Message("{year}年度")
    String year_of_assessment(int year);

    @Message("查看")
    String show();

    @Message("无可用功能")
    String none_title();

    @Message("您的账号（{username}）没有可使用的工作台功能。请联系管理员分配角色和所属地区。")
    String none_text(String username);

    @Message("已退出登录")
    String signed_out_title();

    @Message("您已退出登录")
    String signed_out();

    @Message("重新登录")
    String sign_in_again();

    @Message("无法显示")
    String error_title();

    @Message("无法显示此页面")
    String error_heading();

    @Message("返回首页")
    String back_home();

    @Message("您的角色不能使用此功能。")
    String error_forbidden();

    @Message("没有这个页面：地址有误或已不存在，请从菜单进入。")
    String error_not_found();

    @Message("请求无效。")
    String error_bad_request();

    @Message("页面暂时无法显示，请稍后再试。")
    String error_unexpected();

    @Message("请求失败（{status}）")
    String request_failed(int status);

    @Message("服务暂时无法访问，请稍后再试")
    String service_unavailable();

    @Message("请求被中断")
    String request_interrupted();

    @Message("全国")
    String nation();
}
