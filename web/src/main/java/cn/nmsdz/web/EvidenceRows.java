package cn.nmsdz.web;

import static cn.nmsdz.web.Views.each;
import static cn.nmsdz.web.Views.row;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Evidence as a table shows it: kind, what, value or verdict, source, state with the reason of a rejection; in the
 * request's language (texts of {@link WorkText}, states of {@link Words}), its data (metric names, units, file names,
 * sources) as the APIs give it.
 */
final class EvidenceRows {
    private EvidenceRows() {
    }

    static List<Map<String, Object>> of(Api api, String region, String query) {
        MetricNames.all(api);
        JsonNode list = api.get("/api/v1/regions/" + region + "/evidence?" + query);
        WorkText t = Lang.bundle(WorkText.class);
        return each(list.isArray() ? list : list.path("items"), e -> row0(e, t));
    }

    static Map<String, Object> row0(JsonNode e, WorkText t) {
        String kind = e.path("kind").asText();
        String what;
        String value;
        switch (kind) {
            case "OBSERVATION" -> {
                what = t.figure_what(MetricNames.name(e.path("metric").asText()), e.path("year").asText());
                value = e.path("value").asText() + " " + MetricNames.unit(e.path("metric").asText());
            }
            case "DOCUMENT" -> {
                what = e.path("fileName").asText();
                value = "";
            }
            default -> {
                what = t.claim_what(e.path("indicator").asText(),
                        e.path("item").isTextual() ? e.path("item").asText() : null,
                        e.path("year").isNumber() ? e.path("year").asText() : null);
                value = e.path("points").isNumber() ? Words.points(e.path("points").asDouble())
                        : e.path("satisfied").isBoolean() ? (e.path("satisfied").asBoolean() ? t.meets() : t.does_not_meet())
                        : "";
            }
        }
        return row("id", e.path("id").asText(), "kind", Words.kind(kind), "kindCode", kind, "what", what,
                "value", value, "indicator", e.path("indicator").asText(""),
                "source", e.path("source").asText(e.path("comment").asText("")),
                "department", e.path("department").asText(""), "submittedBy", e.path("submittedBy").asText(""),
                "state", Words.evidenceState(e.path("state").asText()), "stateCode", e.path("state").asText(),
                "reason", e.path("reason").asText(""), "createdAt", Words.dateTime(e.path("createdAt").asText()),
                "document", "DOCUMENT".equals(kind));
    }
}
