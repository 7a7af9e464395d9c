package cn.nmsdz.events.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as it travels on Kafka.
 *
 * @param id      unique event id (consumers dedupe on it)
 * @param type    one of {@link cn.nmsdz.events.EventTypes}
 * @param source  the producing service, e.g. {@code /evidence-service}
 * @param subject the region code (also the Kafka key)
 * @param time    when the event was created
 * @param data    the payload as JSON
 * @param traceparent the W3C trace context of the change that caused the event (CloudEvents' distributed tracing
 *                extension), so a consumer continues the trace of the request; null when tracing is off
 */
public record EventEnvelope(String id, String type, String source, String subject, OffsetDateTime time, JsonNode data,
        String traceparent) {

    /** An event outside any trace. */
    public EventEnvelope(String id, String type, String source, String subject, OffsetDateTime time, JsonNode data) {
        this(id, type, source, subject, time, data, null);
    }

    private static final EventFormat FORMAT = new JsonFormat();
    /** The CloudEvents distributed tracing extension attribute. */
    public static final String TRACEPARENT = "traceparent";
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Serialises to the structured-mode JSON text put on the topic. */
    public String toJson() {
        try {
            CloudEventBuilder builder = CloudEventBuilder.v1()
                    .withId(id)
                    .withType(type)
                    .withSource(URI.create(source))
                    .withSubject(subject)
                    .withTime(time)
                    .withDataContentType("application/json")
                    .withData(JSON.writeValueAsBytes(data));
            if (traceparent != null) {
                builder.withExtension(TRACEPARENT, traceparent);
            }
            CloudEvent event = builder.build();
            return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a structured-mode CloudEvent; throws IllegalArgumentException when it is not one. */
    public static EventEnvelope fromJson(String json) {
        try {
            CloudEvent event = FORMAT.deserialize(json.getBytes(StandardCharsets.UTF_8));
            // JSON data comes back as the tree the format has just parsed: taken as it is, not written out and
            // parsed again (issue 12: that was two of the three parses per consumed event)
            CloudEventData body = event.getData();
            JsonNode data = body == null ? null
                    : body instanceof JsonCloudEventData tree ? tree.getNode() : JSON.readTree(body.toBytes());
            Object traceparent = event.getExtension(TRACEPARENT);
            return new EventEnvelope(event.getId(), event.getType(), event.getSource().toString(),
                    event.getSubject(), event.getTime(), data, traceparent == null ? null : traceparent.toString());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a CloudEvents 1.0 JSON event: " + e.getMessage(), e);
        }
    }

    /** The payload read as the contract record it carries. */
    public <T> T dataAs(Class<T> type) {
        try {
            return JSON.treeToValue(data, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("event " + id + " does not carry a " + type.getSimpleName(), e);
        }
    }
}
