package camnang.publish;

import camnang.Problem;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The preview server of {@code serve}: the output folder over HTTP on 127.0.0.1 only, with
 * a small script added to each page (never to the files) that reloads the tab when the site
 * was rebuilt, and the last build's errors shown at the top of every page while the last
 * good site stays served. Nothing outside the folder is ever read: a path with {@code ..},
 * an encoded one, a backslash or a link leading out is refused.
 */
public final class DevServer implements AutoCloseable {
    /** The server's own addresses: the reload script and its event stream. */
    static final String PREFIX = "/__camnang/";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("pdf", "application/pdf"), Map.entry("ico", "image/x-icon"), Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("zip", "application/zip"), Map.entry("docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    private static final String CLIENT = """
            (function () {
              if (!window.EventSource) { return; }
              var es = new EventSource("/__camnang/events");
              // Tells whoever drives the tab (a test) that edits from now on reach it.
              es.onopen = function () { window.camnangLive = true; };
              es.addEventListener("reload", function () { es.close(); location.reload(); });
            })();
            """;

    private static final String NO_SITE = """
            <!DOCTYPE html>
            <html lang="vi">
            <meta charset="utf-8">
            <title>Chưa có trang</title>
            <body>
            <p>Chưa có trang này: nội dung chưa build được lần nào, hoặc đường dẫn không đúng.</p>
            </body>
            </html>
            """;

    private final Path root;
    private final HttpServer http;
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "camnang-serve-beat");
        t.setDaemon(true);
        return t;
    });
    private volatile List<Problem> problems = List.of();
    private volatile int reloads;

    private DevServer(Path root, HttpServer http) {
        this.root = root;
        this.http = http;
    }

    /** Serves {@code root} on 127.0.0.1 at {@code port} (0: any free port). */
    public static DevServer start(Path root, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        DevServer s = new DevServer(root.toAbsolutePath().normalize(), http);
        http.createContext("/", s::handle);
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "camnang-serve");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        // A comment line now and then: a tab closed without a word is found and forgotten.
        s.beat.scheduleAtFixedRate(() -> s.send(": beat\n\n"), 15, 15, TimeUnit.SECONDS);
        return s;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The errors of the last build (empty when it succeeded): shown on every page until the next good build. */
    public void problems(List<Problem> errors) {
        problems = List.copyOf(errors);
    }

    /** Tells every open tab to load its page again. */
    public void reload() {
        reloads++;
        send("event: reload\ndata: " + reloads + "\n\n");
    }

    private void send(String event) {
        byte[] b = event.getBytes(StandardCharsets.UTF_8);
        for (OutputStream o : listeners) {
            try {
                o.write(b);
                o.flush();
            } catch (IOException e) {
                listeners.remove(o);
                try {
                    o.close();
                } catch (IOException ignored) {
                    // The tab is gone; nothing to tell it.
                }
            }
        }
    }

    @Override
    public void close() {
        beat.shutdownNow();
        for (OutputStream o : listeners) {
            try {
                o.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
        http.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                plain(ex, 405, "Chỉ hỗ trợ GET.");
                return;
            }
            String raw = ex.getRequestURI().getRawPath();
            if (raw.equals(PREFIX + "events")) {
                events(ex);
                return;
            }
            if (raw.equals(PREFIX + "reload.js")) {
                send(ex, 200, "text/javascript; charset=utf-8", CLIENT.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (raw.equals("/" + ServiceWorker.PATH)) {
                // A preview must show each edit at once: no offline worker keeping old pages.
                plain(ex, 404, "Trang xem trước không dùng chế độ ngoại tuyến.");
                return;
            }
            Path file = resolve(raw);
            if (file == null) {
                plain(ex, 403, "Không được phép.");
                return;
            }
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                if (!raw.endsWith("/")) {
                    ex.getResponseHeaders().set("Location", raw + "/");
                    send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !inside(file)) {
                Path notFound = root.resolve("404.html");
                // Before a first good build there is no site at all: the page still shows why.
                byte[] body = Files.isRegularFile(notFound) ? page(Files.readAllBytes(notFound), true)
                        : page(NO_SITE.getBytes(StandardCharsets.UTF_8), false);
                send(ex, 404, TYPES.get("html"), body);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            byte[] body = Files.readAllBytes(file);
            if (ext.equals("html")) {
                body = page(body, true);
            }
            send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
        }
    }

    /**
     * The file a request path names, or null when it tries to leave the folder. Decoded once,
     * then checked segment by segment: an encoded {@code %2e%2e} or {@code %2f} never gets a
     * second decoding that would turn it into a way out.
     */
    static Path resolve(Path root, String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\\') >= 0) {
            return null;
        }
        String path;
        try {
            path = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.contains("//") || path.contains(":")) {
            return null;
        }
        Path p = root;
        for (String seg : path.substring(1).split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            if (seg.equals(".") || seg.equals("..")) {
                return null;
            }
            p = p.resolve(seg);
        }
        p = p.normalize();
        return p.startsWith(root) ? p : null;
    }

    private Path resolve(String rawPath) {
        return resolve(root, rawPath);
    }

    /** The file's real place is in the folder too (a link in the output could lead out). */
    private boolean inside(Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream o = ex.getResponseBody();
        o.write((": camnang\nretry: 1000\n\n").getBytes(StandardCharsets.UTF_8));
        o.flush();
        listeners.add(o);
        // The exchange stays open: returning would close the stream, so wait until the tab goes.
        while (listeners.contains(o)) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A page as sent: the reload script, and the last build's errors on top when it failed. */
    private byte[] page(byte[] html, boolean site) {
        String s = new String(html, StandardCharsets.UTF_8);
        StringBuilder add = new StringBuilder();
        List<Problem> now = problems;
        if (!now.isEmpty()) {
            add.append("<div id=\"camnang-loi\" role=\"alert\" style=\"position:fixed;top:0;left:0;right:0;z-index:9999;"
                    + "max-height:60vh;overflow:auto;background:#fff4f4;color:#5c0000;border-bottom:3px solid #b00020;"
                    + "padding:1em;font:15px/1.5 system-ui,sans-serif;white-space:pre-wrap\">"
                    + (site ? "<strong>Lần build mới nhất có lỗi; đang hiện trang web của lần build tốt trước đó.</strong>\n"
                    : "<strong>Nội dung chưa build được; sửa các lỗi dưới đây rồi lưu tệp, trang sẽ tự tải lại.</strong>\n"));
            for (Problem p : now) {
                add.append(escape(p.format())).append('\n');
            }
            add.append("</div>");
        }
        add.append("<script src=\"").append(PREFIX).append("reload.js\"></script>");
        int at = s.lastIndexOf("</body>");
        s = at < 0 ? s + add : s.substring(0, at) + add + s.substring(at);
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
    }
}
