package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course (issue 7): its page with the path, lessons in order across modules with their
 * times, a lesson's goals, time and legal basis linked to the article, previous and next
 * across a module's end, each module's print page; and the errors a course's front matter can have.
 */
class CourseTest {
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
            ngay_ban_hanh: 20/06/2013
            tinh_trang: còn hiệu lực
            ---
            Điều 7. Tiêu chuẩn hòa giải viên

            Người có uy tín trong cộng đồng dân cư.

            Điều 8. Bầu, công nhận hòa giải viên

            Hòa giải viên do nhân dân bầu.
            """;

    /** The test course: files named against their order, so that only weights can put them right. */
    static Map<String, String> course() {
        Map<String, String> files = new HashMap<>();
        files.put("site.yaml", "title: Cẩm nang thử\n");
        files.put("van-ban/luat-hoa-giai.md", LAW);
        files.put("khoa-hoc/_index.md", """
                ---
                title: Bồi dưỡng hòa giải viên
                description: Khóa học cho hòa giải viên mới.
                course: true
                ---
                Học theo thứ tự các học phần.
                """);
        files.put("khoa-hoc/a-ky-nang/_index.md", "---\ntitle: Kỹ năng hòa giải\nweight: 2\n---\n");
        files.put("khoa-hoc/b-phap-luat/_index.md", """
                ---
                title: Pháp luật về hòa giải
                description: Luật Hòa giải ở cơ sở và văn bản hướng dẫn.
                weight: 1
                ---
                """);
        files.put("khoa-hoc/b-phap-luat/a-bau.md", """
                ---
                title: Bầu hòa giải viên
                type: lesson
                weight: 2
                goals: [Biết ai bầu hòa giải viên]
                minutes: 20
                laws: [Điều 8 Luật Hòa giải ở cơ sở]
                ---
                ## Ai bầu

                Nhân dân ở thôn, tổ dân phố bầu.
                """);
        files.put("khoa-hoc/b-phap-luat/b-tieu-chuan.md", """
                ---
                title: Tiêu chuẩn hòa giải viên
                type: lesson
                weight: 1
                goals:
                  - Nêu được tiêu chuẩn của hòa giải viên
                  - Giải thích được vì sao cần uy tín, kể cả với người trẻ, người lớn tuổi
                minutes: 15
                laws: ["Điều 7 Luật Hòa giải ở cơ sở", "Nghị định số 15/2014/NĐ-CP"]
                ---
                ## Tiêu chuẩn

                Xem [mục Ai bầu](a-bau.md#ai-bau).
                """);
        files.put("khoa-hoc/b-phap-luat/mau-don.md", """
                ---
                title: Mẫu biên bản
                type: guide
                ---
                Tài liệu kèm theo, không phải bài học.
                """);
        files.put("khoa-hoc/a-ky-nang/lang-nghe.md", """
                ---
                title: Lắng nghe
                goals: Lắng nghe các bên, không ngắt lời
                minutes: 30
                weight: 1
                ---
                Bài không ghi type vẫn là bài học.
                """);
        files.put("huong-dan/doc-them.md", """
                ---
                title: Đọc thêm
                goals: [Biết thêm]
                minutes: 5
                ---
                Một bài lẻ, ngoài khóa học.
                """);
        return files;
    }

    @BeforeAll
    static void build() {
        Path src = TestSites.write(tmp.resolve("content"), course());
        out = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), TestSites.problemLines(r.err()));
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void coursePageShowsModulesAndLessonsInOrderWithTheirTimes() throws IOException {
        Document d = page("khoa-hoc/index.html");
        assertEquals("khoa-hoc/index.html", d.body().attr("data-course"));
        assertEquals("khoa-hoc/index.html", d.body().attr("data-page"));
        assertEquals("../", d.body().attr("data-root"));
        assertEquals("2 học phần · 3 bài · Thời gian học ước tính: 1 giờ 5 phút", d.selectFirst(".thong-tin-khoa").text());
        List<String> modules = d.select(".ds-hoc-phan > li").stream().map(m -> m.selectFirst("h3").text() + " ["
                + m.selectFirst("h3 a").attr("href") + "] " + m.selectFirst(".phu").text() + ": "
                + String.join(" | ", m.select(".ds-bai-hoc li").stream()
                        .map(l -> l.attr("data-lesson") + " " + l.selectFirst("a").text() + " " + l.selectFirst(".phut").text()
                                + " [" + l.selectFirst("a").attr("href") + "]").toList())).toList();
        assertEquals(List.of(
                "Pháp luật về hòa giải [b-phap-luat/index.html] 2 bài · Thời gian học ước tính: 35 phút · In cả học phần: "
                        + "khoa-hoc/b-phap-luat/b-tieu-chuan.html Tiêu chuẩn hòa giải viên 15 phút [b-phap-luat/b-tieu-chuan.html] | "
                        + "khoa-hoc/b-phap-luat/a-bau.html Bầu hòa giải viên 20 phút [b-phap-luat/a-bau.html]",
                "Kỹ năng hòa giải [a-ky-nang/index.html] 1 bài · Thời gian học ước tính: 30 phút · In cả học phần: "
                        + "khoa-hoc/a-ky-nang/lang-nghe.html Lắng nghe 30 phút [a-ky-nang/lang-nghe.html]"), modules);
        assertEquals(List.of("b-phap-luat/in.html", "a-ky-nang/in.html"),
                d.select(".ds-hoc-phan a.in-hoc-phan").stream().map(a -> a.attr("href")).toList());
        assertEquals("Luật Hòa giải ở cơ sở và văn bản hướng dẫn.", d.selectFirst(".mo-ta-hoc-phan").text());
        // Material beside the lessons stays a page of its folder, not a lesson.
        assertEquals(List.of(), d.select(".ds-bai-hoc a").stream().filter(a -> a.text().equals("Mẫu biên bản")).toList());
        // Without JavaScript: the path and times only; progress, "go on" and clearing are hidden until course.js fills them.
        for (String hidden : List.of(".tiep-tuc", ".xoa-tien-do", ".tien-do-hoc-phan", ".da-hoc")) {
            assertTrue(d.selectFirst(hidden).hasAttr("hidden"), hidden);
        }
        assertEquals("Tiếp tục học:", d.selectFirst(".tiep-tuc").text());
        assertEquals("Xóa tiến độ học của tôi", d.selectFirst(".xoa-tien-do button").text());
        assertEquals(1, d.select("script[src^=../assets/course.]").size());
    }

    @Test
    void modulePageListsItsLessonsAndLinksItsPrintPage() throws IOException {
        Document d = page("khoa-hoc/b-phap-luat/index.html");
        assertEquals("khoa-hoc/index.html", d.body().attr("data-course"));
        Element box = d.selectFirst("section.hoc-phan-trang");
        assertEquals("Các bài học", box.selectFirst("h2").text());
        assertEquals("../index.html", box.selectFirst("p a").attr("href"));
        assertEquals(List.of("Tiêu chuẩn hòa giải viên", "Bầu hòa giải viên"),
                box.select(".ds-bai-hoc li > a").stream().map(Element::text).toList());
        assertEquals("in.html", box.selectFirst("a.in-hoc-phan").attr("href"));
        assertEquals("In cả học phần", box.selectFirst("a.in-hoc-phan").text());
        // The other pages of the folder are still listed, the lessons not twice.
        assertEquals(List.of("Mẫu biên bản"), d.select("ul.danh-sach > li > a").stream().map(Element::text).toList());
    }

    @Test
    void lessonShowsGoalsTimeAndLawsLinkedToTheArticle() throws IOException {
        Document d = page("khoa-hoc/b-phap-luat/b-tieu-chuan.html");
        assertEquals("khoa-hoc/b-phap-luat/b-tieu-chuan.html", d.body().attr("data-page"));
        assertEquals("../../", d.body().attr("data-root"));
        assertEquals("khoa-hoc/index.html", d.body().attr("data-course"));
        assertEquals("Thời gian học: 15 phút", d.selectFirst(".thoi-gian-hoc").text());
        assertEquals("Mục tiêu bài học", d.selectFirst(".muc-tieu h2").text());
        assertEquals(List.of("Nêu được tiêu chuẩn của hòa giải viên",
                        "Giải thích được vì sao cần uy tín, kể cả với người trẻ, người lớn tuổi"),
                d.select(".muc-tieu li").stream().map(Element::text).toList());
        assertEquals("Căn cứ pháp lý", d.selectFirst(".can-cu h2").text());
        assertEquals(List.of("Điều 7 Luật Hòa giải ở cơ sở [../../van-ban/luat-hoa-giai.html#dieu-7]",
                        "Nghị định số 15/2014/NĐ-CP"),
                d.select(".can-cu li").stream().map(li -> li.text()
                        + (li.selectFirst("a") == null ? "" : " [" + li.selectFirst("a").attr("href") + "]")).toList());
        assertNotNull(page("van-ban/luat-hoa-giai.html").getElementById("dieu-7"));
        Element end = d.selectFirst("[data-lesson-end]");
        assertEquals("Đánh dấu đã học", end.selectFirst("button.nut-da-hoc").text());
        assertTrue(end.selectFirst("button.nut-da-hoc").hasAttr("hidden"), "the button needs the script");
        // A goal written on one line is one goal, commas and all.
        assertEquals(List.of("Lắng nghe các bên, không ngắt lời"),
                page("khoa-hoc/a-ky-nang/lang-nghe.html").select(".muc-tieu li").stream().map(Element::text).toList());
    }

    @Test
    void markdownWrittenIntoALawIsTextNotItsTarget(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // A link typed into the legal basis must not stand for the article it names (found by RandomContentTest).
        Map<String, String> files = course();
        files.put("khoa-hoc/b-phap-luat/a-bau.md", files.get("khoa-hoc/b-phap-luat/a-bau.md")
                .replace("laws: [Điều 8 Luật Hòa giải ở cơ sở]", "laws: [\"[xem](/van-ban/) Điều 8 Luật Hòa giải ở cơ sở\"]"));
        Path site = dir.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", TestSites.write(dir.resolve("content"), files).toString(),
                "--out", site.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        Document d = Jsoup.parse(site.resolve("khoa-hoc/b-phap-luat/a-bau.html").toFile(), "UTF-8");
        assertEquals(List.of("[xem](/van-ban/) Điều 8 Luật Hòa giải ở cơ sở [../../van-ban/luat-hoa-giai.html#dieu-8]"),
                d.select(".can-cu li").stream().map(li -> li.text() + " [" + li.selectFirst("a").attr("href") + "]").toList());
        assertEquals(List.of(), TestSites.brokenLinks(site));
    }

    @Test
    void previousAndNextRunThroughTheCourseAcrossModules() throws IOException {
        assertEquals(List.of("Bài sau → Bầu hòa giải viên [a-bau.html]"), nav("khoa-hoc/b-phap-luat/b-tieu-chuan.html"));
        assertEquals(List.of("← Bài trước Tiêu chuẩn hòa giải viên [b-tieu-chuan.html]",
                "Bài sau → Lắng nghe [../a-ky-nang/lang-nghe.html]"), nav("khoa-hoc/b-phap-luat/a-bau.html"));
        assertEquals(List.of("← Bài trước Bầu hòa giải viên [../b-phap-luat/a-bau.html]"), nav("khoa-hoc/a-ky-nang/lang-nghe.html"));
        assertEquals("Bài trước và bài sau", page("khoa-hoc/a-ky-nang/lang-nghe.html").selectFirst("nav.truoc-sau").attr("aria-label"));
    }

    private static List<String> nav(String path) throws IOException {
        return page(path).select("nav.truoc-sau a").stream().map(a -> a.text() + " [" + a.attr("href") + "]").toList();
    }

    @Test
    void aLessonOutsideCoursesShowsItsGoalsButNoProgress() throws IOException {
        Document d = page("huong-dan/doc-them.html");
        assertEquals(List.of("Biết thêm"), d.select(".muc-tieu li").stream().map(Element::text).toList());
        assertEquals("Thời gian học: 5 phút", d.selectFirst(".thoi-gian-hoc").text());
        assertNull(d.selectFirst("[data-lesson-end]"));
        assertTrue(!d.body().hasAttr("data-course"));
        assertEquals(0, d.select("script[src*=course.]").size());
        assertTrue(!page("van-ban/luat-hoa-giai.html").body().hasAttr("data-course"));
    }

    @Test
    void printPageHoldsTheModulesLessonsInOrderWithoutNavigation() throws IOException {
        Document d = page("khoa-hoc/b-phap-luat/in.html");
        assertEquals("Pháp luật về hòa giải", d.selectFirst("h1").text());
        assertEquals("Bồi dưỡng hòa giải viên", d.selectFirst(".khoa-in").text());
        assertEquals(List.of("Tiêu chuẩn hòa giải viên", "Bầu hòa giải viên"),
                d.select("article.bai-in > h2").stream().map(Element::text).toList());
        assertEquals(List.of("Tiêu chuẩn hòa giải viên (15 phút)", "Bầu hòa giải viên (20 phút)"),
                d.select(".bia-in li").stream().map(Element::text).toList());
        Element first = d.selectFirst("article.bai-in");
        assertEquals("Thời gian học: 15 phút", first.selectFirst(".thoi-gian-hoc").text());
        assertEquals(2, first.select(".muc-tieu li").size());
        assertEquals("../../van-ban/luat-hoa-giai.html#dieu-7", first.selectFirst(".can-cu a").attr("href"));
        assertEquals("a-bau.html#ai-bau", first.selectFirst(".noi-dung a").attr("href"));
        assertEquals("Nhân dân ở thôn, tổ dân phố bầu.", d.select("article.bai-in").get(1).selectFirst(".noi-dung p").text());
        // No chrome: no header, sidebar, footer, search, breadcrumbs, buttons or scripts.
        for (String chrome : List.of("header", "nav", "footer", "form", "input", "button", "script", ".duong-dan", ".thanh-ben")) {
            assertEquals(0, d.select(chrome).size(), chrome);
        }
        assertEquals("index.html", d.selectFirst(".chi-tren-man-hinh a").attr("href"));
        assertEquals(1, d.select("link[rel=stylesheet]").size());
        assertEquals("Lắng nghe", page("khoa-hoc/a-ky-nang/in.html").selectFirst("article.bai-in > h2").text());
    }

    // ---- Errors ----

    private List<String> errors(Map<String, String> changes) {
        Map<String, String> files = course();
        files.putAll(changes);
        Path src = TestSites.write(tmp.resolve("err-" + System.nanoTime()), files);
        TestSites.Run r = TestSites.run("check", "--source", src.toString());
        assertEquals(1, r.exit(), r.err());
        return TestSites.problemLines(r.err()).stream().map(l -> l.replace(src + "/", "")).toList();
    }

    @Test
    void aLessonWithoutGoalsOrMinutesIsAnErrorAtItsTypeLine() {
        String err = TestSites.run("check", "--source", TestSites.write(tmp.resolve("hint"), withLesson("""
                ---
                title: Bài thiếu
                type: lesson
                ---
                Nội dung.
                """)).toString()).err();
        assertEquals(List.of(
                "khoa-hoc/b-phap-luat/c-thieu.md:3: lỗi: bài học trong khóa học thiếu khóa \"goals\" (mục tiêu bài học)",
                "khoa-hoc/b-phap-luat/c-thieu.md:3: lỗi: bài học trong khóa học thiếu khóa \"minutes\" (thời gian học ước tính, phút)"),
                TestSites.problemLines(err).stream().map(l -> l.replace(tmp.resolve("hint") + "/", "")).toList());
        assertTrue(err.contains("    → Thêm vào phần đầu trang, ví dụ: minutes: 15"), err);
        assertTrue(err.contains("    → Thêm vào phần đầu trang, ví dụ: goals: [Nêu được"), err);
        // Without "type" or any front matter the page is still a lesson, reported at line 1.
        assertEquals(List.of(
                        "khoa-hoc/b-phap-luat/c-thieu.md:1: lỗi: bài học trong khóa học thiếu khóa \"goals\" (mục tiêu bài học)",
                        "khoa-hoc/b-phap-luat/c-thieu.md:1: lỗi: bài học trong khóa học thiếu khóa \"minutes\" (thời gian học ước tính, phút)"),
                errors(Map.of("khoa-hoc/b-phap-luat/c-thieu.md", "# Bài thiếu\n\nNội dung.\n")));
    }

    private static Map<String, String> withLesson(String text) {
        Map<String, String> files = course();
        files.put("khoa-hoc/b-phap-luat/c-thieu.md", text);
        return files;
    }

    @Test
    void minutesMustBeAPositiveWholeNumber() {
        for (String value : List.of("-5", "mười", "0", "15 phút")) {
            assertEquals(List.of("khoa-hoc/b-phap-luat/c-thieu.md:5: lỗi: khóa \"minutes\" phải là số phút (số nguyên lớn hơn 0), "
                            + "không phải \"" + value + "\""),
                    errors(Map.of("khoa-hoc/b-phap-luat/c-thieu.md", "---\ntitle: Bài\ntype: lesson\ngoals: [Hiểu]\nminutes: "
                            + value + "\n---\nNội dung.\n")), value);
        }
    }

    @Test
    void misspeltKeysGetDidYouMean() {
        Map<String, String> files = course();
        files.put("khoa-hoc/b-phap-luat/c-thieu.md", "---\ntitle: Bài\ntype: lesson\ngoal: [Hiểu]\nminute: 10\nlaw: [Điều 7]\n---\nNội dung.\n");
        Path src = TestSites.write(tmp.resolve("typo"), files);
        String err = TestSites.run("check", "--source", src.toString()).err();
        assertEquals(List.of(
                "khoa-hoc/b-phap-luat/c-thieu.md:3: lỗi: bài học trong khóa học thiếu khóa \"goals\" (mục tiêu bài học)",
                "khoa-hoc/b-phap-luat/c-thieu.md:3: lỗi: bài học trong khóa học thiếu khóa \"minutes\" (thời gian học ước tính, phút)",
                "khoa-hoc/b-phap-luat/c-thieu.md:4: lỗi: khóa \"goal\" không có trong danh sách khóa của camnang",
                "khoa-hoc/b-phap-luat/c-thieu.md:5: lỗi: khóa \"minute\" không có trong danh sách khóa của camnang",
                "khoa-hoc/b-phap-luat/c-thieu.md:6: lỗi: khóa \"law\" không có trong danh sách khóa của camnang"),
                TestSites.problemLines(err).stream().map(l -> l.replace(src + "/", "")).toList());
        assertTrue(err.contains("    → Có phải ý bạn là \"goals\"? Sửa lại tên khóa."), err);
        assertTrue(err.contains("    → Có phải ý bạn là \"minutes\"? Sửa lại tên khóa."), err);
        assertTrue(err.contains("    → Có phải ý bạn là \"laws\"? Sửa lại tên khóa."), err);
    }

    @Test
    void aPageNamedInInAModuleClashesWithItsPrintPage() {
        assertEquals(List.of("khoa-hoc/b-phap-luat/in.md:1: lỗi: đường dẫn đầu ra \"khoa-hoc/b-phap-luat/in.html\" "
                        + "trùng với trang in cả học phần do camnang tự tạo"),
                errors(Map.of("khoa-hoc/b-phap-luat/in.md", "---\ntitle: In\ntype: guide\n---\nA.\n")));
        // A slug does the same; outside a course, in.md is an ordinary page.
        assertEquals(List.of("khoa-hoc/a-ky-nang/in-an.md:1: lỗi: đường dẫn đầu ra \"khoa-hoc/a-ky-nang/in.html\" "
                        + "trùng với trang in cả học phần do camnang tự tạo"),
                errors(Map.of("khoa-hoc/a-ky-nang/in-an.md", "---\ntitle: In ấn\nslug: in\ntype: guide\n---\nA.\n",
                        "huong-dan/in.md", "---\ntitle: In\n---\nA.\n")));
    }

    @Test
    void courseOnlyOnAFoldersIndexAndNotInsideAnother() {
        assertEquals(List.of(
                        "huong-dan/doc-them.md:2: lỗi: khóa \"course\" chỉ dùng trong tệp _index.md của thư mục khóa học",
                        "khoa-hoc/a-ky-nang/_index.md:2: lỗi: khóa học nằm trong khóa học \"Bồi dưỡng hòa giải viên\""),
                errors(Map.of("huong-dan/doc-them.md", "---\ncourse: true\ntitle: Đọc thêm\n---\nA.\n",
                        "khoa-hoc/a-ky-nang/_index.md", "---\ncourse: true\ntitle: Kỹ năng\n---\n")));
    }
}
