package cn.nmsdz.scoring.backlog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Works off a queue kept in a table, one item per transaction, oldest first (the pending snapshots, the regions
 * of a rescoring job). An item that fails is queued again behind the others, so it holds up nobody and is
 * retried on a later round.
 */
public final class Backlog {
    private Backlog() {
    }

    /** Thrown for the item that failed: what it was, and how to queue it again. */
    public static final class RetryLater extends RuntimeException {
        private final transient Runnable requeue;

        public RetryLater(String item, Throwable cause, Runnable requeue) {
            super(item + " failed: " + cause, cause);
            this.requeue = requeue;
        }
    }

    /** Calls {@code takeOne} (true: an item was taken and done) in a new transaction each until none is left. */
    public static void drain(Callable<Boolean> takeOne, Logger log) {
        try {
            while (QuarkusTransaction.requiringNew().call(takeOne)) {
                // next item
            }
        } catch (RetryLater e) {
            log.errorf(e, "%s; retried later", e.getMessage());
            QuarkusTransaction.requiringNew().run(e.requeue);
        }
    }
}
