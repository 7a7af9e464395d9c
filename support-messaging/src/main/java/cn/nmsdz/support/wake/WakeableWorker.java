package cn.nmsdz.support.wake;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs a drain (work until nothing is left) on its own threads as soon as it is woken, never twice at once per slot,
 * and once more if it was woken while it ran: a wake-up is never lost and never waits for a clock. With several slots
 * the drain runs on as many threads at once (it must take its items so that two threads never take the same one).
 */
public final class WakeableWorker {
    private static final Logger LOG = Logger.getLogger(WakeableWorker.class);

    private final String name;
    private final Runnable drain;
    private final Slot[] slots;
    private final ExecutorService threads;

    public WakeableWorker(String name, int slots, Runnable drain) {
        this.name = name;
        this.drain = drain;
        this.slots = new Slot[Math.max(1, slots)];
        for (int i = 0; i < this.slots.length; i++) {
            this.slots[i] = new Slot();
        }
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(this.slots.length, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Makes every slot drain now, or once more after its current drain. */
    public void wake() {
        for (Slot slot : slots) {
            slot.wake();
        }
    }

    public void shutdown() {
        threads.shutdownNow();
    }

    private final class Slot {
        private final AtomicBoolean requested = new AtomicBoolean();
        private final AtomicBoolean running = new AtomicBoolean();

        void wake() {
            requested.set(true);
            if (running.compareAndSet(false, true)) {
                try {
                    threads.execute(this::loop);
                } catch (RuntimeException e) { // shut down
                    running.set(false);
                }
            }
        }

        private void loop() {
            try {
                while (requested.getAndSet(false)) {
                    runDrain();
                }
            } finally {
                running.set(false);
            }
            if (requested.get()) {
                wake(); // woken between the last check and the release
            }
        }
    }

    private void runDrain() {
        ManagedContext request = Arc.container() == null ? null : Arc.container().requestContext();
        boolean activated = request != null && !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            drain.run();
        } catch (RuntimeException e) {
            LOG.warnf("%s: %s; the next wake-up or tick retries", name, e.toString());
        } finally {
            if (activated) {
                request.terminate();
            }
        }
    }
}
