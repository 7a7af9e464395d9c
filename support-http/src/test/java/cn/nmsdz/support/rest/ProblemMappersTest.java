package cn.nmsdz.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.support.json.StrictJsonReading;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The problem a malformed request gets says what is wrong in the client's terms. */
class ProblemMappersTest {
    static final ObjectMapper JSON = StrictJsonReading.apply(new ObjectMapper());

    enum Zone { EAST, WEST }

    record Region(String code, Integer year, List<String> aliases, Zone zone, BigDecimal value) {
        Region {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    static String detail(String body) {
        try {
            JSON.readValue(body, Region.class);
        } catch (JsonProcessingException e) {
            return ProblemMappers.jsonDetail(e, ProblemMappers.field(e));
        }
        throw new AssertionError("read without an error: " + body);
    }

    @Test
    void aWrongJsonTypeNamesTheFieldAndTheExpectedType() {
        assertEquals("/aliases has the wrong type: expected an array", detail("{\"aliases\": {}}"));
        assertEquals("/year has the wrong type: expected a whole number (at most 2147483647)", detail("{\"year\": \"abc\"}"));
        assertEquals("/zone: 'MARS' is not one of [EAST, WEST]", detail("{\"zone\": \"MARS\"}"));
        assertTrue(detail("[]").startsWith("the body has the wrong type: expected an object"), detail("[]"));
        assertTrue(detail("{\"aliases\": [null]}").contains("holds a null"), detail("{\"aliases\": [null]}"));
    }

    @Test
    void invalidJsonTrailingGarbageAndTruncatedNumbersAreNotValidJson() {
        assertTrue(detail("{\"code\": ").startsWith("the body is not valid JSON"));
        assertTrue(detail("{} xx").startsWith("the body is not valid JSON"), detail("{} xx"));
        assertTrue(detail("{} {}").startsWith("the body is not valid JSON: something follows"), detail("{} {}"));
        assertTrue(detail("{\"year\": 2025.5}").contains("/year"), detail("{\"year\": 2025.5}"));
    }

    @Test
    void decimalsAreReadExactly() throws IOException {
        assertEquals(new BigDecimal("1234567890123.123456"),
                JSON.readTree("{\"v\": 1234567890123.123456}").get("v").decimalValue());
    }

    @Test
    void anUnconvertibleParameterSaysWhatItMustBe() {
        assertEquals(Optional.of("must be a whole number from -2147483648 to 2147483647, not 'abc'"),
                ProblemMappers.conversionProblem("abc", Integer.class));
        assertEquals(Optional.of("must be a whole number, not '1.5'"), ProblemMappers.conversionProblem("1.5", long.class));
        assertEquals(Optional.empty(), ProblemMappers.conversionProblem("-3", int.class));
        assertEquals(Optional.empty(), ProblemMappers.conversionProblem("anything", String.class));
    }

    @Test
    void aClosedConnectionIsTheClientGoneNotAServerFault() {
        // as evidence-service's streaming reader saw it (issue leftovers item 1)
        Exception cut = new java.io.UncheckedIOException(new IOException(new IOException(
                new io.vertx.core.http.HttpClosedException("Connection was closed"))));
        assertTrue(ProblemMappers.clientGone(cut, false));
        assertTrue(ProblemMappers.clientGone(new RuntimeException(new java.nio.channels.ClosedChannelException()), false));
        // the multipart parser's plain IOException: the client's only once its connection is closed
        IOException terminated = new IOException("Connection terminated parsing multipart request");
        assertTrue(ProblemMappers.clientGone(terminated, true));
        assertFalse(ProblemMappers.clientGone(terminated, false));
        assertFalse(ProblemMappers.clientGone(new IllegalStateException("a bug"), true));
        assertEquals("io.vertx.core.http.HttpClosedException: Connection was closed",
                ProblemMappers.rootCause(cut).toString());
    }

    @Test
    void aDatabaseDataExceptionAnywhereInTheCausesIsTheClientsValue() {
        SQLException tooLong = new SQLException("ERROR: value too long for type character varying(64)", "22001");
        assertEquals(Optional.of(tooLong), ProblemMappers.dataException(new RuntimeException(new IllegalStateException(tooLong))));
        assertFalse(ProblemMappers.dataException(new RuntimeException(new SQLException("deadlock", "40P01"))).isPresent());
    }

    @Test
    void noDatabaseConnectionIsTellableAndNotAValueOfTheRequest() {
        // was a 500 "unexpected error" when every pooled connection stayed busy (Agroal's acquisition timeout)
        SQLException busy = new SQLException(ProblemMappers.ACQUISITION_TIMEOUT);
        assertEquals(Optional.of(busy), ProblemMappers.noDatabaseConnection(
                new RuntimeException(new IllegalStateException(busy))));
        SQLException unreachable = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        assertEquals(Optional.of(unreachable), ProblemMappers.noDatabaseConnection(new RuntimeException(unreachable)));
        assertFalse(ProblemMappers.noDatabaseConnection(new SQLException("deadlock", "40P01")).isPresent());
        assertFalse(ProblemMappers.noDatabaseConnection(new SQLException("value too long", "22001")).isPresent());
        assertFalse(ProblemMappers.noDatabaseConnection(new IllegalStateException("a bug")).isPresent());
        assertEquals("数据库暂时繁忙或无法连接，本次请求未生效；请稍后重试", ProblemText.text(Language.ZH, "databaseUnavailable"));
        assertEquals("the database is busy or not reachable; nothing was changed: retry in a moment",
                ProblemText.text(Language.EN, "databaseUnavailable"));
    }

    @Test
    void noLibraryWordsReachTheClient() {
        for (String body : List.of("{\"code\": ", "{} xx", "[]", "{\"year\": \"2025\"}", "{\"code\": true}",
                "{\"aliases\": {}}", "{\"value\": 1e2147483648}", "{\"year\": 1, \"year\": 2}",
                "{\"code\": \"a\\u0000\"}")) {
            String said = detail(body);
            for (String internal : List.of("java.", "JsonToken", "Jackson", "`", "START_OBJECT", "Cannot", "CoercionConfig",
                    "StreamReadConstraints")) {
                assertFalse(said.contains(internal), body + " -> " + said);
            }
        }
    }

    @Test
    void onlyTheMultipartParsersIoExceptionIsTheClients() {
        IOException parsing = new IOException("Connection terminated parsing multipart request");
        parsing.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition$MultiPartUploadHandler",
                "parseBlocking", "MultiPartParserDefinition.java", 250)});
        assertTrue(ProblemMappers.isMultipartParsing(parsing));
        assertFalse(ProblemMappers.isMultipartParsing(new IOException("disk full")));
    }

    @Test
    void anUnreachableIdentityProviderIsTellable() {
        // was a 500 "unexpected error" on every authenticated request while Keycloak was down
        assertTrue(ProblemMappers.identityProviderUnreachable(new RuntimeException(
                new io.quarkus.oidc.OIDCException("OIDC Server is not available"))));
        assertFalse(ProblemMappers.identityProviderUnreachable(new IllegalStateException("a bug")));
    }
}
