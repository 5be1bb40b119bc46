package camnang.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The {@code publish} stage's writer: everything goes to a temporary folder beside
 * {@code --out}, which replaces {@code --out} only when the whole build succeeded. A
 * failed build leaves the previous site as it was.
 */
public final class Output implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    private Output(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    public static Output open(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".camnang-");
            return new Output(abs, temp);
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

    /** Applies link mends to a page already written (rare: most pages need none). */
    public void mend(String rel, java.util.List<camnang.markdown.RenderedPage.Mend> mends) {
        Path p = resolve(rel);
        try {
            String html = Files.readString(p, StandardCharsets.UTF_8);
            Files.writeString(p, camnang.markdown.RenderedPage.Mend.apply(html, mends), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void copy(Path source, String rel) {
        Path p = resolve(rel);
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
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            move(temp, target);
            committed = true;
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
        if (!committed) {
            deleteTree(temp);
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
