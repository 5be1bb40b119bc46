package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The memo gives each syllable's forms as {@link Syllables} computes them, while it grows and after it is emptied. */
class SyllablesMemoTest {
    @Test
    void givesTheFormsOfTheSyllableInTheBuffer() {
        Syllables.Memo memo = new Syllables.Memo();
        char[] buf = "xHoàx".toCharArray();
        Syllables.Memo.Forms f = memo.get(java.util.Arrays.copyOfRange(buf, 1, 4), 3);
        assertEquals("hòa", f.exact());
        assertEquals("hoa", f.folded());
        char[] longer = "Hoàng".toCharArray();
        assertSame(f, memo.get(longer, 3), "the chars before the length are the key");
        assertEquals("hoàng", memo.get(longer, 5).exact());
    }

    @Test
    void staysRightPastItsLimit() {
        Syllables.Memo memo = new Syllables.Memo();
        String[] tones = {"a", "à", "á", "ả", "ã", "ạ", "ă", "â", "ằ", "ộ"};
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 150_000; i++) {
                String raw = "Th" + tones[i % tones.length] + i;
                Syllables.Memo.Forms f = memo.get(raw.toCharArray(), raw.length());
                assertEquals(Syllables.exact(raw), f.exact(), raw);
                assertEquals(Syllables.fold(raw), f.folded(), raw);
            }
        }
    }
}
