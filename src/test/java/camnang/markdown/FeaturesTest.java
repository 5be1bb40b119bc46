package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The marks that pick a page's parser extensions are found wherever they lie in the text. */
class FeaturesTest {
    @Test
    void sameAsSearchingForEach() {
        Random r = new Random(7);
        String[] pieces = {"|", "[", "^", "TOC", "toc", "\n", ":", "~", "!", "?", "q", "uiz", "quiz", "a", "ờ", "hòa giải ",
            "!!", "??", "Điều 1. "};
        int[] found = new int[1];
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            // Long texts, a feature far from the start.
            int len = n % 10 == 0 ? 4000 + r.nextInt(5000) : r.nextInt(40);
            while (sb.length() < len) {
                sb.append(n % 10 == 0 && r.nextInt(50) > 0 ? "hòa giải " : pieces[r.nextInt(pieces.length)]);
            }
            String s = sb.toString();
            int expected = expected(s);
            assertEquals(expected, Markdown.features(s), s);
            found[0] |= expected;
        }
        assertEquals(127, found[0], "every feature was met");
    }

    private static int expected(String s) {
        int f = 0;
        f |= s.contains("|") ? Markdown.TABLES : 0;
        f |= s.contains("[^") ? Markdown.FOOTNOTES : 0;
        f |= s.contains("[TOC") || s.contains("[toc") ? Markdown.TOC : 0;
        f |= s.contains("\n:") || s.contains("\n~") ? Markdown.DEFINITIONS : 0;
        f |= s.contains("!!!") || s.contains("???") ? Markdown.CALLOUTS : 0;
        f |= s.contains("~~") ? Markdown.STRIKE : 0;
        f |= s.contains("quiz") ? Markdown.QUIZ : 0;
        return f;
    }
}
