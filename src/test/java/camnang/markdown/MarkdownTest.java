package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Problem;
import camnang.Problems;
import camnang.html.Html;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownTest {
    @TempDir
    Path tmp;
    Problems problems = new Problems("content");

    private Map<String, RenderedPage> render(Map<String, String> files) {
        return MarkdownSites.render(tmp, files, problems);
    }

    private String html(String body) {
        return render(Map.of("a.md", "---\ntitle: A\n---\n" + body)).get("a.md").html();
    }

    private List<String> messages() {
        return problems.sorted().stream().map(p -> p.format().lines().findFirst().orElse("")).toList();
    }

    @Test
    void tablesFootnotesDefinitionsStrikethrough() {
        String h = html("""
                | Cột | Giá trị |
                |---|---|
                | a | b |

                Câu có chú thích.[^1] ~~bỏ~~

                Hòa giải viên
                : Người được công nhận để hòa giải.

                [^1]: Điều 2 Luật Hòa giải ở cơ sở.
                """);
        assertTrue(h.contains("<table class=\"bang\">"), h);
        assertTrue(h.contains("<th>Cột</th>"), h);
        assertTrue(h.contains("<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup>"), h);
        assertTrue(h.contains("<li id=\"fn-1\">"), h);
        assertTrue(h.contains("<dl>\n<dt>Hòa giải viên</dt>\n<dd>Người được công nhận để hòa giải.</dd>\n</dl>"), h);
        assertTrue(h.contains("<del>bỏ</del>"), h);
        assertEquals(List.of(), messages());
    }

    @Test
    void calloutsArePlainAccessibleHtml() {
        String h = html("""
                !!! warning "Chú ý"
                    Không hòa giải việc vi phạm hình sự.

                !!! tip
                    Lắng nghe trước.
                """);
        assertEquals("""
                <aside class="callout callout-warning" role="note">
                <p class="callout-title">Chú ý</p>
                <p>Không hòa giải việc vi phạm hình sự.</p>
                </aside>
                <aside class="callout callout-tip" role="note">
                <p class="callout-title">Mẹo</p>
                <p>Lắng nghe trước.</p>
                </aside>
                """, h);
    }

    @Test
    void bareAddressesBecomeLinksWithoutTrailingPunctuation() {
        String h = html("Xem https://vbpl.vn/TW/Pages/home.aspx. Hoặc (https://example.gov.vn/a_(b)). Và `https://code.vn`.\n");
        assertTrue(h.contains("<a href=\"https://vbpl.vn/TW/Pages/home.aspx\">https://vbpl.vn/TW/Pages/home.aspx</a>."), h);
        assertTrue(h.contains("(<a href=\"https://example.gov.vn/a_(b)\">https://example.gov.vn/a_(b)</a>)."), h);
        assertTrue(h.contains("<code>https://code.vn</code>"), h);
    }

    @Test
    void headingIdsAreStableUniqueSlugs() {
        RenderedPage p = render(Map.of("a.md", """
                ---
                title: A
                ---
                ## Điều 7. Tiêu chuẩn
                ## Mục
                ## Mục
                ## Mục 1
                ### Điểm đ
                ### Điểm d
                ## Chương I {#chuong-mot}
                """)).get("a.md");
        assertEquals(List.of("dieu-7", "muc", "muc-1", "muc-1-1", "diem-d", "diem-d-1", "chuong-mot"),
                p.headings().stream().map(RenderedPage.Heading::id).toList());
        assertTrue(p.html().contains("<h2 id=\"chuong-mot\">Chương I</h2>"), p.html());
    }

    @Test
    void inlineTableOfContents() {
        String h = html("[TOC]\n\n## Một\n\n## Hai\n");
        assertTrue(h.contains("<a href=\"#mot\">Một</a>") && h.contains("<a href=\"#hai\">Hai</a>"), h);
    }

    @Test
    void linksBecomeRelativeOutputUrls() {
        Map<String, RenderedPage> pages = render(Map.of(
                "a.md", "---\ntitle: A\n---\n[b](muc/b.md#phan-hai) [mục](muc/) [pdf](tai-lieu/Mẫu đơn.pdf) [pdf2](<tai-lieu/Mẫu đơn.pdf>) [ngoài](https://vbpl.vn)\n",
                "muc/b.md", "---\ntitle: B\n---\n## Phần hai\n[a](../a.md) [gốc](/a.md) [trang](../a.html)\n",
                "tai-lieu/Mẫu đơn.pdf", "%PDF-1.4"));
        assertEquals(List.of(), messages());
        String a = pages.get("a.md").html();
        assertTrue(a.contains("href=\"muc/b.html#phan-hai\""), a);
        assertTrue(a.contains("href=\"muc/index.html\""), a);
        assertEquals(2, a.split("href=\"tai-lieu/mau-don.pdf\"", -1).length - 1, a);
        assertTrue(a.contains("href=\"https://vbpl.vn\""), a);
        String b = pages.get("muc/b.md").html();
        assertEquals(3, b.split("href=\"../a.html\"", -1).length - 1, b);
    }

    @Test
    void anchorsWrittenWithDiacriticsAreMended() {
        Map<String, RenderedPage> pages = render(Map.of(
                "a.md", "---\ntitle: A\n---\n[Điều 7](b.md#Điều-7-tiêu-chuẩn) [tại chỗ](#Mục-một)\n\n## Mục một\n",
                "b.md", "---\ntitle: B\n---\n## Điều 7. Tiêu chuẩn\n"));
        assertEquals(List.of(), messages());
        String a = pages.get("a.md").html();
        assertTrue(a.contains("href=\"b.html#dieu-7\""), a);
        assertTrue(a.contains("href=\"#muc-mot\""), a);
    }

    @Test
    void imagesNeedAltText() {
        render(Map.of("a.md", "---\ntitle: A\n---\n\n![](so-do.png)\n![Sơ đồ](so-do.png)\n", "so-do.png", "x"));
        assertEquals(List.of("content/a.md:5: cảnh báo: ảnh không có mô tả (alt)"), messages());
    }

    @Test
    void rawHtmlIsSanitisedWithAWarning() {
        RenderedPage p = render(Map.of("a.md", """
                ---
                title: A
                ---
                Chữ <b>đậm</b> và <span onclick="x()">nguy hiểm</span>.

                <script>alert(1)</script>
                """)).get("a.md");
        assertTrue(p.hasRawHtml());
        String clean = Html.sanitize(p.html());
        assertTrue(clean.contains("<b>đậm</b>"), clean);
        assertTrue(clean.contains("<span>nguy hiểm</span>"), clean);
        assertFalse(clean.contains("script") || clean.contains("onclick"), clean);
        assertEquals(List.of(
                "content/a.md:4: cảnh báo: mã HTML không an toàn (script, style, iframe, thuộc tính on…) đã bị lọc bỏ",
                "content/a.md:6: cảnh báo: mã HTML không an toàn (script, style, iframe, thuộc tính on…) đã bị lọc bỏ"),
                messages());
    }

    @Test
    void linkToDraftSaysSo() {
        render(Map.of("a.md", "---\ntitle: A\n---\n[b](b.md)\n", "b.md", "---\ntitle: B\ndraft: true\n---\n"));
        assertEquals(List.of("content/a.md:4: lỗi: liên kết tới \"b.md\": trang này đang là bản nháp (draft: true) nên không được xuất bản"),
                messages());
    }

    @Test
    void sectionTextsForSearch() {
        RenderedPage p = render(Map.of("a.md", "---\ntitle: A\n---\nMở đầu **đậm**.\n\n## Điều 1. Phạm vi\n\nNội dung một.\n\n- ý a\n- ý b\n")).get("a.md");
        assertEquals(List.of(
                new RenderedPage.SectionText("", "", 0, "Mở đầu đậm."),
                new RenderedPage.SectionText("dieu-1", "Điều 1. Phạm vi", 2, "Nội dung một.\ný a\ný b")),
                p.sections());
    }

    @Test
    void tableCellsDoNotRunTogetherInSearchText() {
        RenderedPage p = render(Map.of("a.md", "---\ntitle: A\n---\n| Ngày | 01/01/2014 |\n|---|---|\n| Văn bản | Luật **35/2013/QH13** |\n")).get("a.md");
        assertEquals(List.of(new RenderedPage.SectionText("", "", 0, "Ngày\t01/01/2014\nVăn bản\tLuật 35/2013/QH13")),
                p.sections());
    }

    @Test
    void problemsCarryTheFileLine() {
        render(Map.of("a.md", "---\ntitle: A\n---\n\n\n\nDòng bảy [x](khong-co.md).\n"));
        Problem p = problems.sorted().get(0);
        assertEquals("content/a.md", p.file());
        assertEquals(7, p.line());
    }
}
