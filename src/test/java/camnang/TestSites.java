package camnang;

import camnang.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Whole small sites written inline, the command line run in-process, and a link checker for the output. */
public final class TestSites {
    private TestSites() {
    }

    /** Writes {@code files} (path → text) under {@code root}. */
    public static Path write(Path root, Map<String, String> files) {
        files.forEach((rel, text) -> writeBytes(root, rel, text.getBytes(StandardCharsets.UTF_8)));
        return root;
    }

    public static void writeBytes(Path root, String rel, byte[] bytes) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies every file under {@code from} to the same place under {@code to}; returns {@code to}. */
    public static Path copyTree(Path from, Path to) {
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                writeBytes(to, from.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** The result of one command-line run. */
    public record Run(int exit, String out, String err) {
    }

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The lines of a report that carry a severity ({@code path:line: lỗi: …}), without hints. */
    public static List<String> problemLines(String err) {
        return err.lines().filter(l -> l.contains(": lỗi: ") || l.contains(": cảnh báo: ") || l.contains(": lưu ý: "))
                .collect(Collectors.toList());
    }

    /** Every file under {@code root}, relative path → bytes, sorted. */
    public static Map<String, byte[]> tree(Path root) {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /**
     * A built tree without Lucene's own files, which embed a random segment id and the time of
     * writing; what they hold is compared through the browser's shards, written from them.
     */
    public static Map<String, byte[]> withoutLucene(Map<String, byte[]> tree) {
        Map<String, byte[]> m = new TreeMap<>(tree);
        m.keySet().removeIf(k -> k.startsWith("search/lucene/"));
        return m;
    }

    /** The paths that only one of two trees has, or whose bytes differ. */
    public static List<String> differences(Map<String, byte[]> a, Map<String, byte[]> b) {
        Set<String> paths = new java.util.TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        return paths.stream().filter(k -> !java.util.Arrays.equals(a.get(k), b.get(k))).collect(Collectors.toList());
    }

    private static final Set<String> LINK_ATTRS = Set.of("a[href]", "link[href]", "img[src]", "script[src]", "source[src]");

    /**
     * Checks every internal URL in every HTML file of {@code out}: it must be relative, name
     * an existing file, and its {@code #anchor} must be an id in that file. Returns what is
     * broken, as {@code file: url}.
     */
    public static List<String> brokenLinks(Path out) {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> idCache = new HashMap<>();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(out)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path page : pages) {
            Document doc = parse(page);
            boolean is404 = page.getFileName().toString().equals("404.html");
            for (String selector : LINK_ATTRS) {
                String attr = selector.substring(selector.indexOf('[') + 1, selector.length() - 1);
                for (Element e : doc.select(selector)) {
                    String url = e.attr(attr);
                    String problem = check(out, page, url, idCache, doc, is404);
                    if (problem != null) {
                        broken.add(out.relativize(page) + ": " + url + " (" + problem + ")");
                    }
                }
            }
        }
        return broken;
    }

    private static String check(Path out, Path page, String url, Map<Path, Set<String>> idCache, Document self,
                                boolean is404) {
        if (url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:")
                || url.startsWith("tel:") || url.startsWith("data:")) {
            return null;
        }
        if (url.startsWith("/") || url.startsWith("//")) {
            return "not relative";
        }
        if (url.isEmpty()) {
            return "empty";
        }
        String path = url;
        String fragment = null;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            path = url.substring(0, hash);
            fragment = URLDecoder.decode(url.substring(hash + 1), StandardCharsets.UTF_8);
        }
        Path target;
        if (path.isEmpty()) {
            target = page;
        } else {
            if (path.endsWith("/")) {
                return "points at a folder, not a file";
            }
            URI uri;
            try {
                uri = URI.create(path);
            } catch (IllegalArgumentException e) {
                return "not a URL";
            }
            if (uri.getScheme() != null) {
                return null; // another scheme than the web's: outside the site, as camnang.Urls.isExternal
            }
            Path base = is404 ? out : page.getParent();
            target = base.resolve(uri.getPath()).normalize();
            if (!target.startsWith(out)) {
                return "leaves the output folder";
            }
            if (!Files.isRegularFile(target)) {
                return "no such file";
            }
        }
        if (fragment != null && !fragment.isEmpty() && target.toString().endsWith(".html")) {
            Set<String> ids = idCache.computeIfAbsent(target, t -> parse(t).select("[id]").stream()
                    .map(el -> el.id()).collect(Collectors.toSet()));
            if (!ids.contains(fragment)) {
                return "no element with id " + fragment;
            }
        }
        return null;
    }

    private static Document parse(Path p) {
        try {
            return Jsoup.parse(p.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
