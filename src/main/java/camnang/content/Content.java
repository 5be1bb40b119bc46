package camnang.content;

import camnang.Problems;
import camnang.Slug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code content} stage: walks the source folder and returns the {@link Site}.
 * Problems are added to {@code problems}; the site is returned even when there are
 * errors, so that later stages can report theirs too.
 */
public final class Content {
    /** Output names the build writes itself; a page may not take them. */
    public static final Set<String> RESERVED_FILES = Set.of("404.html", "robots.txt", "sitemap.xml", "feed.xml",
            "moi-cap-nhat.html", "tim-kiem.html", "to-hoa-giai.html", "ket-qua-hoa-giai.html");
    public static final Set<String> RESERVED_DIRS = Set.of("assets", "chu-de", "doi-tuong", "search");

    private Content() {
    }

    /** The settings of site.yaml alone (for the list of portals before their builds). */
    public static SiteConfig settings(Path source, Problems problems) {
        return SiteSettings.read(source, problems);
    }

    public static Site load(Path source, Problems problems) {
        return load(source, null, problems);
    }

    /** @param brokenLinks overrides the site setting when not null */
    public static Site load(Path source, SiteConfig.BrokenLinks brokenLinks, Problems problems) {
        return load(source, brokenLinks, problems, null);
    }

    /**
     * The site as one portal publishes it.
     *
     * @param portal the portal's id; null for the city's portal (or, without portals in site.yaml, the whole content)
     */
    public static Site load(Path source, SiteConfig.BrokenLinks brokenLinks, Problems problems, String portal) {
        if (!Files.isDirectory(source)) {
            problems.error("", 0, "không tìm thấy thư mục nội dung",
                    "Chạy lệnh trong thư mục dự án, hoặc chỉ rõ thư mục bằng --source.");
            SiteConfig empty = new SiteConfig("Cẩm nang", "", "vi", null, List.of(), SiteConfig.BrokenLinks.ERROR, false, "");
            Page home = synthetic(Kind.HOME, "", "Cẩm nang");
            return new Site(empty, new Section("", home, List.of(), List.of()), List.of(home), List.of(), Map.of());
        }
        SiteConfig config = SiteSettings.read(source, problems);
        List<String> markdown = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = source.relativize(p).toString().replace('\\', '/');
                // _du-lieu/ holds data the build turns into pages: neither a section nor files to publish.
                if (isHidden(rel) || rel.equals(SiteSettings.FILE) || rel.startsWith(DataFiles.DIR + "/")) {
                    return;
                }
                String lower = rel.toLowerCase(Locale.ROOT);
                (lower.endsWith(".md") || lower.endsWith(".markdown") ? markdown : other).add(rel);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(markdown);
        Collections.sort(other);

        FrontMatter.Migrations migrations = new FrontMatter.Migrations();
        // What the pages' decoded text may hold of the heap until each is rendered (Body).
        AtomicLong budget = new AtomicLong(Runtime.getRuntime().maxMemory() / 4);
        List<Page> read = markdown.parallelStream()
                .map(rel -> readPage(source, rel, problems, migrations, config.toneMarks(), budget))
                .filter(Objects::nonNull)
                .collect(Collectors.toList());
        migrations.report(problems);
        Map<String, Page> variantOf = new HashMap<>();
        read = forPortal(read, config, portal, problems, variantOf);

        Map<String, String> drafts = new TreeMap<>();
        List<Page> pages = new ArrayList<>();
        Map<String, Page> indexes = new HashMap<>();
        for (Page p : read) {
            if (p.meta().draft()) {
                drafts.put(p.source(), p.title());
            } else if (p.kind() == Kind.PAGE) {
                pages.add(p);
            } else {
                Page previous = indexes.putIfAbsent(p.section(), p);
                if (previous != null) {
                    problems.error(p.source(), 1, "trùng trang mục lục với " + problems.display(previous.source()),
                            "Mỗi thư mục chỉ có một trong hai tệp _index.md hoặc index.md; hãy gộp lại.");
                }
            }
        }

        // Every folder holding a page, at any depth, is a section; so are all folders above it.
        Set<String> dirs = new TreeSet<>();
        dirs.add("");
        for (Page p : pages) {
            for (String d = p.section(); !d.isEmpty(); d = Site.parentDir(d)) {
                dirs.add(d);
            }
        }
        for (String d : indexes.keySet()) {
            for (String x = d; !x.isEmpty(); x = Site.parentDir(x)) {
                dirs.add(x);
            }
        }
        Map<String, Page> sectionIndex = new TreeMap<>();
        for (String d : dirs) {
            Page idx = indexes.get(d);
            if (idx == null) {
                String title = d.isEmpty() ? config.title() : prettify(d.substring(d.lastIndexOf('/') + 1));
                idx = synthetic(d.isEmpty() ? Kind.HOME : Kind.SECTION, d, title);
            } else if (idx.title().isEmpty()) {
                idx = withTitle(idx, d.isEmpty() ? config.title() : prettify(d.substring(d.lastIndexOf('/') + 1)));
            }
            sectionIndex.put(d, idx);
        }
        List<Page> fixedPages = new ArrayList<>();
        for (Page p : pages) {
            fixedPages.add(p.title().isEmpty() ? withTitle(p, prettify(stem(p.source()))) : p);
        }
        pages = fixedPages;

        // One sort for the whole site; sections and audience lists keep this order.
        Site.sortForReading(pages);
        Map<String, List<Page>> byDir = new HashMap<>();
        for (Page p : pages) {
            byDir.computeIfAbsent(p.section(), k -> new ArrayList<>()).add(p);
        }
        Section root = buildSection("", sectionIndex, byDir, dirs);

        List<StaticFile> files = new ArrayList<>();
        for (String rel : other) {
            files.add(new StaticFile(rel, outputDir(Site.parentDir(rel)) + staticName(rel)));
        }

        List<Page> all = new ArrayList<>(pages);
        all.addAll(sectionIndex.values());
        all.sort(Comparator.comparing(Page::output).thenComparing(Page::source));
        checkOutputs(all, files, problems);
        Site site = new Site(config, root, all, files, drafts);
        site.courses(Courses.of(root, files, problems));
        variantOf.forEach(site::aliasSource);
        site.portal(portal != null ? config.portal(portal).orElse(null) : config.city());
        site.data(DataFiles.read(source, config, problems));
        for (SiteConfig.MenuItem item : config.menu()) {
            if (!camnang.Urls.isExternal(item.link()) && site.resolve("", item.link().split("#", 2)[0]).isEmpty()) {
                String message = "mục menu \"" + item.title() + "\" trỏ tới \"" + item.link() + "\", không có trong nội dung";
                String hint = "Viết đường dẫn tới một thư mục hoặc tệp .md trong thư mục nội dung.";
                SiteConfig.BrokenLinks mode = brokenLinks != null ? brokenLinks : config.brokenLinks();
                problems.add(mode.severity(), SiteSettings.FILE, item.line(), message, hint);
            }
        }
        return site;
    }


    private static boolean isHidden(String rel) {
        for (String seg : rel.split("/")) {
            if (seg.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Page readPage(Path source, String rel, Problems problems, FrontMatter.Migrations migrations,
                                 SiteConfig.ToneMarks tones, AtomicLong budget) {
        Path file = source.resolve(rel);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.error(rel, 0, "không đọc được tệp: " + e.getMessage(), "Kiểm tra quyền đọc tệp.");
            return null;
        }
        String text = SourceText.decode(bytes, rel, problems);
        if (text == null) {
            return null;
        }
        TextHygiene.check(text, rel, tones, problems);
        FrontMatter.Result fm = FrontMatter.parse(text, rel, problems, migrations);
        // Two bytes a char: the most a Java string takes.
        boolean hold = !fm.meta().draft() && budget.addAndGet(-2L * (text.length() - fm.bodyStart())) >= 0;
        Body body = hold ? Body.held(file, fm.bodyStart(), fm.blankFrom(), fm.blankTo(), text, bytes)
                : Body.inFile(file, fm.bodyStart(), fm.blankFrom(), fm.blankTo());
        String dir = Site.parentDir(rel);
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String stem = stem(name);
        if (stem.equals("_index") || stem.equals("index")) {
            return new Page(dir.isEmpty() ? Kind.HOME : Kind.SECTION, rel, outputDir(dir) + "index.html", fm.meta(),
                    body, fm.bodyLine(), dir, false);
        }
        String slug = fm.meta().slug() != null && !Slug.of(fm.meta().slug()).isEmpty()
                ? Slug.of(fm.meta().slug()) : segment(stem);
        return new Page(Kind.PAGE, rel, outputDir(dir) + slug + ".html", fm.meta(), body, fm.bodyLine(), dir, false);
    }

    private static Page synthetic(Kind kind, String dir, String title) {
        Meta meta = new Meta(title, "", null, null, null, List.of(), List.of(), null, false, null, List.of(), Map.of(),
                null, false, List.of(), 0, null);
        String src = dir.isEmpty() ? "_index.md" : dir + "/_index.md";
        return new Page(kind, src, outputDir(dir) + "index.html", meta, Body.of(""), 1, dir, true);
    }

    private static Page withTitle(Page p, String title) {
        Meta m = p.meta();
        Meta meta = new Meta(title, m.description(), m.date(), m.updated(), m.weight(), m.tags(), m.audience(), m.type(),
                m.draft(), m.slug(), m.aliases(), m.params(), m.legal(), m.khoanDiem(), m.portals(), m.portalsLine(),
                m.study());
        return new Page(p.kind(), p.source(), p.output(), meta, p.body(), p.bodyLine(), p.section(), p.synthetic());
    }

    private static Section buildSection(String dir, Map<String, Page> indexes, Map<String, List<Page>> byDir,
                                        Set<String> dirs) {
        List<Page> own = byDir.getOrDefault(dir, List.of());
        List<Section> children = new ArrayList<>();
        for (String d : dirs) {
            if (!d.isEmpty() && Site.parentDir(d).equals(dir)) {
                children.add(buildSection(d, indexes, byDir, dirs));
            }
        }
        // Sub-sections in the reading order of their index pages.
        List<Page> order = new ArrayList<>();
        for (Section c : children) {
            order.add(c.index());
        }
        Site.sortForReading(order);
        Map<Page, Integer> rank = new java.util.IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        children.sort(Comparator.comparingInt(c -> rank.get(c.index())));
        return new Section(dir, indexes.get(dir), List.copyOf(own), List.copyOf(children));
    }

    private static void checkOutputs(List<Page> pages, List<StaticFile> files, Problems problems) {
        Map<String, String> taken = new HashMap<>();
        List<String[]> all = new ArrayList<>();
        for (Page p : pages) {
            if (!p.synthetic()) {
                all.add(new String[] {p.output(), p.source()});
            }
        }
        for (StaticFile f : files) {
            all.add(new String[] {f.output(), f.source()});
        }
        all.sort(Comparator.comparing((String[] a) -> a[1]));
        for (String[] a : all) {
            String out = a[0];
            String first = out.contains("/") ? out.substring(0, out.indexOf('/')) : null;
            if (RESERVED_FILES.contains(out) || (first != null && RESERVED_DIRS.contains(first))) {
                problems.error(a[1], 1, "đường dẫn đầu ra \"" + out + "\" trùng với trang do camnang tự tạo",
                        "Đổi tên tệp hoặc thư mục này (ví dụ thêm một từ vào tên).");
                continue;
            }
            String prev = taken.putIfAbsent(out, a[1]);
            if (prev != null) {
                problems.error(a[1], 1, "trùng đường dẫn đầu ra \"" + out + "\" với " + problems.display(prev),
                        "Hai tệp cho cùng một trang; đổi tên một tệp, hoặc đặt \"slug\" khác trong phần đầu trang.");
            }
        }
    }

    /**
     * The pages one portal publishes. A page or a folder limited by {@code portals: [...]} (in
     * its front matter or its folder's {@code _index.md}) goes only to those portals; a
     * portal's own version of a page, {@code x.phuong-1.md} beside {@code x.md}, replaces it
     * on that portal only, or is a page of that portal alone when there is no {@code x.md}.
     *
     * @param variantOf receives, for each variant kept, the source it stands for
     */
    private static List<Page> forPortal(List<Page> read, SiteConfig config, String requested, Problems problems,
                                        Map<String, Page> variantOf) {
        Set<String> ids = new TreeSet<>();
        config.portals().forEach(p -> ids.add(p.id()));
        String portal = requested != null ? requested : config.city() == null ? null : config.city().id();
        if (requested != null && !ids.contains(requested)) {
            problems.error(SiteSettings.FILE, 0, "không có cổng thông tin \"" + requested + "\" trong site.yaml",
                    ids.isEmpty() ? "Khai báo các cổng trong mục portals của site.yaml." : "Các cổng đã khai báo: " + String.join(", ", ids) + ".");
        }
        Map<String, List<String>> limits = new HashMap<>();
        for (Page p : read) {
            for (String id : p.meta().portals()) {
                if (!ids.contains(id)) {
                    problems.error(p.source(), p.meta().portalsLine(), "không có cổng thông tin \"" + id + "\" trong site.yaml",
                            ids.isEmpty() ? "Khai báo các cổng trong mục portals của site.yaml, hoặc bỏ khóa portals."
                                    : "Các cổng đã khai báo: " + String.join(", ", ids) + "." + closestPortal(id, ids));
                }
            }
            if (p.kind() != Kind.PAGE && !p.meta().portals().isEmpty()) {
                limits.put(p.section(), p.meta().portals());
            }
        }
        List<Page> out = new ArrayList<>();
        Map<String, Page> variants = new HashMap<>();
        for (Page p : read) {
            String variant = variantPortal(p.source(), ids);
            if (variant != null) {
                if (variant.equals(portal)) {
                    variants.put(baseSource(p.source(), variant), p);
                }
                continue;
            }
            out.add(p);
        }
        List<Page> kept = new ArrayList<>();
        Set<String> replaced = new java.util.HashSet<>();
        for (Page p : out) {
            Page v = variants.get(p.source());
            if (v != null) {
                replaced.add(p.source());
                p = asVariant(v, p.output());
                variantOf.put(baseSource(v.source(), portal), p);
            }
            kept.add(p);
        }
        variants.forEach((base, v) -> {
            if (!replaced.contains(base)) {
                String dir = Site.parentDir(base);
                String name = base.substring(base.lastIndexOf('/') + 1);
                Page alone = asVariant(v, outputDir(dir) + (v.meta().slug() != null && !Slug.of(v.meta().slug()).isEmpty()
                        ? Slug.of(v.meta().slug()) : segment(stem(name))) + ".html");
                kept.add(alone);
                variantOf.put(base, alone);
            }
        });
        if (portal == null) {
            return kept.stream().filter(p -> p.meta().portals().isEmpty()).collect(Collectors.toList());
        }
        return kept.stream().filter(p -> allowed(p, portal, limits)).collect(Collectors.toList());
    }

    private static String closestPortal(String id, Set<String> ids) {
        return ids.stream().min(Comparator.comparingInt(i -> camnang.EditDistance.of(id, i)))
                .filter(i -> camnang.EditDistance.of(id, i) <= 3).map(i -> " Có phải ý bạn là \"" + i + "\"?").orElse("");
    }

    private static boolean allowed(Page p, String portal, Map<String, List<String>> limits) {
        if (!p.meta().portals().isEmpty()) {
            return p.meta().portals().contains(portal);
        }
        for (String d = p.kind() == Kind.PAGE ? p.section() : Site.parentDir(p.section()); ; d = Site.parentDir(d)) {
            List<String> l = limits.get(d);
            if (l != null) {
                return l.contains(portal);
            }
            if (d.isEmpty()) {
                return true;
            }
        }
    }

    /** The portal a file name is a version for ({@code cach-yeu-cau.phuong-1.md} → {@code phuong-1}), or null. */
    private static String variantPortal(String source, Set<String> ids) {
        String stem = stem(source);
        int dot = stem.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String id = stem.substring(dot + 1);
        return ids.contains(id) ? id : null;
    }

    private static String baseSource(String source, String portal) {
        int dot = source.lastIndexOf('.');
        return source.substring(0, dot - portal.length() - 1) + source.substring(dot);
    }

    private static Page asVariant(Page v, String output) {
        return new Page(v.kind(), v.source(), output, v.meta(), v.body(), v.bodyLine(), v.section(), v.synthetic());
    }

    private static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Folder names become readable ASCII so that URLs survive every portal and file system. */
    private static String segment(String s) {
        String slug = Slug.of(s);
        return slug.isEmpty() ? "trang" : slug;
    }

    static String outputDir(String dir) {
        if (dir.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String seg : dir.split("/")) {
            sb.append(segment(seg)).append('/');
        }
        return sb.toString();
    }

    private static String staticName(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return segment(name);
        }
        return segment(name.substring(0, dot)) + name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static String prettify(String name) {
        String s = name.replace('-', ' ').replace('_', ' ').strip();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
