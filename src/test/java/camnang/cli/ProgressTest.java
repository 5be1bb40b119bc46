package camnang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import camnang.TestSites;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long builds say how far they got, and every build says what it wrote where. */
class ProgressTest {
    @TempDir
    Path tmp;

    @Test
    void aBuildOfSomeHundredPagesShowsProgressInPlainLinesWhenNotOnATerminal() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("_index.md", "---\ntitle: Trang chủ\n---\nXin chào.\n");
        for (int i = 1; i <= 319; i++) {
            files.put("bai/bai-" + i + ".md", "---\ntitle: Bài " + i + "\n---\nHòa giải viên giúp các bên số " + i + ".\n");
        }
        Path src = TestSites.write(tmp.resolve("content"), files);
        Path out = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(
                "Đang dựng trang: 0% của 321 trang",
                "Đang dựng trang: 10% của 321 trang",
                "Đang dựng trang: 20% của 321 trang",
                "Đang dựng trang: 30% của 321 trang",
                "Đang dựng trang: 40% của 321 trang",
                "Đang dựng trang: 50% của 321 trang",
                "Đang dựng trang: 60% của 321 trang",
                "Đang dựng trang: 70% của 321 trang",
                "Đang dựng trang: 80% của 321 trang",
                "Đang dựng trang: 90% của 321 trang",
                "Đang dựng trang: 100% của 321 trang",
                "Đang làm chỉ mục tìm kiếm…",
                "Đang làm trang tổng hợp và ghi tệp…"), r.err().lines().toList());
        List<String> summary = r.out().lines().dropWhile(l -> !l.startsWith("Đã xây dựng")).toList();
        long written;
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(out)) {
            written = walk.filter(java.nio.file.Files::isRegularFile).filter(p -> !out.relativize(p).startsWith("search/lucene")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals("Đã xây dựng 319 trang, 2 mục vào " + out + " (" + String.format(java.util.Locale.forLanguageTag("vi"), "%,d", written)
                + " tệp; 0 lỗi, 0 cảnh báo, 0 lưu ý).", summary.get(0));
        assertEquals("  Trang nội dung: 321 tệp .html, mỗi trang một tệp", summary.get(1));
        assertEquals("  Trang tổng hợp: 4 tệp (chủ đề, đối tượng, văn bản pháp luật, tìm kiếm, 404…)", summary.get(2));
        assertEquals(true, summary.get(3).matches("  Tìm kiếm: " + java.util.regex.Pattern.quote(out.resolve("search").toString())
                + " \\(\\d+ tệp, \\d+,\\d MB; chỉ mục Lucene trong " + java.util.regex.Pattern.quote(out.resolve("search/lucene").toString())
                + "\\)"), summary.get(3));
        // As many as the templates' assets folder holds: each script a feature adds is one more.
        long assets;
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(out.resolve("assets"))) {
            assets = list.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals("  Giao diện: " + out.resolve("assets") + " (" + assets + " tệp)", summary.get(4));
        assertEquals("  Cho máy tìm kiếm: robots.txt", summary.get(5));
        assertEquals("Mở " + out.resolve("index.html") + " bằng trình duyệt để xem.", summary.get(6));
    }

    @Test
    void onATerminalOneLineIsRedrawnThenCleared() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ProgressPrinter p = new ProgressPrinter(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8), true);
        p.at("nạp nội dung", 0, 0);
        p.at("markdown và giao diện", 0, 1000);
        p.at("markdown và giao diện", 1000, 1000);
        p.at("chỉ mục tìm kiếm", 0, 0);
        p.done();
        String clear = " ".repeat("Đang làm chỉ mục tìm kiếm…".length());
        assertEquals("\rĐang dựng trang: 0/1.000 (0%)"
                + "\rĐang dựng trang: 1.000/1.000 (100%)"
                // A shorter line covers the end of the longer one before it.
                + "\rĐang làm chỉ mục tìm kiếm…" + " ".repeat("Đang dựng trang: 1.000/1.000 (100%)".length()
                        - "Đang làm chỉ mục tìm kiếm…".length())
                + "\r" + clear + "\r", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aSmallBuildShowsNoProgress() {
        Path src = TestSites.write(tmp.resolve("content"), Map.of("_index.md", "---\ntitle: Trang chủ\n---\nXin chào.\n"));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", tmp.resolve("site").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
    }
}
