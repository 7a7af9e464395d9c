package cn.nmsdz.scoring.component;

import cn.nmsdz.scoring.snapshot.SnapshotWorkerProbe;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds the snapshot worker after it computed a chosen region-year, until the test lets it store. */
@Alternative
@Priority(1)
@ApplicationScoped
public class HoldingProbe extends SnapshotWorkerProbe {
    private volatile String region;
    private volatile int year;
    private volatile CountDownLatch held = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    /** The next computation of this region-year waits in the worker until {@link #release()}. */
    public void holdAt(String region, int year) {
        this.held = new CountDownLatch(1);
        this.release = new CountDownLatch(1);
        this.year = year;
        this.region = region;
    }

    private volatile String failing;

    /** The next computation of this region-year fails (as a broken row or a lost connection would). */
    public void failAt(String region, int year) {
        this.failing = region + ":" + year;
    }

    @Override
    public void computed(String region, int year) {
        if ((region + ":" + year).equals(failing)) {
            failing = null;
            throw new IllegalStateException("a failure the test asked for");
        }
        if (region.equals(this.region) && year == this.year) {
            this.region = null;
            held.countDown();
            await(release);
        }
    }

    public void awaitHeld() {
        await(held);
    }

    public void release() {
        release.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the snapshot worker was not held within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
