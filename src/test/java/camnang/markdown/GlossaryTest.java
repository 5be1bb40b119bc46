package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Cdp;
import camnang.Chromium;
import camnang.Problem;
import camnang.Problems;
import camnang.TestSites;
import camnang.content.Content;
import camnang.content.Page;
import camnang.content.Site;
import camnang.content.SiteConfig;
import camnang.search.Search;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The glossary page: its terms' ids and search units, and the first use of each term in a lesson linked to it. */
class GlossaryTest {
    @TempDir
    Path tmp;
    Problems problems = new Problems("content");

    static final String GLOSSARY = """
            ---
            title: Thuật ngữ
            ---
            Các từ hay gặp trong bài học.

            ## Hòa giải

            Hòa giải
            : Việc giúp các bên tự thỏa thuận với nhau.

            Hòa giải viên
            : Người được bầu để hòa giải ở cơ sở.
            : Phải là người có uy tín.

            Tổ hòa giải
            : Tổ chức tự quản của nhân dân ở thôn, tổ dân phố.

            Hòa giải thành
            : Các bên đạt được thỏa thuận.

            Xem thêm Luật.
            """;

    static final String LESSON = """
            ---
            title: Bài 1
            type: lesson
            ---
            ## Hòa giải viên là ai

            Xem [hòa giải viên](../thuat-ngu.md) và `hòa giải viên`.

            Mỗi Hoà giải viên thuộc một tổ hòa giải; hòa giải viên là người tự nguyện.

            Khi hòa giải thành, tổ hòa giải lập biên bản. Hóa giải mâu thuẫn khác với hòa giải.
            """;

    private static String link(String text, String id, String definition) {
        return "<a class=\"thuat-ngu\" href=\"../thuat-ngu.html#" + id + "\" aria-describedby=\"tn-" + id + "\">" + text
                + "</a><span role=\"tooltip\" id=\"tn-" + id + "\" class=\"thuat-ngu-tip\" hidden>" + definition + "</span>";
    }

    /** Errors and warnings: notices (a page mixing hòa and hoà, as these do on purpose) are not the glossary's. */
    private List<String> messages() {
        return problems.sorted().stream().filter(p -> p.severity() != Problem.Severity.NOTICE)
                .map(p -> p.format().lines().findFirst().orElse("")).toList();
    }

    @Test
    void theFirstUseOfEachTermInALessonLinksToItsDefinition() {
        Map<String, RenderedPage> pages = MarkdownSites.render(tmp, Map.of("thuat-ngu.md", GLOSSARY,
                "khoa-hoc/bai-1.md", LESSON,
                "huong-dan/a.md", LESSON.replace("type: lesson", "type: guide")), problems);
        assertEquals(List.of(), messages());
        // Not in a heading, a link or code; hoà is hòa and a capital is no matter; the longest
        // term wins (tổ hòa giải, hòa giải thành), a second use stays text, and hóa is not hòa.
        assertEquals("""
                <h2 id="hoa-giai-vien-la-ai">Hòa giải viên là ai</h2>
                <p>Xem <a href="../thuat-ngu.html">hòa giải viên</a> và <code>hòa giải viên</code>.</p>
                <p>Mỗi %s thuộc một %s; hòa giải viên là người tự nguyện.</p>
                <p>Khi %s, tổ hòa giải lập biên bản. Hóa giải mâu thuẫn khác với %s.</p>
                """.formatted(
                link("Hoà giải viên", "hoa-giai-vien", "Người được bầu để hòa giải ở cơ sở. Phải là người có uy tín."),
                link("tổ hòa giải", "to-hoa-giai", "Tổ chức tự quản của nhân dân ở thôn, tổ dân phố."),
                link("hòa giải thành", "hoa-giai-thanh", "Các bên đạt được thỏa thuận."),
                link("hòa giải", "hoa-giai", "Việc giúp các bên tự thỏa thuận với nhau.")),
                pages.get("khoa-hoc/bai-1.md").html());
        // The search text of the lesson is its own, without the definitions.
        assertEquals("Mỗi Hoà giải viên thuộc một tổ hòa giải; hòa giải viên là người tự nguyện.",
                pages.get("khoa-hoc/bai-1.md").sections().get(0).text().lines().toList().get(1));
        // Only lessons.
        assertFalse(pages.get("huong-dan/a.md").html().contains("thuat-ngu-tip"), pages.get("huong-dan/a.md").html());
        assertFalse(pages.get("thuat-ngu.md").html().contains("thuat-ngu-tip"));
    }

    @Test
    void wholeSyllablesSeparatedBySpacesOnly() {
        Map<String, RenderedPage> pages = MarkdownSites.render(tmp, Map.of("thuat-ngu.md", GLOSSARY,
                "bai.md", """
                        ---
                        title: Bài
                        type: lesson
                        ---
                        Hòa giảii, hòa-giải, hòa, giải, HÒA GIẢI VIÊN.
                        """), problems);
        assertEquals("<p>Hòa giảii, hòa-giải, hòa, giải, " + link("HÒA GIẢI VIÊN", "hoa-giai-vien",
                        "Người được bầu để hòa giải ở cơ sở. Phải là người có uy tín.").replace("../", "") + ".</p>\n",
                pages.get("bai.md").html());
    }

    @Test
    void eachTermOfTheGlossaryHasItsIdAndIsASearchUnit() {
        RenderedPage g = MarkdownSites.render(tmp, Map.of("thuat-ngu.md", GLOSSARY), problems).get("thuat-ngu.md");
        assertEquals(List.of(), messages());
        // The terms keep their own ids; the heading that shares one gives way.
        assertEquals("""
                <p>Các từ hay gặp trong bài học.</p>
                <h2 id="hoa-giai-1">Hòa giải</h2>
                <dl>
                <dt id="hoa-giai">Hòa giải</dt>
                <dd>Việc giúp các bên tự thỏa thuận với nhau.</dd>
                <dt id="hoa-giai-vien">Hòa giải viên</dt>
                <dd>Người được bầu để hòa giải ở cơ sở.</dd>
                <dd>Phải là người có uy tín.</dd>
                <dt id="to-hoa-giai">Tổ hòa giải</dt>
                <dd>Tổ chức tự quản của nhân dân ở thôn, tổ dân phố.</dd>
                <dt id="hoa-giai-thanh">Hòa giải thành</dt>
                <dd>Các bên đạt được thỏa thuận.</dd>
                </dl>
                <p>Xem thêm Luật.</p>
                """, g.html());
        assertEquals(List.of(
                new RenderedPage.SectionText("", "", 0, "Các từ hay gặp trong bài học."),
                new RenderedPage.SectionText("hoa-giai-1", "Hòa giải", 2, ""),
                new RenderedPage.SectionText("hoa-giai", "Hòa giải", 3, "Việc giúp các bên tự thỏa thuận với nhau."),
                new RenderedPage.SectionText("hoa-giai-vien", "Hòa giải viên", 3,
                        "Người được bầu để hòa giải ở cơ sở.\nPhải là người có uy tín."),
                new RenderedPage.SectionText("to-hoa-giai", "Tổ hòa giải", 3, "Tổ chức tự quản của nhân dân ở thôn, tổ dân phố."),
                new RenderedPage.SectionText("hoa-giai-thanh", "Hòa giải thành", 3, "Các bên đạt được thỏa thuận."),
                new RenderedPage.SectionText("hoa-giai-1", "Hòa giải", 2, "Xem thêm Luật.")), g.sections());
    }

    @Test
    void aTermExplainedTwiceIsAnErrorAtItsLine() {
        MarkdownSites.render(tmp, Map.of("thuat-ngu.md", """
                ---
                title: Thuật ngữ
                ---
                Hòa giải viên
                : Người được bầu.

                Tổ hòa giải
                : Tổ chức tự quản.

                Hoà giải viên
                : Người hòa giải.
                """), problems);
        assertEquals(List.of("content/thuat-ngu.md:10: lỗi: thuật ngữ \"Hoà giải viên\" đã được giải thích ở dòng 4"),
                messages());
        assertEquals("Mỗi thuật ngữ chỉ giải thích một lần trong thuat-ngu.md: gộp hai định nghĩa làm một.",
                problems.sorted().stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst().orElseThrow().hint());
    }

    @Test
    void aChangedDefinitionRendersTheLessonAgainThroughTheFragmentCache() throws Exception {
        Path src = TestSites.write(tmp.resolve("src"), Map.of("thuat-ngu.md", GLOSSARY, "khoa-hoc/bai-1.md", LESSON));
        Path out = tmp.resolve("out");
        for (String definition : List.of("Các bên đạt được thỏa thuận.", "Các bên thống nhất cách giải quyết.")) {
            Files.writeString(src.resolve("thuat-ngu.md"), GLOSSARY.replace("Các bên đạt được thỏa thuận.", definition));
            TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--no-search");
            assertEquals(0, r.exit(), r.err());
            String lesson = Files.readString(out.resolve("khoa-hoc/bai-1.html"));
            assertTrue(lesson.contains(link("hòa giải thành", "hoa-giai-thanh", definition)), lesson);
            assertTrue(lesson.contains("<script src=\"../assets/glossary."), "the lesson loads the tooltip's script");
            assertFalse(Files.readString(out.resolve("thuat-ngu.html")).contains("assets/glossary."));
        }
    }

    @Test
    void aChangedDefinitionRendersTheLessonAgainThroughTheMemo() {
        TestSites.write(tmp, Map.of("thuat-ngu.md", GLOSSARY, "bai-1.md", LESSON, "huong-dan.md", "---\ntitle: HD\n---\nHòa giải.\n"));
        Memo memo = new Memo();
        Map<String, RenderedPage> before = render(memo);
        TestSites.write(tmp, Map.of("thuat-ngu.md", GLOSSARY.replace("Các bên đạt được thỏa thuận.", "Đã thỏa thuận.")));
        Map<String, RenderedPage> after = render(memo);
        assertTrue(before.get("bai-1.md").html().contains(">Các bên đạt được thỏa thuận.</span>"));
        assertTrue(after.get("bai-1.md").html().contains(">Đã thỏa thuận.</span>"), after.get("bai-1.md").html());
        // A page the glossary does not touch is not rendered again.
        assertSame(before.get("huong-dan.md").html(), after.get("huong-dan.md").html());
    }

    private Map<String, RenderedPage> render(Memo memo) {
        Site site = Content.load(tmp, problems);
        Map<String, RenderedPage> out = new TreeMap<>();
        for (Page p : site.pages()) {
            out.put(p.source(), Markdown.render(p, site, SiteConfig.BrokenLinks.ERROR, problems, true, null, memo));
        }
        return out;
    }

    @Test
    void searchFindsATermAtItsDefinition() {
        Path src = TestSites.write(tmp.resolve("src"), Map.of("thuat-ngu.md", GLOSSARY, "khoa-hoc/bai-2.md", """
                        ---
                        title: Bầu ở thôn
                        type: lesson
                        ---
                        ## Ai bầu

                        Hòa giải viên do nhân dân bầu; tổ hòa giải có từ ba hòa giải viên.
                        """,
                "huong-dan/bien-ban.md", """
                        ---
                        title: Biên bản
                        ---
                        Khi hòa giải thành thì lập biên bản hòa giải thành, các bên tự nguyện thi hành.
                        """));
        Path out = tmp.resolve("out");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("thuat-ngu.html#hoa-giai-thanh", Search.search(out, "hoa giai thanh", 5).get(0).url());
        assertEquals("thuat-ngu.html#hoa-giai-vien", Search.search(out, "hoa giai vien la gi", 5).get(0).url());
        Search.Hit hit = Search.search(out, "tổ hòa giải", 5).get(0);
        assertEquals(List.of("thuat-ngu.html#to-hoa-giai", "Tổ hòa giải"), List.of(hit.url(), hit.heading()));
    }

    @Test
    void theTooltipShowsOnFocusAndHoverAndEscapeHidesIt() throws Exception {
        Chromium.binary();
        Path src = TestSites.write(tmp.resolve("src"), Map.of("thuat-ngu.md", GLOSSARY, "khoa-hoc/bai-1.md", LESSON));
        Path out = tmp.resolve("out");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        String state = "(function () { var t = document.getElementById('tn-hoa-giai-vien');"
                + " return (t.hidden ? 'ẩn' : 'hiện') + ' ' + getComputedStyle(t).display + ' '"
                + " + (document.activeElement === document.body ? 'BODY' : document.activeElement.className); })()";
        // Outside the test's folder: Chromium's helpers may still write there after it quits, and
        // JUnit would fail the test for a folder it could not delete.
        Path profile = Files.createTempDirectory("camnang-glossary-profile");
        try (Chromium.Served served = Chromium.serve(out, "/cong/"); Cdp tab = Cdp.launch(profile)) {
            for (String url : List.of(served.url() + "khoa-hoc/bai-1.html", out.resolve("khoa-hoc/bai-1.html").toUri().toString())) {
                tab.open(url);
                Cdp.await(() -> eval(tab, state).equals("ẩn none BODY"), "the tooltip is not hidden at first: " + eval(tab, state));
                // The keyboard: Tab from the term before it (the link in the first paragraph) onto the term.
                tab.eval("document.querySelector('.noi-dung p a').focus(); ''");
                key(tab, "Tab", 9);
                assertEquals("hiện block thuat-ngu", tab.eval(state), url);
                assertEquals("Người được bầu để hòa giải ở cơ sở. Phải là người có uy tín.",
                        tab.eval("document.getElementById('tn-hoa-giai-vien').textContent"));
                // Below the term, within the window.
                assertEquals("true", tab.eval("(function () { var a = document.querySelector('a.thuat-ngu').getBoundingClientRect();"
                        + " var t = document.getElementById('tn-hoa-giai-vien').getBoundingClientRect();"
                        + " return String(t.top >= a.bottom && t.left >= 0 && t.right <= innerWidth); })()"));
                key(tab, "Escape", 27);
                assertEquals("ẩn none thuat-ngu", tab.eval(state), url);
                // The pointer resting on the term shows it too.
                tab.eval("document.activeElement.blur(); ''");
                String center = tab.eval("(function () { var a = document.querySelector('a.thuat-ngu').getBoundingClientRect();"
                        + " return Math.round(a.left + 4) + ',' + Math.round(a.top + a.height / 2); })()");
                String[] xy = center.split(",");
                tab.send("Input.dispatchMouseEvent", "{\"type\":\"mouseMoved\",\"x\":" + xy[0] + ",\"y\":" + xy[1] + "}");
                Cdp.await(() -> eval(tab, state).startsWith("hiện block"), "hovering did not show the tooltip");
            }
        } finally {
            deleteLater(profile);
        }
    }

    private static void deleteLater(Path dir) {
        for (int attempt = 0; attempt < 20 && Files.exists(dir); attempt++) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void key(Cdp tab, String key, int code) throws InterruptedException {
        for (String type : List.of("rawKeyDown", "keyUp")) {
            tab.send("Input.dispatchKeyEvent", "{\"type\":\"" + type + "\",\"key\":\"" + key + "\",\"code\":\"" + key
                    + "\",\"windowsVirtualKeyCode\":" + code + "}");
        }
    }

    private static String eval(Cdp tab, String js) {
        try {
            return tab.eval(js);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
