package cn.nmsdz.support.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllowedMethodsTest {
    @Test
    void aPathTemplateMatchesItsPathsOnly() {
        assertTrue(AllowedMethods.regex("/api/v1/regions/{code}/scores/{number}").matcher("/api/v1/regions/140829/scores/3").matches());
        assertFalse(AllowedMethods.regex("/api/v1/regions/{code}").matcher("/api/v1/regions/140829/scores").matches());
        assertTrue(AllowedMethods.regex("/api/v1/regions/").matcher("/api/v1/regions").matches());
        assertTrue(AllowedMethods.regex("/api/v1/x/{id: [0-9]{2}}").matcher("/api/v1/x/12").matches());
        assertFalse(AllowedMethods.regex("/api/v1/x/{id: [0-9]{2}}").matcher("/api/v1/x/123").matches());
    }
}
