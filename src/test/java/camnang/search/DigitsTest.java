package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The digits the browser decodes: base 45, least significant first, a continuing digit from the upper half. */
class DigitsTest {
    @Test
    void exactDigitsAtEachLengthsEdges() {
        assertEquals("#", new Digits().add(0).toString());
        assertEquals("O", new Digits().add(44).toString());
        assertEquals("P$", new Digits().add(45).toString());
        assertEquals("}O", new Digits().add(2024).toString());
        assertEquals("PP$", new Digits().add(2025).toString());
        assertEquals("#O$P$", new Digits().add(0).add(44).add(1).add(45).toString());
    }

    @Test
    void numbersBeyondAnIntKeepTheirDigits() {
        for (long v : new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 1L << 40, Long.MAX_VALUE}) {
            assertEquals(v, decode(new Digits().add(v).toString()), Long.toString(v));
        }
        assertEquals(12, new Digits().add(Long.MAX_VALUE).length());
    }

    @Test
    void randomNumbersDecodeToThemselvesInOrder() {
        Random r = new Random(7);
        Digits d = new Digits();
        long[] values = new long[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 4) {
                case 0 -> r.nextInt(45);
                case 1 -> r.nextInt(100_000);
                case 2 -> r.nextInt() & Integer.MAX_VALUE;
                default -> r.nextLong() & Long.MAX_VALUE;
            };
            d.add(values[i]);
        }
        String s = d.toString();
        assertEquals(s.length(), d.length());
        int at = 0;
        for (long v : values) {
            int end = at;
            while (Digits.ALPHABET.indexOf(s.charAt(end)) >= Digits.BASE) {
                end++;
            }
            assertEquals(v, decode(s.substring(at, end + 1)));
            at = end + 1;
        }
        assertEquals(s.length(), at);
    }

    @Test
    void negativeIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new Digits().add(-1));
    }

    /** As camnang.js reads a number. */
    private static long decode(String s) {
        long v = 0;
        long scale = 1;
        for (int i = 0; i < s.length(); i++) {
            int c = Digits.ALPHABET.indexOf(s.charAt(i));
            if (c >= Digits.BASE) {
                v += (c - Digits.BASE) * scale;
                scale *= Digits.BASE;
            } else {
                v += c * scale;
                assertEquals(s.length() - 1, i, "a number ends at its last digit");
            }
        }
        return v;
    }
}
