package cn.nmsdz.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics of the catalogue in force, by code: their Chinese names and units for forms and tables. Read once from
 * the catalogue API (with the user's token) and kept: a catalogue version names its metrics for good.
 */
final class MetricNames {
    record Metric(String code, String name, String unit, String description) {
    }

    private static final Map<String, Metric> METRICS = new ConcurrentHashMap<>();
    private static volatile List<Metric> ordered = List.of();

    private MetricNames() {
    }

    static synchronized List<Metric> all(Api api) {
        if (ordered.isEmpty()) {
            JsonNode system = api.get("/api/v1/systems/NMSDZ");
            List<Metric> metrics = Views.each(system.path("metrics"), m -> new Metric(m.path("code").asText(),
                    m.path("name").asText(), m.path("unit").asText(""), m.path("description").asText("")));
            metrics.forEach(m -> METRICS.put(m.code(), m));
            ordered = List.copyOf(metrics);
        }
        return ordered;
    }

    static String name(String code) {
        Metric m = METRICS.get(code);
        return m == null ? code : m.name();
    }

    static String unit(String code) {
        Metric m = METRICS.get(code);
        return m == null ? "" : m.unit();
    }
}
