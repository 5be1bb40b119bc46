package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import camnang.markdown.RenderedPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's legal document on the page: the metadata box (only the fields stated, documents
 * linked when the site holds them), the banner of a document not in force naming its
 * replacement, and the table of contents of a legal text, Chương with their Điều.
 */
class LegalViewsTest {
    @TempDir
    static Path tmp;
    static Path out;

    static final String LAW = """
            ---
            title: Luật Hòa giải ở cơ sở
            type: law
            so_hieu: 35/2013/QH13
            loai_van_ban: Luật
            co_quan_ban_hanh: Quốc hội
            nguoi_ky: Chủ tịch Quốc hội Nguyễn Sinh Hùng
            ngay_ban_hanh: 20/06/2013
            ngay_hieu_luc: 01/01/2014
            tinh_trang: còn hiệu lực
            trich_yeu: Hòa giải ở cơ sở
            thay_the: [Pháp lệnh về tổ chức và hoạt động hòa giải ở cơ sở năm 1998]
            nguon: https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=30305
            ---
            Nội dung.
            """;

    @BeforeAll
    static void build() {
        Path src = TestSites.write(tmp.resolve("content"), Map.of(
                "site.yaml", "title: Cẩm nang thử\n",
                "van-ban/luat.md", LAW,
                "van-ban/nd15.md", """
                        ---
                        title: Nghị định 15
                        type: law
                        so_hieu: 15/2014/NĐ-CP
                        loai_van_ban: Nghị định
                        co_quan_ban_hanh: Chính phủ
                        ngay_ban_hanh: 27/02/2014
                        tinh_trang: còn hiệu lực
                        thay_the: [Nghị định số 160/1999/NĐ-CP]
                        sua_doi: [Nghị định 999/2030/NĐ-CP, Luật số 35/2013/QH13]
                        nguon: Công báo số 285+286
                        ---
                        Nội dung.
                        """,
                "van-ban/nd160.md", """
                        ---
                        title: Nghị định 160
                        so_hieu: 160/1999/NĐ-CP
                        tinh_trang: hết hiệu lực
                        bi_thay_the: [Nghị định số 15/2014/ND-CP]
                        ---
                        Nội dung.
                        """,
                "van-ban/tt-cu.md", """
                        ---
                        title: Thông tư cũ
                        so_hieu: 12/2000/TT-BTP
                        tinh_trang: hết hiệu lực một phần
                        ---
                        Nội dung.
                        """,
                "van-ban/qd-cu.md", """
                        ---
                        title: Quyết định cũ
                        so_hieu: 7/2001/QĐ-BTP
                        tinh_trang: hết hiệu lực
                        ---
                        Nội dung.
                        """,
                "van-ban/nd-moi.md", """
                        ---
                        title: Nghị định mới
                        so_hieu: 20/2030/NĐ-CP
                        ngay_hieu_luc: 01/07/2030
                        tinh_trang: chưa có hiệu lực
                        ---
                        Nội dung.
                        """,
                "huong-dan.md", "---\ntitle: Hướng dẫn\n---\n## Một\n\nA.\n\n## Hai\n\nB.\n"));
        out = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    /** The box as "label: value [href]" lines. */
    private static List<String> box(Document d) {
        List<String> lines = new ArrayList<>();
        for (Element row : d.select("section.van-ban dl > div")) {
            StringBuilder s = new StringBuilder(row.selectFirst("dt").text()).append(": ").append(row.selectFirst("dd").text());
            for (Element a : row.select("dd a")) {
                s.append(" [").append(a.attr("href")).append(a.hasAttr("rel") ? " rel=" + a.attr("rel") : "").append("]");
            }
            for (Element t : row.select("dd time")) {
                s.append(" <").append(t.attr("datetime")).append(">");
            }
            lines.add(s.toString());
        }
        return lines;
    }

    @Test
    void boxShowsEveryStatedField() throws IOException {
        Document d = page("van-ban/luat.html");
        assertEquals("Thông tin văn bản", d.selectFirst("section.van-ban h2").text());
        assertEquals(List.of(
                "Số hiệu: 35/2013/QH13",
                "Loại văn bản: Luật",
                "Cơ quan ban hành: Quốc hội",
                "Người ký: Chủ tịch Quốc hội Nguyễn Sinh Hùng",
                "Ngày ban hành: 20/06/2013 <2013-06-20>",
                "Ngày hiệu lực: 01/01/2014 <2014-01-01>",
                "Tình trạng hiệu lực: Còn hiệu lực",
                "Trích yếu: Hòa giải ở cơ sở",
                "Thay thế văn bản: Pháp lệnh về tổ chức và hoạt động hòa giải ở cơ sở năm 1998",
                "Nguồn: vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=30305"
                        + " [https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=30305 rel=external noopener]"),
                box(d));
        assertEquals("hieu-luc con-hieu-luc", d.selectFirst("section.van-ban .hieu-luc").className());
        assertTrue(d.select(".bao-hieu-luc").isEmpty(), "no banner for a document in force");
        assertTrue(d.selectFirst("section.van-ban").nextElementSibling().is("div.noi-dung"), "the box comes before the content");
    }

    @Test
    void heldDocumentsAreLinkedByTheirNumber() throws IOException {
        assertEquals(List.of(
                "Số hiệu: 15/2014/NĐ-CP",
                "Loại văn bản: Nghị định",
                "Cơ quan ban hành: Chính phủ",
                "Ngày ban hành: 27/02/2014 <2014-02-27>",
                "Tình trạng hiệu lực: Còn hiệu lực",
                "Thay thế văn bản: Nghị định số 160/1999/NĐ-CP [nd160.html]",
                "Sửa đổi, bổ sung văn bản: Nghị định 999/2030/NĐ-CP Luật số 35/2013/QH13 [luat.html]",
                "Nguồn: Công báo số 285+286"),
                box(page("van-ban/nd15.html")));
        assertEquals(2, page("van-ban/nd15.html").select("section.van-ban dd li").size(), "two entries, one per line");
    }

    @Test
    void expiredDocumentShowsABannerNamingItsReplacement() throws IOException {
        Document d = page("van-ban/nd160.html");
        Element banner = d.selectFirst(".bao-hieu-luc");
        assertEquals("note", banner.attr("role"));
        assertEquals("bao-hieu-luc het-hieu-luc", banner.className());
        assertEquals("Văn bản này đã hết hiệu lực. Văn bản thay thế: Nghị định số 15/2014/ND-CP.", banner.text());
        assertEquals(List.of("nd15.html"), banner.select("a").eachAttr("href"));
        assertTrue(banner.nextElementSibling().is("section.van-ban"), "the banner sits above the box and the content");
        assertEquals(List.of(
                "Số hiệu: 160/1999/NĐ-CP",
                "Loại văn bản: Nghị định",
                "Tình trạng hiệu lực: Hết hiệu lực",
                "Được thay thế bởi: Nghị định số 15/2014/ND-CP [nd15.html]"), box(d));
    }

    @Test
    void replacementStatedOnlyByTheNewDocumentIsNamedToo() throws IOException {
        Document d = page("van-ban/qd-cu.html");
        assertEquals("Văn bản này đã hết hiệu lực.", d.selectFirst(".bao-hieu-luc").text(), "no replacement known");
        Document tt = page("van-ban/tt-cu.html");
        assertEquals("bao-hieu-luc het-hieu-luc-mot-phan", tt.selectFirst(".bao-hieu-luc").className());
        assertEquals("Văn bản này đã hết hiệu lực một phần.", tt.selectFirst(".bao-hieu-luc").text());
    }

    @Test
    void notYetInForceShowsTheDateItTakesEffect() throws IOException {
        Element note = page("van-ban/nd-moi.html").selectFirst(".bao-hieu-luc");
        assertEquals("bao-hieu-luc chua-co-hieu-luc", note.className());
        assertEquals("Văn bản này chưa có hiệu lực; có hiệu lực từ ngày 01/07/2030.", note.text());
        assertEquals("2030-07-01", note.selectFirst("time").attr("datetime"));
    }

    @Test
    void pageWithoutALegalDocumentHasNoBox() throws IOException {
        Document d = page("huong-dan.html");
        assertTrue(d.select("section.van-ban, .bao-hieu-luc").isEmpty());
        assertEquals(List.of("#mot", "#hai"), d.select(".muc-luc a").eachAttr("href"));
        assertTrue(d.select(".muc-luc-nhom").isEmpty());
    }

    // ---- The table of contents of a legal text, from headings with their units --------------

    private static RenderedPage.Heading h(int level, String id, String text, String unit) {
        return new RenderedPage.Heading(level, id, text, unit);
    }

    /** The entries as lines: "text [collapse]", children indented. */
    private static List<String> lines(List<View.Heading> toc) {
        List<String> out = new ArrayList<>();
        for (View.Heading e : toc) {
            out.add(e.id() + " " + e.text() + (e.collapse().isEmpty() ? "" : " [" + e.collapse() + ", " + e.articles() + "]"));
            for (View.Heading c : e.children()) {
                out.add("  " + c.id() + " " + c.text());
            }
        }
        return out;
    }

    @Test
    void legalTocPutsArticlesUnderTheirChapter() {
        List<RenderedPage.Heading> hs = List.of(
                h(2, "thong-tin", "Thông tin văn bản", ""),
                h(3, "dieu-1", "Điều 1. Phạm vi", "dieu"),
                h(3, "ghi-chu", "Ghi chú", ""),
                h(2, "chuong-1", "Chương I. Quy định chung", "chuong"),
                h(3, "dieu-2", "Điều 2. Giải thích", "dieu"),
                h(4, "dieu-2-khoan-1", "Khoản 1", ""),
                h(2, "chuong-2", "Chương II. Hòa giải viên", "chuong"),
                h(3, "chuong-2-muc-1", "Mục 1. Hòa giải viên", "muc"),
                h(4, "dieu-3", "Điều 3. Tiêu chuẩn", "dieu"),
                h(3, "chuong-2-muc-2", "Mục 2. Tổ hòa giải", "muc"),
                h(4, "dieu-4", "Điều 4. Tổ hòa giải", "dieu"));
        assertEquals(List.of(
                "thong-tin Thông tin văn bản [open, 1]",
                "  dieu-1 Điều 1. Phạm vi",
                "  ghi-chu Ghi chú",
                "chuong-1 Chương I. Quy định chung [open, 1]",
                "  dieu-2 Điều 2. Giải thích",
                "chuong-2 Chương II. Hòa giải viên [open, 2]",
                "  chuong-2-muc-1 Mục 1. Hòa giải viên",
                "  dieu-3 Điều 3. Tiêu chuẩn",
                "  chuong-2-muc-2 Mục 2. Tổ hòa giải",
                "  dieu-4 Điều 4. Tổ hòa giải"), lines(Views.toc(hs)));
        assertEquals(List.of("muc", "dieu", "muc", "dieu"),
                Views.toc(hs).get(2).children().stream().map(View.Heading::unit).toList());
    }

    @Test
    void articlesBeforeAnyChapterAreTopEntriesAndManyArticlesFold() {
        List<RenderedPage.Heading> hs = new ArrayList<>();
        hs.add(h(2, "dieu-1", "Điều 1. Phạm vi", "dieu"));
        hs.add(h(2, "phan-1", "Phần thứ nhất", "phan"));
        hs.add(h(2, "chuong-1", "Chương I", "chuong"));
        for (int i = 2; i <= Views.TOC_OPEN_ARTICLES + 1; i++) {
            hs.add(h(3, "dieu-" + i, "Điều " + i, "dieu"));
        }
        List<View.Heading> toc = Views.toc(hs);
        assertEquals(List.of("dieu-1 Điều 1. Phạm vi", "phan-1 Phần thứ nhất", "chuong-1 Chương I [closed, 20]"),
                lines(toc).stream().filter(l -> !l.startsWith(" ")).toList());
        assertEquals(Views.TOC_OPEN_ARTICLES, toc.get(2).children().size());
    }

    @Test
    void tooManyEntriesKeepOnlyTheChapters() {
        List<RenderedPage.Heading> hs = new ArrayList<>();
        for (int c = 1; c <= 10; c++) {
            hs.add(h(2, "chuong-" + c, "Chương " + c, "chuong"));
            for (int i = 1; i <= Views.TOC_LIMIT / 10; i++) {
                hs.add(h(3, "dieu-" + c + "-" + i, "Điều " + i, "dieu"));
            }
        }
        List<View.Heading> toc = Views.toc(hs);
        assertEquals(10, toc.size());
        assertTrue(toc.stream().allMatch(e -> e.children().isEmpty() && e.collapse().isEmpty()), lines(toc).toString());
    }

    @Test
    void overTheLimitSubheadingsGoBeforeArticlesAndBareCodesNeverShow() {
        List<RenderedPage.Heading> hs = new ArrayList<>();
        hs.add(h(2, "chuong-1", "Chương I", "chuong"));
        hs.add(h(3, "dieu-1", "Điều 1", "dieu"));
        hs.add(h(2, "nhom", "Nhóm", ""));
        for (int i = 0; i < Views.TOC_LIMIT; i++) {
            hs.add(h(3, "ghi-chu-" + i, "Ghi chú " + i, ""));
        }
        hs.add(h(2, "danh-sach", "Danh sách điều khoản", ""));
        hs.add(h(3, "37001000000000001000", "37001000000000001000", ""));
        assertEquals(List.of("chuong-1 Chương I [open, 1]", "  dieu-1 Điều 1", "nhom Nhóm", "danh-sach Danh sách điều khoản"),
                lines(Views.toc(hs)));
    }

    @Test
    void pagesWithoutArticlesKeepTheUsualToc() {
        List<View.Heading> toc = Views.toc(List.of(h(2, "a", "A", ""), h(3, "b", "B", ""), h(2, "c", "C", "chuong")));
        assertEquals(List.of("a A", "  b B", "c C"), lines(toc));
    }

    /**
     * Needs the Markdown stage to mark legal headings with their unit (issue 4, item 1): until
     * then every heading's unit is "" and the page gets the usual table of contents.
     */
    @Test
    void legalPageTocFoldsEachChapter() throws IOException {
        Path src = TestSites.write(tmp.resolve("toc-content"), Map.of("luat.md", """
                ---
                title: Luật thử
                ---
                ## Chương I. Quy định chung

                ### Điều 1. Phạm vi

                A.

                ### Điều 2. Đối tượng

                B.

                ## Chương II. Hòa giải viên

                ### Điều 3. Tiêu chuẩn

                C.
                """));
        Path site = tmp.resolve("toc-site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", site.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        Document d = Jsoup.parse(site.resolve("luat.html").toFile(), "UTF-8");
        Element toc = d.selectFirst("nav.muc-luc > details[open]");
        List<String> got = new ArrayList<>();
        for (Element li : toc.select("> ol > li")) {
            Element group = li.selectFirst("> details.muc-luc-nhom");
            got.add(li.selectFirst("> a").attr("href") + " " + li.selectFirst("> a").text()
                    + (group == null ? "" : " | " + group.selectFirst("summary").text() + (group.hasAttr("open") ? " open" : "")
                    + " | " + String.join(", ", group.select("li > a").eachAttr("href"))));
        }
        assertEquals(List.of(
                "#chuong-1 Chương I. Quy định chung | 2 điều open | #dieu-1, #dieu-2",
                "#chuong-2 Chương II. Hòa giải viên | 1 điều open | #dieu-3"), got);
    }
}
