package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A course read offline: sw.js keeps it after a first visit, a rebuild updates it and says so. */
class OfflineTest {
    @TempDir
    Path tmp;

    private Path site() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("_index.md", "---\ntitle: Trang chủ\n---\nXin chào.\n");
        files.put("tin-tuc/bai-bao.md", "---\ntitle: Tin ngoài khóa học\n---\nTin tức về hòa giải.\n");
        files.put("khoa-hoc/_index.md", "---\ntitle: Khóa tự học\ncourse: true\n---\nHọc trên điện thoại.\n");
        files.put("khoa-hoc/hoc-phan-1/_index.md", "---\ntitle: Học phần 1\nweight: 1\n---\nPháp luật.\n");
        files.put("khoa-hoc/hoc-phan-2/_index.md", "---\ntitle: Học phần 2\nweight: 2\n---\nKỹ năng.\n");
        files.put("khoa-hoc/hoc-phan-1/bai-1.md", lesson("Hòa giải ở cơ sở là gì", 1, "Hòa giải ở cơ sở giúp các bên tự thỏa thuận."));
        files.put("khoa-hoc/hoc-phan-1/bai-2.md", lesson("Tiêu chuẩn hòa giải viên", 2, "Hòa giải viên phải có uy tín trong cộng đồng."));
        files.put("khoa-hoc/hoc-phan-2/bai-3.md", lesson("Lắng nghe các bên", 1, "Người hòa giải lắng nghe kiên nhẫn từng bên."));
        return TestSites.write(tmp.resolve("content"), files);
    }

    private static String lesson(String title, int weight, String text) {
        return "---\ntitle: " + title + "\ntype: lesson\nweight: " + weight + "\ngoals: [Hiểu bài]\nminutes: 10\n---\n## Nội dung\n\n"
                + text + "\n";
    }

    private static List<String> kept(String sw) {
        Matcher m = Pattern.compile("var FILES = \\[([^\\]]*)\\]").matcher(sw);
        assertTrue(m.find(), sw);
        return Pattern.compile("\"([^\"]+)\"").matcher(m.group(1)).results().map(r -> r.group(1)).toList();
    }

    private static String version(Path out) throws IOException {
        Matcher m = Pattern.compile("var VERSION = \"([0-9a-f]{12})\"").matcher(Files.readString(out.resolve("sw.js")));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void theWorkerKeepsTheCourseAndChangesVersionOnlyWithIt() throws IOException {
        Path src = site();
        Path out = tmp.resolve("site");
        assertTrue(Camnang.build(new Camnang.Options(src, out, null, null, null, false, true)).ok());
        List<String> kept = kept(Files.readString(out.resolve("sw.js")));
        for (String page : List.of("khoa-hoc/index.html", "khoa-hoc/hoc-phan-1/index.html", "khoa-hoc/hoc-phan-1/bai-1.html",
                "khoa-hoc/hoc-phan-1/bai-2.html", "khoa-hoc/hoc-phan-1/in.html", "khoa-hoc/hoc-phan-2/bai-3.html",
                "tim-kiem.html", "search/manifest.js", "search/camnang.js")) {
            assertTrue(kept.contains(page), page + " in " + kept);
        }
        assertTrue(kept.stream().anyMatch(f -> f.matches("assets/style\\.[0-9a-f]{10}\\.css")), kept.toString());
        assertTrue(kept.stream().anyMatch(f -> f.matches("search/[0-9a-f]{12}/.+")), "the search shards: " + kept);
        assertFalse(kept.contains("tin-tuc/bai-bao.html"), "pages outside the course are not kept ahead");
        for (String f : kept) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String v1 = version(out);

        assertTrue(Camnang.build(new Camnang.Options(src, out, null, null, null, false, true)).ok());
        assertEquals(v1, version(out), "the same content, the same version");

        Path news = src.resolve("tin-tuc/bai-bao.md");
        Files.writeString(news, Files.readString(news).replace("Tin tức", "Tin mới"));
        assertTrue(Camnang.build(new Camnang.Options(src, out, null, null, null, false, true)).ok());
        assertNotEquals(v1, version(out), "the search shards changed, so the kept files did");

        Path lesson = src.resolve("khoa-hoc/hoc-phan-2/bai-3.md");
        String v2 = version(out);
        Files.writeString(lesson, Files.readString(lesson).replace("kiên nhẫn", "thật kiên nhẫn"));
        assertTrue(Camnang.build(new Camnang.Options(src, out, null, null, null, false, true)).ok());
        assertNotEquals(v2, version(out));
    }

    @Test
    void aSiteWithoutACourseHasNoWorker() throws IOException {
        Path src = TestSites.write(tmp.resolve("content"), Map.of("_index.md", "---\ntitle: Trang chủ\n---\nXin chào.\n"));
        Path out = tmp.resolve("site");
        assertTrue(Camnang.build(new Camnang.Options(src, out, null, null, null, false, true)).ok());
        assertFalse(Files.exists(out.resolve("sw.js")));
        assertFalse(Files.readString(out.resolve("index.html")).contains("offline"));
    }

    @Test
    void aCourseReadOnceOverHttpOpensAndSearchesOffline() throws Exception {
        Path src = site();
        Path out = tmp.resolve("site");
        assertTrue(Camnang.build(new Camnang.Options(src, out, null, null, null, false, true)).ok());
        Chromium.Served served = Chromium.serve(out, "/phuong-1/tai-lieu/");
        try (Cdp tab = Cdp.launch(tmp.resolve("profile"))) {
            tab.open(served.url() + "khoa-hoc/hoc-phan-1/bai-1.html");
            Cdp.await(() -> eval(tab, "String(window.camnangOffline)").equals("ready"), "the worker did not get ready");
            assertEquals("true", tab.eval("caches.match('" + served.url() + "khoa-hoc/hoc-phan-2/bai-3.html')"
                    + ".then(function (r) { return String(!!r); })"), "a lesson not opened yet is kept");

            // A rebuild while the page is open: the new worker takes over and the page says so.
            Path lesson = src.resolve("khoa-hoc/hoc-phan-2/bai-3.md");
            Files.writeString(lesson, Files.readString(lesson).replace("kiên nhẫn", "thật kiên nhẫn"));
            assertTrue(Camnang.build(new Camnang.Options(src, out, null, null, null, false, true)).ok());
            tab.eval("navigator.serviceWorker.getRegistration().then(function (r) { return r.update(); }).then(function () { return ''; })");
            Cdp.await(() -> eval(tab, "document.getElementById('ban-cap-nhat') ? document.getElementById('ban-cap-nhat').textContent : ''")
                    .equals("Đã có bản cập nhật của trang. Tải lại trang"), "no banner after an update");

            // Offline: the browser's offline mode, and the host gone too.
            tab.send("Network.enable", "{}");
            tab.send("Network.emulateNetworkConditions",
                    "{\"offline\":true,\"latency\":0,\"downloadThroughput\":-1,\"uploadThroughput\":-1}");
            served.close();
            tab.open(served.url() + "khoa-hoc/hoc-phan-2/bai-3.html");
            assertEquals("Lắng nghe các bên · true", tab.eval("document.querySelector('h1').textContent + ' · ' + "
                    + "document.querySelector('main').textContent.includes('Người hòa giải lắng nghe thật kiên nhẫn từng bên.')"),
                    "the lesson never opened, in its updated version");
            tab.open(served.url() + "tim-kiem.html?q=lang+nghe&section=khoa-hoc");
            Cdp.await(() -> eval(tab, "Array.prototype.map.call(document.querySelectorAll('#tk_ket_qua a'), "
                    + "function (a) { return a.getAttribute('href'); }).join(' ')").contains("khoa-hoc/hoc-phan-2/bai-3.html"),
                    "no search result offline");
        } finally {
            served.close();
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
