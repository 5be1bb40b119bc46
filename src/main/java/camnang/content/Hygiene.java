package camnang.content;

import camnang.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code check --fix}: repairs the text problems that {@code check} reports and that can be
 * repaired safely (decomposed letters, invisible characters, a legacy encoding, curly quotes
 * around front matter values, and the tone style when site.yaml chooses one). A file is
 * rewritten only when everything found in it is repaired; otherwise it is left as it was.
 */
public final class Hygiene {
    private Hygiene() {
    }

    /** One kind of repair in one file, at the first line it touched. */
    public record Change(String file, int line, String what) {
    }

    /** A file left as it was, and why: the line of what cannot be repaired safely. */
    public record Refusal(String file, int line, String reason) {
    }

    /**
     * @param changes what was repaired, by file then line
     * @param files   how many files were rewritten
     * @param refused the files left as they were
     */
    public record Result(List<Change> changes, int files, List<Refusal> refused) {
    }

    /** Repairs the Markdown pages under {@code source} (those {@code check} reads); files are named as {@code check} names them. */
    public static Result fix(Path source) {
        if (!Files.isDirectory(source)) {
            return new Result(List.of(), 0, List.of());
        }
        String root = source.toString().replace('\\', '/');
        Problems names = new Problems(root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root);
        SiteConfig.ToneMarks tones = SiteSettings.read(source, new Problems("")).toneMarks();
        List<String> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = source.relativize(p).toString().replace('\\', '/');
                String lower = rel.toLowerCase(Locale.ROOT);
                if (!hidden(rel) && !rel.startsWith(DataFiles.DIR + "/") && (lower.endsWith(".md") || lower.endsWith(".markdown"))) {
                    pages.add(rel);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.sort(null);
        List<Change> changes = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        int files = 0;
        for (String rel : pages) {
            Path file = source.resolve(rel);
            String text;
            try {
                // Files that are not UTF-8 text are check's to report.
                text = SourceText.decode(Files.readAllBytes(file), rel, new Problems(""));
            } catch (IOException e) {
                continue;
            }
            if (text == null) {
                continue;
            }
            TextHygiene.Fixed f = TextHygiene.fix(text, tones);
            String name = names.display(rel);
            if (f.refused() != null) {
                refused.add(new Refusal(name, f.refused().line(), f.refused().what()));
            } else if (f.changed()) {
                write(file, f.text());
                files++;
                for (TextHygiene.Change c : f.changes()) {
                    changes.add(new Change(name, c.line(), c.what()));
                }
            }
        }
        return new Result(List.copyOf(changes), files, List.copyOf(refused));
    }

    private static boolean hidden(String rel) {
        for (String seg : rel.split("/")) {
            if (seg.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the file whole or not at all: a hidden temporary file beside it, then moved over it. */
    private static void write(Path file, String text) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".camnang-fix");
        try {
            Files.write(tmp, text.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original is untouched either way
            }
            throw new UncheckedIOException(e);
        }
    }
}
