package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staff edit templates and rebuild without Maven; mistakes are reported with template and line. */
class TemplatesTest {
    @TempDir
    Path tmp;

    private Path copyTemplates() {
        return TestSites.copyTree(Path.of("site-templates"), tmp.resolve("giao-dien"));
    }

    private Path site() {
        return TestSites.write(tmp.resolve("content"), Map.of("a.md", "---\ntitle: Trang một\n---\nNội dung.\n"));
    }

    @Test
    void editedTemplateShowsOnTheNextBuild() throws IOException {
        Path templates = copyTemplates();
        Path src = site();
        Path out = tmp.resolve("site");
        assertEquals(0, TestSites.run("build", "--source", src.toString(), "--out", out.toString(),
                "--templates", templates.toString()).exit());
        assertTrue(!Files.readString(out.resolve("a.html")).contains("Bản thử nghiệm"));
        Path page = templates.resolve("page.jte");
        Files.writeString(page, Files.readString(page).replace("<h1>${v.title()}</h1>", "<h1>${v.title()}</h1><p>Bản thử nghiệm</p>"));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(),
                "--templates", templates.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out.resolve("a.html")).contains("<h1>Trang một</h1><p>Bản thử nghiệm</p>"));
    }

    /**
     * A daemon builds again and again: unchanged templates keep the classes loaded in the build
     * before (and the code the JVM compiled for them); an edited template gets new ones.
     */
    @Test
    void unchangedTemplatesKeepTheirLoadedClasses() throws IOException {
        Path templates = copyTemplates();
        Templates first = Templates.compile(templates, "giao-dien", new camnang.Problems(""));
        Templates again = Templates.compile(templates, "giao-dien", new camnang.Problems(""));
        assertSame(first.engine(), again.engine());
        Path page = templates.resolve("page.jte");
        Files.writeString(page, Files.readString(page) + "\n");
        Templates edited = Templates.compile(templates, "giao-dien", new camnang.Problems(""));
        assertNotSame(first.engine(), edited.engine());
        assertSame(edited.engine(), Templates.compile(templates, "giao-dien", new camnang.Problems("")).engine());
    }

    /** A layout written before the sidebar came as bytes ({@code $unsafe{v.sidebarHtml()}}) gives the same page. */
    @Test
    void aLayoutUsingTheSidebarAsTextGivesTheSamePage() throws IOException {
        Path src = TestSites.write(tmp.resolve("content"), Map.of("muc/a.md", "---\ntitle: Trang một\n---\nNội dung.\n",
                "muc/b.md", "---\ntitle: Trang hai\n---\nNội dung.\n"));
        Path templates = copyTemplates();
        Path layout = templates.resolve("layout.jte");
        String bytes = Files.readString(layout);
        assertTrue(bytes.contains("${v.sidebarMarkup()}"));
        Files.writeString(layout, bytes.replace("${v.sidebarMarkup()}", "$unsafe{v.sidebarHtml()}"));
        Path asBytes = tmp.resolve("bytes");
        Path asText = tmp.resolve("text");
        assertEquals(0, TestSites.run("build", "--source", src.toString(), "--out", asBytes.toString(), "--no-search").exit());
        assertEquals(0, TestSites.run("build", "--source", src.toString(), "--out", asText.toString(), "--no-search",
                "--templates", templates.toString()).exit());
        String page = Files.readString(asBytes.resolve("muc/b.html"));
        assertTrue(page.contains("<li><a href=\"b.html\" aria-current=\"page\">Trang hai</a>"), page);
        assertTrue(page.contains("<li><a href=\"a.html\">Trang một</a>"), page);
        assertEquals(page, Files.readString(asText.resolve("muc/b.html")));
    }

    @Test
    void templateSyntaxErrorNamesTemplateAndLine() throws IOException {
        Path templates = copyTemplates();
        Path page = templates.resolve("page.jte");
        List<String> lines = Files.readAllLines(page);
        lines.set(5, lines.get(5) + " @if(v.title().isEmpty())");
        Files.write(page, lines);
        TestSites.Run r = TestSites.run("build", "--source", site().toString(), "--out", tmp.resolve("site").toString(),
                "--templates", templates.toString());
        assertEquals(1, r.exit(), r.err());
        List<String> problems = TestSites.problemLines(r.err());
        assertEquals(1, problems.size(), r.err());
        assertTrue(problems.get(0).startsWith(templates + "/page.jte:"), problems.get(0));
        assertTrue(problems.get(0).contains(": lỗi: lỗi trong mẫu giao diện: "), problems.get(0));
    }

    @Test
    void unknownNameInTemplateIsACompileErrorWithLine() throws IOException {
        Path templates = copyTemplates();
        Path list = templates.resolve("list.jte");
        List<String> lines = Files.readAllLines(list);
        lines.set(3, "<h1>${v.tieuDe()}</h1>");
        Files.write(list, lines);
        TestSites.Run r = TestSites.run("check", "--source", site().toString(), "--templates", templates.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(TestSites.problemLines(r.err()).get(0).startsWith(templates + "/list.jte:4: lỗi: lỗi trong mẫu giao diện: "),
                r.err());
    }

    @Test
    void templateNotInUtf8() throws IOException {
        Path templates = copyTemplates();
        Path list = templates.resolve("list.jte");
        List<String> lines = Files.readAllLines(list);
        byte[] bad = (String.join("\n", lines.subList(0, 3)) + "\n<h1>Danh s\u00e1ch</h1>\n").getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 10] = (byte) 0xE1; // "á" cut to its first byte, as a wrong encoding leaves it
        Files.write(list, bad);
        TestSites.Run r = TestSites.run("check", "--source", site().toString(), "--templates", templates.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of(templates + "/list.jte:4: lỗi: mẫu giao diện không phải UTF-8 hợp lệ (byte 0xE1)"),
                TestSites.problemLines(r.err()));
    }

    @Test
    void aTemplateThatCrashesJteIsAnErrorNotAStackTrace() throws IOException {
        // A stray @endif inside a content block: jte's parser fails with a NullPointerException.
        Path templates = copyTemplates();
        Path home = templates.resolve("home.jte");
        Files.writeString(home, Files.readString(home).replaceFirst("@if\\(!v.children\\(\\).isEmpty\\(\\)\\)", "@i(true)"));
        TestSites.Run r = TestSites.run("build", "--source", site().toString(), "--out", tmp.resolve("site").toString(),
                "--templates", templates.toString());
        assertEquals(1, r.exit(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(List.of(templates + ": lỗi: lỗi trong mẫu giao diện: cú pháp jte sai ở một mẫu, "
                + "trình dịch jte không chỉ ra được mẫu nào"), TestSites.problemLines(r.err()));
    }

    /**
     * The lists are made while the search index is written (Camnang's Indexing): a list whose
     * template fails at render time fails the build, and the index's threads have stopped before
     * the staging folder is deleted, so nothing is left beside the previous site.
     */
    @Test
    void aListTemplateFailingWhileTheIndexIsWrittenKeepsThePreviousSite() throws IOException {
        Map<String, String> pages = new java.util.TreeMap<>();
        for (int i = 0; i < 300; i++) {
            pages.put("muc-" + (i % 10) + "/trang-" + i + ".md", "---\ntitle: Trang " + i + "\ntags: [hòa giải]\n---\n"
                    + "## Phần một\n\nHòa giải viên ở cơ sở giúp các bên thỏa thuận, trang " + i + ".\n\n"
                    + "## Phần hai\n\nNgười dân không phải trả tiền khi nhờ tổ hòa giải.\n");
        }
        Path src = TestSites.write(tmp.resolve("content"), pages);
        Path templates = copyTemplates();
        Path out = tmp.resolve("ra").resolve("site");
        TestSites.Run good = TestSites.run("build", "--source", src.toString(), "--out", out.toString(),
                "--templates", templates.toString());
        assertEquals(0, good.exit(), good.err());
        Map<String, byte[]> before = TestSites.tree(out);
        Path list = templates.resolve("list.jte");
        Files.writeString(list, Files.readString(list).replace("@template.layout(",
                "!{java.util.Objects.requireNonNull(null, \"thử\");}\n@template.layout("));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(),
                "--templates", templates.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of(templates + "/list.jte:3: lỗi: lỗi trong mẫu giao diện: NullPointerException: thử"),
                TestSites.problemLines(r.err()).stream().distinct().toList());
        assertEquals(List.of(), TestSites.differences(before, TestSites.tree(out)));
        try (java.util.stream.Stream<Path> beside = Files.list(out.getParent())) {
            assertEquals(List.of(out), beside.toList());
        }
    }

    @Test
    void missingTemplate() throws IOException {
        Path templates = copyTemplates();
        Files.delete(templates.resolve("404.jte"));
        TestSites.Run r = TestSites.run("check", "--source", site().toString(), "--templates", templates.toString());
        assertEquals(1, r.exit());
        assertEquals(List.of(templates + "/404.jte: lỗi: thiếu mẫu giao diện 404.jte"), TestSites.problemLines(r.err()));
    }

    @Test
    void builtInTemplatesWhenTheFolderHasNone() {
        Path defaults = BuiltIn.unpack();
        assertTrue(Files.isRegularFile(defaults.resolve("layout.jte")));
        assertTrue(Files.isRegularFile(defaults.resolve("assets/style.css")));
    }
}
