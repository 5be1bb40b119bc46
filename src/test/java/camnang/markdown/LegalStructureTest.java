package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import camnang.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Legal texts: units become headings with readable ids; khoản and điểm get anchors where asked. */
class LegalStructureTest {
    @TempDir
    Path tmp;
    Problems problems = new Problems("content");

    private Map<String, RenderedPage> render(Map<String, String> files) {
        Map<String, RenderedPage> m = MarkdownSites.render(tmp, files, problems);
        Markdown.reportCitations(List.copyOf(m.values()), problems);
        return m;
    }

    private List<String> messages() {
        return problems.sorted().stream().map(p -> p.format().lines().findFirst().orElse("")).toList();
    }

    private static List<String> matches(String html, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void plainLinesOfALegalTextBecomeHeadingsWithReadableIds() {
        RenderedPage p = render(Map.of("luat.md", """
                ---
                title: Luật mẫu
                khoan_diem: true
                ---
                Phần thứ nhất

                Chương I

                NHỮNG QUY ĐỊNH CHUNG

                Điều 1. Phạm vi điều chỉnh

                1. Luật này quy định về hòa giải ở cơ sở.

                2. Không áp dụng cho:

                a) hòa giải của tòa án;

                d) hòa giải thương mại;

                đ) hòa giải lao động.

                Chương II. Hòa giải viên

                Mục 1. Tiêu chuẩn

                Điều 7. Tiêu chuẩn hòa giải viên

                Người có uy tín. Điều 10 của Luật này nói về nghĩa vụ.

                **Mục 2. Tổ hòa giải**

                Điều 12a. Tổ hòa giải

                Tổ có ít nhất ba người.
                """)).get("luat.md");
        assertEquals(List.of(
                        "<h2 id=\"phan-1\">Phần thứ nhất</h2>",
                        "<h3 id=\"chuong-1\">Chương I. NHỮNG QUY ĐỊNH CHUNG</h3>",
                        "<h5 id=\"dieu-1\">Điều 1. Phạm vi điều chỉnh</h5>",
                        "<h3 id=\"chuong-2\">Chương II. Hòa giải viên</h3>",
                        "<h4 id=\"chuong-2-muc-1\">Mục 1. Tiêu chuẩn</h4>",
                        "<h5 id=\"dieu-7\">Điều 7. Tiêu chuẩn hòa giải viên</h5>",
                        "<h4 id=\"chuong-2-muc-2\">Mục 2. Tổ hòa giải</h4>",
                        "<h5 id=\"dieu-12a\">Điều 12a. Tổ hòa giải</h5>"),
                matches(p.html(), "<h\\d id=[^>]*>[^<]*</h\\d>"));
        assertEquals(List.of("phan", "chuong", "dieu", "chuong", "muc", "dieu", "muc", "dieu"),
                p.headings().stream().map(RenderedPage.Heading::unit).toList());
        assertEquals(List.of("<li id=\"dieu-1-khoan-1\">", "<li id=\"dieu-1-khoan-2\">"), matches(p.html(), "<li id=[^>]*>"));
        // điểm đ and điểm d never share an anchor.
        assertEquals(List.of("<p id=\"dieu-1-khoan-2-diem-a\">", "<p id=\"dieu-1-khoan-2-diem-d\">",
                "<p id=\"dieu-1-khoan-2-diem-dd\">"), matches(p.html(), "<p id=[^>]*>"));
        // "Điều 10 của Luật này" in the law itself leads to its article (which this sample lacks: to the page).
        assertTrue(p.html().contains("<a href=\"#\">Điều 10 của Luật này</a>") || p.html().contains("Điều 10 của Luật này"),
                p.html());
        assertEquals(List.of(), messages());
    }

    @Test
    void proseAndCodeStayAsTheyAreAndLinesKeepTheirNumbers() {
        Map<String, RenderedPage> r = render(Map.of("a.md", """
                ---
                title: A
                ---
                Mục 1

                Điều 10 của Luật Hòa giải quy định nghĩa vụ.

                ```
                Điều 3. Trong khối mã
                ```

                Điều 4. Một điều
                nối tiếp một dòng, nên không phải tiêu đề.

                [hỏng](khong-co.md)
                """, "b.md", """
                ---
                title: B
                khoan_diem: false
                ---
                Điều 1. Phạm vi

                1. Khoản một.

                a) Điểm a.

                [hỏng](khong-co.md)
                """));
        String a = r.get("a.md").html();
        assertEquals(List.of(), matches(a, "<h\\d[^>]*>"));
        assertTrue(a.contains("<p>Mục 1</p>"), a);
        assertTrue(a.contains("<code>Điều 3. Trong khối mã\n</code>"), a);
        String b = r.get("b.md").html();
        assertEquals(List.of("<h2 id=\"dieu-1\">"), matches(b, "<h\\d[^>]*>"));
        // Without khoan_diem the khoản and điểm have no ids.
        assertEquals(List.of(), matches(b, "<(li|p) id=[^>]*>"));
        assertEquals(List.of(
                "content/a.md:15: lỗi: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào",
                "content/b.md:11: lỗi: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào"), messages());
    }

    @Test
    void anArticleWhoseClausesShareItsLineGetsAShortHeading() {
        String clause = "Người nội bộ của công ty đại chúng phải công bố thông tin, báo cáo trước và sau khi thực hiện "
                + "giao dịch cho Ủy ban Chứng khoán Nhà nước và Sở giao dịch chứng khoán theo quy định.";
        Map<String, RenderedPage> r = render(Map.of("a.md", """
                ---
                title: A
                ---
                Điều 5. Công bố thông tin của người nội bộ 1. %s 2. %s

                Điều 6. Điều ngắn 1. Không tách vì dòng ngắn.

                [hỏng](khong-co.md)
                """.formatted(clause, clause)));
        String a = r.get("a.md").html();
        assertEquals(List.of("<h2 id=\"dieu-5\">Điều 5. Công bố thông tin của người nội bộ</h2>",
                "<h2 id=\"dieu-6\">Điều 6. Điều ngắn 1. Không tách vì dòng ngắn.</h2>"), matches(a, "<h2[^>]*>[^<]*</h2>"));
        assertTrue(a.contains("<ol>\n<li>" + clause + " 2. " + clause + "</li>\n</ol>"), a);
        // The clauses took the blank line below: the lines after keep their numbers.
        assertEquals(List.of("content/a.md:8: lỗi: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào"), messages());
    }

    @Test
    void authoredHeadingsOfArticlesTakeTheLegalIds() {
        RenderedPage p = render(Map.of("a.md", """
                ---
                title: A
                ---
                ## Chương III. Hoạt động hòa giải ở cơ sở

                ### Điều 16. Căn cứ tiến hành hòa giải

                ### Điều 16. Lặp lại

                ## Hướng dẫn thêm {#them}

                [Điều 16](#dieu-16) và [Chương III](#chuong-3)
                """)).get("a.md");
        assertEquals(List.of("<h2 id=\"chuong-3\">", "<h3 id=\"dieu-16\">", "<h3 id=\"dieu-16-1\">", "<h2 id=\"them\">"),
                matches(p.html(), "<h\\d[^>]*>"));
        assertEquals(List.of(), messages());
    }

    /** Issue 4's acceptance: the 33 articles of Luật 35/2013/QH13 in the legal corpus get anchors and headings. */
    @Test
    void theCorpusLawOfGrassrootsMediationHasItsThirtyThreeArticles() throws Exception {
        Path page = Path.of("../shared/corpus/phap-dien/to-tung-va-cac-phuong-thuc-giai-quyet-tranh-chap/hoa-giai-o-co-so.md");
        assumeTrue(Files.exists(page), "the legal corpus is not beside the project (../shared/corpus/phap-dien): skipped");
        RenderedPage p = render(Map.of("hoa-giai-o-co-so.md", Files.readString(page))).get("hoa-giai-o-co-so.md");
        List<String> lq = p.headings().stream().filter(h -> h.unit().equals("dieu") && h.id().startsWith("dieu-37-1-lq-"))
                .map(RenderedPage.Heading::id).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 33; i++) {
            expected.add("dieu-37-1-lq-" + i);
        }
        assertEquals(expected, lq);
        assertTrue(p.html().contains("<h4 id=\"dieu-37-1-lq-7\">Điều 37.1.LQ.7. Tiêu chuẩn hòa giải viên</h4>"), p.html());
        assertTrue(p.ids().contains("dieu-37-1-nd-1-1"));
        assertEquals("chuong-1", p.headings().stream().filter(h -> h.unit().equals("chuong")).findFirst().orElseThrow().id());
        // Search shows which article of the law a code-numbered article reproduces.
        assertTrue(p.sections().stream().anyMatch(s -> s.id().equals("dieu-37-1-lq-9")
                && s.heading().equals("Điều 37.1.LQ.9. Quyền của hòa giải viên (Điều 9 Luật số 35/2013/QH13)")), "heading of LQ.9");
        // The metadata table is the page's metadata, not part of its text.
        assertEquals("35/2013/QH13", p.page().meta().legal().number());
        assertTrue(!p.html().contains("<strong>Số hiệu</strong>"), "the metadata table is left out of the body");
    }

    @Test
    void rowsOfTheMetadataTableThatTheBoxDoesNotShowStay() {
        RenderedPage p = render(Map.of("a.md", """
                ---
                title: Thông tư
                ---
                | Thuộc tính | Nội dung |
                |---|---|
                | **Số hiệu** | 70/2026/TT-BCA |
                | **Lĩnh vực** | Xuất nhập cảnh |
                | **Ngày ban hành** | 25/05/2026 |
                """)).get("a.md");
        assertEquals("70/2026/TT-BCA", p.page().meta().legal().number());
        assertEquals(List.of("<tr><td><strong>Lĩnh vực</strong></td><td>Xuất nhập cảnh</td></tr>"),
                matches(p.html().replace("\n", ""), "<tr><td>.*?</tr>"));
        RenderedPage q = render(Map.of("b.md", """
                ---
                title: Thông tư
                ---
                | **Số hiệu** | 71/2026/TT-BCA |
                |---|---|
                | **Ngày ban hành** | 25/05/2026 |
                """)).get("b.md");
        assertEquals(List.of(), matches(q.html(), "<table"));
    }
}
