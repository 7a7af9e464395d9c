package cn.nmsdz.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void aChainIsWalkedOutermostFirstToItsRoot() {
        SQLException root = new SQLException("value too long", "22001");
        IllegalStateException middle = new IllegalStateException(root);
        RuntimeException outer = new RuntimeException(middle);
        assertEquals(List.of(outer, middle, root), Causes.of(outer));
        assertSame(root, Causes.root(outer));
        assertSame(middle, Causes.find(outer, IllegalStateException.class).orElseThrow());
        assertSame(outer, Causes.find(outer, RuntimeException.class).orElseThrow(), "the outermost of the type");
        assertTrue(Causes.find(outer, IOException.class).isEmpty());
        RuntimeException alone = new RuntimeException("alone");
        assertSame(alone, Causes.root(alone), "an exception without a cause is its own root");
    }

    @Test
    void twoExceptionsThatNameEachOtherEndTheWalkInsteadOfLoopingForever() {
        RuntimeException a = new RuntimeException("a");
        IllegalStateException b = new IllegalStateException("b");
        a.initCause(b);
        b.initCause(a);
        assertEquals(List.of(a, b), Causes.of(a));
        assertSame(b, Causes.root(a));
        assertTrue(Causes.find(a, IOException.class).isEmpty());
    }

    @Test
    void aVeryDeepChainIsCutAtTheLimit() {
        Throwable t = new IOException("root");
        for (int i = 0; i < 1000; i++) {
            t = new RuntimeException(t);
        }
        assertEquals(Causes.MAX_DEPTH, Causes.of(t).size());
        assertTrue(Causes.find(t, IOException.class).isEmpty(), "beyond the limit: not found, but the walk ends");
    }
}
