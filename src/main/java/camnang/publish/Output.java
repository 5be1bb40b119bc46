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
    private boolean committed;
    /** Live mode only: the files of this build, by path, until commit. */
    private final Map<String, Object> memory;
    private final Mirror mirror;
    private final Predicate<String> scope;

    /**
     * Staging folders of builds not yet committed nor closed. A build stopped by Ctrl-C (or by
     * its client, in the daemon) ends the JVM through its shutdown hooks, which delete them:
     * otherwise each interrupted build would leave a hidden copy of the site beside it.
     */
    private static final Set<Path> UNFINISHED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> UNFINISHED.forEach(Output::deleteQuietly), "camnang-output-cleanup"));
    }

    private Output(Path target, Path temp, Mirror mirror, Predicate<String> scope) {
        this.target = target;
        this.temp = temp;
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
            Path temp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".live-");
            return new Output(abs, temp, mirror, scope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Output open(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".camnang-");
            return new Output(abs, temp, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            Files.createDirectories(p.getParent());
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
            Files.createDirectories(p.getParent());
            Files.copy(source, p, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            UNFINISHED.remove(temp);
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
        UNFINISHED.remove(temp);
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
