package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import camnang.Problems;
import camnang.TestSites;
import camnang.content.Content;
import camnang.content.Site;
import camnang.content.SiteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References to legal documents become links to the document and the article. */
class CitationsTest {
    @TempDir
    Path tmp;
    Problems problems = new Problems("content");

    private static final String LAW = """
            ---
            title: Luật Hòa giải ở cơ sở (tóm tắt)
            type: law
            so_hieu: 35/2013/QH13
            loai_van_ban: Luật
            co_quan_ban_hanh: Quốc hội
            ngay_ban_hanh: 20/06/2013
            tinh_trang: còn hiệu lực
            ten_goi: [Luật Hòa giải ở cơ sở]
            khoan_diem: true
            ---
            Điều 7. Tiêu chuẩn hòa giải viên

            Người có đủ tiêu chuẩn; xem Điều 8 của Luật này.

            Điều 8. Bầu, công nhận hòa giải viên

            1. Người có đủ tiêu chuẩn theo Điều 7 của Luật này được bầu.

            2. Việc bầu được tiến hành:

            d) họp;

            đ) phát phiếu.
            """;

    private static final String DECREE = """
            ---
            title: Nghị định 15/2014/NĐ-CP
            type: law
            so_hieu: 15/2014/NĐ-CP
            loai_van_ban: Nghị định
            co_quan_ban_hanh: Chính phủ
            ngay_ban_hanh: 27/02/2014
            tinh_trang: còn hiệu lực
            thay_the: [Nghị định số 160/1999/NĐ-CP]
            ---
            ## Điều 5. Phạm vi hòa giải ở cơ sở

            Nghị định này thay thế Nghị định số 160/1999/NĐ-CP.
            """;

    private static final String OLD = """
            ---
            title: Nghị định 160/1999/NĐ-CP
            type: law
            so_hieu: 160/1999/NĐ-CP
            loai_van_ban: Nghị định
            co_quan_ban_hanh: Chính phủ
            ngay_ban_hanh: 18/10/1999
            tinh_trang: hết hiệu lực
            bi_thay_the: [Nghị định số 15/2014/NĐ-CP]
            ---
            Văn bản cũ.
            """;

    private Map<String, String> render(String guide) {
        Map<String, RenderedPage> pages = MarkdownSites.render(tmp, Map.of("van-ban/luat.md", LAW, "van-ban/nd15.md", DECREE,
                "van-ban/nd160.md", OLD, "huong-dan/a.md", guide), problems);
        Markdown.reportCitations(List.copyOf(pages.values()), problems);
        Map<String, String> m = new java.util.HashMap<>();
        pages.forEach((source, p) -> m.put(source, p.html()));
        return m;
    }

    private static List<String> links(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<a href=\"[^\"]*\">[^<]*</a>").matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private List<String> messages() {
        return problems.sorted().stream().map(p -> p.format().lines().findFirst().orElse("")).toList();
    }

    @Test
    void eachFormOfCitationBecomesTheRightLink() {
        Map<String, String> html = render("""
                ---
                title: Hướng dẫn
                ---
                Theo Điều 7 Luật Hòa giải ở cơ sở, hòa giải viên phải có uy tín.

                Việc bầu theo khoản 2 Điều 8 Luật số 35/2013/QH13 và điểm đ khoản 2 Điều 8 Luật Hòa giải ở cơ sở,
                khác điểm d khoản 2 Điều 8 Luật Hòa giải ở cơ sở.

                Nghị định số 15/2014/NĐ-CP hướng dẫn chi tiết; xem Điều 5 Nghị định 15/2014/NĐ-CP.

                Khoản 9 Điều 8 Luật Hòa giải ở cơ sở không có: liên kết tới Điều 8.

                Một văn bản khác: Nghị định số 99/2099/NĐ-CP và Thông tư 01/2099/TT-BTP, lại Nghị định 99/2099/NĐ-CP.

                Văn bản cũ là Nghị định số 160/1999/NĐ-CP. Ngày 20/06/2013, Điều 5 15/2014/NĐ-CP.

                Ngày 20/06/2013 không phải số hiệu; [Điều 7 Luật Hòa giải ở cơ sở](../van-ban/luat.md) đã là liên kết.
                """);
        assertEquals(List.of(
                "<a href=\"../van-ban/luat.html#dieu-7\">Điều 7 Luật Hòa giải ở cơ sở</a>",
                "<a href=\"../van-ban/luat.html#dieu-8-khoan-2\">khoản 2 Điều 8 Luật số 35/2013/QH13</a>",
                "<a href=\"../van-ban/luat.html#dieu-8-khoan-2-diem-dd\">điểm đ khoản 2 Điều 8 Luật Hòa giải ở cơ sở</a>",
                "<a href=\"../van-ban/luat.html#dieu-8-khoan-2-diem-d\">điểm d khoản 2 Điều 8 Luật Hòa giải ở cơ sở</a>",
                "<a href=\"../van-ban/nd15.html\">Nghị định số 15/2014/NĐ-CP</a>",
                "<a href=\"../van-ban/nd15.html#dieu-5\">Điều 5 Nghị định 15/2014/NĐ-CP</a>",
                "<a href=\"../van-ban/luat.html#dieu-8\">Khoản 9 Điều 8 Luật Hòa giải ở cơ sở</a>",
                "<a href=\"../van-ban/nd160.html\">Nghị định số 160/1999/NĐ-CP</a>",
                "<a href=\"../van-ban/nd15.html#dieu-5\">Điều 5 15/2014/NĐ-CP</a>",
                "<a href=\"../van-ban/luat.html\">Điều 7 Luật Hòa giải ở cơ sở</a>"), links(html.get("huong-dan/a.md")));
        // Within the law, "Điều 8 của Luật này" leads to its own article.
        assertEquals(List.of("<a href=\"#dieu-8\">Điều 8 của Luật này</a>", "<a href=\"#dieu-7\">Điều 7 của Luật này</a>"),
                links(html.get("van-ban/luat.md")));
        // The decree that replaced 160/1999 names it without a warning.
        assertEquals(List.of("<a href=\"nd160.html\">Nghị định số 160/1999/NĐ-CP</a>"), links(html.get("van-ban/nd15.md")));
        assertEquals(List.of(
                "content/huong-dan/a.md:13: lưu ý: văn bản 01/2099/TT-BTP được dẫn chiếu nhưng không có trong bộ tài liệu",
                "content/huong-dan/a.md:13: lưu ý: văn bản 99/2099/NĐ-CP được dẫn chiếu nhưng không có trong bộ tài liệu (2 lần, đây là lần đầu)",
                "content/huong-dan/a.md:15: cảnh báo: dẫn chiếu tới văn bản đã hết hiệu lực: Nghị định số 160/1999/NĐ-CP"),
                messages());
        assertEquals("Dẫn chiếu văn bản đang có hiệu lực. Văn bản thay thế: Nghị định số 15/2014/NĐ-CP. "
                        + "Nếu cần nhắc văn bản cũ, nói rõ là văn bản đã hết hiệu lực.",
                problems.sorted().get(2).hint());
    }

    @Test
    void noticesAndWarningsSurviveARebuildFromTheCache() {
        TestSites.write(tmp.resolve("src"), Map.of("van-ban/nd15.md", DECREE, "van-ban/nd160.md", OLD,
                "a.md", "---\ntitle: A\n---\nTheo Nghị định 160/1999/NĐ-CP và Nghị định 99/2099/NĐ-CP.\n"));
        List<String> expected = List.of(
                "content/a.md:4: cảnh báo: dẫn chiếu tới văn bản đã hết hiệu lực: Nghị định số 160/1999/NĐ-CP",
                "content/a.md:4: lưu ý: văn bản 99/2099/NĐ-CP được dẫn chiếu nhưng không có trong bộ tài liệu");
        for (int i = 0; i < 2; i++) {
            TestSites.Run r = TestSites.run("build", "--source", tmp.resolve("src").toString(), "--out",
                    tmp.resolve("out").toString(), "--no-search");
            assertEquals(0, r.exit(), r.err());
            assertEquals(expected, TestSites.problemLines(r.err()).stream()
                    .map(l -> l.replace(tmp.resolve("src").toString(), "content")).toList(), "build " + (i + 1));
        }
    }

    @Test
    void articlesOfTheLegalCodeBookLinkAcrossPages() {
        TestSites.write(tmp, Map.of("a.md", """
                ---
                title: Hòa giải ở cơ sở
                ---
                | **Số hiệu** | 35/2013/QH13 |
                |---|---|
                | **Loại văn bản** | Luật |

                Điều 37.1.LQ.1. Phạm vi điều chỉnh

                (Điều 1 Luật số 35/2013/QH13 Hòa giải ở cơ sở, có hiệu lực thi hành kể từ ngày 01/01/2014)

                (Điều này có nội dung liên quan đến Điều 8.5.LQ.18. Chủ thể tiến hành hòa giải; Điều 9.9.LQ.9. Không có)

                Điều 37.1.LQ.2. Giải thích từ ngữ

                Theo Điều 1 của Luật này và Điều 5 của Luật này.
                """, "b.md", """
                ---
                title: Tố tụng dân sự
                so_hieu: 92/2015/QH13
                ---
                Điều 8.5.LQ.18. Chủ thể tiến hành hòa giải

                Xem Điều 1 Luật số 35/2013/QH13.
                """));
        Site site = Content.load(tmp, problems);
        List<RenderedPage> pages = site.pages().stream()
                .map(p -> Markdown.render(p, site, SiteConfig.BrokenLinks.ERROR, problems)).toList();
        assertEquals(List.of(), Markdown.checkAnchors(pages, SiteConfig.BrokenLinks.ERROR, problems).values().stream()
                .flatMap(List::stream).toList());
        Map<String, String> html = new java.util.HashMap<>();
        pages.forEach(p -> html.put(p.page().source(), p.html()));
        assertEquals(List.of(
                "<a href=\"#dieu-37-1-lq-1\">Điều 1 Luật số 35/2013/QH13</a>",
                "<a href=\"b.html#dieu-8-5-lq-18\">Điều 8.5.LQ.18</a>",
                "<a href=\"#dieu-37-1-lq-1\">Điều 1 của Luật này</a>"), links(html.get("a.md")));
        assertEquals(List.of("<a href=\"a.html#dieu-37-1-lq-1\">Điều 1 Luật số 35/2013/QH13</a>"), links(html.get("b.md")));
    }
}
