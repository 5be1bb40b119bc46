package camnang.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyTest {
    @TempDir
    Path tmp;

    private static boolean plain(String s) {
        return Body.plainlyComposed(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Every pair of the chars taken as plainly composed is in NFC: none composes with another. */
    @Test
    void charsTakenAsComposedAreNfcInEveryPair() {
        StringBuilder chars = new StringBuilder();
        for (char c = 0; c < 0xD800; c++) {
            if (plain(String.valueOf(c))) {
                chars.append(c);
            }
        }
        assertEquals(0x300 + 0x100 + 0x18, chars.length());
        char[] pair = new char[2];
        for (int i = 0; i < chars.length(); i++) {
            for (int j = 0; j < chars.length(); j++) {
                pair[0] = chars.charAt(i);
                pair[1] = chars.charAt(j);
                String s = new String(pair);
                if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
                    throw new AssertionError(String.format("U+%04X U+%04X", (int) pair[0], (int) pair[1]));
                }
            }
        }
        assertFalse(plain("hoa\u0300"), "a combining grave accent");
        assertFalse(plain("\u2000"), "en quad, which NFC turns into en space");
        assertFalse(plain("\uD83D\uDE00"), "outside the ranges, whatever it is");
        assertFalse(plain("\uFEFFHòa"), "a byte-order mark leaves it to the JDK's check");
        assertTrue(plain("Hòa giải ở cơ sở – “đúng” …"));
    }

    @Test
    void decomposedTextIsReadComposedAndLinesStay() throws Exception {
        Path f = tmp.resolve("a.md");
        String nfd = Normalizer.normalize("---\ntitle: A\n---\nHòa giải\nở cơ sở\n", Normalizer.Form.NFD);
        Files.write(f, nfd.getBytes(StandardCharsets.UTF_8));
        int start = nfd.indexOf("Ho");
        assertEquals("Hòa giải\nở cơ sở\n", Body.inFile(f, start, -1, -1).text());
    }
}
