package cn.nmsdz.evidence.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * What a request asks for, as a SHA-256: the operation (method and path) and its body in a canonical
 * form, so the same request written with its fields in another order or other spacing is the same
 * request, and any other value is a different one.
 */
public final class RequestFingerprint {
    /** Trailing zeros a whole number is written out with; beyond, it keeps its exponent. */
    static final int MAX_EXPANDED_ZEROS = 100;

    private RequestFingerprint() {
    }

    public static String of(String method, String path, JsonNode body) {
        return of(method, path, body == null ? "null" : canonical(body).toString());
    }

    /** For bodies that are not JSON (multipart): the caller passes their parts, e.g. the file's hash. */
    public static String of(String method, String path, String... parts) {
        MessageDigest sha = sha256();
        update(sha, method);
        update(sha, path);
        for (String part : parts) {
            update(sha, part == null ? "\u0000null" : part);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The fingerprint of a body read row by row (a streamed batch), without holding the body: the operation, the
     * body's shape (one object or an array) and each row in canonical form.
     */
    public static final class Rows {
        private final MessageDigest sha = sha256();

        public Rows(String method, String path, String shape) {
            update(sha, method);
            update(sha, path);
            update(sha, shape);
        }

        public void add(JsonNode row) {
            update(sha, row == null ? "null" : canonical(row).toString());
        }

        public String digest() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    /** Objects with their fields sorted by name, recursively; numbers by value (1.50 = 1.5). */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                sorted.set(name, canonical(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                array.add(canonical(it.next()));
            }
            return array;
        }
        if (node.isNumber()) {
            if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
                return JsonNodeFactory.instance.textNode(String.valueOf(node.doubleValue()));
            }
            java.math.BigDecimal d = node.decimalValue().stripTrailingZeros();
            // 1E+3 is written as 1000; an exponent like 1e999999999 stays one (its digits would not fit in memory)
            return JsonNodeFactory.instance.numberNode(d.scale() < 0 && d.scale() > -MAX_EXPANDED_ZEROS ? d.setScale(0) : d);
        }
        return node;
    }

    private static void update(MessageDigest sha, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        // length-prefixed, so ("ab","c") and ("a","bc") differ
        sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return null when the key is usable, else what is wrong with it */
    public static String checkKey(String key) {
        if (key.isBlank()) {
            return "must not be blank";
        }
        if (key.length() > 200) {
            return "at most 200 characters";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "only visible ASCII characters (a UUID is a good key)";
            }
        }
        return null;
    }

}
