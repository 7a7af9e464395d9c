package cn.nmsdz.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small helpers that turn the APIs' JSON into rows the templates show (texts already in the page's language). */
final class Views {
    private Views() {
    }

    /** A row of named values, in order: the templates read {@code row.name}. */
    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return row;
    }

    static <T> List<T> each(JsonNode array, Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> out.add(f.apply(n)));
        }
        return out;
    }

    /** The text lines of a JSON array of strings, one per line. */
    static String lines(JsonNode array) {
        return String.join("\n", each(array, JsonNode::asText));
    }

    /** Names of units ([{code, name}]) joined with 、 (", " on an English page). */
    static String units(JsonNode array) {
        return joined(each(array, u -> u.path("name").asText(u.path("code").asText())));
    }

    /** Names in a line: 市场监管局、商务局 in Chinese, "market bureau, commerce bureau" in English. */
    static String joined(List<String> names) {
        return String.join(Lang.current() == Lang.Language.EN ? ", " : "、", names);
    }

    /** A JSON text for a chart's data (read by workspace.js; never executed). */
    static String json(Object value) {
        try {
            // "</" never ends the script element it sits in
            return Api.JSON.writeValueAsString(value).replace("</", "<\\/");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A rate as the APIs give it (a percentage, 76.25) with one decimal: 76.3. */
    static double pct(JsonNode rate) {
        return Math.round(rate.asDouble() * 10) / 10.0;
    }
}
