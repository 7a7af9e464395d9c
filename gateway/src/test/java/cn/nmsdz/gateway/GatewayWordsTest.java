package cn.nmsdz.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The gateway's own problems: Chinese unless English is preferred; the English text stays the call site's. */
class GatewayWordsTest {

    @Test
    void chineseUnlessTheClientPrefersEnglish() {
        assertTrue(GatewayWords.chinese((String) null));
        assertTrue(GatewayWords.chinese("zh-CN,zh;q=0.9,en;q=0.8"));
        assertTrue(GatewayWords.chinese("fr"));
        assertTrue(GatewayWords.chinese("en;q=0.5,zh"));
        assertFalse(GatewayWords.chinese("en-US,en;q=0.9"));
        assertFalse(GatewayWords.chinese("fr,en;q=0.8,zh;q=0.5"));
    }

    @Test
    void titlesAndDetailsInBothLanguages() {
        assertEquals("请求过于频繁", GatewayWords.title(true, 429, "Too Many Requests"));
        assertEquals("Too Many Requests", GatewayWords.title(false, 429, "Too Many Requests"));
        assertEquals("请求频率超过限制；请在 3 秒后重试",
                GatewayWords.text(true, "rateLimit", "request rate limit exceeded; retry after 3 s", "3"));
        assertEquals("scoring-service 无法访问", GatewayWords.text(true, "unreachable", "x", "scoring-service"));
        assertEquals("scoring-service 等待处理的请求过多，本次请求未转发；请稍后重试",
                GatewayWords.text(true, "busy", "x", "scoring-service"));
        assertEquals("服务暂不可用", GatewayWords.title(true, 503, "Service Unavailable"));
        assertEquals("request rate limit exceeded; retry after 3 s",
                GatewayWords.text(false, "rateLimit", "request rate limit exceeded; retry after 3 s", "3"));
    }
}
