package cn.nmsdz.indicator.domain;

import cn.nmsdz.events.catalogue.IndicatorSystemDocument;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the shipped catalogue file the way an importer would: strict, no unknown or missing fields. */
final class CatalogueFixtures {

    static final String RESOURCE = "/catalogue/nmsdz-v1.json";

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CatalogueFixtures() {
    }

    static JsonNode officialTree() {
        try (InputStream in = CatalogueFixtures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " not found");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IndicatorSystemDocument official() {
        return toDocument(officialTree());
    }

    static IndicatorSystemDocument toDocument(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, IndicatorSystemDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
