package cn.nmsdz.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.nmsdz.events.catalogue.RegionData;
import cn.nmsdz.events.catalogue.Zone;
import cn.nmsdz.events.envelope.EventEnvelope;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void roundTripsAStructuredCloudEventWithItsPayload() {
        RegionData region = new RegionData("500118", "永川区", "COUNTY", "500000", Zone.WEST);
        EventEnvelope sent = new EventEnvelope("e-1", EventTypes.REGION_CHANGED, "/indicator-service", "500118",
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), EventEnvelope.JSON.valueToTree(region));

        String json = sent.toJson();
        EventEnvelope received = EventEnvelope.fromJson(json);

        assertTrue(json.contains("\"specversion\":\"1.0\""), json);
        assertEquals("e-1", received.id());
        assertEquals(EventTypes.REGION_CHANGED, received.type());
        assertEquals("500118", received.subject());
        assertEquals(region, received.dataAs(RegionData.class));
    }

    @Test
    void thePayloadComesBackAsTheTreeThatWasSentNumbersAndTextIncluded() {
        var data = EventEnvelope.JSON.createObjectNode().put("value", 0.1).put("big", 12345678901234567L)
                .put("share", 99.999).put("name", "平陆县 \"网络\"").putNull("note");
        data.putArray("years").add(2024).add(2025);
        EventEnvelope sent = new EventEnvelope("e-2", EventTypes.REGION_CHANGED, "/evidence-service", "140829",
                OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), data, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        EventEnvelope received = EventEnvelope.fromJson(sent.toJson());

        assertEquals(sent, received);
    }

    @Test
    void refusesTextThatIsNotACloudEvent() {
        assertThrows(IllegalArgumentException.class, () -> EventEnvelope.fromJson("{\"hello\":1}"));
    }
}
