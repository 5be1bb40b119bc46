package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Problem;
import camnang.Problems;
import camnang.TestSites;
import camnang.content.Content;
import camnang.content.Page;
import camnang.content.Site;
import camnang.content.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ```quiz blocks and case studies (issue 7): the HTML and its hooks, citations linked inside
 * quizzes, each kind of mistake as a path:line error at its exact line (through {@code check}),
 * problems replayed from the fragment cache, and quizzes surviving the sanitiser.
 */
class QuizTest {
    @TempDir
    Path tmp;
    Problems problems = new Problems("content");
    int runs;

    static final String LAW = """
            ---
            title: Luật Hòa giải ở cơ sở
            type: law
            so_hieu: 35/2013/QH13
            loai_van_ban: Luật
            co_quan_ban_hanh: Quốc hội
            ngay_ban_hanh: 20/06/2013
            tinh_trang: còn hiệu lực
            ten_goi: [Luật Hòa giải ở cơ sở]
            ---
            Điều 7. Tiêu chuẩn hòa giải viên

            Công dân Việt Nam thường trú tại cơ sở.

            Điều 8. Bầu, công nhận hòa giải viên

            Hòa giải viên được bầu ở thôn, tổ dân phố.
            """;

    static final String LESSON = """
            ---
            title: Bài 1
            ---
            Mở đầu.

            ```quiz
            ? Hòa giải viên ở cơ sở do ai **bầu** ra?
            - [ ] Chủ tịch Ủy ban nhân dân cấp xã chỉ định
            - [x] Nhân dân ở thôn, tổ dân phố bầu
            > Theo Điều 8 Luật Hòa giải ở cơ sở, hòa giải viên
            > được bầu ở thôn, tổ dân phố.

            ? Những việc nào được hòa giải ở cơ sở? (chọn tất cả ý đúng)
            - [x] Mâu thuẫn về lối đi chung
            - [X] Tranh chấp nhỏ trong gia đình
            - [ ] Tội phạm nghiêm trọng
            > Xem [tiêu chuẩn](../van-ban/luat-hoa-giai-o-co-so.md#dieu-7).

            ? Hòa giải ở cơ sở phải nộp lệ phí.
            = Sai
            > Hòa giải ở cơ sở không thu phí.
            ```

            ~~~quiz
            ? Hòa giải viên làm việc tự nguyện.
            = dung
            > Đúng vậy.
            ~~~
            """;

    private Map<String, RenderedPage> render(Map<String, String> files) {
        return MarkdownSites.render(tmp.resolve("site-" + (++runs)), files, problems);
    }

    private List<String> messages() {
        return problems.sorted().stream().map(p -> p.format().lines().findFirst().orElse("")).toList();
    }

    @Test
    void aQuizIsPlainHtmlWithTheHooksOfTheContract() {
        String html = render(Map.of("van-ban/luat-hoa-giai-o-co-so.md", LAW, "bai-hoc/bai-1.md", LESSON))
                .get("bai-hoc/bai-1.md").html();
        assertEquals(List.of(), messages());
        assertEquals("""
                <p>Mở đầu.</p>
                <section class="quiz" id="quiz-1" data-quiz="1" aria-labelledby="quiz-1-title">
                <h2 class="quiz-title" id="quiz-1-title">Câu hỏi ôn tập</h2>
                <ol class="quiz-questions">
                <li class="quiz-q" id="quiz-1-1" data-kind="single" data-answer="1">
                <fieldset>
                <legend class="quiz-text">Hòa giải viên ở cơ sở do ai <strong>bầu</strong> ra?</legend>
                <label class="quiz-option"><input type="radio" name="quiz-1-1" value="0"> Chủ tịch Ủy ban nhân dân cấp xã chỉ định</label>
                <label class="quiz-option"><input type="radio" name="quiz-1-1" value="1"> Nhân dân ở thôn, tổ dân phố bầu</label>
                </fieldset>
                <details class="quiz-answer">
                <summary>Xem đáp án</summary>
                <p class="quiz-correct">Đáp án đúng: Nhân dân ở thôn, tổ dân phố bầu</p>
                <div class="quiz-explain">Theo <a href="../van-ban/luat-hoa-giai-o-co-so.html#dieu-8">Điều 8 Luật Hòa giải ở cơ sở</a>, hòa giải viên
                được bầu ở thôn, tổ dân phố.</div>
                </details>
                <p class="quiz-feedback" aria-live="polite"></p>
                </li>
                <li class="quiz-q" id="quiz-1-2" data-kind="multiple" data-answer="0,1">
                <fieldset>
                <legend class="quiz-text">Những việc nào được hòa giải ở cơ sở? (chọn tất cả ý đúng)</legend>
                <label class="quiz-option"><input type="checkbox" name="quiz-1-2" value="0"> Mâu thuẫn về lối đi chung</label>
                <label class="quiz-option"><input type="checkbox" name="quiz-1-2" value="1"> Tranh chấp nhỏ trong gia đình</label>
                <label class="quiz-option"><input type="checkbox" name="quiz-1-2" value="2"> Tội phạm nghiêm trọng</label>
                </fieldset>
                <details class="quiz-answer">
                <summary>Xem đáp án</summary>
                <p class="quiz-correct">Đáp án đúng: Mâu thuẫn về lối đi chung; Tranh chấp nhỏ trong gia đình</p>
                <div class="quiz-explain">Xem <a href="../van-ban/luat-hoa-giai-o-co-so.html#dieu-7">tiêu chuẩn</a>.</div>
                </details>
                <p class="quiz-feedback" aria-live="polite"></p>
                </li>
                <li class="quiz-q" id="quiz-1-3" data-kind="truefalse" data-answer="false">
                <fieldset>
                <legend class="quiz-text">Hòa giải ở cơ sở phải nộp lệ phí.</legend>
                <label class="quiz-option"><input type="radio" name="quiz-1-3" value="true"> Đúng</label>
                <label class="quiz-option"><input type="radio" name="quiz-1-3" value="false"> Sai</label>
                </fieldset>
                <details class="quiz-answer">
                <summary>Xem đáp án</summary>
                <p class="quiz-correct">Đáp án đúng: Sai</p>
                <div class="quiz-explain">Hòa giải ở cơ sở không thu phí.</div>
                </details>
                <p class="quiz-feedback" aria-live="polite"></p>
                </li>
                </ol>
                </section>
                <section class="quiz" id="quiz-2" data-quiz="2" aria-labelledby="quiz-2-title">
                <h2 class="quiz-title" id="quiz-2-title">Câu hỏi ôn tập</h2>
                <ol class="quiz-questions">
                <li class="quiz-q" id="quiz-2-1" data-kind="truefalse" data-answer="true">
                <fieldset>
                <legend class="quiz-text">Hòa giải viên làm việc tự nguyện.</legend>
                <label class="quiz-option"><input type="radio" name="quiz-2-1" value="true"> Đúng</label>
                <label class="quiz-option"><input type="radio" name="quiz-2-1" value="false"> Sai</label>
                </fieldset>
                <details class="quiz-answer">
                <summary>Xem đáp án</summary>
                <p class="quiz-correct">Đáp án đúng: Đúng</p>
                <div class="quiz-explain">Đúng vậy.</div>
                </details>
                <p class="quiz-feedback" aria-live="polite"></p>
                </li>
                </ol>
                </section>
                """, html);

        Document doc = Jsoup.parseBodyFragment(html);
        Elements quizzes = doc.select("section.quiz");
        assertEquals(2, quizzes.size());
        Element quiz = quizzes.first();
        assertEquals("quiz-1 1 quiz-1-title", quiz.id() + " " + quiz.attr("data-quiz") + " " + quiz.attr("aria-labelledby"));
        assertEquals("Câu hỏi ôn tập", quiz.selectFirst("#quiz-1-title.quiz-title").text());
        Elements questions = quiz.select("ol.quiz-questions > li.quiz-q");
        assertEquals(List.of("quiz-1-1 single 1", "quiz-1-2 multiple 0,1", "quiz-1-3 truefalse false"),
                questions.stream().map(q -> q.id() + " " + q.attr("data-kind") + " " + q.attr("data-answer")).toList());
        assertEquals(List.of("radio quiz-1-1 0", "radio quiz-1-1 1"), questions.get(0).select("fieldset label.quiz-option > input")
                .stream().map(i -> i.attr("type") + " " + i.attr("name") + " " + i.attr("value")).toList());
        assertEquals(3, questions.get(1).select("input[type=checkbox][name=quiz-1-2]").size());
        assertEquals("Đúng Sai", questions.get(2).select("label.quiz-option").text());
        for (Element q : questions) {
            // Without JavaScript the answer waits in a closed <details>, after the question.
            Element details = q.selectFirst("fieldset + details.quiz-answer");
            assertNotNull(details, q.outerHtml());
            assertFalse(details.hasAttr("open"));
            assertEquals("Xem đáp án", details.selectFirst("summary").text());
            assertTrue(details.selectFirst("p.quiz-correct").text().startsWith("Đáp án đúng: "));
            assertEquals("polite", q.selectFirst("details + p.quiz-feedback").attr("aria-live"));
            assertEquals("", q.selectFirst("p.quiz-feedback").text());
        }
        // A citation in an explanation is linked as in body text.
        Element cited = questions.get(0).selectFirst(".quiz-explain a");
        assertEquals("../van-ban/luat-hoa-giai-o-co-so.html#dieu-8 Điều 8 Luật Hòa giải ở cơ sở",
                cited.attr("href") + " " + cited.text());
        assertEquals("quiz-2-1 truefalse true", doc.select("#quiz-2 li.quiz-q").stream()
                .map(q -> q.id() + " " + q.attr("data-kind") + " " + q.attr("data-answer")).findFirst().orElseThrow());
    }

    @Test
    void citationsInQuestionsAndOptionsAreLinkedAndLinksInQuizzesAreChecked() {
        Map<String, RenderedPage> pages = render(Map.of("van-ban/luat-hoa-giai-o-co-so.md", LAW, "bai.md", """
                ---
                title: Bài
                ---
                ```quiz
                ? Điều 7 Luật Hòa giải ở cơ sở nói gì?
                - [x] Tiêu chuẩn, xem Điều 7 Luật Hòa giải ở cơ sở
                - [ ] Xem [trang không có](khong-co.md)
                > Xem [Điều 9](van-ban/luat-hoa-giai-o-co-so.md#dieu-9).
                ```
                """));
        Document doc = Jsoup.parseBodyFragment(pages.get("bai.md").html());
        assertEquals("van-ban/luat-hoa-giai-o-co-so.html#dieu-7",
                doc.selectFirst("legend.quiz-text a").attr("href"));
        assertEquals("van-ban/luat-hoa-giai-o-co-so.html#dieu-7",
                doc.selectFirst("label.quiz-option a").attr("href"));
        assertEquals(List.of(
                "content/bai.md:7: lỗi: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào",
                "content/bai.md:8: lỗi: liên kết tới \"van-ban/luat-hoa-giai-o-co-so.md#dieu-9\": trang đích không có mục \"#dieu-9\""),
                messages());
    }

    /** The problems {@code check} reports for a page whose quiz block (from line 6, its first line 7) is {@code quiz}. */
    private List<String> check(String quiz) {
        return check(Map.of("bai.md", "---\ntitle: Bài\n---\nMở đầu.\n\n```quiz\n" + quiz + "```\n"));
    }

    private List<String> check(Map<String, String> files) {
        Path src = tmp.resolve("src-" + (++runs));
        TestSites.write(src, files);
        TestSites.write(src, Map.of("site.yaml", "title: Thử\n"));
        TestSites.Run r = TestSites.run("check", "--source", src.toString());
        assertEquals(1, r.exit(), r.err());
        return r.err().lines().filter(l -> l.startsWith(src.toString()) || l.startsWith("    → "))
                .map(l -> l.replace(src.toString(), "content")).toList();
    }

    @Test
    void aQuestionWithoutOptionsOrAnswer() {
        assertEquals(List.of(
                "content/bai.md:7: lỗi: câu hỏi không có phương án trả lời: cần các dòng \"- [ ] …\" / \"- [x] …\","
                        + " hoặc một dòng \"= đúng\" / \"= sai\"",
                "    → Viết dưới câu hỏi các phương án, đánh dấu phương án đúng bằng [x] (ví dụ \"- [x] Nhân dân ở thôn,"
                        + " tổ dân phố bầu\"); với câu đúng/sai, viết một dòng \"= đúng\" hoặc \"= sai\"."),
                check("? Câu một đúng không?\n> Giải thích.\n"));
    }

    @Test
    void optionsAndTrueFalseBoth() {
        assertEquals(List.of(
                "content/bai.md:10: lỗi: câu hỏi có cả phương án (\"- [ ]\") lẫn đáp án đúng/sai (\"=\")",
                "    → Câu trắc nghiệm chỉ có các dòng \"- [ ]\" / \"- [x]\"; câu đúng/sai chỉ có một dòng \"= đúng\""
                        + " hoặc \"= sai\". Bỏ một trong hai."),
                check("? Câu hỏi?\n- [x] Một\n- [ ] Hai\n= đúng\n> Giải thích.\n"));
    }

    @Test
    void noRightOption() {
        assertEquals(List.of(
                "content/bai.md:10: lỗi: câu hỏi không có phương án đúng: chưa phương án nào được đánh dấu [x]",
                "    → Viết \"- [x]\" trước phương án đúng: một phương án đúng là câu chọn một, từ hai phương án đúng"
                        + " trở lên là câu chọn nhiều."),
                check("? Câu một?\n= đúng\n> Vì vậy.\n? Câu hai?\n- [ ] Một\n- [ ] Hai\n> Giải thích.\n"));
    }

    @Test
    void fewerThanTwoOptions() {
        assertEquals(List.of(
                "content/bai.md:7: lỗi: câu hỏi chỉ có 1 phương án; cần ít nhất 2",
                "    → Thêm phương án sai (\"- [ ] …\"), hoặc viết thành câu đúng/sai với một dòng \"= đúng\" hay \"= sai\"."),
                check("? Câu hỏi?\n- [x] Một\n> Giải thích.\n"));
    }

    @Test
    void aTrueFalseAnswerOtherThanDungOrSai() {
        assertEquals(List.of(
                "content/bai.md:8: lỗi: đáp án \"= có\" không hợp lệ: câu đúng/sai chỉ nhận \"= đúng\" hoặc \"= sai\"",
                "    → Viết \"= đúng\" nếu câu hỏi là một nhận định đúng, \"= sai\" nếu nhận định đó sai."),
                check("? Câu hỏi?\n= có\n> Giải thích.\n"));
        // Either tone style and case, with or without diacritics, is understood.
        assertEquals(List.of(), render(Map.of("a.md", "```quiz\n? A?\n= ĐÚNG\n> G.\n\n? B?\n= Dung\n> G.\n\n? C?\n= SAI\n> G.\n```\n"))
                .values().stream().flatMap(p -> Jsoup.parseBodyFragment(p.html()).select("li").stream())
                .filter(li -> li.attr("data-answer").isEmpty()).toList());
        assertEquals(List.of(), messages());
    }

    @Test
    void noExplanation() {
        assertEquals(List.of(
                "content/bai.md:11: lỗi: câu hỏi không có lời giải thích (dòng bắt đầu bằng \">\")",
                "    → Thêm sau đáp án một dòng \"> …\" nói vì sao, nên dẫn điều luật, ví dụ \"> Theo Điều 8 Luật Hòa"
                        + " giải ở cơ sở, …\"."),
                check("? Câu một?\n= đúng\n> Vì vậy.\n\n? Câu hai?\n= sai\n"));
    }

    @Test
    void aLineThatIsNoneOfThese() {
        assertEquals(List.of(
                "content/bai.md:8: lỗi: dòng không đúng cú pháp của khối quiz: \"Hòa giải viên là ai\"",
                "    → " + Quiz.LINES_HINT),
                check("? Câu hỏi viết trên hai dòng:\nHòa giải viên là ai\n= đúng\n> Giải thích.\n"));
        // A question written without its "? " after another: one error, not one per option that follows.
        assertEquals(List.of(
                "content/bai.md:11: lỗi: dòng không đúng cú pháp của khối quiz: \"Câu hai quên dấu hỏi?\"",
                "    → " + Quiz.LINES_HINT),
                check("? Câu một?\n= đúng\n> Vì vậy.\n\nCâu hai quên dấu hỏi?\n- [x] Một\n- [ ] Hai\n> Giải thích.\n"));
    }

    @Test
    void anEmptyBlock() {
        assertEquals(List.of(
                "content/bai.md:6: lỗi: khối quiz không có câu hỏi nào",
                "    → Viết ít nhất một câu hỏi: một dòng \"? …\", các phương án \"- [ ] …\" / \"- [x] …\" (hoặc \"= đúng\" /"
                        + " \"= sai\") và lời giải thích \"> …\"; hoặc xóa khối ```quiz."),
                check("\n\n"));
        assertEquals(List.of("content/a.md:2: lỗi: khối quiz không có câu hỏi nào"),
                check(Map.of("a.md", "Đầu.\n````quiz\n````\n")).stream().filter(l -> !l.startsWith("    → ")).toList());
    }

    @Test
    void otherMistakesAtTheirLines() {
        assertEquals(List.of(
                "content/bai.md:7: lỗi: dòng này không thuộc câu hỏi nào: thiếu dòng \"? …\" ở trên",
                "content/bai.md:11: lỗi: câu hỏi đúng/sai có hơn một dòng \"=\"",
                "content/bai.md:15: lỗi: dòng này đứng sau lời giải thích của câu hỏi",
                "content/bai.md:16: lỗi: dòng \"?\" không có nội dung câu hỏi",
                "content/bai.md:20: lỗi: phương án không có nội dung"),
                check("""
                        - [x] Phương án trước mọi câu hỏi
                        > Giải thích.
                        ? Hai dòng bằng?
                        = đúng
                        = sai
                        > G.
                        ? Phương án sau lời giải thích?
                        > G.
                        - [ ] Muộn
                        ?
                        = đúng
                        > G.
                        ? Phương án trống?
                        - [x]
                        - [ ] Hai
                        > G.
                        """).stream().filter(l -> !l.startsWith("    → ")).toList());
    }

    @Test
    void linesStayRightInsideListsAndAfterLongFrontMatter() {
        assertEquals(List.of("content/a.md:12: lỗi: câu hỏi chỉ có 1 phương án; cần ít nhất 2"), check(Map.of("a.md", """
                ---
                title: A
                description: Mô tả
                weight: 2
                ---
                1. Bước một.

                   ```quiz
                   ? Câu đúng?
                   = đúng
                   > G.
                   ? Câu sai?
                   - [x] Một
                   > G.
                   ```
                """)).stream().filter(l -> !l.startsWith("    → ")).toList());
    }

    @Test
    void aFencedCodeBlockOfAnotherLanguageIsCode() {
        String html = render(Map.of("a.md", "```quizz\n? Không phải quiz\n```\n\n```\nquiz\n```\n")).get("a.md").html();
        assertEquals("<pre><code class=\"language-quizz\">? Không phải quiz\n</code></pre>\n<pre><code>quiz\n</code></pre>\n", html);
        assertEquals(List.of(), messages());
    }

    @Test
    void theFragmentCacheReplaysAQuizsProblems() throws IOException {
        TestSites.write(tmp.resolve("src"), Map.of("site.yaml", "title: Thử\n",
                "bai.md", "---\ntitle: Bài\n---\n```quiz\n? Câu?\n- [x] Một\n> G.\n```\n"));
        Site site = Content.load(tmp.resolve("src"), problems);
        Page page = site.pages().stream().filter(p -> p.source().equals("bai.md")).findFirst().orElseThrow();
        FragmentCache cache = FragmentCache.open(tmp.resolve("cache"), site, SiteConfig.BrokenLinks.ERROR, "content/");
        Markdown.render(page, site, SiteConfig.BrokenLinks.ERROR, problems, true, cache);
        List<String> first = messages();
        assertEquals(List.of("content/bai.md:5: lỗi: câu hỏi chỉ có 1 phương án; cần ít nhất 2"), first);
        Problems again = new Problems("content");
        RenderedPage hit = cache.get(cache.key(page), page, again);
        assertNotNull(hit, "the second rendering comes from the cache");
        assertEquals(problems.all().stream().map(Problem::format).toList(), again.all().stream().map(Problem::format).toList());
    }

    static final String CASES = """
            ---
            title: Tình huống
            ---
            !!! tinh-huong "Tranh chấp lối đi chung"
                Ông A rào lối đi chung; theo Điều 8 Luật Hòa giải ở cơ sở, việc này hòa giải được.

                **Câu hỏi gợi ý**

                1. Ai nên hòa giải?

                ??? phan-tich "Phân tích mẫu"
                    Hòa giải viên nghe **cả hai bên**.

            !!! tinh-huong
                Ông B và bà C cãi nhau.

                ???+ note
                    Ghi chú mở sẵn.

            ??? tip "Mẹo"
                Lắng nghe trước.
            """;

    @Test
    void caseStudiesAreSectionsAndTheirAnalysisIsClosed() {
        String html = render(Map.of("van-ban/luat-hoa-giai-o-co-so.md", LAW, "bai.md", CASES)).get("bai.md").html();
        assertEquals("""
                <section class="tinh-huong" aria-labelledby="tinh-huong_1">
                <h3 class="tinh-huong-title" id="tinh-huong_1">Tình huống: Tranh chấp lối đi chung</h3>
                <p>Ông A rào lối đi chung; theo <a href="van-ban/luat-hoa-giai-o-co-so.html#dieu-8">Điều 8 Luật Hòa giải ở cơ sở</a>, việc này hòa giải được.</p>
                <p><strong>Câu hỏi gợi ý</strong></p>
                <ol>
                <li>Ai nên hòa giải?</li>
                </ol>
                <details class="callout callout-phan-tich">
                <summary>Phân tích mẫu</summary>
                <p>Hòa giải viên nghe <strong>cả hai bên</strong>.</p>
                </details>
                </section>
                <section class="tinh-huong" aria-labelledby="tinh-huong_2">
                <h3 class="tinh-huong-title" id="tinh-huong_2">Tình huống</h3>
                <p>Ông B và bà C cãi nhau.</p>
                <details class="callout callout-note" open>
                <summary>Ghi chú</summary>
                <p>Ghi chú mở sẵn.</p>
                </details>
                </section>
                <details class="callout callout-tip">
                <summary>Mẹo</summary>
                <p>Lắng nghe trước.</p>
                </details>
                """, html);
        assertEquals(List.of("content/bai.md:14: lỗi: tình huống không có phần phân tích mẫu (??? phan-tich)"), messages());
        assertEquals("Thêm vào cuối tình huống, thụt vào 4 dấu cách, một dòng ??? phan-tich \"Phân tích mẫu\" và viết"
                + " phần phân tích dưới nó, thụt vào thêm 4 dấu cách: người học bấm vào mới mở ra.", problems.all().get(0).hint());
    }

    @Test
    void aCaseStudyWithoutAnalysisFailsTheBuildAtItsLine() {
        assertEquals(List.of("content/bai.md:5: lỗi: tình huống \"Hàng xóm\" không có phần phân tích mẫu (??? phan-tich)"),
                check(Map.of("bai.md", "---\ntitle: Bài\n---\nĐầu.\n!!! tinh-huong \"Hàng xóm\"\n    Tiếng ồn.\n\n"
                        + "    !!! phan-tich-sai \"Không phải\"\n        Sai loại.\n")).stream()
                        .filter(l -> !l.startsWith("    → ")).toList());
    }

    @Test
    void theBuiltPageLoadsTheQuizScriptAndKeepsTheQuizThroughTheSanitiser() throws IOException {
        Path src = TestSites.write(tmp.resolve("src"), Map.of("site.yaml", "title: Thử\n",
                "van-ban/luat-hoa-giai-o-co-so.md", LAW,
                "bai-hoc/bai-1.md", LESSON.replace("Mở đầu.", "Mở đầu.<br>Có mã HTML."),
                "bai-hoc/khong-quiz.md", "---\ntitle: Không có quiz\n---\nBài đọc về quiz.\n"));
        Path out = tmp.resolve("out");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        Document page = Jsoup.parse(out.resolve("bai-hoc/bai-1.html").toFile(), "UTF-8");
        assertEquals(1, page.select("script[src~=^\\.\\./assets/quiz\\.[0-9a-f]+\\.js$][defer]").size(), page.head().html());
        assertTrue(Files.exists(out.resolve(page.selectFirst("script[src*=quiz.]").attr("src").replace("../", ""))));
        // The raw <br> made the page go through the sanitiser: every hook is still there.
        assertEquals(1, page.select("br").size());
        assertEquals(2, page.select("section.quiz[data-quiz][aria-labelledby]").size());
        assertEquals(4, page.select("li.quiz-q[data-kind][data-answer]").size());
        assertEquals(9, page.select("fieldset > legend.quiz-text ~ label.quiz-option > input[name][value][type]").size());
        assertEquals(4, page.select("details.quiz-answer:not([open]) > summary").size());
        assertEquals(4, page.select("p.quiz-feedback[aria-live=polite]").size());
        assertEquals("../van-ban/luat-hoa-giai-o-co-so.html#dieu-8", page.selectFirst(".quiz-explain a").attr("href"));
        assertEquals(List.of(), TestSites.brokenLinks(out));
        Document other = Jsoup.parse(out.resolve("bai-hoc/khong-quiz.html").toFile(), "UTF-8");
        assertEquals(0, other.select("script[src*=quiz.]").size());
    }
}
