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
}
