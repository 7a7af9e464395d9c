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
    void refusesTextThatIsNotACloudEvent() {
        assertThrows(IllegalArgumentException.class, () -> EventEnvelope.fromJson("{\"hello\":1}"));
    }
}
