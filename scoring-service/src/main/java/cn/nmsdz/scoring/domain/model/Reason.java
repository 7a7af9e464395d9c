package cn.nmsdz.scoring.domain.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line (or one part of a line) of an explanation, as data: a message code of the bundle
 * {@code cn/nmsdz/scoring/domain/engine/explanations*.properties} and its arguments. The words live in the
 * bundle; a snapshot stores reasons and renders them in English or Chinese on read.
 *
 * <p>The type of an argument follows from its name: {@code metric}, {@code level}, {@code numerator},
 * {@code denominator} and names ending in {@code Metric} are metric codes (shown as the catalogue's name in
 * Chinese); {@code region} and names ending in {@code Region} are region codes (shown by name);
 * {@code value} and names ending in {@code Value} are exact decimal figures (shown with two decimals);
 * {@code zone}, {@code op} and {@code state} are enum names (shown through the bundle); everything else
 * (years, points, rates, item codes) is shown as stored.
 *
 * @param args  the typed arguments, in a fixed order
 * @param parts nested reasons (an operand, a figure's source, what is missing), each a list joined as the
 *              message says
 */
public record Reason(String code, Map<String, String> args, Map<String, List<Reason>> parts) {

    public Reason {
        args = args == null ? Map.of() : args;
        parts = parts == null ? Map.of() : parts;
    }

    public static Reason of(String code) {
        return new Reason(code, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    /** Adds an argument; a null value is left out (the message's optional part is then left out too). */
    public Reason with(String name, Object value) {
        if (value != null) {
            args.put(name, value instanceof BigDecimal b ? b.toPlainString() : String.valueOf(value));
        }
        return this;
    }

    /** Adds a nested reason; null is left out. */
    public Reason part(String name, Reason part) {
        if (part != null) {
            parts.put(name, List.of(part));
        }
        return this;
    }

    /** Adds a list of nested reasons (rendered joined). */
    public Reason parts(String name, List<Reason> list) {
        if (list != null && !list.isEmpty()) {
            parts.put(name, List.copyOf(list));
        }
        return this;
    }
}
