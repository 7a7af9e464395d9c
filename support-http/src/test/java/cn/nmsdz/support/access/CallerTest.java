package cn.nmsdz.support.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void assignedRegionsAreReadFromAJsonArrayAListOrASingleString() {
        assertEquals(Set.of("500118", "140829"),
                Caller.strings(Json.createArrayBuilder().add("500118").add("140829").build()));
        assertEquals(Set.of("500118"), Caller.strings(List.of("500118")));
        assertEquals(Set.of("500118"), Caller.strings(Json.createValue("500118")));
        assertEquals(Set.of("500118"), Caller.strings("500118"));
        assertEquals(Set.of(), Caller.strings(null));
        assertEquals(Set.of(), Caller.strings(Json.createArrayBuilder().add(" ").build()));
    }

    @Test
    void anExpertIsAssignedExactlyToItsRegionsNotToTheRegionsUnderThem() {
        Caller expert = new Caller("expert2", null, null, Set.of("500118", "140829"), Set.of(Caller.EXPERT));
        assertTrue(expert.assignedTo("140829"));
        assertFalse(expert.assignedTo("140800"));
        assertFalse(expert.assignedTo("500000"));
        Caller notExpert = new Caller("yc-market", "500118", "500118-market-supervision", Set.of("500118"),
                Set.of(Caller.SUBMITTER));
        assertFalse(notExpert.assignedTo("500118"), "the claim means nothing without the expert role");
    }
}
