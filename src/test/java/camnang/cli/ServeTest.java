package camnang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} end to end: a free port, an edit, a reload event, a broken edit, and requests that try to leave the folder. */
class ServeTest {
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void rebuildsReloadsShowsErrorsAndStaysInsideItsFolder() throws Exception {
        Path src = TestSites.write(tmp.resolve("content"), Map.of(
                "_index.md", "---\ntitle: Trang chủ\n---\nXin chào.\n",
                "huong-dan/cac-buoc.md", """
                        ---
                        title: Các bước hòa giải
                        ---
                        ## Chuẩn bị

                        Tìm hiểu vụ việc trước khi gặp các bên.
                        """));
        Files.writeString(tmp.resolve("bi-mat.txt"), "BÍ MẬT");
        Path served = tmp.resolve("served");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ServeCommand.stop = new CountDownLatch(1);
        int[] exit = {-1};
        Thread serve = new Thread(() -> exit[0] = Main.run(new String[] {"serve", "--source", src.toString(), "--out",
                served.toString(), "--port", "0"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        serve.start();
        try {
            String base = awaitUrl(out);
            HttpResponse<String> page = get(base + "huong-dan/cac-buoc.html");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Tìm hiểu vụ việc trước khi gặp"), page.body());
            assertTrue(page.body().contains("<script src=\"/__camnang/reload.js\"></script></body>"), "the reload script is added");
            assertFalse(Files.readString(served.resolve("huong-dan/cac-buoc.html")).contains("__camnang"),
                    "but never written into the site");
            assertTrue(get(base + "__camnang/reload.js").body().contains("location.reload()"));

            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "__camnang/events")).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(events::add));
            assertEquals(": camnang", events.poll(10, TimeUnit.SECONDS), "the event stream is open");

            Path file = src.resolve("huong-dan/cac-buoc.md");
            Files.writeString(file, Files.readString(file).replace("Tìm hiểu vụ việc", "Tìm hiểu kỹ vụ việc"));
            awaitReload(events);
            page = get(base + "huong-dan/cac-buoc.html");
            assertTrue(page.body().contains("Tìm hiểu kỹ vụ việc"), "the rebuilt page is served");
            assertFalse(page.body().contains("camnang-loi"));

            Files.writeString(file, Files.readString(file).replace("trước khi gặp", "trước khi gặp ([xem](khong-co.md))"));
            awaitReload(events);
            page = get(base + "huong-dan/cac-buoc.html");
            assertTrue(page.body().contains("<div id=\"camnang-loi\" role=\"alert\""), "the error is shown on the page");
            assertTrue(page.body().contains(src + "/huong-dan/cac-buoc.md:6: lỗi: liên kết tới \"khong-co.md\" "
                    + "không tìm thấy trang hoặc tệp nào"), page.body());
            assertTrue(page.body().contains("Tìm hiểu kỹ vụ việc trước khi gặp các bên."), "the last good page is still served");
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("huong-dan/cac-buoc.md:6: lỗi: liên kết tới \"khong-co.md\""),
                    "and the terminal says it too");

            // A link inside the output leading out of it.
            Files.createSymbolicLink(served.resolve("lien-ket.txt"), tmp.resolve("bi-mat.txt"));
            int port = URI.create(base).getPort();
            for (String path : List.of("/../bi-mat.txt", "/%2e%2e/bi-mat.txt", "/%2E%2E%2Fbi-mat.txt", "/..%2fbi-mat.txt",
                    "/huong-dan/../../bi-mat.txt", "/huong-dan/%2e%2e/%2e%2e/bi-mat.txt", "/..%5cbi-mat.txt",
                    "/%5c..%5cbi-mat.txt", "//" + tmp.resolve("bi-mat.txt"), "/" + tmp.resolve("bi-mat.txt"),
                    "/lien-ket.txt", "/%252e%252e/bi-mat.txt")) {
                String response = raw(port, path);
                String status = response.substring(0, response.indexOf("\r\n"));
                assertTrue(status.matches("HTTP/1\\.1 40[34] .*"), path + " → " + status);
                assertFalse(response.contains("BÍ MẬT"), path + " must not leak the file");
            }
        } finally {
            ServeCommand.stop.countDown();
            serve.join(10_000);
        }
        assertEquals(0, exit[0]);
    }

    @Test
    void anOpenTabReloadsItselfAndShowsTheErrors() throws Exception {
        Path src = TestSites.write(tmp.resolve("content"), Map.of(
                "_index.md", "---\ntitle: Trang chủ\n---\nXin chào.\n",
                "huong-dan/cac-buoc.md", "---\ntitle: Các bước hòa giải\n---\n## Chuẩn bị\n\nTìm hiểu vụ việc.\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServeCommand.stop = new CountDownLatch(1);
        Thread serve = new Thread(() -> Main.run(new String[] {"serve", "--source", src.toString(), "--out",
                tmp.resolve("served").toString(), "--port", "0", "--no-search"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        serve.start();
        try (camnang.Cdp tab = camnang.Cdp.launch(tmp.resolve("profile"))) {
            String base = awaitUrl(out);
            tab.open(base + "huong-dan/cac-buoc.html");
            assertEquals("Tìm hiểu vụ việc.", tab.eval("document.querySelector('main p').textContent"));
            // Gone after a reload: the tab must load the page again by itself, not be patched.
            tab.eval("window.daXem = 'có'; ''");
            // The tab listens once its script has connected; the edit must come after.
            camnang.Cdp.await(() -> eval(tab, "String(window.camnangLive)").equals("true"), "the tab never opened the event stream");
            Path file = src.resolve("huong-dan/cac-buoc.md");
            Files.writeString(file, Files.readString(file).replace("Tìm hiểu vụ việc.", "Tìm hiểu kỹ vụ việc."));
            camnang.Cdp.await(() -> eval(tab, "document.querySelector('main p') ? document.querySelector('main p').textContent"
                    + " + ' ' + (window.daXem || 'mới') : ''").equals("Tìm hiểu kỹ vụ việc. mới"), "the tab did not reload");
            camnang.Cdp.await(() -> eval(tab, "String(window.camnangLive)").equals("true"), "the reloaded tab did not listen");
            Files.writeString(file, Files.readString(file).replace("vụ việc.", "vụ việc [xem](khong-co.md)."));
            camnang.Cdp.await(() -> eval(tab, "document.getElementById('camnang-loi') ? "
                    + "document.getElementById('camnang-loi').getAttribute('role') + ' ' + document.querySelector('main p').textContent : ''")
                    .equals("alert Tìm hiểu kỹ vụ việc."), "the tab did not show the error over the last good page");
            assertTrue(tab.eval("document.getElementById('camnang-loi').textContent")
                    .contains("huong-dan/cac-buoc.md:6: lỗi: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào"));
        } finally {
            ServeCommand.stop.countDown();
            serve.join(10_000);
        }
    }

    @Test
    void aSiteThatNeverBuiltShowsWhyAndRecovers() throws Exception {
        Path src = TestSites.write(tmp.resolve("content"), Map.of("_index.md", "---\ntittle: Trang chủ\n---\nXin chào.\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServeCommand.stop = new CountDownLatch(1);
        Thread serve = new Thread(() -> Main.run(new String[] {"serve", "--source", src.toString(), "--out",
                tmp.resolve("served").toString(), "--port", "0", "--no-search"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        serve.start();
        try {
            String base = awaitUrl(out);
            HttpResponse<String> home = get(base);
            assertEquals(404, home.statusCode());
            assertTrue(home.body().contains("<strong>Nội dung chưa build được; sửa các lỗi dưới đây rồi lưu tệp, trang sẽ tự tải lại."
                    + "</strong>\n" + src + "/_index.md:2: lỗi: khóa \"tittle\" không có trong danh sách khóa của camnang\n"
                    + "    → Có phải ý bạn là \"title\"? Sửa lại tên khóa.\n</div>"), home.body());
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "__camnang/events")).build(),
                    HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(events::add));
            assertEquals(": camnang", events.poll(10, TimeUnit.SECONDS));
            Files.writeString(src.resolve("_index.md"), "---\ntitle: Trang chủ\n---\nXin chào.\n");
            awaitReload(events);
            home = get(base);
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Xin chào."), home.body());
            assertFalse(home.body().contains("camnang-loi"));
        } finally {
            ServeCommand.stop.countDown();
            serve.join(10_000);
        }
    }

    private static String eval(camnang.Cdp tab, String js) {
        try {
            return tab.eval(js);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String awaitUrl(ByteArrayOutputStream out) throws InterruptedException {
        Pattern p = Pattern.compile("Đang xem trước tại (http://127\\.0\\.0\\.1:\\d+/)");
        for (int i = 0; i < 600; i++) {
            Matcher m = p.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start: " + out.toString(StandardCharsets.UTF_8));
    }

    private static void awaitReload(BlockingQueue<String> events) throws InterruptedException {
        for (String line = events.poll(20, TimeUnit.SECONDS); ; line = events.poll(20, TimeUnit.SECONDS)) {
            assertNotNull(line, "no reload event within 20 s");
            if (line.equals("event: reload")) {
                return;
            }
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request sent byte for byte, so no client library tidies the path first. */
    private static String raw(int port, String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream o = s.getOutputStream();
            o.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            o.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
