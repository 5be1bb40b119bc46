package camnang.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a small site's output holds: generated lists, drafts left out, raw HTML by setting, the 404 page. */
class SiteOutputTest {
    @TempDir
    Path tmp;

    private Path build(Map<String, String> files, String... extra) {
        Path src = TestSites.write(tmp.resolve("content"), files);
        Path out = tmp.resolve("site");
        String[] args = new String[4 + extra.length];
        args[0] = "build";
        args[1] = "--source";
        args[2] = src.toString();
        args[3] = "--out=" + out;
        System.arraycopy(extra, 0, args, 4, extra.length);
        TestSites.Run r = TestSites.run(args);
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), TestSites.brokenLinks(out));
        return out;
    }

    private static Document html(Path p) throws IOException {
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    @Test
    void tagsInEitherToneStyleAreOneTag() throws IOException {
        Path out = build(Map.of(
                "a.md", "---\ntitle: A\ndate: 2024-01-02\ntags: [hòa giải]\n---\n",
                "b.md", "---\ntitle: B\ndate: 2024-01-03\ntags: [hoà giải, Thủ tục]\n---\n"));
        Document tag = html(out.resolve("chu-de/hoa-giai.html"));
        assertEquals(List.of("B", "A"), tag.select(".danh-sach li > a").eachText(), "newest first");
        assertEquals(List.of("hoà giải", "Thủ tục"), html(out.resolve("chu-de/index.html")).select(".danh-sach li > a").eachText());
    }

    @Test
    void decomposedTextIsPublishedComposed() throws IOException {
        Path out = build(Map.of("a.md", "---\ntitle: Ho\u0300a gia\u0309i\n---\n\nNo\u0323\u0302i dung ho\u0300a gia\u0309i.\n"));
        String html = Files.readString(out.resolve("a.html"));
        assertTrue(java.text.Normalizer.isNormalized(html, java.text.Normalizer.Form.NFC));
        assertTrue(html.contains("<h1>Hòa giải</h1>") && html.contains("Nội dung hòa giải."), html);
    }

    @Test
    void draftsAreLeftOut() {
        Path out = build(Map.of("a.md", "---\ntitle: A\n---\n", "nhap.md", "---\ntitle: Nháp\ndraft: true\n---\n"));
        assertTrue(Files.exists(out.resolve("a.html")));
        assertFalse(Files.exists(out.resolve("nhap.html")));
    }

    @Test
    void rawHtmlIsKeptWhenTheSiteAllowsIt() throws IOException {
        Path out = build(Map.of("site.yaml", "raw_html: allow\n",
                "a.md", "---\ntitle: A\n---\n<div class=\"khung-rieng\" onclick=\"mo()\">Nội dung</div>\n"));
        assertEquals("mo()", html(out.resolve("a.html")).select(".khung-rieng").attr("onclick"));
    }

    @Test
    void rawHtmlIsSanitisedByDefault() throws IOException {
        Path out = build(Map.of("a.md", "---\ntitle: A\n---\n<div class=\"khung-rieng\" onclick=\"mo()\">Nội dung</div>\n<script>x()</script>\n"));
        Document d = html(out.resolve("a.html"));
        assertEquals("", d.select(".khung-rieng").attr("onclick"));
        assertEquals("Nội dung", d.select(".khung-rieng").text());
        assertTrue(d.select("main script").isEmpty());
    }

    @Test
    void notFoundPageUsesTheBaseUrlWhenKnown() throws IOException {
        Path out = build(Map.of("a.md", "---\ntitle: A\n---\n"), "--base-url", "https://x.gov.vn/phuong-1/");
        Document d = html(out.resolve("404.html"));
        assertEquals("https://x.gov.vn/phuong-1/", d.select("base").attr("href"));
        assertEquals("Không tìm thấy trang", d.select("h1").text());
    }

    @Test
    void recentlyUpdatedListsNewestChangeFirst() throws IOException {
        Path out = build(Map.of(
                "a.md", "---\ntitle: Cũ\ndate: 2024-01-01\n---\n",
                "b.md", "---\ntitle: Mới sửa\ndate: 2023-01-01\nupdated: 2026-11-01\n---\n",
                "c.md", "---\ntitle: Không ngày\n---\n"));
        assertEquals(List.of("Mới sửa", "Cũ"), html(out.resolve("moi-cap-nhat.html")).select(".danh-sach li > a").eachText());
    }

    @Test
    void sectionsAreOrderedByWeightThenTitle() throws IOException {
        Path out = build(Map.of(
                "muc/_index.md", "---\ntitle: Mục\n---\n",
                "muc/c.md", "---\ntitle: Ăn\n---\n",
                "muc/b.md", "---\ntitle: Ba\n---\n",
                "muc/a.md", "---\ntitle: Zê\nweight: 1\n---\n",
                "muc/d.md", "---\ntitle: Âm\n---\n"));
        assertEquals(List.of("Zê", "Ăn", "Âm", "Ba"), html(out.resolve("muc/index.html")).select(".danh-sach li > a").eachText());
    }
}
