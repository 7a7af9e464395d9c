package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.scoring.domain.model.MissingInput;
import cn.nmsdz.scoring.domain.model.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@link Reason}s with the message bundle {@code explanations} (English in the base file, Chinese in
 * {@code explanations_zh}; a key missing in Chinese falls back to English) and a vocabulary that names metrics
 * and regions. The English vocabulary keeps the codes, so English lines read exactly as the engine always wrote
 * them; the Chinese one uses the catalogue's metric names and the regions' names.
 *
 * <p>A message is text with placeholders {@code {name}} (an argument or a part; a list part is joined by
 * {@code {name|separator}}, ", " by default) and optional segments {@code [[…]]}, left out when a placeholder in
 * them is absent or renders empty.
 */
public final class Explainer {

    /** Names for the codes in arguments. */
    public interface Vocabulary {
        String metric(String code);

        String region(String code);
    }

    public static final Vocabulary CODES = new Vocabulary() {
        @Override
        public String metric(String code) {
            return code;
        }

        @Override
        public String region(String code) {
            return code;
        }
    };

    private static final String BUNDLE = "cn.nmsdz.scoring.domain.engine.explanations";
    private static final Pattern OPTIONAL = Pattern.compile("\\[\\[(.*?)]]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?:\\|([^}]*))?}");
    private static final Explainer ENGLISH = new Explainer(Locale.ENGLISH, CODES);

    private final ResourceBundle bundle;
    private final Vocabulary vocabulary;
    private final Locale locale;

    public Explainer(Locale locale, Vocabulary vocabulary) {
        this.locale = "zh".equals(locale.getLanguage()) ? Locale.CHINESE : Locale.ROOT;
        // no fallback to the JVM's default locale: English is the base bundle, Chinese the only translation
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.vocabulary = vocabulary;
    }

    /** English with codes: the text the engine stores beside the reasons. */
    public static Explainer english() {
        return ENGLISH;
    }

    public List<String> render(List<Reason> reasons) {
        List<String> lines = new ArrayList<>(reasons.size());
        for (Reason r : reasons) {
            lines.add(render(r));
        }
        return lines;
    }

    public String render(Reason reason) {
        StringBuilder out = new StringBuilder(96);
        for (Segment segment : template(message(reason.code()))) {
            segment.appendTo(out, reason, this);
        }
        return out.toString();
    }

    /** A missing input as a phrase: "online_retail_sales 500118 2024" / "永川区2024年网上零售额". */
    public String missing(MissingInput m) {
        return render(Reason.of("input").with("metric", m.metric()).with("region", m.region()).with("year", m.year()));
    }

    /** A word of the bundle by key, or the key's last part when the bundle has none (e.g. an enum name). */
    public String word(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key.substring(key.lastIndexOf('.') + 1);
        }
    }

    private String message(String code) {
        try {
            return bundle.getString(code);
        } catch (MissingResourceException e) {
            return code; // an unknown code (a newer snapshot read by an older service) shows as itself
        }
    }

    /**
     * A message parsed once into its parts (the bundles hold a few hundred): every snapshot renders some 200 lines,
     * and matching the two expressions over each message every time was a quarter of the workers' CPU (issue 12).
     */
    private static final Map<String, List<Segment>> TEMPLATES = new ConcurrentHashMap<>();

    private static List<Segment> template(String pattern) {
        return TEMPLATES.computeIfAbsent(pattern, Explainer::parse);
    }

    /** Literal text, placeholders and optional segments, in order. */
    private static List<Segment> parse(String pattern) {
        List<Segment> segments = new ArrayList<>();
        Matcher optional = OPTIONAL.matcher(pattern);
        int last = 0;
        while (optional.find()) {
            segments.addAll(parts(pattern.substring(last, optional.start())));
            segments.add(new OptionalPart(parts(optional.group(1))));
            last = optional.end();
        }
        segments.addAll(parts(pattern.substring(last)));
        return List.copyOf(segments);
    }

    private static List<Segment> parts(String text) {
        List<Segment> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(new Literal(text.substring(last, m.start())));
            }
            parts.add(new Slot(m.group(1), m.group(2)));
            last = m.end();
        }
        if (last < text.length()) {
            parts.add(new Literal(text.substring(last)));
        }
        return parts;
    }

    private sealed interface Segment permits Literal, Slot, OptionalPart {
        /** Appends the rendered part; false when it is a placeholder that is absent or renders empty. */
        boolean appendTo(StringBuilder out, Reason reason, Explainer explainer);
    }

    private record Literal(String text) implements Segment {
        @Override
        public boolean appendTo(StringBuilder out, Reason reason, Explainer explainer) {
            out.append(text);
            return true;
        }
    }

    private record Slot(String name, String separator) implements Segment {
        @Override
        public boolean appendTo(StringBuilder out, Reason reason, Explainer explainer) {
            String value = explainer.value(reason, name, separator);
            if (value == null || value.isEmpty()) {
                return false;
            }
            out.append(value);
            return true;
        }
    }

    /** Left out whole when a placeholder in it is absent or renders empty. */
    private record OptionalPart(List<Segment> parts) implements Segment {
        @Override
        public boolean appendTo(StringBuilder out, Reason reason, Explainer explainer) {
            int mark = out.length();
            for (Segment part : parts) {
                if (!part.appendTo(out, reason, explainer)) {
                    out.setLength(mark);
                    return true;
                }
            }
            return true;
        }
    }

    private String value(Reason reason, String name, String separator) {
        List<Reason> parts = reason.parts().get(name);
        if (parts != null) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    joined.append(separator == null ? ", " : separator);
                }
                joined.append(render(parts.get(i)));
            }
            return joined.toString();
        }
        String raw = reason.args().get(name);
        if (raw == null) {
            return null;
        }
        return format(name, raw);
    }

    private String format(String name, String raw) {
        if (is(name, "metric") || name.equals("level") || name.equals("numerator") || name.equals("denominator")) {
            return vocabulary.metric(raw);
        }
        if (is(name, "region")) {
            return vocabulary.region(raw);
        }
        if (is(name, "value")) {
            try {
                return Numbers.fig(new BigDecimal(raw));
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        if (name.equals("zone") || name.equals("op") || name.equals("state")) {
            return word(name + "." + raw);
        }
        return raw;
    }

    private static boolean is(String name, String kind) {
        String suffix = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        return name.equals(kind) || name.endsWith(suffix);
    }
}
