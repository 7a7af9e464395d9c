package cn.nmsdz.support.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BearerShapeTest {

    @Test
    void aJwtShapedBearerOrNoBearerAtAllGoesToTheTokenCheck() {
        assertTrue(BearerShape.acceptable(null));
        assertTrue(BearerShape.acceptable("Basic dXNlcjpwYXNz"));
        assertTrue(BearerShape.acceptable("Bearer eyJh.eyJz.c2ln"));
        assertTrue(BearerShape.acceptable("bearer eyJh.eyJz."));
    }

    @Test
    void aBearerThatCannotBeAJwtIsRefused() {
        for (String bad : List.of("Bearer ..", "Bearer not-a-jwt", "Bearer .eyJz.c2ln", "Bearer a.b.c.d.e", "Bearer a+b.c.d",
                "Bearer ")) {
            assertFalse(BearerShape.acceptable(bad), bad);
        }
    }
}
