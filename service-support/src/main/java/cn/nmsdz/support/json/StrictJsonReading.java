package cn.nmsdz.support.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How the services read request bodies. Bodies read as a JsonNode (observations, claims, simulations) kept
 * decimals as doubles, so 1234567890123.123456 was stored as 1234567890123.1235 and 1e400 became Infinity:
 * decimals are read exactly instead. "{...} garbage" is malformed JSON, not the object before the garbage,
 * and a year of 2024.5 is refused, not silently stored as 2024.
 */
@Singleton
public class StrictJsonReading implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
