package cn.nmsdz.support.wake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A wake-up is never lost and never runs a slot's drain twice at once. */
class WakeableWorkerTest {

    @Test
    void aWakeUpDuringADrainRunsItOnceMoreAfterwardsNeverConcurrently() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        WakeableWorker worker = new WakeableWorker("test", 1, () -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            int run = runs.incrementAndGet();
            if (run == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            running.decrementAndGet();
            if (run == 2) {
                secondDone.countDown();
            }
        });
        try {
            worker.wake();
            await(firstStarted);
            worker.wake(); // while the first drain runs: must not be lost
            worker.wake(); // coalesced with the one before
            releaseFirst.countDown();
            await(secondDone);
            assertEquals(1, maxRunning.get(), "one drain at a time per slot");
            assertTrue(runs.get() >= 2, "the wake-up during the first drain ran it again");
        } finally {
            worker.shutdown();
        }
    }

    @Test
    void severalSlotsDrainAtOnce() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        WakeableWorker worker = new WakeableWorker("test", 2, () -> {
            bothRunning.countDown();
            await(release);
        });
        try {
            worker.wake();
            assertTrue(bothRunning.await(60, TimeUnit.SECONDS), "both slots drain at the same time");
        } finally {
            release.countDown();
            worker.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not reached");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
