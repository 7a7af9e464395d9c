package cn.nmsdz.indicator.organisation;

import cn.nmsdz.events.envelope.EventEnvelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** JSON arrays in text columns: lists that are read and written whole with their row. */
final class JsonLists {
    private JsonLists() {
    }

    static String write(Object value) {
        try {
            return EventEnvelope.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventEnvelope.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored JSON: " + json, e);
        }
    }

    @Converter
    public static class Strings implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> list) {
            return write(list == null ? List.of() : list);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<String>>() { }));
        }
    }

    @Converter
    public static class Integers implements AttributeConverter<List<Integer>, String> {
        @Override
        public String convertToDatabaseColumn(List<Integer> list) {
            return write(list == null ? List.of() : list);
        }

        @Override
        public List<Integer> convertToEntityAttribute(String json) {
            return json == null ? List.of() : List.copyOf(read(json, new TypeReference<List<Integer>>() { }));
        }
    }
}
