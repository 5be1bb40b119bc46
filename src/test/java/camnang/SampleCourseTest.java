package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample course in content/khoa-hoc (issue 7's acceptance), built as staff would: the course
 * page's path in its declared order with each lesson's time; every lesson's goals, legal basis
 * linked to the article, quiz as it reads without JavaScript, case studies and glossary links;
 * each module's print page with ids of its own per lesson; and in headless Chromium, over HTTP
 * at a sub-path and from file://, a quiz answered by clicks, kept across a reload, shown on the
 * course page, and cleared.
 */
class SampleCourseTest {
    @TempDir
    static Path tmp;
    static Path out;

    static final String COURSE = "khoa-hoc/index.html";
    static final String LAW = "van-ban/luat-hoa-giai-o-co-so.html";
    static final String M1 = "khoa-hoc/01-phap-luat-ve-hoa-giai/";
    static final String M2 = "khoa-hoc/02-ky-nang-hoa-giai/";
    static final String M3 = "khoa-hoc/03-thuc-hanh-va-tinh-huong/";
    /** The course's lessons in the order its weights declare, which is not their files' order. */
    static final List<String> LESSONS = List.of(
            M1 + "hoa-giai-o-co-so-va-pham-vi.html", M1 + "sau-nguyen-tac-hoa-giai.html",
            M1 + "tieu-chuan-va-bau-hoa-giai-vien.html", M1 + "quyen-nghia-vu-va-to-hoa-giai.html",
            M2 + "tiep-nhan-va-chuan-bi.html", M2 + "lang-nghe-va-dat-cau-hoi.html",
            M2 + "thuyet-phuc-va-giu-binh-tinh.html", M2 + "ket-thuc-va-theo-doi-thuc-hien.html",
            M3 + "tinh-huong-vat-nuoi-va-xo-xat.html", M3 + "tinh-huong-loi-di-chung.html",
            M3 + "tinh-huong-no-tien-hang-xom.html", M3 + "tinh-huong-cham-soc-me-gia.html");

    @BeforeAll
    static void build() {
        out = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--out", out.toString(), "--no-search", "--no-cache");
        assertEquals(0, r.exit(), r.err());
    }

    static Document page(String path) {
        try {
            return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The output path, from the site root, that {@code href} on the page at {@code from} names (no fragment). */
    static String target(String from, String href) {
        String file = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
        Path p = Path.of(from).getParent();
        return (p == null ? Path.of(file) : p.resolve(file)).normalize().toString().replace('\\', '/');
    }

    // ---- The course page and the lessons' order ----

    @Test
    void coursePageListsTheModulesAndLessonsInTheirDeclaredOrderWithTheirTimes() {
        Document d = page(COURSE);
        assertEquals("Khóa tự học: Kỹ năng hòa giải ở cơ sở", d.selectFirst("h1").text());
        assertEquals("3 học phần · 12 bài · Thời gian học ước tính: 3 giờ 35 phút", d.selectFirst(".thong-tin-khoa").text());
        StringBuilder path = new StringBuilder();
        for (Element m : d.select(".ds-hoc-phan > li.hoc-phan")) {
            path.append(m.selectFirst("h3").text()).append(" [").append(m.selectFirst("h3 a").attr("href")).append("] ")
                    .append(m.selectFirst(".phu").text()).append('\n');
            for (Element l : m.select(".ds-bai-hoc > li")) {
                path.append("  ").append(l.selectFirst("a").text()).append(" · ").append(l.selectFirst(".phut").text())
                        .append(" [").append(l.selectFirst("a").attr("href")).append("]\n");
            }
        }
        assertEquals("""
                Học phần 1. Pháp luật về hòa giải ở cơ sở [01-phap-luat-ve-hoa-giai/index.html] 4 bài · Thời gian học ước tính: 1 giờ 10 phút · In cả học phần
                  Hòa giải ở cơ sở là gì? Việc nào được hòa giải? · 20 phút [01-phap-luat-ve-hoa-giai/hoa-giai-o-co-so-va-pham-vi.html]
                  Sáu nguyên tắc của hòa giải ở cơ sở · 15 phút [01-phap-luat-ve-hoa-giai/sau-nguyen-tac-hoa-giai.html]
                  Tiêu chuẩn, bầu và công nhận hòa giải viên · 15 phút [01-phap-luat-ve-hoa-giai/tieu-chuan-va-bau-hoa-giai-vien.html]
                  Quyền, nghĩa vụ của hòa giải viên và tổ hòa giải · 20 phút [01-phap-luat-ve-hoa-giai/quyen-nghia-vu-va-to-hoa-giai.html]
                Học phần 2. Quy trình và kỹ năng hòa giải [02-ky-nang-hoa-giai/index.html] 4 bài · Thời gian học ước tính: 1 giờ 10 phút · In cả học phần
                  Tiếp nhận vụ việc và chuẩn bị hòa giải · 20 phút [02-ky-nang-hoa-giai/tiep-nhan-va-chuan-bi.html]
                  Kỹ năng lắng nghe và đặt câu hỏi · 15 phút [02-ky-nang-hoa-giai/lang-nghe-va-dat-cau-hoi.html]
                  Thuyết phục và giữ buổi hòa giải bình tĩnh · 15 phút [02-ky-nang-hoa-giai/thuyet-phuc-va-giu-binh-tinh.html]
                  Kết thúc hòa giải và theo dõi thực hiện thỏa thuận · 20 phút [02-ky-nang-hoa-giai/ket-thuc-va-theo-doi-thuc-hien.html]
                Học phần 3. Thực hành qua tình huống [03-thuc-hanh-va-tinh-huong/index.html] 4 bài · Thời gian học ước tính: 1 giờ 15 phút · In cả học phần
                  Tình huống: con bò sổng chuồng và cú xô xát · 15 phút [03-thuc-hanh-va-tinh-huong/tinh-huong-vat-nuoi-va-xo-xat.html]
                  Tình huống: lối đi chung qua đất nhà hàng xóm · 20 phút [03-thuc-hanh-va-tinh-huong/tinh-huong-loi-di-chung.html]
                  Tình huống: khoản nợ giữa hai nhà hàng xóm · 20 phút [03-thuc-hanh-va-tinh-huong/tinh-huong-no-tien-hang-xom.html]
                  Tình huống: các con bất hòa chuyện chăm sóc mẹ già · 20 phút [03-thuc-hanh-va-tinh-huong/tinh-huong-cham-soc-me-gia.html]
                """, path.toString());
        assertEquals(LESSONS, d.select(".ds-bai-hoc > li").eachAttr("data-lesson"));
        assertEquals(List.of("01-phap-luat-ve-hoa-giai/in.html", "02-ky-nang-hoa-giai/in.html", "03-thuc-hanh-va-tinh-huong/in.html"),
                d.select("a.in-hoc-phan").eachAttr("href"));
        // Without JavaScript: the path and times only.
        for (String hidden : List.of(".tiep-tuc", ".xoa-tien-do", ".tien-do-hoc-phan", ".da-hoc", ".diem-bai")) {
            assertFalse(d.select(hidden).isEmpty(), hidden);
            d.select(hidden).forEach(e -> assertTrue(e.hasAttr("hidden"), hidden));
        }
        assertEquals(1, d.select("script[src^=../assets/course.]").size());
    }

    @Test
    void lessonsRunInTheSameOrderOnTheirModulePagesPrintPagesAndPreviousNext() {
        Document course = page(COURSE);
        Map<String, String> titles = new LinkedHashMap<>();
        course.select(".ds-bai-hoc > li").forEach(li -> titles.put(li.attr("data-lesson"), li.selectFirst("a").text()));
        for (String module : List.of(M1, M2, M3)) {
            List<String> own = LESSONS.stream().filter(l -> l.startsWith(module)).toList();
            assertEquals(own, page(module + "index.html").select("section.hoc-phan-trang .ds-bai-hoc > li > a").stream()
                    .map(a -> target(module + "index.html", a.attr("href"))).toList(), module);
            assertEquals(own.stream().map(titles::get).toList(),
                    page(module + "in.html").select("article.bai-in > h2").eachText(), module + "in.html");
        }
        for (int i = 0; i < LESSONS.size(); i++) {
            String l = LESSONS.get(i);
            Document d = page(l);
            Element prev = d.selectFirst("nav.truoc-sau a[rel=prev]");
            Element next = d.selectFirst("nav.truoc-sau a[rel=next]");
            assertEquals(i == 0 ? null : LESSONS.get(i - 1), prev == null ? null : target(l, prev.attr("href")), l);
            assertEquals(i == LESSONS.size() - 1 ? null : LESSONS.get(i + 1), next == null ? null : target(l, next.attr("href")), l);
            assertEquals(titles.get(l), d.selectFirst("h1").text());
            assertEquals("Thời gian học: " + course.selectFirst("li[data-lesson=" + l + "] .phut").text(),
                    d.selectFirst(".thoi-gian-hoc").text(), l);
        }
    }

    @Test
    void everyLessonHasItsGoalsAndItsLegalBasisLinkedToArticlesOfTheLaw() {
        Document law = page(LAW);
        Pattern article = Pattern.compile("\\.\\./\\.\\./" + Pattern.quote(LAW) + "#(dieu-(\\d+))");
        for (String l : LESSONS) {
            Document d = page(l);
            assertEquals("Mục tiêu bài học", d.selectFirst(".muc-tieu h2").text(), l);
            Elements goals = d.select(".muc-tieu li");
            assertTrue(goals.size() >= 2, l + ": " + goals.size() + " goals");
            goals.forEach(g -> assertTrue(g.text().length() > 20, l + ": " + g.text()));
            assertEquals("Căn cứ pháp lý", d.selectFirst(".can-cu h2").text(), l);
            int articles = 0;
            for (Element a : d.select(".can-cu li a")) {
                Matcher m = article.matcher(a.attr("href"));
                if (m.matches()) {
                    articles++;
                    assertNotNull(law.getElementById(m.group(1)), l + ": " + a.attr("href"));
                    assertTrue(law.getElementById(m.group(1)).text().startsWith("Điều " + m.group(2) + "."),
                            l + ": " + law.getElementById(m.group(1)).text());
                    // The anchor is the article the staff wrote, not another one.
                    assertTrue(a.text().matches("(.* )?Điều " + m.group(2) + " Luật Hòa giải ở cơ sở"), l + ": " + a.text() + " → " + m.group(1));
                }
            }
            assertTrue(articles >= 1, l + " cites no article of " + LAW);
        }
    }

    // ---- Quizzes, as they read without JavaScript ----

    @Test
    void everyLessonsQuizShowsItsQuestionsWithTheAnswersInClosedDetails() {
        int questions = 0;
        List<String> wrong = new ArrayList<>();
        for (String l : LESSONS) {
            Document d = page(l);
            Elements quizzes = d.select("section.quiz");
            assertFalse(quizzes.isEmpty(), l + " has no quiz");
            assertEquals(1, d.select("script[src^=../../assets/quiz.]").size(), l);
            for (int n = 1; n <= quizzes.size(); n++) {
                Element quiz = quizzes.get(n - 1);
                String id = "quiz-" + n;
                assertEquals(List.of(id, String.valueOf(n), id + "-title"),
                        List.of(quiz.id(), quiz.attr("data-quiz"), quiz.attr("aria-labelledby")), l);
                assertEquals("Câu hỏi ôn tập", quiz.selectFirst("h2.quiz-title#" + id + "-title").text(), l);
                // Nothing to press before the script adds its buttons; no verdict yet.
                assertEquals(0, quiz.select("button").size(), l);
                Elements items = quiz.select("ol.quiz-questions > li.quiz-q");
                for (int k = 1; k <= items.size(); k++) {
                    questions++;
                    String problem = question(items.get(k - 1), id + "-" + k);
                    if (problem != null) {
                        wrong.add(l + " " + id + "-" + k + ": " + problem);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(questions >= 30, questions + " questions");
        assertEquals(45, questions, "the sample course's questions");
    }

    /** What is wrong with one question's markup, or null. */
    private static String question(Element li, String id) {
        if (!li.id().equals(id)) {
            return "id " + li.id();
        }
        String kind = li.attr("data-kind");
        Elements inputs = li.select("fieldset > label.quiz-option > input");
        List<String> labels = li.select("fieldset > label.quiz-option").eachText();
        List<String> answer = List.of(li.attr("data-answer").split(","));
        if (li.selectFirst("fieldset > legend.quiz-text").text().isBlank()) {
            return "no question";
        }
        if (!inputs.stream().allMatch(i -> i.attr("name").equals(id))) {
            return "inputs not named " + id;
        }
        String type = kind.equals("multiple") ? "checkbox" : "radio";
        if (!inputs.stream().allMatch(i -> i.attr("type").equals(type))) {
            return kind + " with inputs " + inputs.eachAttr("type");
        }
        List<String> correct = new ArrayList<>();
        switch (kind) {
            case "single", "multiple" -> {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    values.add(String.valueOf(i));
                }
                if (inputs.size() < 2 || !inputs.eachAttr("value").equals(values)) {
                    return "options " + inputs.eachAttr("value");
                }
                if (kind.equals("single") ? answer.size() != 1 : answer.size() < 2) {
                    return kind + " with answer " + answer;
                }
                for (String a : answer) {
                    if (!values.contains(a)) {
                        return "answer " + a + " is no option";
                    }
                    correct.add(labels.get(Integer.parseInt(a)));
                }
            }
            case "truefalse" -> {
                if (!labels.equals(List.of("Đúng", "Sai")) || !inputs.eachAttr("value").equals(List.of("true", "false"))
                        || !List.of(List.of("true"), List.of("false")).contains(answer)) {
                    return "true/false as " + labels + " " + inputs.eachAttr("value") + " answer " + answer;
                }
                correct.add(answer.get(0).equals("true") ? "Đúng" : "Sai");
            }
            default -> {
                return "kind " + kind;
            }
        }
        Element details = li.selectFirst("details.quiz-answer");
        if (details == null || details.hasAttr("open")) {
            return "the answer is not in closed details";
        }
        if (!details.selectFirst("summary").text().equals("Xem đáp án")) {
            return "summary " + details.selectFirst("summary").text();
        }
        String said = details.selectFirst("p.quiz-correct").text();
        if (!said.equals("Đáp án đúng: " + String.join("; ", correct))) {
            return said + " but data-answer is " + correct;
        }
        if (details.selectFirst(".quiz-explain").text().length() < 10) {
            return "no explanation";
        }
        Element feedback = li.selectFirst("p.quiz-feedback[aria-live=polite]");
        if (feedback == null || !feedback.text().isEmpty()) {
            return "feedback " + feedback;
        }
        return null;
    }

    // ---- Case studies ----

    @Test
    void fourCaseStudiesEachWithQuestionsAndAClosedAnalysis() {
        List<String> found = new ArrayList<>();
        for (String l : LESSONS) {
            Document d = page(l);
            for (Element s : d.select("section.tinh-huong")) {
                Element title = s.selectFirst("h3.tinh-huong-title");
                assertEquals(s.attr("aria-labelledby"), title.id(), l);
                assertEquals("Câu hỏi gợi ý", s.selectFirst("p > strong:containsOwn(Câu hỏi gợi ý)").text(), l);
                assertTrue(s.select("ol > li").size() >= 3, l);
                Elements analyses = s.select("details.callout-phan-tich");
                assertEquals(1, analyses.size(), l);
                Element analysis = analyses.first();
                assertFalse(analysis.hasAttr("open"), l + ": the analysis waits for the reader");
                assertEquals("Phân tích mẫu", analysis.selectFirst("> summary").text(), l);
                assertTrue(analysis.select("> p").size() >= 3, l);
                found.add(l.substring(l.lastIndexOf('/') + 1) + ": " + title.text());
            }
        }
        assertEquals(List.of(
                "tinh-huong-vat-nuoi-va-xo-xat.html: Tình huống: Con bò sổng chuồng và cú xô xát",
                "tinh-huong-loi-di-chung.html: Tình huống: Hàng rào mới và chiếc xe máy chở lúa",
                "tinh-huong-no-tien-hang-xom.html: Tình huống: Hai mươi triệu và lãi năm phân",
                "tinh-huong-cham-soc-me-gia.html: Tình huống: Căn nhà của má và ba người con"), found);
    }

    // ---- Glossary ----

    @Test
    void glossaryLinksInLessonsLeadToATermOfTheGlossaryOncePerLesson() {
        Document glossary = page("thuat-ngu.html");
        Map<String, String> terms = new TreeMap<>();
        for (Element dt : glossary.select(".noi-dung dl > dt")) {
            assertFalse(dt.id().isEmpty(), dt.text());
            assertEquals("dd", dt.nextElementSibling().tagName(), dt.text());
            assertEquals(null, terms.put(dt.id(), dt.nextElementSibling().text()), "two terms with id " + dt.id());
        }
        assertTrue(terms.size() >= 15, terms.size() + " terms");
        assertTrue(terms.containsKey("hoa-giai-vien") && terms.containsKey("to-hoa-giai") && terms.containsKey("hoa-giai-thanh"),
                terms.keySet().toString());
        Set<String> used = new java.util.TreeSet<>();
        for (String l : LESSONS) {
            Document d = page(l);
            Elements links = d.select("a.thuat-ngu");
            assertFalse(links.isEmpty(), l + " links no term");
            List<String> seen = new ArrayList<>();
            for (Element a : links) {
                Matcher m = Pattern.compile("\\.\\./\\.\\./thuat-ngu\\.html#(.+)").matcher(a.attr("href"));
                assertTrue(m.matches(), l + ": " + a.attr("href"));
                String id = m.group(1);
                assertTrue(terms.containsKey(id), l + ": no term #" + id);
                assertFalse(seen.contains(id), l + " links " + id + " twice");
                seen.add(id);
                used.add(id);
                // The tooltip is the term's definition, in the lesson itself.
                Element tip = d.getElementById(a.attr("aria-describedby"));
                assertNotNull(tip, l + ": " + a.attr("aria-describedby"));
                assertEquals("tooltip", tip.attr("role"), l);
                assertEquals(terms.get(id), tip.text(), l + ": " + id);
                // Never in a heading, a link, code or a quiz's answer.
                assertTrue(a.parents().stream().noneMatch(p -> p.is("h1, h2, h3, h4, h5, h6, a, code, pre, .quiz-answer")),
                        l + ": " + a.text() + " in " + a.parent().tagName());
            }
        }
        assertTrue(used.size() >= 10, "terms linked from lessons: " + used);
    }

    // ---- Print pages: one id per element ----

    @Test
    void printPagesHaveEachIdOnceAndInPageReferencesThatResolve() {
        for (String module : List.of(M1, M2, M3)) {
            String path = module + "in.html";
            Document d = page(path);
            Map<String, Long> ids = d.select("[id]").stream().collect(Collectors.groupingBy(Element::id, TreeMap::new, Collectors.counting()));
            assertEquals(Map.of(), ids.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), path + ": ids used more than once");
            List<String> unresolved = new ArrayList<>();
            for (Element a : d.select("[href^=#]")) {
                String id = a.attr("href").substring(1);
                if (!id.isEmpty() && !ids.containsKey(id)) {
                    unresolved.add(a.outerHtml());
                }
            }
            for (String attr : List.of("aria-describedby", "aria-labelledby", "for")) {
                for (Element e : d.select("[" + attr + "]")) {
                    for (String id : e.attr(attr).split("\\s+")) {
                        if (!ids.containsKey(id)) {
                            unresolved.add(attr + "=" + id);
                        }
                    }
                }
            }
            assertEquals(List.of(), unresolved, path);
            // The sample's lessons hold no in-page links (PrintIdsTest has some); their tooltips and quizzes refer to ids.
            assertTrue(d.select("[aria-describedby], [aria-labelledby]").size() >= 15, path);
            // A radio group is one question's: answering in one lesson leaves the others' answers alone.
            Map<String, List<Element>> groups = d.select("input[name]").stream().collect(Collectors.groupingBy(i -> i.attr("name")));
            groups.forEach((name, inputs) -> {
                Element li = inputs.get(0).closest("li.quiz-q");
                assertEquals(li.id(), name, path);
                inputs.forEach(i -> assertEquals(li, i.closest("li.quiz-q"), path + ": " + name));
            });
            int expected = 0;
            for (String l : LESSONS.stream().filter(x -> x.startsWith(module)).toList()) {
                expected += page(l).select("li.quiz-q").size();
            }
            assertEquals(expected, groups.size(), path);
            assertEquals(List.of("bai-1--quiz-1", "bai-2--quiz-1", "bai-3--quiz-1", "bai-4--quiz-1"),
                    d.select("section.quiz").eachAttr("id"), path);
            d.select("details.quiz-answer, details.callout").forEach(x -> assertFalse(x.hasAttr("open"), path));
        }
    }

    // ---- In headless Chromium ----

    static final String KEY = "camnang-hoc:" + COURSE;
    static final String LESSON = M1 + "tieu-chuan-va-bau-hoa-giai-vien.html";
    static final String LESSON_TITLE = "Tiêu chuẩn, bầu và công nhận hòa giải viên";

    @Test
    void aQuizAnsweredByClicksIsKeptShownOnTheCoursePageAndClearedOverHttpAndFromFiles() throws Exception {
        try (Chromium.Served served = Chromium.serve(out, "/phuong-1/tai-lieu/");
             Cdp tab = Cdp.launch(tmp.resolve("profile-http"))) {
            studyAndClear(tab, served.url());
        }
        try (Cdp tab = Cdp.launch(tmp.resolve("profile-file"))) {
            studyAndClear(tab, out.toUri().toString());
        }
    }

    private static void studyAndClear(Cdp tab, String base) throws Exception {
        String today = LocalDate.now().toString();
        String todayVn = LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        tab.send("Page.enable", "{}");
        tab.open(base + LESSON);
        await(tab, "String(document.querySelectorAll('#quiz-1 button.quiz-check').length)", "4");
        assertEquals("{\"v\":1,\"read\":{},\"quiz\":{},\"last\":\"" + LESSON + "\"}", stored(tab), "opened, nothing answered yet");

        // The first question wrongly: a diploma is no requirement.
        click(tab, "document.querySelector('#quiz-1-1 input[value=\"3\"]')");
        assertEquals("true", tab.eval("String(document.querySelector('#quiz-1-1 input[value=\"3\"]').checked)"));
        click(tab, "document.querySelector('#quiz-1-1 button.quiz-check')");
        assertEquals("Chưa đúng. Xem đáp án và lời giải thích bên dưới. | open=true | wrong", state(tab, "quiz-1-1"));
        assertEquals("Bạn trả lời đúng 0/4 câu. Còn 3 câu chưa trả lời.", score(tab));
        // The last one rightly: the chairman of the commune signs, not the Front's head.
        click(tab, "document.querySelector('#quiz-1-4 input[value=\"false\"]')");
        click(tab, "document.querySelector('#quiz-1-4 button.quiz-check')");
        assertEquals("Đúng rồi! | open=true | right", state(tab, "quiz-1-4"));
        assertEquals(" | open=false | null", state(tab, "quiz-1-2"), "an unanswered question stays closed");
        assertEquals("Bạn trả lời đúng 1/4 câu. Còn 2 câu chưa trả lời.", score(tab));
        // The reader reaches the end of the lesson: it is marked read after a moment.
        tab.eval("document.querySelector('[data-lesson-end]').scrollIntoView({block: 'end', behavior: 'instant'}); ''");
        await(tab, "document.querySelector('.nut-da-hoc').getAttribute('aria-pressed')", "true");
        String record = "{\"v\":1,\"read\":{\"" + LESSON + "\":\"" + today + "\"},\"quiz\":{\"" + LESSON
                + "#quiz-1\":{\"right\":1,\"total\":4}},\"last\":\"" + LESSON + "\"}";
        assertEquals(record, stored(tab));

        tab.send("Page.reload", "{}");
        await(tab, "document.readyState + ' ' + document.querySelector('#quiz-1 .quiz-score').textContent",
                "complete Lần trước bạn trả lời đúng 1/4 câu.");
        assertEquals(" | open=false | null", state(tab, "quiz-1-1"), "a reloaded quiz starts afresh");
        assertEquals("true", tab.eval("document.querySelector('.nut-da-hoc').getAttribute('aria-pressed')"));
        assertEquals("✓ Bạn đã học bài này (ngày " + todayVn + ").", tab.eval("document.querySelector('.trang-thai-bai').textContent"));
        assertEquals(record, stored(tab));

        tab.open(base + COURSE);
        assertEquals("Tiến độ: 1/4 bài đã học · Câu hỏi ôn tập: 1/4 câu đúng|Tiến độ: 0/4 bài đã học|Tiến độ: 0/4 bài đã học",
                progress(tab));
        assertEquals(LESSON_TITLE + " 15 phút · ✓ Đã học · Ôn tập: 1/4 câu đúng", tab.eval(
                "Array.from(document.querySelector('li[data-lesson=\"" + LESSON + "\"]').childNodes)"
                        + ".filter(function (n) { return !n.hidden; }).map(function (n) { return n.textContent; }).join('')"));
        assertEquals("1", tab.eval("String(Array.from(document.querySelectorAll('.da-hoc')).filter(function (e) { return !e.hidden; }).length)"));
        assertEquals("false Tiếp tục học: " + LESSON_TITLE,
                tab.eval("var t = document.querySelector('.tiep-tuc'); t.hidden + ' ' + t.textContent.trim()"));
        assertEquals(base + LESSON, tab.eval("document.querySelector('.tiep-tuc a').href"), "where the reader stopped");

        // Clearing asks first, in the browser's own dialog; accepted, the progress goes.
        tab.eval("var ask = window.confirm; window.confirm = function (m) { window.asked = m; return ask.call(window, m); }; ''");
        clickThroughDialog(tab, "document.querySelector('.nut-xoa-tien-do')");
        assertEquals("Xóa tiến độ học của khóa học này trên máy này (bài đã học, điểm câu hỏi ôn tập)? Không thể hoàn tác.",
                tab.eval("window.asked"));
        assertEquals("Đã xóa tiến độ học của bạn.", tab.eval("document.querySelector('.xoa-thong-bao').textContent"));
        assertEquals("null", stored(tab));

        tab.send("Page.reload", "{}");
        await(tab, "document.readyState + ' ' + String(document.querySelector('.xoa-tien-do').hidden)", "complete false");
        assertEquals("Tiến độ: 0/4 bài đã học|Tiến độ: 0/4 bài đã học|Tiến độ: 0/4 bài đã học", progress(tab));
        assertEquals("0", tab.eval("String(Array.from(document.querySelectorAll('.da-hoc, .diem-bai')).filter(function (e) { return !e.hidden; }).length)"));
        assertEquals("true", tab.eval("String(document.querySelector('.tiep-tuc').hidden)"));
        assertEquals("null", stored(tab));
        tab.open(base + LESSON);
        await(tab, "String(document.querySelectorAll('#quiz-1 button.quiz-check').length)", "4");
        assertEquals("false|", tab.eval("document.querySelector('.nut-da-hoc').getAttribute('aria-pressed') + '|'"
                + " + document.querySelector('#quiz-1 .quiz-score').textContent"), "the lesson forgot its score too");
    }

    private static String stored(Cdp tab) throws InterruptedException {
        return tab.eval("localStorage.getItem('" + KEY + "')");
    }

    private static String score(Cdp tab) throws InterruptedException {
        return tab.eval("document.querySelector('#quiz-1 .quiz-score').textContent");
    }

    /** A question as the reader sees it: the verdict, whether its answer is open, the mark the script set. */
    private static String state(Cdp tab, String question) throws InterruptedException {
        return tab.eval("var li = document.getElementById('" + question + "');"
                + " li.querySelector('.quiz-feedback').textContent + ' | open=' + li.querySelector('details.quiz-answer').open"
                + " + ' | ' + li.getAttribute('data-result')");
    }

    private static String progress(Cdp tab) throws InterruptedException {
        return tab.eval("Array.from(document.querySelectorAll('.tien-do-hoc-phan')).map(function (p) {"
                + " return (p.hidden ? 'hidden ' : '') + p.textContent; }).join('|')");
    }

    /**
     * Where a reader's finger would press {@code element}: its centre, once scrolled into view,
     * which must be the element itself (or inside it), not something drawn over it.
     */
    private static String[] spot(Cdp tab, String element) throws InterruptedException {
        String at = tab.eval("(function () { var e = " + element + "; e.scrollIntoView({block: 'center', behavior: 'instant'});"
                + " var r = e.getBoundingClientRect(); var x = Math.round(r.left + r.width / 2), y = Math.round(r.top + r.height / 2);"
                + " var hit = document.elementFromPoint(x, y);"
                + " return (hit === e || e.contains(hit) ? 'ok' : 'covered by ' + (hit && hit.outerHTML.slice(0, 80))) + ' ' + x + ' ' + y; })()");
        assertTrue(at.startsWith("ok "), element + ": " + at);
        String[] p = at.split(" ");
        return new String[] {p[1], p[2]};
    }

    private static void mouse(Cdp tab, String type, String[] xy) throws InterruptedException {
        String answer = tab.send("Input.dispatchMouseEvent", "{\"type\":\"" + type + "\",\"x\":" + xy[0] + ",\"y\":" + xy[1]
                + ",\"button\":\"left\",\"buttons\":" + (type.equals("mousePressed") ? 1 : 0) + ",\"clickCount\":1}");
        assertFalse(answer.contains("\"error\""), answer);
    }

    /** A press and release of the mouse on {@code element}, as a reader taps it. */
    private static void click(Cdp tab, String element) throws InterruptedException {
        String[] xy = spot(tab, element);
        mouse(tab, "mousePressed", xy);
        mouse(tab, "mouseReleased", xy);
    }

    /**
     * Clicks {@code element}, which opens a confirm dialog, and accepts it as the reader would.
     * The release waits while the dialog is open, so it is sent from another thread while this
     * one asks the browser to accept the dialog until one is showing.
     */
    private static void clickThroughDialog(Cdp tab, String element) throws Exception {
        String[] xy = spot(tab, element);
        mouse(tab, "mousePressed", xy);
        CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
            try {
                mouse(tab, "mouseReleased", xy);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        String answer = "";
        for (int i = 0; i < 100; i++) {
            answer = tab.send("Page.handleJavaScriptDialog", "{\"accept\":true}");
            if (!answer.contains("\"error\"")) {
                break;
            }
            Thread.sleep(100);
        }
        assertFalse(answer.contains("\"error\""), "no dialog opened: " + answer);
        release.get(30, TimeUnit.SECONDS);
    }

    private static void await(Cdp tab, String js, String expected) throws InterruptedException {
        String[] last = {""};
        try {
            Cdp.await(() -> {
                try {
                    last[0] = tab.eval(js);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return last[0].equals(expected);
            }, js + " never became " + expected);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (last: " + last[0] + ")", e);
        }
    }
}
