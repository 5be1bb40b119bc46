package camnang;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol, for what {@code --dump-dom} cannot
 * test: a page that stays open while the test changes the world around it (a rebuild, the
 * network going away) and is asked again. One page; JavaScript in, strings out.
 */
public final class Cdp implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Pattern PAGE_WS = Pattern.compile("\"type\"\\s*:\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PAGE_WS_BEFORE = Pattern.compile("\"webSocketDebuggerUrl\"\\s*:\\s*\"(ws://[^\"]+/page/[^\"]+)\"");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();

    private Cdp(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts Chromium with its own profile folder and connects to its first page. */
    public static Cdp launch(Path profile) throws IOException, InterruptedException {
        try {
            return start(profile);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not connect to Chromium's page", e);
        }
    }

    private static Cdp start(Path profile) throws IOException, InterruptedException,
            java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        Process p = new ProcessBuilder(Chromium.binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--remote-allow-origins=*", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String browser = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String line; browser == null && System.nanoTime() < until && (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                browser = m.group(1);
            }
        }
        if (browser == null) {
            p.destroyForcibly();
            fail("Chromium did not open its DevTools port");
        }
        Thread drain = new Thread(() -> {
            try {
                while (err.readLine() != null) {
                    // Chromium's log is not ours to read; only keep its pipe from filling.
                }
            } catch (IOException ignored) {
                // Chromium went away.
            }
        });
        drain.setDaemon(true);
        drain.start();
        URI b = URI.create(browser);
        HttpClient http = HttpClient.newHttpClient();
        String pageWs = null;
        for (int i = 0; i < 100 && pageWs == null; i++) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://" + b.getHost() + ":" + b.getPort() + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = PAGE_WS.matcher(list);
            Matcher m2 = PAGE_WS_BEFORE.matcher(list);
            pageWs = m.find() ? m.group(1) : m2.find() ? m2.group(1) : null;
            if (pageWs == null) {
                Thread.sleep(100);
            }
        }
        if (pageWs == null) {
            p.destroyForcibly();
            fail("Chromium has no page to drive");
        }
        Cdp[] self = new Cdp[1];
        StringBuilder partial = new StringBuilder();
        WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(pageWs), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String msg = partial.toString();
                            partial.setLength(0);
                            Matcher id = Pattern.compile("^\\{\"id\":(\\d+)").matcher(msg);
                            if (id.find() && self[0] != null) {
                                CompletableFuture<String> f = self[0].waiting.remove(Integer.parseInt(id.group(1)));
                                if (f != null) {
                                    f.complete(msg);
                                }
                            }
                        }
                        w.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        self[0] = new Cdp(p, ws);
        return self[0];
    }

    /** Sends a command (params as JSON) and returns the whole answer. */
    public String send(String method, String params) throws InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<String> f = new CompletableFuture<>();
        waiting.put(id, f);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true);
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer from Chromium to " + method, e);
        }
    }

    /** The string value of an expression (a promise is awaited); "null" when it is not a string. */
    public String eval(String expression) throws InterruptedException {
        String answer = send("Runtime.evaluate", "{\"expression\":" + Json.string(expression)
                + ",\"returnByValue\":true,\"awaitPromise\":true}");
        Matcher m = Pattern.compile("\"result\":\\{\"type\":\"string\",\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(answer);
        return m.find() ? unescape(m.group(1)) : "null";
    }

    /** Opens {@code url} and waits until it has loaded. */
    public void open(String url) throws InterruptedException {
        send("Page.navigate", "{\"url\":" + Json.string(url) + "}");
        await(() -> {
            try {
                return eval("document.readyState + ' ' + location.href").startsWith("complete " + url.split("#")[0]);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "the page " + url + " did not load");
    }

    /** Waits up to 30 s for {@code condition}. */
    public static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        fail(failure);
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        // Chromium's helper processes write into the profile folder until they end: the test's
        // temporary folder can only go once every one of them has, not just the browser.
        java.util.List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        try {
            socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\",\"params\":{}}", true);
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The socket is already gone; end the processes below.
        }
        socket.abort();
        for (ProcessHandle h : all) {
            h.destroy();
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }
}
