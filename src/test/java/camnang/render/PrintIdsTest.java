package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import camnang.markdown.RenderedPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson's HTML as a module's print page holds it: its ids, radio groups' names and every
 * reference to them carry the lesson's prefix, links elsewhere do not, and the lesson's link
 * mends follow.
 */
class PrintIdsTest {
    @TempDir
    Path tmp;

    /** A lesson of {@link CourseTest#course()}'s first module, with what repeats from lesson to lesson. */
    private static String lesson(String title, int weight) {
        return """
                ---
                title: %s
                type: lesson
                weight: %d
                goals: [Biết ai bầu hòa giải viên]
                minutes: 10
                ---
                Xem [mục Ai bầu](#ai-bau), [cùng mục viết hoa](#Ai-Bau) và chú thích[^1].

                ## Ai bầu

                Hòa giải viên do nhân dân bầu.

                !!! tinh-huong "Ông Ba"
                    Ông Ba muốn làm hòa giải viên.

                    ??? phan-tich "Phân tích mẫu"
                        Ông Ba cần được bầu.

                ```quiz
                ? Ai bầu hòa giải viên?
                - [ ] Tòa án
                - [x] Nhân dân
                > Nhân dân bầu.
                ```

                [^1]: Điều 8.
                """.formatted(title, weight);
    }

    @Test
    void aModulesPrintPageHasEachIdOnceAndItsLessonsLinksStillLeadWithin() throws Exception {
        Map<String, String> files = CourseTest.course();
        files.put("thuat-ngu.md", "---\ntitle: Thuật ngữ\n---\nHòa giải viên\n: Người được nhân dân bầu.\n");
        files.put("khoa-hoc/b-phap-luat/a-bau.md", lesson("Bầu hòa giải viên", 2));
        files.put("khoa-hoc/b-phap-luat/b-tieu-chuan.md", lesson("Tiêu chuẩn hòa giải viên", 1));
        Path src = TestSites.write(tmp.resolve("content"), files);
        Path out = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), TestSites.brokenLinks(out));
        Document d = Jsoup.parse(out.resolve("khoa-hoc/b-phap-luat/in.html").toFile(), "UTF-8");
        List<String> ids = d.select("[id]").eachAttr("id");
        List<String> one = List.of("ai-bau", "tinh-huong_1", "tn-hoa-giai-vien", "quiz-1", "quiz-1-title", "quiz-1-1", "fn-1", "fnref-1");
        assertEquals(List.of(one.stream().map(i -> "bai-1--" + i).sorted().toList(), one.stream().map(i -> "bai-2--" + i).sorted().toList()),
                List.of(ids.subList(0, one.size()).stream().sorted().toList(), ids.subList(one.size(), ids.size()).stream().sorted().toList()),
                String.join(" ", ids));
        // The link written #Ai-Bau is mended to the heading on the lesson's page, and to its prefixed id here.
        assertEquals(List.of("#bai-1--ai-bau", "#bai-1--ai-bau", "#bai-1--fn-1", "#bai-1--fnref-1",
                        "#bai-2--ai-bau", "#bai-2--ai-bau", "#bai-2--fn-1", "#bai-2--fnref-1"),
                d.select("[href^=#]").eachAttr("href"));
        assertEquals(List.of("bai-1--quiz-1-1", "bai-1--quiz-1-1", "bai-2--quiz-1-1", "bai-2--quiz-1-1"),
                d.select("input[type=radio]").eachAttr("name"));
        for (Element e : d.select("[aria-describedby], [aria-labelledby]")) {
            String ref = e.hasAttr("aria-describedby") ? e.attr("aria-describedby") : e.attr("aria-labelledby");
            assertEquals(1, d.select("[id=" + ref + "]").size(), e.outerHtml());
        }
        // The lessons' own pages keep their ids as they were.
        String own = Files.readString(out.resolve("khoa-hoc/b-phap-luat/a-bau.html"));
        assertTrue(own.contains("<a href=\"#ai-bau\">cùng mục viết hoa</a>"), own);
        assertTrue(own.contains("<section class=\"quiz\" id=\"quiz-1\" data-quiz=\"1\" aria-labelledby=\"quiz-1-title\">"), own);
    }

    @Test
    void idsNamesAndReferencesGetTheLessonsPrefix() {
        String lesson = """
                <p><a href="#ai-bau">Ai bầu</a>, <a href="#">đầu trang</a>, <a href="#khong-co">mục đã xóa</a>, \
                <a href="a-bau.html#ai-bau">bài khác</a>, <a href="../../van-ban/luat.html#dieu-7">Điều 7</a>.</p>
                <h2 id="ai-bau">Ai bầu</h2>
                <p>Bà Tư nói: "ổn &amp; công bằng" &lt;ghi lại&gt;. <a class="thuat-ngu" href="../../thuat-ngu.html#hoa-giai-vien" \
                aria-describedby="tn-hoa-giai-vien">hòa giải viên</a><span role="tooltip" id="tn-hoa-giai-vien" hidden>Người được bầu.</span></p>
                <section class="quiz" id="quiz-1" data-quiz="1" aria-labelledby="quiz-1-title"><h2 id="quiz-1-title">Câu hỏi ôn tập</h2>
                <ol><li class="quiz-q" id="quiz-1-1" data-kind="truefalse" data-answer="false"><fieldset><legend>Phải nộp phí.</legend>
                <label class="quiz-option"><input type="radio" name="quiz-1-1" value="true"> Đúng</label>
                <label for="sai" aria-describedby="quiz-1-title ngoai-bai"><input type="radio" id="sai" name="quiz-1-1" value="false"> Sai</label>
                </fieldset></li></ol></section>
                <table><tr><th id="h1">Bên</th></tr><tr><td headers="h1">A</td></tr></table>""";
        assertEquals("""
                <p><a href="#bai-2--ai-bau">Ai bầu</a>, <a href="#">đầu trang</a>, <a href="#bai-2--khong-co">mục đã xóa</a>, \
                <a href="a-bau.html#ai-bau">bài khác</a>, <a href="../../van-ban/luat.html#dieu-7">Điều 7</a>.</p>
                <h2 id="bai-2--ai-bau">Ai bầu</h2>
                <p>Bà Tư nói: "ổn &amp; công bằng" &lt;ghi lại&gt;. <a class="thuat-ngu" href="../../thuat-ngu.html#hoa-giai-vien" \
                aria-describedby="bai-2--tn-hoa-giai-vien">hòa giải viên</a><span role="tooltip" id="bai-2--tn-hoa-giai-vien" hidden>Người được bầu.</span></p>
                <section class="quiz" id="bai-2--quiz-1" data-quiz="1" aria-labelledby="bai-2--quiz-1-title"><h2 id="bai-2--quiz-1-title">Câu hỏi ôn tập</h2>
                <ol><li class="quiz-q" id="bai-2--quiz-1-1" data-kind="truefalse" data-answer="false"><fieldset><legend>Phải nộp phí.</legend>
                <label class="quiz-option"><input type="radio" name="bai-2--quiz-1-1" value="true"> Đúng</label>
                <label for="bai-2--sai" aria-describedby="bai-2--quiz-1-title ngoai-bai"><input type="radio" id="bai-2--sai" name="bai-2--quiz-1-1" value="false"> Sai</label>
                </fieldset></li></ol></section>
                <table><tbody><tr><th id="bai-2--h1">Bên</th></tr><tr><td headers="bai-2--h1">A</td></tr></tbody></table>""",
                PrintIds.unique(lesson, PrintIds.prefix(2)));
    }

    @Test
    void aLessonWithoutIdsIsUnchanged() {
        String lesson = "<p>Không có mục nào, <strong>chỉ</strong> một đoạn &amp; <a href=\"b.html\">một liên kết</a>.</p>\n<hr>";
        assertEquals(lesson, PrintIds.unique(lesson, PrintIds.prefix(1)));
        assertEquals("", PrintIds.unique("", PrintIds.prefix(1)));
    }

    @Test
    void mendsOfInPageLinksFollowThePrefix() {
        assertEquals(new RenderedPage.Mend("href=\"#bai-3--Ai-Bau\"", "href=\"#bai-3--ai-bau\""),
                PrintIds.mend(new RenderedPage.Mend("href=\"#Ai-Bau\"", "href=\"#ai-bau\""), "bai-3--"));
        // A broken in-page link kept as a marked text, a citation mended to its article, the top of the page.
        assertEquals(new RenderedPage.Mend("href=\"#bai-3--khong-co\"", "class=\"lien-ket-hong\" title=\"x\""),
                PrintIds.mend(new RenderedPage.Mend("href=\"#khong-co\"", "class=\"lien-ket-hong\" title=\"x\""), "bai-3--"));
        RenderedPage.Mend other = new RenderedPage.Mend("href=\"../luat.html#dieu-7-khoan-9\"", "href=\"../luat.html#dieu-7\"");
        assertEquals(other, PrintIds.mend(other, "bai-3--"));
        assertEquals(new RenderedPage.Mend("href=\"#bai-3--x\"", "href=\"#\""),
                PrintIds.mend(new RenderedPage.Mend("href=\"#x\"", "href=\"#\""), "bai-3--"));
    }
}
