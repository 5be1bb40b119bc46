package camnang.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The {@code publish} stage's writer: everything goes to a temporary folder beside
 * {@code --out}, which replaces {@code --out} only when the whole build succeeded. A
 * failed build leaves the previous site as it was.
 *
 * <p>A live output ({@link #live}, for {@code serve}) keeps pages in memory until the build
 * succeeded, then writes into the served folder only the files whose bytes changed and
 * deletes the ones no longer made: rewriting a thousand unchanged pages for each keystroke
 * would take longer than building them.
 */
public final class Output implements AutoCloseable {
    private final Path target;
    private final Path temp;
    /** Held while the staging folder is in use; see {@link #stage}. */
    private final java.nio.channels.FileChannel lock;
    private boolean committed;
    /** Live mode only: the files of this build, by path, until commit. */
    private final Map<String, Object> memory;
    private final Mirror mirror;
    private final Predicate<String> scope;

    /**
     * Staging folders of builds not yet committed nor closed. A build stopped by Ctrl-C (or by
     * its client, in the daemon) would leave a hidden copy of the site beside it. The JVM's
     * shutdown hooks delete what they can; the build's threads may still be writing then, so
     * the next build deletes what is left ({@link #stage}).
     */
    private static final Set<Path> UNFINISHED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> UNFINISHED.forEach(Output::deleteQuietly), "camnang-output-cleanup"));
    }

    private Output(Path target, Path temp, java.nio.channels.FileChannel lock, Mirror mirror, Predicate<String> scope) {
        this.target = target;
        this.temp = temp;
        this.lock = lock;
        UNFINISHED.add(temp);
        this.mirror = mirror;
        this.scope = scope;
        this.memory = mirror == null ? null : new ConcurrentHashMap<>();
    }

    /**
     * What a live output last wrote, kept from build to build, so that an unchanged file is
     * neither read nor written again. One per folder and scope.
     */
    public static final class Mirror {
        final Map<String, String> digests = new ConcurrentHashMap<>();
    }

    /**
     * A live output into {@code target}, owning the files whose paths {@code scope} accepts:
     * on commit the changed ones are written in place, those of the scope not written by this
     * build are deleted, and files outside the scope are left alone.
     */
    public static Output live(Path target, Mirror mirror, Predicate<String> scope) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
            Stage st = stage(abs, "live");
            return new Output(abs, st.temp, st.lock, mirror, scope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Output open(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
            Stage st = stage(abs, "camnang");
            return new Output(abs, st.temp, st.lock, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Stage(Path temp, java.nio.channels.FileChannel lock) {
    }

    /**
     * A new staging folder beside {@code target}, {@code .<name>.<kind>-<n>}, with a lock file
     * of the same name plus {@code .lock}, locked before the folder exists and until the build
     * ends: the operating system releases it when a build's process dies, however it dies. The
     * folders of such builds are deleted first; those of builds still running are left alone.
     */
    private static Stage stage(Path target, String kind) throws IOException {
        Path parent = target.getParent();
        String prefix = "." + target.getFileName() + "." + kind + "-";
        sweep(parent, prefix);
        Path lockFile = Files.createTempFile(parent, prefix, ".lock");
        java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE);
        try {
            ch.lock();
            String name = lockFile.getFileName().toString();
            Path temp = parent.resolve(name.substring(0, name.length() - ".lock".length()));
            Files.createDirectory(temp);
            return new Stage(temp, ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(lockFile);
            throw e;
        }
    }

    /** Deletes the staging folders (and lock files) under {@code prefix} that no live build holds. */
    private static void sweep(Path parent, String prefix) {
        java.util.List<Path> found = new java.util.ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
            ds.forEach(found::add);
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (Path p : found) {
            String name = p.getFileName().toString();
            Path dir = name.endsWith(".lock") ? p.resolveSibling(name.substring(0, name.length() - ".lock".length())) : p;
            Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                    java.nio.channels.FileLock held = ch.tryLock()) {
                if (held == null) {
                    continue; // a build in another process
                }
                if (Files.isDirectory(dir)) {
                    deleteQuietly(dir);
                }
            } catch (java.nio.channels.OverlappingFileLockException | IOException e) {
                continue; // a build in this JVM, or a folder we may not touch
            }
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                // Another build's sweep took it first.
            }
        }
    }

    /** Ends the build's hold on its staging folder. */
    private void release() {
        UNFINISHED.remove(temp);
        try {
            lock.close();
            Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + ".lock"));
        } catch (IOException e) {
            // A lock file left behind is swept by the next build.
        }
    }

    /** Writes a text file (UTF-8); safe to call from several threads. */
    public void write(String rel, String text) {
        write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String rel, byte[] bytes) {
        Path p = resolve(rel);
        if (memory != null) {
            memory.put(temp.relativize(p).toString().replace('\\', '/'), bytes);
            return;
        }
        try {
            makeParent(p);
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder inside the new site, made empty, for writers that manage their own files (the Lucene index). */
    public Path directory(String rel) {
        Path p = resolve(rel);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * A file this build wrote, as it will be published: from memory or the staging folder;
     * for a live output, a file of an earlier build still in place when this one did not write it.
     */
    public byte[] read(String rel) {
        Path p = resolve(rel);
        try {
            if (memory != null) {
                Object m = memory.get(temp.relativize(p).toString().replace('\\', '/'));
                if (m instanceof byte[] b) {
                    return b;
                }
                if (m instanceof Path source) {
                    return Files.readAllBytes(source);
                }
                if (m == KEEP || !Files.exists(p)) {
                    return Files.readAllBytes(target.resolve(rel));
                }
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files written straight into the staging folder under {@code rel} (the search shards), sorted. */
    public java.util.List<String> staged(String rel) {
        Path dir = resolve(rel);
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(f -> temp.relativize(f).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Live mode: the file this build would write is byte for byte the one already in place; keep it. */
    public void keep(String rel) {
        Path p = resolve(rel);
        if (memory == null) {
            throw new IllegalStateException("only a live output keeps files of an earlier build");
        }
        memory.put(temp.relativize(p).toString().replace('\\', '/'), KEEP);
    }

    /** Marks a kept file in a live output's memory. */
    static final Object KEEP = new Object();

    /** Applies link mends to a page already written (rare: most pages need none). */
    public void mend(String rel, java.util.List<camnang.markdown.RenderedPage.Mend> mends) {
        Path p = resolve(rel);
        if (memory != null) {
            String key = temp.relativize(p).toString().replace('\\', '/');
            memory.put(key, camnang.markdown.RenderedPage.Mend.apply((byte[]) memory.get(key), mends));
            return;
        }
        try {
            Files.write(p, camnang.markdown.RenderedPage.Mend.apply(Files.readAllBytes(p), mends));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void copy(Path source, String rel) {
        Path p = resolve(rel);
        if (memory != null) {
            memory.put(temp.relativize(p).toString().replace('\\', '/'), source);
            return;
        }
        try {
            makeParent(p);
            Files.copy(source, p, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folders this build made in its staging folder, which nothing else writes to. Asking
     * the file system again at each file costs a failed mkdir, its exception and a stat (4.5 µs;
     * 45 ms of CPU for 10,000 pages); the shards' own writer keeps such a set too.
     */
    private final java.util.Set<Path> made = ConcurrentHashMap.newKeySet();

    private void makeParent(Path p) throws IOException {
        Path dir = p.getParent();
        if (!made.contains(dir)) {
            Files.createDirectories(dir);
            made.add(dir);
        }
    }

    private Path resolve(String rel) {
        Path p = temp.resolve(rel).normalize();
        if (!p.startsWith(temp)) {
            throw new IllegalArgumentException("output path escapes the output folder: " + rel);
        }
        return p;
    }

    /** Puts the new site in place of the old one. */
    public void commit() {
        if (memory != null) {
            LiveSync.commit(target, temp, memory, mirror, scope);
            committed = true;
            deleteTree(temp);
            release();
            return;
        }
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            move(temp, target);
            committed = true;
            release();
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    @Override
    public void close() {
        if (!committed || memory != null) {
            deleteTree(temp);
        }
        release();
    }

    /** Deletes what it can: the build's threads may still be writing into the folder. */
    private static void deleteQuietly(Path root) {
        for (int attempt = 0; attempt < 3 && Files.exists(root); attempt++) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | RuntimeException e) {
                // Files came and went while walking; try again.
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
