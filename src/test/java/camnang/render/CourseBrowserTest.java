package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Cdp;
import camnang.Chromium;
import camnang.PdfText;
import camnang.TestSites;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress in a course in real headless Chromium (course.js): a lesson is marked read when its
 * end has been in view, or by its button; the course page shows, after a reload, the lessons
 * read, the quiz scores the quiz script stored, and "Tiếp tục học" at the last lesson opened;
 * "Xóa tiến độ học của tôi" clears it, after a confirmation. Over HTTP, then from file://.
 */
class CourseBrowserTest {
    @TempDir
    Path tmp;

    static final String KEY = "camnang-hoc:khoa-hoc/index.html";

    /** The course of {@link CourseTest}, with two lessons long enough that their end starts out of view. */
    static Path site(Path tmp) {
        Map<String, String> files = CourseTest.course();
        String filler = "\n\nMột đoạn dài để bài học cao hơn màn hình, người học phải cuộn xuống cuối bài.".repeat(80);
        files.put("khoa-hoc/b-phap-luat/b-tieu-chuan.md", files.get("khoa-hoc/b-phap-luat/b-tieu-chuan.md") + filler);
        files.put("khoa-hoc/a-ky-nang/lang-nghe.md", files.get("khoa-hoc/a-ky-nang/lang-nghe.md") + filler);
        Path src = TestSites.write(tmp.resolve("content"), files);
        Path out = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    @Test
    void progressIsKeptShownAndClearedOverHttpAndFromFiles() throws Exception {
        Path out = site(tmp);
        try (Chromium.Served served = Chromium.serve(out, "/phuong-1/tai-lieu/");
             Cdp tab = Cdp.launch(tmp.resolve("profile"))) {
            walkThrough(tab, served.url());
            walkThrough(tab, out.toUri().toString());
        }
    }

    private static void walkThrough(Cdp tab, String base) throws Exception {
        String first = "khoa-hoc/b-phap-luat/b-tieu-chuan.html";
        String second = "khoa-hoc/b-phap-luat/a-bau.html";
        String skills = "khoa-hoc/a-ky-nang/lang-nghe.html";
        String today = LocalDate.now().toString();
        String todayVn = LocalDate.now().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        tab.open(base + first);
        assertEquals("false false", tab.eval("var b = document.querySelector('.nut-da-hoc'); b.hidden + ' ' + b.getAttribute('aria-pressed')"),
                "the button is shown once the script runs");
        // The end is not in view yet: reading the top of a lesson does not finish it.
        Thread.sleep(2500);
        assertEquals("{\"v\":1,\"read\":{},\"quiz\":{},\"last\":\"" + first + "\"}", stored(tab));
        tab.eval("document.querySelector('[data-lesson-end]').scrollIntoView(); ''");
        await(tab, "document.querySelector('.nut-da-hoc').getAttribute('aria-pressed')", "true");
        assertEquals("✓ Bạn đã học bài này (ngày " + todayVn + ").", tab.eval("document.querySelector('.trang-thai-bai').textContent"));
        assertEquals("{\"v\":1,\"read\":{\"" + first + "\":\"" + today + "\"},\"quiz\":{},\"last\":\"" + first + "\"}", stored(tab));

        // The button marks a lesson, and unmarks it; scrolling to the end afterwards leaves the reader's choice.
        tab.open(base + skills);
        tab.eval("document.querySelector('.nut-da-hoc').click(); ''");
        assertEquals("true", tab.eval("document.querySelector('.nut-da-hoc').getAttribute('aria-pressed')"));
        assertEquals(today, tab.eval("JSON.parse(localStorage.getItem('" + KEY + "')).read['" + skills + "']"));
        tab.eval("document.querySelector('.nut-da-hoc').click(); document.querySelector('[data-lesson-end]').scrollIntoView(); ''");
        Thread.sleep(2500);
        assertEquals("false", tab.eval("document.querySelector('.nut-da-hoc').getAttribute('aria-pressed')"));
        assertEquals("", tab.eval("document.querySelector('.trang-thai-bai').textContent"));

        // Kept across a reload; the quiz script's scores (written here by hand) join them.
        tab.send("Page.reload", "{}");
        Cdp.await(() -> eval(tab, "document.readyState + ' ' + document.querySelector('.nut-da-hoc').hidden").equals("complete false"),
                "the lesson did not reload");
        assertEquals("false", tab.eval("document.querySelector('.nut-da-hoc').getAttribute('aria-pressed')"));
        tab.eval("var d = JSON.parse(localStorage.getItem('" + KEY + "')); d.quiz['" + first + "#quiz-1'] = {right: 3, total: 4};"
                + " d.quiz['" + second + "#quiz-1'] = {right: 1, total: 2}; localStorage.setItem('" + KEY + "', JSON.stringify(d)); ''");
        tab.open(base + first);
        assertEquals("true", tab.eval("document.querySelector('.nut-da-hoc').getAttribute('aria-pressed')"), "still read after a reload");
        tab.open(base + skills);

        tab.open(base + "khoa-hoc/index.html");
        assertEquals("false", tab.eval("String(document.querySelector('.tiep-tuc').hidden)"));
        assertEquals("Tiếp tục học: Lắng nghe", tab.eval("document.querySelector('.tiep-tuc').textContent.trim()"));
        assertEquals(base + skills, tab.eval("document.querySelector('.tiep-tuc a').href"), "where the reader stopped");
        assertEquals("Tiến độ: 1/2 bài đã học · Câu hỏi ôn tập: 4/6 câu đúng|Tiến độ: 0/1 bài đã học", progress(tab));
        assertEquals("Tiêu chuẩn hòa giải viên 15 phút · ✓ Đã học · Ôn tập: 3/4 câu đúng|Bầu hòa giải viên 20 phút · Ôn tập: 1/2 câu đúng"
                + "|Lắng nghe 30 phút", lessons(tab));
        tab.open(base + "khoa-hoc/b-phap-luat/index.html");
        assertEquals("Tiến độ: 1/2 bài đã học · Câu hỏi ôn tập: 4/6 câu đúng", progress(tab), "the module's page too");

        // Clearing asks first; declined, nothing goes.
        tab.open(base + "khoa-hoc/index.html");
        assertEquals("false", tab.eval("String(document.querySelector('.xoa-tien-do').hidden)"));
        tab.eval("window.confirm = function () { return false; }; document.querySelector('.nut-xoa-tien-do').click(); ''");
        assertTrue(stored(tab).contains(first), stored(tab));
        tab.eval("window.confirm = function () { return true; }; document.querySelector('.nut-xoa-tien-do').click(); ''");
        assertEquals("null", tab.eval("localStorage.getItem('" + KEY + "')"));
        assertEquals("Đã xóa tiến độ học của bạn.", tab.eval("document.querySelector('.xoa-thong-bao').textContent"));
        assertEquals("Tiến độ: 0/2 bài đã học|Tiến độ: 0/1 bài đã học", progress(tab));
        assertEquals("true", tab.eval("String(document.querySelector('.tiep-tuc').hidden)"));
        tab.open(base + first);
        tab.open(base + "khoa-hoc/index.html");
        assertEquals("Tiến độ: 0/2 bài đã học|Tiến độ: 0/1 bài đã học", progress(tab), "cleared for good");
        assertEquals(base + first, tab.eval("document.querySelector('.tiep-tuc a').href"));
        tab.eval("localStorage.clear(); ''");
    }

    private static String stored(Cdp tab) throws InterruptedException {
        return tab.eval("localStorage.getItem('" + KEY + "')");
    }

    private static String progress(Cdp tab) throws InterruptedException {
        return tab.eval("Array.from(document.querySelectorAll('.tien-do-hoc-phan')).map(function (p) {"
                + " return (p.hidden ? 'hidden ' : '') + p.textContent; }).join('|')");
    }

    /** Each lesson of the course page as a reader sees it: hidden parts left out. */
    private static String lessons(Cdp tab) throws InterruptedException {
        return tab.eval("Array.from(document.querySelectorAll('.ds-bai-hoc li')).map(function (li) {"
                + " return Array.from(li.childNodes).filter(function (n) { return !n.hidden; })"
                + ".map(function (n) { return n.textContent; }).join('').replace(/\\s+/g, ' ').trim(); }).join('|')");
    }

    private static void await(Cdp tab, String js, String expected) throws InterruptedException {
        Cdp.await(() -> eval(tab, js).equals(expected), js + " never became " + expected);
    }

    private static String eval(Cdp tab, String js) {
        try {
            return tab.eval(js);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void printPageRendersToPdfOneLessonPerSheetWithoutChrome() throws Exception {
        // The course as it is: two short lessons that would share one sheet without their page breaks.
        Path src = TestSites.write(tmp.resolve("content"), CourseTest.course());
        Path out = tmp.resolve("site");
        assertEquals(0, TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--no-search").exit());
        try (Cdp tab = Cdp.launch(tmp.resolve("profile"))) {
            tab.open(out.resolve("khoa-hoc/b-phap-luat/in.html").toUri().toString());
            byte[] pdf = pdf(tab);
            assertEquals(3, PdfText.pageCount(pdf), "the cover, then one sheet per lesson");
            List<String> pages = PdfText.pages(pdf);
            assertEquals(List.of(
                    "Bồi dưỡng hòa giải viên\nPháp luật về hòa giải\nLuật Hòa giải ở cơ sở và văn bản hướng dẫn.\n"
                            + "2 bài · Thời gian học ước tính: 35 phút\n1. Tiêu chuẩn hòa giải viên (15 phút)\n"
                            + "2. Bầu hòa giải viên (20 phút)\nCẩm nang thử",
                    "Tiêu chuẩn hòa giải viên\nThời gian học: 15 phút\nMục tiêu bài học\nNêu được tiêu chuẩn của hòa giải viên\n"
                            + "Giải thích được vì sao cần uy tín, kể cả với người trẻ, người lớn tuổi\nCăn cứ pháp lý\n"
                            + "Điều 7 Luật Hòa giải ở cơ sở\nNghị định số 15/2014/NĐ-CP\nTiêu chuẩn\nXem mục Ai bầu.",
                    "Bầu hòa giải viên\nThời gian học: 20 phút\nMục tiêu bài học\nBiết ai bầu hòa giải viên\nCăn cứ pháp lý\n"
                            + "Điều 8 Luật Hòa giải ở cơ sở\nAi bầu\nNhân dân ở thôn, tổ dân phố bầu."), pages);
            // The same page as the browser lays it out for print: each lesson breaks before, the screen's note hidden.
            tab.send("Emulation.setEmulatedMedia", "{\"media\":\"print\"}");
            assertEquals("page page", tab.eval("Array.from(document.querySelectorAll('.bai-in'))"
                    + ".map(function (a) { return getComputedStyle(a).breakBefore; }).join(' ')"));
            assertEquals("none", tab.eval("getComputedStyle(document.querySelector('.chi-tren-man-hinh')).display"));
            // A lesson printed alone: no header, sidebar, footer, search, breadcrumbs, buttons or previous/next,
            // on screen as in its PDF.
            tab.open(out.resolve("khoa-hoc/b-phap-luat/a-bau.html").toUri().toString());
            assertEquals("none none none none none none none", tab.eval("['.dau-trang', '.thanh-ben', '.chan-trang', '.tim-nhanh',"
                    + " '.duong-dan', '.het-bai', '.truoc-sau'].map(function (s) {"
                    + " return getComputedStyle(document.querySelector(s)).display; }).join(' ')"));
            assertEquals("block", tab.eval("getComputedStyle(document.querySelector('.muc-tieu')).display"));
            assertEquals(List.of("Bầu hòa giải viên\nBài học\nThời gian học: 20 phút\nMục tiêu bài học\nBiết ai bầu hòa giải viên\n"
                    + "Căn cứ pháp lý\nĐiều 8 Luật Hòa giải ở cơ sở\nAi bầu\nNhân dân ở thôn, tổ dân phố bầu."), PdfText.pages(pdf(tab)));
        }
    }

    private static byte[] pdf(Cdp tab) throws InterruptedException {
        String answer = tab.send("Page.printToPDF", "{\"printBackground\":false}");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"data\":\"([^\"]+)\"").matcher(answer);
        assertTrue(m.find(), answer.substring(0, Math.min(200, answer.length())));
        return java.util.Base64.getDecoder().decode(m.group(1));
    }
}
