package cn.nmsdz.scoring.snapshot;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A stored snapshot's JSON text compressed as raw DEFLATE (RFC 1951), in two parts: the bulk (its results), compressed
 * when the snapshot is computed, and the head (id and number, known only under the feed lock), compressed there in
 * microseconds. A head ending on a byte boundary without the final-block bit followed by an independently compressed
 * bulk is one valid DEFLATE stream (the bulk never refers back into the head), so the two are simply concatenated.
 */
public final class Deflated {
    /** Speed over ratio: ~41 KB of JSON to ~6 KB in a fraction of a millisecond. */
    private static final int LEVEL = Deflater.BEST_SPEED;

    private Deflated() {
    }

    /** The bulk: the UTF-8 text of the parts joined, as its own final DEFLATE stream. */
    static byte[] last(byte[]... parts) {
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
            byte[] buffer = new byte[8 * 1024];
            for (byte[] part : parts) {
                deflater.setInput(part);
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** {@link #last(byte[]...)} of a text. */
    static byte[] last(String text) {
        return last(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The head followed by the bulk compressed before ({@link #last}): one DEFLATE stream of head + bulk's text. */
    static byte[] headThen(String head, byte[] last) {
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            deflater.setInput(head.getBytes(StandardCharsets.UTF_8));
            // a sync flush ends the head's blocks on a byte boundary and marks none of them final
            byte[] first = syncFlushed(deflater);
            byte[] whole = new byte[first.length + last.length];
            System.arraycopy(first, 0, whole, 0, first.length);
            System.arraycopy(last, 0, whole, first.length, last.length);
            return whole;
        } finally {
            deflater.end();
        }
    }

    private static byte[] syncFlushed(Deflater deflater) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        byte[] buffer = new byte[1024];
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
            if (n < buffer.length) { // a flush is complete when it leaves room in the buffer
                return out.toByteArray();
            }
        }
    }

    /** The text back. */
    public static String inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 8);
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a stored snapshot's DEFLATE stream ends before its final block");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored snapshot's DEFLATE stream is corrupt", e);
        } finally {
            inflater.end();
        }
    }
}
