package cn.nmsdz.support.jvm;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The heap's free ratios once the service has started (issue 12, BENCHMARKS §19).
 *
 * <p>The launcher and the images start the JVM with a loose heap ({@code -XX:MinHeapFreeRatio=70
 * -XX:MaxHeapFreeRatio=90}). With the steady 5–10 % from the first collection on, G1 held a 32 MB heap just above
 * the start's growing live set: 18 young collections and five concurrent cycles in a two-second start, 0.2–0.5 s of
 * CPU on a machine of two cores. Once started, the service sets the steady ratios, and G1's next remark (at the latest
 * the periodic collection 10 s after the last one) gives the start's surplus back.
 *
 * <p>A JVM whose ratios were not set on its command line (the tests, {@code java -jar} by hand) keeps the JDK's own:
 * the ratios belong to whoever launches the JVM, this only finishes what the launcher began.
 */
@Singleton
public class HeapAfterStart {
    static final String MIN = "MinHeapFreeRatio";
    static final String MAX = "MaxHeapFreeRatio";
    private static final Logger LOG = Logger.getLogger(HeapAfterStart.class);

    /** NMSDZ_HEAP_MIN_FREE_RATIO: after start, G1 grows the heap at a remark when less than this % of it is free. */
    @ConfigProperty(name = "nmsdz.heap.min-free-ratio", defaultValue = "5")
    int minFreeRatio;

    /** NMSDZ_HEAP_MAX_FREE_RATIO: after start, G1 gives heap back at a remark when more than this % of it is free. */
    @ConfigProperty(name = "nmsdz.heap.max-free-ratio", defaultValue = "10")
    int maxFreeRatio;

    /** After the application's own start-up observers: their allocations are part of the start. */
    void settle(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent started) {
        if (minFreeRatio < 0 || minFreeRatio > maxFreeRatio || maxFreeRatio > 100) {
            throw new IllegalStateException("nmsdz.heap.min-free-ratio (" + minFreeRatio + ") and max-free-ratio ("
                    + maxFreeRatio + ") must satisfy 0 <= min <= max <= 100");
        }
        HotSpotDiagnosticMXBean jvm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (!launchedWithRatios(jvm)) {
            return;
        }
        String before = jvm.getVMOption(MIN).getValue() + "–" + jvm.getVMOption(MAX).getValue();
        setRatios(jvm, minFreeRatio, maxFreeRatio);
        LOG.infof("Heap free ratios %s %% while starting, %d–%d %% from now on", before, minFreeRatio, maxFreeRatio);
    }

    /** Whether the JVM's launcher set both ratios on its command line. */
    static boolean launchedWithRatios(HotSpotDiagnosticMXBean jvm) {
        return jvm.getVMOption(MIN).getOrigin() == VMOption.Origin.VM_CREATION
                && jvm.getVMOption(MAX).getOrigin() == VMOption.Origin.VM_CREATION;
    }

    /**
     * Sets both ratios in the order the JVM accepts: it refuses a minimum above the current maximum and a maximum
     * below the current minimum, so lowering sets the minimum first and raising the maximum first.
     */
    static void setRatios(HotSpotDiagnosticMXBean jvm, int min, int max) {
        if (min <= Integer.parseInt(jvm.getVMOption(MAX).getValue())) {
            jvm.setVMOption(MIN, Integer.toString(min));
            jvm.setVMOption(MAX, Integer.toString(max));
        } else {
            jvm.setVMOption(MAX, Integer.toString(max));
            jvm.setVMOption(MIN, Integer.toString(min));
        }
    }
}
