package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlugTest {
    @Test
    void vietnameseHeadingsBecomeReadableAsciiSlugs() {
        assertEquals("dieu-7-tieu-chuan", Slug.of("Điều 7. Tiêu chuẩn"));
        assertEquals("dieu-7-tieu-chuan", Slug.of("ĐIỀU 7 – TIÊU CHUẨN"));
        assertEquals("diem-d-va-diem-d", Slug.of("điểm đ và điểm d"));
        assertEquals("hoa-giai", Slug.of("hoà giải"));
        assertEquals("hoa-giai", Slug.of("hòa giải"));
        assertEquals("hoa-giai", Slug.of("ho\u0300a gia\u0309i"), "decomposed (NFD) text");
        assertEquals("315-qd-ttg", Slug.of("315/QĐ-TTg"));
        assertEquals("", Slug.of("…"));
    }

    @Test
    void relativeUrls() {
        assertEquals("b.html", Urls.relative("a.html", "b.html"));
        assertEquals("../index.html", Urls.relative("x/a.html", "index.html"));
        assertEquals("y/b.html", Urls.relative("a.html", "y/b.html"));
        assertEquals("../y/b.html", Urls.relative("x/a.html", "y/b.html"));
        assertEquals("../../assets/s.css", Urls.relative("x/z/a.html", "assets/s.css"));
        assertEquals("index.html", Urls.relative("x/index.html", "x/index.html"));
        assertEquals("a%20b.pdf", Urls.encodePath("a b.pdf"));
    }

    /** Folding a character at a time from the table gives what decomposing the whole text gives. */
    @Test
    void foldingByTableEqualsDecomposingTheWholeText() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String s = String.valueOf((char) c);
            assertEquals(Slug.foldSlowly(s), Slug.fold(s), () -> "U+" + Integer.toHexString(s.charAt(0)));
        }
        // Texts mixing precomposed letters, marks after them (NFD, and marks on marks), spacing
        // marks, other scripts and surrogate pairs.
        String alphabet = "aAđĐăâêôơưÀÁẢÃẠằẳẵặấềểễệốờởỡợứừửữựỳỷỹỵ Ωώйё1/-.\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B"
                + "\u0345\u0903\u0488\u093F\u0915\u1E9E\u1EA0\u2126\u212B\uAC00\uFF21\uD835\uDC00";
        java.util.Random random = new java.util.Random(20261127);
        int folded = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder t = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                t.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = t.toString();
            assertEquals(Slug.foldSlowly(s), Slug.fold(s), s);
            assertEquals(slugSlowly(s), Slug.of(s), s);
            folded += Slug.fold(s).length();
        }
        assertEquals("hoa giai vien o co so dieu 7", Slug.fold("Hoà giải viên ở cơ sở ĐIỀU 7"));
        assertEquals("hoa", Slug.fold("ho\u0300a"));
        assertEquals(true, folded > 100_000, "characters folded: " + folded);
    }

    /** A slug as it was first written: the folded text's runs of letters and digits joined by dashes. */
    private static String slugSlowly(String s) {
        return String.join("-", java.util.Arrays.stream(Slug.foldSlowly(s).split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList());
    }
}
