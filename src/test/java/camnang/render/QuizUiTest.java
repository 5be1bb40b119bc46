package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import camnang.Cdp;
import camnang.TestSites;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * quiz.js in real headless Chromium, from file://: a "Kiểm tra" button per question, a wrong
 * then a right answer with the verdict in the question's live region, the answer opened, the
 * focus left on the button, the score of first answers on the page and in localStorage (kept
 * beside what the course's script stores), shown again after a reload; a browser that refuses
 * storage still checks answers; printed, no button shows and the closed answers do.
 */
class QuizUiTest {
    @TempDir
    Path tmp;

    static final String LESSON = """
            ---
            title: Bài 1
            ---
            Mở đầu.

            ```quiz
            ? Hòa giải viên ở cơ sở do ai bầu ra?
            - [ ] Chủ tịch Ủy ban nhân dân cấp xã chỉ định
            - [x] Nhân dân ở thôn, tổ dân phố bầu
            > Hòa giải viên được bầu ở thôn, tổ dân phố.

            ? Những việc nào được hòa giải ở cơ sở? (chọn tất cả ý đúng)
            - [x] Mâu thuẫn về lối đi chung
            - [x] Tranh chấp nhỏ trong gia đình
            - [ ] Tội phạm nghiêm trọng
            > Tội phạm không được hòa giải.

            ? Hòa giải ở cơ sở phải nộp lệ phí.
            = sai
            > Hòa giải ở cơ sở không thu phí.
            ```
            """;

    static final String KEY = "camnang-hoc:bai-hoc/bai-1.html";

    private Path build() {
        Path src = TestSites.write(tmp.resolve("content"), Map.of("site.yaml", "title: Thử\n", "bai-hoc/bai-1.md", LESSON));
        Path out = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    /** A question as a reader perceives it: verdict, whether its answer is open, its mark, whether its button has the focus. */
    private static String state(Cdp tab, String question) throws InterruptedException {
        return tab.eval("var li = document.getElementById('" + question + "');"
                + " li.querySelector('.quiz-feedback').textContent + ' | open=' + li.querySelector('details.quiz-answer').open"
                + " + ' | ' + li.getAttribute('data-result') + ' | focus=' + (document.activeElement === li.querySelector('.quiz-check'))");
    }

    /** Ticks the options of {@code values} (and only them), then presses the question's button. */
    private static void answer(Cdp tab, String question, String... values) throws InterruptedException {
        tab.eval("var li = document.getElementById('" + question + "');"
                + " li.querySelectorAll('input').forEach(function (i) { i.checked = false; });"
                + " [" + String.join(",", java.util.Arrays.stream(values).map(v -> "'" + v + "'").toList()) + "]"
                + ".forEach(function (v) { li.querySelector('input[value=\"' + v + '\"]').click(); });"
                + " var b = li.querySelector('.quiz-check'); b.focus(); b.click(); ''");
    }

    private static String score(Cdp tab) throws InterruptedException {
        return tab.eval("document.querySelector('#quiz-1 .quiz-score').textContent");
    }

    @Test
    void answeringAQuizGivesFeedbackAndKeepsTheScore() throws Exception {
        String url = build().resolve("bai-hoc/bai-1.html").toUri().toString();
        try (Cdp tab = Cdp.launch(tmp.resolve("profile"))) {
            tab.open(url);
            Cdp.await(() -> {
                try {
                    return tab.eval("String(document.querySelectorAll('button.quiz-check').length)").equals("3");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "quiz.js added no button");
            assertEquals("button Kiểm tra quiz-1-1-feedback|button Kiểm tra quiz-1-2-feedback|button Kiểm tra quiz-1-3-feedback",
                    tab.eval("Array.from(document.querySelectorAll('li.quiz-q')).map(function (li) {"
                            + " var b = li.querySelector('fieldset + button.quiz-check');"
                            + " return b.type + ' ' + b.textContent + ' ' + b.getAttribute('aria-describedby'); }).join('|')"));
            assertEquals("", score(tab));
            assertEquals("null", tab.eval("localStorage.getItem('" + KEY + "')"));

            answer(tab, "quiz-1-1");
            assertEquals("Bạn chưa chọn câu trả lời nào. | open=false | null | focus=true", state(tab, "quiz-1-1"));
            assertEquals("", score(tab), "an empty answer does not count");

            answer(tab, "quiz-1-1", "0");
            assertEquals("Chưa đúng. Xem đáp án và lời giải thích bên dưới. | open=true | wrong | focus=true", state(tab, "quiz-1-1"));
            assertEquals("Bạn trả lời đúng 0/3 câu. Còn 2 câu chưa trả lời.", score(tab));
            assertEquals("{\"v\":1,\"read\":{},\"quiz\":{\"bai-hoc/bai-1.html#quiz-1\":{\"right\":0,\"total\":3}}}",
                    tab.eval("localStorage.getItem('" + KEY + "')"));

            answer(tab, "quiz-1-1", "1");
            assertEquals("Đúng rồi! | open=true | right | focus=true", state(tab, "quiz-1-1"));
            assertEquals("Bạn trả lời đúng 0/3 câu. Còn 2 câu chưa trả lời.", score(tab), "only first answers count");

            answer(tab, "quiz-1-2", "0");
            assertEquals("Chưa đúng. Xem đáp án và lời giải thích bên dưới. | open=true | wrong | focus=true", state(tab, "quiz-1-2"),
                    "a multiple choice needs every right option");
            answer(tab, "quiz-1-3", "false");
            assertEquals("Đúng rồi! | open=true | right | focus=true", state(tab, "quiz-1-3"));
            assertEquals("Bạn trả lời đúng 1/3 câu.", score(tab));
            assertEquals("{\"v\":1,\"read\":{},\"quiz\":{\"bai-hoc/bai-1.html#quiz-1\":{\"right\":1,\"total\":3}}}",
                    tab.eval("localStorage.getItem('" + KEY + "')"));

            // After a reload: the last score is shown; a new attempt replaces it and keeps what others stored.
            tab.eval("var d = JSON.parse(localStorage.getItem('" + KEY + "')); d.read['bai-hoc/bai-1.html'] = '2026-11-26';"
                    + " d.last = 'bai-hoc/bai-1.html'; localStorage.setItem('" + KEY + "', JSON.stringify(d)); ''");
            tab.send("Page.reload", "{}");
            Cdp.await(() -> {
                try {
                    return score(tab).equals("Lần trước bạn trả lời đúng 1/3 câu.");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "the reloaded page does not show the last score");
            assertEquals(" | open=false | null | focus=false", state(tab, "quiz-1-1"));
            answer(tab, "quiz-1-2", "1", "0");
            assertEquals("Đúng rồi! | open=true | right | focus=true", state(tab, "quiz-1-2"));
            assertEquals("Bạn trả lời đúng 1/3 câu. Còn 2 câu chưa trả lời.", score(tab));
            assertEquals("{\"v\":1,\"read\":{\"bai-hoc/bai-1.html\":\"2026-11-26\"},\"quiz\":{\"bai-hoc/bai-1.html#quiz-1\":"
                    + "{\"right\":1,\"total\":3}},\"last\":\"bai-hoc/bai-1.html\"}", tab.eval("localStorage.getItem('" + KEY + "')"));

            // Printed: no button, verdict or score; every answer and explanation, opened or not.
            tab.send("Emulation.setEmulatedMedia", "{\"media\":\"print\"}");
            assertEquals("none none none", tab.eval("['.quiz-check', '.quiz-feedback', '.quiz-score'].map(function (s) {"
                    + " return getComputedStyle(document.querySelector(s)).display; }).join(' ')"));
            String shown = "['summary', '.quiz-correct', '.quiz-explain'].map(function (s) {"
                    + " return document.querySelector('#quiz-1-1 ' + s).checkVisibility(); }).join(' ')";
            assertEquals("false", tab.eval("String(document.querySelector('#quiz-1-1 details').open)"));
            assertEquals("false true true", tab.eval(shown));
            tab.send("Emulation.setEmulatedMedia", "{\"media\":\"\"}");
            assertEquals("true false false", tab.eval(shown), "on screen a closed answer stays closed");
            tab.eval("localStorage.clear(); ''");
        }
    }

    @Test
    void aBrowserThatRefusesStorageStillChecksAnswers() throws Exception {
        String url = build().resolve("bai-hoc/bai-1.html").toUri().toString();
        try (Cdp tab = Cdp.launch(tmp.resolve("profile"))) {
            tab.send("Page.enable", "{}");
            tab.send("Page.addScriptToEvaluateOnNewDocument", "{\"source\":"
                    + camnang.Json.string("window.errors = []; addEventListener('error', function (e) { errors.push(e.message); });"
                    + " Object.defineProperty(window, 'localStorage', {get: function () { throw new Error('SecurityError'); }});")
                    + "}");
            tab.open(url);
            Cdp.await(() -> {
                try {
                    return tab.eval("String(document.querySelectorAll('button.quiz-check').length)").equals("3");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "quiz.js stopped where storage is refused");
            answer(tab, "quiz-1-3", "false");
            assertEquals("Đúng rồi! | open=true | right | focus=true", state(tab, "quiz-1-3"));
            assertEquals("Bạn trả lời đúng 1/3 câu. Còn 2 câu chưa trả lời.", score(tab));
            assertEquals("[]", tab.eval("JSON.stringify(window.errors)"));
        }
    }
}
