package cn.nmsdz.events.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.nmsdz.events.envelope.EventEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceEventDataTest {

    @Test
    void aDocumentEventCarriesItsFileAsFirstClassFields() throws Exception {
        EvidenceEventData data = new EvidenceEventData("e1", 1, 7, "DOCUMENT", "SUBMITTED", "140829", "11", "11.3",
                "140829-market-supervision", "pl-market", null, null, null, null, null, null, null, null, List.of(),
                null, OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.UTC),
                new DocumentData("工作方案.pdf", "application/pdf", 1234, "ab".repeat(32), List.of(2025)));
        JsonNode json = EventEnvelope.JSON.valueToTree(data);
        assertEquals("工作方案.pdf", json.at("/document/fileName").asText());
        assertEquals(1234, json.at("/document/sizeBytes").asLong());
        assertEquals(data, EventEnvelope.JSON.treeToValue(json, EvidenceEventData.class));
    }

    @Test
    void anEventWrittenBeforeDocumentsWereFirstClassStillReads() throws Exception {
        String before = "{\"evidenceId\":\"e1\",\"version\":1,\"position\":3,\"kind\":\"OBSERVATION\",\"state\":\"ACCEPTED\","
                + "\"region\":\"CN\",\"metric\":\"online_retail_sales\",\"year\":2024,\"value\":155225,"
                + "\"changedAt\":\"2026-01-01T00:00:00Z\"}";
        EvidenceEventData data = EventEnvelope.JSON.readValue(before, EvidenceEventData.class);
        assertEquals("online_retail_sales", data.metric());
        assertNull(data.document());
    }
}
