package camnang.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gg.jte.output.Utf8ByteOutput;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buffer gives jte's own bytes: every char, surrogates paired and not, whole strings and ranges. */
class Utf8BufferTest {
    /** Writes the same calls into both outputs and compares. */
    private static void same(Utf8Buffer ours, Utf8ByteOutput jte) {
        assertArrayEquals(jte.toByteArray(), ours.toByteArray());
    }

    @Test
    void everyChar() {
        Utf8Buffer ours = Utf8Buffer.take();
        try {
            Utf8ByteOutput jte = new Utf8ByteOutput();
            for (int c = 0; c <= 0xFFFF; c++) {
                String s = String.valueOf((char) c);
                ours.writeContent(s);
                jte.writeContent(s);
            }
            same(ours, jte);
        } finally {
            ours.release();
        }
    }

    @Test
    void randomTextsRangesAndBytes() {
        String alphabet = "aZ0 <>&\"'\n\u00e0\u1ea1\u0111\u0300\u20ac\uffff\ud83d\ude00\ud800\udc00";
        Random random = new Random(20261127);
        for (int round = 0; round < 2000; round++) {
            Utf8Buffer ours = Utf8Buffer.take();
            try {
                Utf8ByteOutput jte = new Utf8ByteOutput();
                for (int piece = random.nextInt(12); piece > 0; piece--) {
                    StringBuilder t = new StringBuilder();
                    // Long pieces too, past the buffer's first size.
                    for (int n = random.nextInt(random.nextInt(10) == 0 ? 40_000 : 30); n > 0; n--) {
                        t.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    String s = t.toString();
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            ours.writeContent(s);
                            jte.writeContent(s);
                        }
                        case 1 -> {
                            int from = random.nextInt(s.length() + 1);
                            int to = from + random.nextInt(s.length() - from + 1);
                            ours.writeContent(s, from, to);
                            jte.writeContent(s, from, to);
                        }
                        default -> {
                            byte[] b = s.getBytes(StandardCharsets.UTF_8);
                            ours.writeBinaryContent(b);
                            jte.writeBinaryContent(b);
                        }
                    }
                }
                same(ours, jte);
            } finally {
                ours.release();
            }
        }
    }

    @Test
    void aTemplateInsideAnotherGetsABufferOfItsOwn() {
        Utf8Buffer outer = Utf8Buffer.take();
        try {
            outer.writeContent("ngoài ");
            Utf8Buffer inner = Utf8Buffer.take();
            try {
                inner.writeContent("trong");
                assertEquals("trong", new String(inner.toByteArray(), StandardCharsets.UTF_8));
            } finally {
                inner.release();
            }
            outer.writeContent("tiếp");
            assertEquals("ngoài tiếp", new String(outer.toByteArray(), StandardCharsets.UTF_8));
        } finally {
            outer.release();
        }
        Utf8Buffer again = Utf8Buffer.take();
        try {
            assertEquals(0, again.toByteArray().length);
        } finally {
            again.release();
        }
    }
}
