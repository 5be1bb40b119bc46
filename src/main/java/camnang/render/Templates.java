package camnang.render;

import camnang.Problems;
import gg.jte.CodeResolver;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code render} stage: jte templates read from {@code site-templates/} at build time,
 * so staff who edit a template see the change on the next build without Maven.
 */
public final class Templates implements AutoCloseable {
    static final List<String> REQUIRED = List.of("home.jte", "section.jte", "page.jte", "list.jte", "404.jte", "sidebar.jte",
            "search.jte", "documents.jte", "to-hoa-giai.jte", "ket-qua.jte", "course.jte", "in-hoc-phan.jte");

    private final Path dir;
    private final String displayDir;
    private final Path classes;
    private final TemplateEngine engine;

    private Templates(Path dir, String displayDir, Path classes, TemplateEngine engine) {
        this.dir = dir;
        this.displayDir = displayDir;
        this.classes = classes;
        this.engine = engine;
    }

    public Path dir() {
        return dir;
    }

    /** The engine that renders (tests: whether two builds share one). */
    TemplateEngine engine() {
        return engine;
    }

    /**
     * The template folder: {@code explicit} when given; else {@code site-templates/} in the
     * working folder or beside the source folder; else the defaults inside camnang's jar,
     * unpacked to a temporary folder.
     */
    public static Path locate(Path explicit, Path source) {
        if (explicit != null) {
            return explicit;
        }
        Path cwd = Path.of("site-templates");
        if (Files.isRegularFile(cwd.resolve("layout.jte"))) {
            return cwd;
        }
        Path parent = source.toAbsolutePath().normalize().getParent();
        if (parent != null && Files.isRegularFile(parent.resolve("site-templates/layout.jte"))) {
            return parent.resolve("site-templates");
        }
        return BuiltIn.unpack();
    }

    /**
     * Compiles the templates in {@code dir}; returns null after reporting a problem
     * (a missing template, a compile error with its template and line).
     */
    public static Templates compile(Path dir, String displayDir, Problems problems) {
        for (String name : REQUIRED) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                problems.add(camnang.Problem.error(displayDir + "/" + name, 0, "thiếu mẫu giao diện " + name,
                        "Chép lại tệp này từ thư mục site-templates của camnang."));
            }
        }
        if (problems.hasErrors()) {
            return null;
        }
        // Compiling templates costs about a second of javac; the classes are kept in the
        // system's temporary folder, keyed by the templates' text and camnang's own build.
        String key = cacheKey(dir);
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "camnang-jte", key);
        ClassLoader parent = View.class.getClassLoader();
        if (Files.isRegularFile(cache.resolve(DONE))) {
            return new Templates(dir, displayDir, null, precompiled(cache, parent));
        }
        // Only templates that compiled are cached, so only uncached ones can hold a bad byte.
        if (!utf8(dir, displayDir, problems)) {
            return null;
        }
        Path classes;
        try {
            Files.createDirectories(cache.getParent());
            classes = Files.createTempDirectory(cache.getParent(), key + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CodeResolver resolver = new DirectoryCodeResolver(dir);
        TemplateEngine engine = TemplateEngine.create(resolver, classes, ContentType.Html, parent, PACKAGE);
        engine.setClassPath(classPath());
        engine.setTrimControlStructures(true);
        // Templates' own text is encoded to UTF-8 once, when compiled, not in every page.
        engine.setBinaryStaticContent(true);
        Templates t = new Templates(dir, displayDir, classes, engine);
        try {
            engine.precompileAll();
        } catch (TemplateException e) {
            t.report(e, problems);
            t.close();
            return null;
        } catch (RuntimeException e) {
            // jte's parser can crash on a broken template (a stray @endif in a content block) instead
            // of reporting it, and then names neither template nor line: the folder is named.
            problems.add(camnang.Problem.error(displayDir, 0, "lỗi trong mẫu giao diện: cú pháp jte sai ở một mẫu, "
                            + "trình dịch jte không chỉ ra được mẫu nào",
                    "Xem lại những mẫu vừa sửa: @if/@endif, @for/@endfor phải đi đôi, ${...} và dấu ngoặc phải đóng đủ."));
            t.close();
            return null;
        }
        try {
            Files.writeString(classes.resolve(DONE), key);
            Files.move(classes, cache, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Templates(dir, displayDir, null, precompiled(cache, parent));
        } catch (IOException e) {
            // Another build cached them first, or the folder is read-only: use what we compiled.
            return t;
        }
    }

    /** The engine of the last templates loaded from the cache, and their folder there: see {@link #precompiled}. */
    private record Loaded(Path cache, TemplateEngine engine) {
    }

    private static volatile Loaded last;

    /**
     * The engine of the compiled templates in {@code cache}. A daemon builds again and again
     * with the same templates: a new engine each time loaded their classes anew, which the JVM
     * then ran interpreted and compiled again in every build. The last engine is kept while its
     * folder, named by the templates' text and camnang's own build, stays the same; edited
     * templates get a new one.
     */
    private static TemplateEngine precompiled(Path cache, ClassLoader parent) {
        Loaded l = last;
        if (l != null && l.cache().equals(cache)) {
            return l.engine();
        }
        TemplateEngine engine = TemplateEngine.createPrecompiled(cache, ContentType.Html, parent, PACKAGE);
        last = new Loaded(cache, engine);
        return engine;
    }

    /** Whether every template is UTF-8 text, reporting the first bad byte of each that is not. */
    private static boolean utf8(Path dir, String displayDir, Problems problems) {
        boolean ok = true;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".jte")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                int bad = camnang.Bytes.invalidUtf8(bytes);
                if (bad >= 0) {
                    problems.add(camnang.Problem.error(displayDir + "/" + dir.relativize(p).toString().replace('\\', '/'),
                            camnang.Bytes.lineAt(bytes, bad),
                            String.format("mẫu giao diện không phải UTF-8 hợp lệ (byte 0x%02X)", bytes[bad] & 0xff),
                            "Mở tệp bằng trình soạn thảo (Notepad, VS Code) và lưu lại với mã hóa UTF-8."));
                    ok = false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ok;
    }

    private static final String PACKAGE = "camnang.templates";
    private static final String DONE = "camnang-complete";

    private static String cacheKey(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            java.security.MessageDigest md = camnang.Digests.sha256();
            for (Path p : walk.filter(f -> f.toString().endsWith(".jte")).sorted().toList()) {
                md.update(dir.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(p));
                md.update((byte) 0);
            }
            try (java.io.InputStream in = View.class.getResourceAsStream("View.class")) {
                md.update(in.readAllBytes());
            }
            md.update(gg.jte.TemplateEngine.class.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update("binary-static-content".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the View class and jte's runtime live: the jar, or the build's class folders. */
    private static List<String> classPath() {
        List<String> cp = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {View.class, gg.jte.TemplateOutput.class, gg.jte.html.HtmlTemplateOutput.class}) {
            try {
                String p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (!cp.contains(p)) {
                    cp.add(p);
                }
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return cp;
    }

    /** Renders {@code template} (e.g. {@code page.jte}) for {@code view} as UTF-8; null after reporting a problem. */
    public byte[] render(String template, View view, Problems problems) {
        Utf8Buffer out = Utf8Buffer.take();
        try {
            engine.render(template, Map.of("v", view), out);
            return out.toByteArray();
        } catch (TemplateException e) {
            report(e, problems);
            return null;
        } finally {
            out.release();
        }
    }

    private static final Pattern AT = Pattern.compile("([\\w./-]+\\.jte):(\\d+)");
    private static final Pattern AT_LINE = Pattern.compile("([\\w./-]+\\.jte), error at line (\\d+)");

    private void report(TemplateException e, Problems problems) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        String file = displayDir;
        int line = 0;
        Matcher m = AT_LINE.matcher(msg);
        if (!m.find()) {
            m = AT.matcher(msg);
            if (!m.find()) {
                m = null;
            }
        }
        String detail = msg;
        if (m != null) {
            file = displayDir + "/" + m.group(1);
            line = Integer.parseInt(m.group(2));
            detail = msg.substring(m.end()).replaceFirst("^[:,!.\\s]+", "");
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e && !(cause instanceof TemplateException)) {
            detail = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        // javac's complaint names the Java file jte wrote in the temporary folder, not the template.
        String first = detail.lines().findFirst().orElse(detail).strip()
                .replaceFirst("^\\S*Generated\\.java:\\d+: error: ", "mã Java trong mẫu sai cú pháp: ");
        problems.add(camnang.Problem.error(file, line, "lỗi trong mẫu giao diện: " + first,
                "Sửa dòng này của mẫu (cú pháp jte: ${...}, @if/@endif, @for/@endfor), rồi chạy lại lệnh build."));
    }

    @Override
    public void close() {
        if (classes == null || !Files.exists(classes)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind costs nothing.
        }
    }
}
