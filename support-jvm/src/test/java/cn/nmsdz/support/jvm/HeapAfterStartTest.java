package cn.nmsdz.support.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On this test's own JVM: the ratios set in an order the JVM accepts, both ways; the rule for whose JVM it is. */
class HeapAfterStartTest {
    final HotSpotDiagnosticMXBean jvm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String min;
    String max;

    @BeforeEach
    void remember() {
        min = jvm.getVMOption(HeapAfterStart.MIN).getValue();
        max = jvm.getVMOption(HeapAfterStart.MAX).getValue();
    }

    @AfterEach
    void restore() {
        HeapAfterStart.setRatios(jvm, Integer.parseInt(min), Integer.parseInt(max));
    }

    @Test
    void fromTheLooseStartRatiosToTheSteadyOnesAndBack() {
        HeapAfterStart.setRatios(jvm, 70, 90);
        assertRatios("70", "90");
        // the minimum must go down first: a maximum of 10 below a minimum of 70 is refused
        HeapAfterStart.setRatios(jvm, 5, 10);
        assertRatios("5", "10");
        // and up the other way round
        HeapAfterStart.setRatios(jvm, 70, 90);
        assertRatios("70", "90");
    }

    @Test
    void aJvmStartedWithoutRatiosOnItsCommandLineIsLeftAlone() {
        // surefire starts this JVM without them (the parent pom's argLine sets none)
        assertFalse(HeapAfterStart.launchedWithRatios(jvm));
        HeapAfterStart heap = new HeapAfterStart();
        heap.minFreeRatio = 5;
        heap.maxFreeRatio = 10;
        heap.settle(null);
        assertRatios(min, max);
    }

    @Test
    void ratiosThatCannotHoldStopTheStart() {
        HeapAfterStart heap = new HeapAfterStart();
        heap.minFreeRatio = 20;
        heap.maxFreeRatio = 10;
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> heap.settle(null));
        assertTrue(refused.getMessage().contains("nmsdz.heap.min-free-ratio (20)"), refused.getMessage());
        assertRatios(min, max);
    }

    void assertRatios(String expectedMin, String expectedMax) {
        assertEquals(expectedMin, jvm.getVMOption(HeapAfterStart.MIN).getValue());
        assertEquals(expectedMax, jvm.getVMOption(HeapAfterStart.MAX).getValue());
    }
}
