package cn.nmsdz.support.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.nmsdz.support.rest.ProblemMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * One reading for every body: the same mistake is the same problem, naming the same field, whether the body is bound
 * to a record (indicator-service) or read as a tree first (evidence, scoring).
 */
class StrictJsonReadingTest {
    static final ObjectMapper JSON = StrictJsonReading.apply(new ObjectMapper());

    record Row(String source, Integer year, BigDecimal value, Boolean satisfied, String indicator) {
    }

    /** The problem detail of reading {@code body} as a record, and as a tree then a record. */
    static String[] details(String body) {
        String asRecord = detail(() -> JSON.readValue(stream(body), Row.class));
        String viaTree = detail(() -> JSON.treeToValue(JSON.readValue(stream(body), JsonNode.class), Row.class));
        return new String[] {asRecord, viaTree};
    }

    static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    interface Read {
        Object read() throws java.io.IOException;
    }

    static String detail(Read read) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, read::read);
        return ProblemMappers.jsonDetail(e, ProblemMappers.field(e));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // was 201 (coerced)
        "{\"year\":\"2025\"}                 | /year has the wrong type: expected a whole number (at most 2147483647)",
        "{\"value\":\"12\"}                  | /value has the wrong type: expected a number",
        "{\"source\":true}                   | /source has the wrong type: expected a string",
        "{\"indicator\":1}                   | /indicator has the wrong type: expected a string",
        "{\"satisfied\":1}                   | /satisfied has the wrong type: expected true or false",
        "{\"satisfied\":\"true\"}            | /satisfied has the wrong type: expected true or false",
        "{\"source\":{}}                     | /source has the wrong type: expected a string",
        // was 201 (stored the last one)
        "{\"value\":-5,\"value\":1}          | /value is given twice; each key may appear once in an object",
        // was 201 (stored as ?)
        "{\"source\":\"a\\udc00\"}           | /source contains half of a UTF-16 surrogate pair (\\udc00), which is not a character",
        "{\"source\":\"a\\u0000b\"}          | /source contains a NUL character (\\u0000)",
        // was 500
        "{\"value\":1e2147483648}            | /value is a number out of range (its exponent or digits are too large)",
        // was 201 (stored as /): the overlong encoding C0 AF
        "{\"source\":\"a\u00c0\u00afb\"}     | the body is not well-formed UTF-8 (an invalid, overlong or surrogate byte sequence at byte 12)",
        // an encoded surrogate ED B0 80
        "{\"source\":\"\u00ed\u00b0\u0080\"} | the body is not well-formed UTF-8 (an invalid, overlong or surrogate byte sequence at byte 12)",
    })
    void theSameMistakeIsTheSameProblemWhetherBoundOrReadAsATree(String body, String expected) {
        String[] details = details(body);
        assertEquals(expected, details[0], "bound to a record");
        assertEquals(expected, details[1], "read as a tree");
    }

    @Test
    void wellFormedTextStillReads() throws Exception {
        Row row = JSON.readValue("{\"source\":\"永川区统计局 😀\",\"year\":2025,\"value\":1,\"satisfied\":true}"
                .getBytes(StandardCharsets.UTF_8), Row.class);
        assertEquals("永川区统计局 😀", row.source());
        assertEquals(new BigDecimal("1"), row.value());
        assertEquals("\ud83d\ude00", JSON.readTree("\"\\ud83d\\ude00\"".getBytes(StandardCharsets.UTF_8)).textValue());
    }

    @Test
    void aNestedTextProblemIsPointedAt() {
        assertEquals("/rows/1/source contains a NUL character (\\u0000)",
                detail(() -> JSON.readTree(stream("{\"rows\":[{},{\"source\":\"\\u0000\"}]}"))));
        assertEquals("the body is nested deeper than 1000 levels", detail(() -> JSON.readTree(stream("[".repeat(1001)))));
    }
}
