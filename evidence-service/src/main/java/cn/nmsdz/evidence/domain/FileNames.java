package cn.nmsdz.evidence.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** Makes a client's file name safe to store and to send back in Content-Disposition. */
public final class FileNames {
    static final int MAX_BYTES = 200;
    static final String FALLBACK = "document";

    private FileNames() {
    }

    /**
     * The last path segment only (no directories, "..", drive letters), no control or reserved
     * characters, no leading dots or trailing dots/spaces, at most 200 UTF-8 bytes with the extension kept.
     * Chinese and other letters stay as they are.
     */
    public static String sanitise(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(c) || c == 0x7f || Character.getType(c) == Character.FORMAT
                    || "<>:\"|?*".indexOf(c) >= 0 || Character.getType(c) == Character.UNASSIGNED) {
                b.append('_');
            } else if (Character.isWhitespace(c)) {
                b.append(' ');
            } else {
                b.appendCodePoint(c);
            }
        });
        s = b.toString().strip().replaceAll(" {2,}", " ");
        s = s.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (s.isEmpty() || s.chars().allMatch(c -> c == '_')) {
            return FALLBACK;
        }
        return truncate(s);
    }

    /** The extension in lower case without the dot, or "" when the name has none. */
    public static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String truncate(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return s;
        }
        String ext = extension(s);
        String suffix = ext.isEmpty() || ext.length() > 10 ? "" : "." + ext;
        String base = suffix.isEmpty() ? s : s.substring(0, s.length() - suffix.length());
        int budget = MAX_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length();) {
            int c = base.codePointAt(i);
            int len = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > budget) {
                break;
            }
            out.appendCodePoint(c);
            used += len;
            i += Character.charCount(c);
        }
        return out.toString().strip() + suffix;
    }
}
