package camnang;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Real headless Chromium for browser tests: loads a page and returns the DOM after its scripts ran. */
public final class Chromium {
    private Chromium() {
    }

    /** The Chromium binary; skips the test where there is none, except in CI, where .ci/run installs it. */
    public static String binary() {
        for (String b : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(b))) {
                return b;
            }
        }
        if (System.getenv("CI") != null) {
            fail("Chromium is missing: .ci/run installs it (apt-get install -y chromium)");
        }
        assumeTrue(false, "skipped: no Chromium on this machine (apt-get install -y chromium)");
        return null;
    }

    /** The serialised DOM of {@code url} once its scripts have run. */
    public static String dumpDom(String url, Path profile) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--user-data-dir=" + profile, "--virtual-time-budget=10000",
                "--dump-dom", url));
        Path out = Files.createTempFile(profile.getParent(), "dom", ".html");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish loading " + url);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A folder served over HTTP; {@link #url()} ends with the sub-path's slash. Close to stop. */
    public record Served(HttpServer server, String url) implements AutoCloseable {
        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json",
            "xml", "application/xml", "txt", "text/plain; charset=utf-8", "png", "image/png", "svg", "image/svg+xml");

    /**
     * Serves {@code dir} on 127.0.0.1 under {@code prefix} (e.g. {@code /phuong-1/tai-lieu/}), as a
     * plain static host would: no compression, no directory listings, nothing outside {@code dir}.
     */
    public static Served serve(Path dir, String prefix) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(prefix, exchange -> {
            try (exchange) {
                String path = URI.create(exchange.getRequestURI().getRawPath()).getPath().substring(prefix.length());
                Path file = root.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String name = file.getFileName().toString();
                String ext = name.substring(name.lastIndexOf('.') + 1);
                exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
                byte[] body = Files.readAllBytes(file);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return new Served(server, "http://127.0.0.1:" + server.getAddress().getPort() + prefix);
    }
}
