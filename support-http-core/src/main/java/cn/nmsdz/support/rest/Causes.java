package cn.nmsdz.support.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An exception's cause chain, walked once whatever its shape. The JDK refuses only an exception that is its own cause;
 * two exceptions can still name each other ({@code a.initCause(b); b.initCause(a)}), and a walk that follows
 * {@code getCause()} until null then never ends, on the thread that was to answer the request. Here the chain ends
 * at the first exception met a second time, and after {@value #MAX_DEPTH} exceptions.
 */
public final class Causes {
    static final int MAX_DEPTH = 64;

    private Causes() {
    }

    /** The exception and its causes, outermost first. */
    public static List<Throwable> of(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < MAX_DEPTH && !met(chain, t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The outermost exception of {@code type} in the chain. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t : of(e)) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** The innermost exception of the chain (the exception itself when it has no cause). */
    public static Throwable root(Throwable e) {
        List<Throwable> chain = of(e);
        return chain.isEmpty() ? null : chain.get(chain.size() - 1);
    }

    /** By identity: an exception class may define equals. */
    private static boolean met(List<Throwable> chain, Throwable t) {
        for (Throwable seen : chain) {
            if (seen == t) {
                return true;
            }
        }
        return false;
    }
}
