package cn.nmsdz.support.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * The language of what people read (explanations, problem details): Simplified Chinese unless the request asks
 * for English, by {@code ?lang=en} or by an {@code Accept-Language} that prefers English to Chinese. One rule for
 * every service.
 */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

    public static final String PARAMETER = "lang";

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of {@code ?lang=} when given (zh, zh-CN, en, en-US, …), else by Accept-Language; null if lang is unknown. */
    public static Language of(String lang, HttpHeaders headers) {
        if (lang != null && !lang.isBlank()) {
            return tag(lang);
        }
        return headers == null ? ZH : of(headers.getAcceptableLanguages());
    }

    /** The first of zh or en in the client's order of preference (sorted by q); Chinese when it names neither. */
    public static Language of(List<Locale> acceptable) {
        for (Locale l : acceptable == null ? List.<Locale>of() : acceptable) {
            if ("zh".equals(l.getLanguage())) {
                return ZH;
            }
            if ("en".equals(l.getLanguage())) {
                return EN;
            }
        }
        return ZH;
    }

    /** zh or en, with or without a region (zh-CN, en_US); null for any other. */
    public static Language tag(String lang) {
        String primary = lang.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return switch (primary) {
            case "zh" -> ZH;
            case "en" -> EN;
            default -> null;
        };
    }

    /**
     * The language asked for by a resource's {@code lang} parameter and the request's headers; an unknown
     * {@code lang} is a 400 problem naming the parameter (in the language of the headers).
     */
    public static Language requested(String lang, HttpHeaders headers) {
        Language language = of(lang, headers);
        if (language == null) {
            Language fallback = headers == null ? ZH : of(headers.getAcceptableLanguages());
            String message = fallback == EN ? "must be zh or en" : "只能是 zh 或 en";
            throw new ProblemException(400, fallback == EN ? "Invalid request" : "请求无效",
                    fallback == EN ? "query parameter 'lang' must be zh or en" : "查询参数 lang 只能是 zh（中文）或 en（英文）",
                    List.of(new Problem.FieldError(PARAMETER, message))).typed(ProblemType.INVALID_FIELD);
        }
        return language;
    }
}
