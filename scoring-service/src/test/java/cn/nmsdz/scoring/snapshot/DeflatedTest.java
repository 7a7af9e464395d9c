package cn.nmsdz.scoring.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A head compressed under the feed lock followed by a bulk compressed before reads back as the two texts joined. */
class DeflatedTest {

    @Test
    void aHeadThenAnIndependentlyCompressedBulkInflateToTheJoinedText() {
        Random random = new Random(12);
        for (int round = 0; round < 200; round++) {
            String head = text(random, random.nextInt(400));
            String bulk = text(random, random.nextInt(120_000));
            assertEquals(head + bulk, Deflated.inflate(Deflated.headThen(head, Deflated.last(bulk))), "round " + round);
            int cut = bulk.isEmpty() ? 0 : random.nextInt(bulk.length());
            assertEquals(head + bulk, Deflated.inflate(Deflated.headThen(head, Deflated.last(
                    bulk.substring(0, cut).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    bulk.substring(cut).getBytes(java.nio.charset.StandardCharsets.UTF_8)))), "round " + round + " in parts");
        }
    }

    @Test
    void aTruncatedOrCorruptStreamIsRefusedNotReadShort() {
        byte[] whole = Deflated.headThen("{\"id\":1", Deflated.last(",\"confirmed\":null}".repeat(50)));
        assertThrows(IllegalStateException.class, () -> Deflated.inflate(Arrays.copyOf(whole, whole.length - 3)));
        byte[] corrupt = whole.clone();
        corrupt[0] = (byte) 0xff; // a reserved block type
        assertThrows(IllegalStateException.class, () -> Deflated.inflate(corrupt));
    }

    /** JSON-like text with repeats (as a body has) and, now and then, non-ASCII characters. */
    private static String text(Random random, int length) {
        String[] words = {"\"code\":", "\"args\":{", "\"metric\":\"online_retail_sales\"", "},", "2025", "[", "]",
                "\"平陆县\"", ",", "\"points\":1.5"};
        StringBuilder s = new StringBuilder(length + 40);
        while (s.length() < length) {
            s.append(random.nextInt(10) < 8 ? words[random.nextInt(words.length)] : (char) (' ' + random.nextInt(90)));
        }
        return s.toString();
    }
}
