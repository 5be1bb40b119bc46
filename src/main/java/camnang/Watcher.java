package camnang;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Tells which files change under some folders, their sub-folders included (new ones too). */
final class Watcher implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private final Consumer<Path> onChange;
    private final Thread thread;

    Watcher(List<Path> roots, Consumer<Path> onChange) {
        this.onChange = onChange;
        try {
            service = FileSystems.getDefault().newWatchService();
            for (Path r : roots) {
                if (Files.isDirectory(r)) {
                    registerTree(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::run, "camnang-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void registerTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                if (!hidden(d.getFileName()) || d.equals(dir)) {
                    dirs.put(d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY), d);
                }
            }
        }
    }

    /** Editors' swap and backup files are not content (the loader skips hidden files too). */
    private static boolean hidden(Path name) {
        String n = name == null ? "" : name.toString();
        return n.startsWith(".") || n.endsWith("~") || n.endsWith(".swp") || n.equals("4913");
    }

    private void run() {
        while (true) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = dirs.get(key);
            for (WatchEvent<?> ev : key.pollEvents()) {
                if (dir == null || ev.kind() == StandardWatchEventKinds.OVERFLOW) {
                    onChange.accept(dir);
                    continue;
                }
                Path name = (Path) ev.context();
                if (hidden(name)) {
                    continue;
                }
                Path p = dir.resolve(name);
                if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) {
                    try {
                        registerTree(p);
                    } catch (IOException | UncheckedIOException e) {
                        // Gone again already: the rebuild will see it is not there.
                    }
                }
                onChange.accept(p);
            }
            if (!key.reset()) {
                dirs.remove(key);
            }
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.interrupt();
    }
}
