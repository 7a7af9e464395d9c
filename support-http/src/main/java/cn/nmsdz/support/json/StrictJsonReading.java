package cn.nmsdz.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * How every service reads request bodies, one behaviour for every endpoint (bodies bound to records and bodies read
 * as a JsonNode alike):
 * <ul>
 * <li>decimals are read exactly (1234567890123.123456 was stored as 1234567890123.1235, 1e400 became Infinity);
 * "{...} garbage" is malformed JSON, not the object before the garbage; a year of 2024.5 is refused, not 2024;</li>
 * <li>a key given twice is refused ({@code "value":-5,"value":1} was stored as 1);</li>
 * <li>a value of the wrong JSON type is refused, not coerced ({@code "year":"2025"}, {@code "source":true} stored as
 * "true", {@code "indicator":1});</li>
 * <li>a string holding a NUL or half of a surrogate pair ({@code \udc00}, stored as "?") is refused here, never by the
 * database; a body that is not well-formed UTF-8 (the overlong C0 AF was read as "/") is refused by
 * {@link StrictUtf8Input};</li>
 * <li>a number whose exponent does not fit ({@code 1e2147483648}) is a refused value, not a 500.</li>
 * </ul>
 * Every refusal is a {@link com.fasterxml.jackson.core.JsonProcessingException} that carries where it happened, so
 * {@code ProblemMappers} answers the same problem, naming the field as a JSON pointer, on every endpoint.
 */
@Singleton
public class StrictJsonReading implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // "2025" is not a number, "true" not a boolean; true, 1 and 1.5 are not strings, 1 is not a boolean
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.getFactory().setInputDecorator(new StrictUtf8Input());
        mapper.registerModule(new SimpleModule("nmsdz-strict-json")
                .addDeserializer(String.class, new CheckedString())
                .addDeserializer(JsonNode.class, new CheckedTree()));
        return mapper;
    }

    /** Why a string of the body cannot be stored as text, or null when it can. */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "contains half of a UTF-16 surrogate pair (\\u" + Integer.toHexString(c)
                        + "), which is not a character";
            }
        }
        return null;
    }

    /** Refused text is an {@link InvalidFormatException}: Jackson adds the path of the field to it. */
    static InvalidFormatException badText(JsonParser p, String text, String problem) {
        return new RefusedText(p, problem, text);
    }

    /** A string that is a string but cannot be stored; its message says why in the client's terms. */
    public static final class RefusedText extends InvalidFormatException {
        private static final long serialVersionUID = 1L;

        RefusedText(JsonParser p, String problem, String text) {
            super(p, problem, text, String.class);
        }
    }

    /** A number Jackson cannot hold (an exponent beyond the int range): its cause is the NumberFormatException. */
    public static final class NumberOutOfRange extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        NumberOutOfRange(JsonParser p, Throwable cause) {
            super(p, "a number out of range", cause);
        }
    }

    /** A string value that is a string (no coercion, see above) and can be stored. */
    static final class CheckedString extends StdDeserializer<String> {
        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = value == null ? null : textProblem(value);
            if (problem != null) {
                throw badText(p, value, problem);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /**
     * A body read as a tree: read as Jackson does, then every name and text checked; a number whose exponent
     * overflows (Jackson's NumberFormatException, a 500) becomes a refused value at its place.
     */
    static final class CheckedTree extends StdDeserializer<JsonNode> {
        @SuppressWarnings("unchecked")
        private final JsonDeserializer<JsonNode> standard = (JsonDeserializer<JsonNode>) JsonNodeDeserializer.getDeserializer(JsonNode.class);

        CheckedTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node;
            try {
                node = standard.deserialize(p, ctxt);
            } catch (NumberFormatException e) {
                throw new NumberOutOfRange(p, e);
            }
            // relative to the tree: where the tree is a field of a record, Jackson prepends the field's path
            check(p, node, "");
            return node;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }

        private static void check(JsonParser p, JsonNode node, String at) throws InvalidFormatException {
            if (node.isTextual()) {
                String problem = textProblem(node.textValue());
                if (problem != null) {
                    throw pointed(p, node.textValue(), problem, at);
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String problem = textProblem(field.getKey());
                    String path = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                    if (problem != null) {
                        throw pointed(p, field.getKey(), "the name " + problem, path);
                    }
                    check(p, field.getValue(), path);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    check(p, node.get(i), at + "/" + i);
                }
            }
        }

        /** The refusal with its JSON pointer (a tree is checked after it is read, so the parser is past the text). */
        private static InvalidFormatException pointed(JsonParser p, String text, String problem, String at) {
            InvalidFormatException e = badText(p, text, problem);
            String[] segments = at.isEmpty() ? new String[0] : at.substring(1).split("/", -1);
            for (int i = segments.length - 1; i >= 0; i--) {
                e.prependPath(new JsonMappingException.Reference(null, segments[i].replace("~1", "/").replace("~0", "~")));
            }
            return e;
        }
    }
}
