package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tokens, positions and offsets, as Lucene's own analysis tests check them, and random input. */
class VietnameseAnalyzerTest {
    private static List<Analysis.Token> exact(String s) {
        return Analysis.tokens(s, VietnameseAnalyzer.Form.EXACT);
    }

    @Test
    void tokensPositionsAndOffsets() {
        assertEquals(List.of(
                new Analysis.Token("hòa", 0, 0, 3, "word"),
                new Analysis.Token("giải", 1, 4, 8, "word"),
                new Analysis.Token("viên", 2, 9, 13, "word")), exact("Hoà giải viên"));
    }

    @Test
    void documentNumbersAreKeptWholeAndSplit() {
        assertEquals(List.of(
                new Analysis.Token("số", 0, 0, 2, "word"),
                new Analysis.Token("315/qd-ttg", 1, 3, 13, "docno"),
                new Analysis.Token("315", 1, 3, 6, "word"),
                new Analysis.Token("qđ", 2, 7, 9, "word"),
                new Analysis.Token("ttg", 3, 10, 13, "word"),
                new Analysis.Token("ngày", 4, 15, 19, "word")), exact("số 315/QĐ-TTg, ngày"));
        assertEquals(List.of("01/2014/nqlt/cp-ubtumttqvn", "01", "2014", "nqlt", "cp", "ubtưmttqvn"),
                Analysis.terms("01/2014/NQLT/CP-UBTƯMTTQVN", VietnameseAnalyzer.Form.EXACT));
    }

    @Test
    void datesAndRangesAreNotDocumentNumbers() {
        assertEquals(List.of("24", "06", "2024", "2024", "2030"), Analysis.terms("24/06/2024, 2024-2030", VietnameseAnalyzer.Form.EXACT));
    }

    @Test
    void decomposedTextKeepsOffsetsIntoTheOriginal() {
        String nfd = "ho\u0300a gia\u0309i";
        assertEquals(List.of(
                new Analysis.Token("hòa", 0, 0, 4, "word"),
                new Analysis.Token("giải", 1, 5, 10, "word")), exact(nfd));
    }

    @Test
    void toneStylesAndFolding() {
        assertEquals(List.of("hòa", "thủy", "khỏe", "ủy", "quý", "hoàn", "giỏi", "thuyền"),
                Analysis.terms("hoà thuỷ khoẻ uỷ quý hoàn giỏi thuyền", VietnameseAnalyzer.Form.EXACT));
        assertEquals(List.of("hoa", "giai", "o", "co", "so", "dieu", "7"),
                Analysis.terms("Hòa giải ở cơ sở — Điều 7", VietnameseAnalyzer.Form.FOLDED));
    }

    @Test
    void randomInputNeverBreaksTheInvariants() {
        Random r = new Random(42);
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĐ0123456789 /-.,:;()\u0300\u0301\u0303\u0309\u0323\t\n\u00a0😀";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(40);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            for (VietnameseAnalyzer.Form form : VietnameseAnalyzer.Form.values()) {
                int lastStart = -1;
                for (Analysis.Token t : Analysis.tokens(s, form)) {
                    assertTrue(!t.text().isEmpty(), s);
                    assertTrue(t.start() >= 0 && t.end() <= s.length() && t.start() < t.end(), s + " " + t);
                    assertTrue(t.start() >= lastStart, s);
                    lastStart = t.start();
                }
            }
        }
    }
}
