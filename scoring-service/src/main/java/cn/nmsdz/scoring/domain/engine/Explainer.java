package cn.nmsdz.scoring.domain.engine;

import cn.nmsdz.scoring.domain.model.MissingInput;
import cn.nmsdz.scoring.domain.model.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        String pattern = message(reason.code());
        StringBuilder out = new StringBuilder();
        Matcher optional = OPTIONAL.matcher(pattern);
        int last = 0;
        while (optional.find()) {
            out.append(fill(pattern.substring(last, optional.start()), reason, false));
            String segment = fill(optional.group(1), reason, true);
            if (segment != null) {
                out.append(segment);
            }
            last = optional.end();
        }
        out.append(fill(pattern.substring(last), reason, false));
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

    /** The text with its placeholders filled; null when {@code optional} and one is absent or empty. */
    private String fill(String text, Reason reason, boolean optional) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = value(reason, m.group(1), m.group(2));
            if (value == null || value.isEmpty()) {
                if (optional) {
                    return null;
                }
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(Reason reason, String name, String separator) {
        List<Reason> parts = reason.parts().get(name);
        if (parts != null) {
            List<String> rendered = new ArrayList<>();
            for (Reason p : parts) {
                rendered.add(render(p));
            }
            return String.join(separator == null ? ", " : separator, rendered);
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
