package cn.nmsdz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiAnswerTest {

    static Api.Answer answer(int status, String json) throws Exception {
        return new Api.Answer(status, Api.JSON.readTree(json));
    }

    @Test
    void aFormsUserReadsTheProblemAndWhatEachErrorSaysInChinese() throws Exception {
        Api.Answer refused = answer(400, """
                {"title": "请求无效", "detail": "发现 2 处问题；未保存任何内容", "errors": [
                 {"field": "/dueDate", "message": "时间节点 2026-05-20 不在阶段“全面推进”（2026-08-22 至 2027-03-10）内 / the due date lies outside stage push"},
                 {"field": "/dueDate", "message": "时间节点 2027-03-01 不在创建的任何阶段内（[全面推进 2026-01-01至2026-12-31]）/ the due date lies outside the creation's stages"},
                 {"field": "/persons/0/name", "message": "须填写"}]}""");
        assertEquals("发现 2 处问题；未保存任何内容", refused.problem());
        assertEquals("发现 2 处问题；未保存任何内容（时间节点 2026-05-20 不在阶段“全面推进”（2026-08-22 至 2027-03-10）内；"
                + "时间节点 2027-03-01 不在创建的任何阶段内（[全面推进 2026-01-01至2026-12-31]）；须填写）", refused.explained());
    }

    @Test
    void anErrorTheDetailAlreadyNamesIsNotSaidTwice() throws Exception {
        assertEquals("/2/endsOn：不得早于 startsOn", answer(400, """
                {"detail": "/2/endsOn：不得早于 startsOn", "errors": [{"field": "/2/endsOn", "message": "不得早于 startsOn"}]}""")
                .explained());
    }

    @Test
    void aProblemWithoutErrorsIsItsDetailOrTitleOrStatus() throws Exception {
        assertEquals("地区 140829 已申报", answer(409, "{\"title\": \"冲突\", \"detail\": \"地区 140829 已申报\"}").explained());
        assertEquals("冲突", answer(409, "{\"title\": \"冲突\", \"errors\": []}").explained());
        assertEquals("请求失败（502）", answer(502, "{}").explained());
    }
}
