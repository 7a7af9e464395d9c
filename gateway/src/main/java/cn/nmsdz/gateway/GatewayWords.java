package cn.nmsdz.gateway;

import io.vertx.core.http.HttpServerRequest;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The language of the gateway's own problem details: Simplified Chinese unless the request asks for English by
 * {@code ?lang=en} or an Accept-Language preferring en to zh (the rule of support-http's Language, which the
 * gateway does not depend on). English texts stay at the call site; the Chinese ones are in
 * {@code problems_zh.properties} (MessageFormat patterns).
 */
final class GatewayWords {
    private static final ResourceBundle ZH = ResourceBundle.getBundle("cn.nmsdz.gateway.problems", Locale.CHINESE,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private GatewayWords() {
    }

    static boolean chinese(HttpServerRequest request) {
        if (request == null) {
            return true;
        }
        String lang = request.getParam("lang");
        if (lang != null && !lang.isBlank()) {
            String primary = lang.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
            if (primary.equals("en")) {
                return false;
            }
            if (primary.equals("zh")) {
                return true;
            }
        }
        return chinese(request.getHeader("Accept-Language"));
    }

    /** The first of zh or en in the header's order of preference (q, then position); Chinese when neither. */
    static boolean chinese(String acceptLanguage) {
        if (acceptLanguage == null) {
            return true;
        }
        record Choice(String language, double q, int position) {
        }
        List<Choice> choices = new ArrayList<>();
        String[] parts = acceptLanguage.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] fields = parts[i].trim().split(";");
            double q = 1;
            for (int f = 1; f < fields.length; f++) {
                String p = fields[f].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            choices.add(new Choice(fields[0].trim().toLowerCase(Locale.ROOT).split("-", 2)[0], q, i));
        }
        choices.sort((a, b) -> a.q() != b.q() ? Double.compare(b.q(), a.q()) : Integer.compare(a.position(), b.position()));
        for (Choice c : choices) {
            if (c.q() > 0 && c.language().equals("en")) {
                return false;
            }
            if (c.q() > 0 && c.language().equals("zh")) {
                return true;
            }
        }
        return true;
    }

    static String title(boolean chinese, int status, String english) {
        return chinese && ZH.containsKey("title." + status) ? ZH.getString("title." + status) : english;
    }

    static String text(boolean chinese, String key, String english, Object... args) {
        return chinese && ZH.containsKey(key) ? new MessageFormat(ZH.getString(key), Locale.CHINESE).format(args) : english;
    }
}
