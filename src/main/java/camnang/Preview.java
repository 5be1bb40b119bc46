package camnang;

import camnang.publish.DevServer;
import camnang.render.Templates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code serve}: builds, serves the site on 127.0.0.1, watches the content and the templates,
 * rebuilds what a change touches ({@link Camnang.Live}) and reloads the open tabs. When a
 * build fails its errors are shown on every page and the last good site stays served. The
 * search index follows the pages once the tab has reloaded, unless another edit is waiting.
 */
public final class Preview implements AutoCloseable {
    /** What the terminal is told: each build's report and when the search index is up to date. */
    public interface Listener {
        void built(Camnang.Report report, boolean first);

        void searchReady(long millis);

        /** A build that could not finish (a file vanished while it was read): it is tried again. */
        void retrying(String why);

        /** A fault of camnang itself: the server keeps serving the last good site and waits for the next edit. */
        void failed(RuntimeException e);
    }

    private final Camnang.Live live;
    private final DevServer server;
    private final Watcher watcher;
    private final Listener listener;
    private final Path source;
    private final Path templates;
    private final Object lock = new Object();
    private boolean pending;
    private boolean forget;
    private volatile boolean closed;
    /** The pages were built and the search index does not follow them yet (the build thread's own). */
    private boolean searchDue;
    private final boolean searching;
    private final Thread builder;

    private Preview(Camnang.Options o, int port, Listener listener) throws IOException {
        this.listener = listener;
        this.source = o.source().toAbsolutePath().normalize();
        this.templates = Templates.locate(o.templates(), o.source()).toAbsolutePath().normalize();
        this.live = new Camnang.Live(o);
        Camnang.Report first = buildPages();
        for (int i = 0; first == null && i < 5; i++) {
            first = buildPages();
        }
        if (first == null) {
            throw new IOException("không dựng được trang lần đầu (xem các dòng ở trên)");
        }
        listener.built(first, true);
        searching = o.search();
        searchDue = first.ok() && searching;
        server = DevServer.start(o.out(), port);
        server.problems(errors(first));
        List<Path> roots = new ArrayList<>(List.of(source));
        if (!templates.startsWith(source)) {
            roots.add(templates);
        }
        watcher = new Watcher(roots, this::changed);
        builder = new Thread(this::loop, "camnang-build");
        builder.setDaemon(true);
        builder.start();
    }

    /** Builds {@code o.source()} into {@code o.out()} and serves it at {@code port} (0: any free port). */
    public static Preview start(Camnang.Options o, int port, Listener listener) throws IOException {
        return new Preview(o, port, listener);
    }

    /** Where {@code serve} writes the preview of a content folder unless told: the system's temporary folder. */
    public static Path defaultOut(Path source) {
        return Camnang.tempDir("camnang-serve", source);
    }

    public int port() {
        return server.port();
    }

    private void changed(Path p) {
        synchronized (lock) {
            pending = true;
            if (p == null || p.startsWith(templates) || p.equals(source.resolve("site.yaml"))) {
                forget = true;
            }
            lock.notifyAll();
        }
    }

    private boolean pending() {
        synchronized (lock) {
            return pending;
        }
    }

    private void loop() {
        while (!closed) {
            synchronized (lock) {
                while (!pending && !(searchDue && !closed)) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (pending()) {
                // An editor saves in several steps: build once they are done.
                sleep(30);
                boolean forgetNow;
                synchronized (lock) {
                    pending = false;
                    forgetNow = forget;
                    forget = false;
                }
                if (forgetNow) {
                    live.forget();
                }
                Camnang.Report r = buildPages();
                if (r == null) {
                    continue;
                }
                server.problems(errors(r));
                server.reload();
                listener.built(r, false);
                searchDue = r.ok() && searching;
                continue;
            }
            if (searchDue) {
                long t = System.nanoTime();
                boolean done;
                try {
                    done = live.search(this::pending);
                } catch (RuntimeException e) {
                    listener.failed(e);
                    searchDue = false;
                    continue;
                }
                searchDue = !done;
                if (done) {
                    listener.searchReady((System.nanoTime() - t) / 1_000_000);
                }
            }
        }
    }

    /** The pages' build, or null (after telling) when a file changed under it: another build is on its way. */
    private Camnang.Report buildPages() {
        try {
            return live.pages();
        } catch (java.io.UncheckedIOException e) {
            listener.retrying(e.getCause() == null ? e.getMessage() : e.getCause().toString());
            synchronized (lock) {
                pending = true;
            }
            sleep(200);
            return null;
        } catch (RuntimeException e) {
            listener.failed(e);
            return null;
        }
    }

    private static List<Problem> errors(Camnang.Report r) {
        return r == null ? List.of() : r.problems().stream().filter(Problem::isError).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.close();
        server.close();
        builder.interrupt();
        synchronized (lock) {
            lock.notifyAll();
        }
    }
}
