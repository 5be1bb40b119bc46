package camnang.content;

import camnang.Slug;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole content: settings, the section tree, every page and static file,
 * and the look-ups that turn a link written by an author into the page it means.
 */
public final class Site {
    private final SiteConfig config;
    private final Section root;
    private final List<Page> pages;
    private final List<StaticFile> files;
    private final Map<String, Page> bySource = new HashMap<>();
    private final Map<String, Page> byOutput = new HashMap<>();
    private final Map<String, Section> byDir = new HashMap<>();
    private final Map<String, StaticFile> fileBySource = new HashMap<>();
    private final Map<String, Page> byAlias = new HashMap<>();
    private final Map<String, String> drafts;
    private final String mountPrefix;
    private final List<Tag> tags;

    /** A tag and its pages, newest first; tags that differ only in tone style are one tag. */
    public record Tag(String name, String slug, List<Page> pages) {
    }

    Site(SiteConfig config, Section root, List<Page> pages, List<StaticFile> files, Map<String, String> drafts) {
        this.config = config;
        this.root = root;
        this.pages = List.copyOf(pages);
        this.files = List.copyOf(files);
        this.drafts = Map.copyOf(drafts);
        indexSections(root);
        for (Page p : this.pages) {
            bySource.put(p.source(), p);
            byOutput.put(p.output(), p);
        }
        for (StaticFile f : this.files) {
            fileBySource.put(f.source(), f);
        }
        Map<String, Integer> prefixes = new TreeMap<>();
        for (Page p : this.pages) {
            for (String alias : p.meta().aliases()) {
                byAlias.putIfAbsent(normalizeUrlPath(alias), p);
                String stem = p.source().replaceFirst("(/?_?index)?\\.(md|markdown)$", "");
                String a = normalizeUrlPath(alias);
                if (!stem.isEmpty() && a.endsWith("/" + stem + "/")) {
                    prefixes.merge(a.substring(0, a.length() - stem.length() - 1), 1, Integer::sum);
                }
            }
        }
        // Imported sites publish the whole tree under one URL prefix (/van-ban/): learn it from
        // the permalinks so that root-relative links written for that site find their pages.
        String best = "/";
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : prefixes.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        this.mountPrefix = best;
        this.tags = buildTags(this.pages);
    }

    private SiteConfig.Portal portal;

    /** The portal this site is built for, or null when site.yaml declares none. */
    public SiteConfig.Portal portal() {
        return portal;
    }

    void portal(SiteConfig.Portal p) {
        this.portal = p;
    }

    private LocalData data = LocalData.EMPTY;

    /** The portals' teams and yearly results from {@code _du-lieu/}, for every portal (the city's site shows the wards'). */
    public LocalData data() {
        return data;
    }

    void data(LocalData d) {
        this.data = d;
    }

    private List<Course> courses = List.of();

    /** The courses (folders whose {@code _index.md} says {@code course: true}), in site order. */
    public List<Course> courses() {
        return courses;
    }

    void courses(List<Course> c) {
        this.courses = c;
    }

    /** The course a page is part of: its index, a module's index, or a lesson. */
    public Optional<Course> courseOf(Page p) {
        for (Course c : courses) {
            if (c.index() == p || c.moduleOf(p).isPresent()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A portal's variant of a page ({@code x.phuong-1.md}) answers links to the page it replaces ({@code x.md}). */
    void aliasSource(String source, Page page) {
        bySource.putIfAbsent(source, page);
    }

    private void indexSections(Section s) {
        byDir.put(s.dir(), s);
        for (Section c : s.children()) {
            indexSections(c);
        }
    }

    public SiteConfig config() {
        return config;
    }

    public Section root() {
        return root;
    }

    /** Every page, section indexes included, in a fixed order (by output path). */
    public List<Page> pages() {
        return pages;
    }

    public List<StaticFile> files() {
        return files;
    }

    public List<Tag> tags() {
        return tags;
    }

    public Optional<Section> section(String dir) {
        return Optional.ofNullable(byDir.get(dir));
    }

    /** The section a page is listed in: its folder's section, or for a section index, the parent. */
    public Optional<Section> parentOf(Page p) {
        if (p.kind() == Kind.HOME) {
            return Optional.empty();
        }
        if (p.kind() == Kind.SECTION) {
            return section(parentDir(p.section()));
        }
        return section(p.section());
    }

    public Page home() {
        return root.index();
    }

    public Optional<Page> byOutput(String output) {
        return Optional.ofNullable(byOutput.get(output));
    }

    /** The source paths of drafts, which are left out of the build. */
    public java.util.Set<String> draftSources() {
        return new java.util.TreeSet<>(drafts.keySet());
    }

    /** Non-null when the path names a draft, which is left out of the build. */
    public String draftAt(String fromSource, String rawPath) {
        String path = decode(rawPath);
        String dir = parentDir(fromSource);
        String c = normalizeSegments(path.startsWith("/") ? path.substring(1) : (dir.isEmpty() ? path : dir + "/" + path));
        if (c == null) {
            return null;
        }
        String stem = c.endsWith(".html") ? c.substring(0, c.length() - 5) : c;
        for (String candidate : new String[] {c, stem + ".md", stem + ".markdown"}) {
            if (drafts.containsKey(candidate)) {
                return drafts.get(candidate);
            }
        }
        return null;
    }

    /** What a link resolves to: a page or a static file. */
    /** What a link resolves to: a page, a static file, or a page the build generates ({@code generated}). */
    public record Target(Page page, StaticFile file, String generated) {
        public Target(Page page, StaticFile file) {
            this(page, file, null);
        }

        public String output() {
            return page != null ? page.output() : file != null ? file.output() : generated;
        }
    }

    /**
     * Pages the build writes itself that a Markdown link may name ({@code van-ban-phap-luat/index.html},
     * {@code to-hoa-giai.html}): only those this site will have.
     */
    private volatile java.util.Set<String> generated;

    /** The generated pages Markdown links may name, sorted (part of the fragment cache's key). */
    public java.util.List<String> generatedPages() {
        return generatedOutputs().stream().sorted().toList();
    }

    private java.util.Set<String> generatedOutputs() {
        java.util.Set<String> g = generated;
        if (g == null) {
            g = computeGenerated();
            generated = g;
        }
        return g;
    }

    private java.util.Set<String> computeGenerated() {
        java.util.Set<String> out = new java.util.HashSet<>(java.util.List.of("moi-cap-nhat.html", "tim-kiem.html",
                "chu-de/index.html"));
        for (Tag t : tags) {
            out.add("chu-de/" + t.slug() + ".html");
        }
        if (pages.stream().anyMatch(p -> p.meta().legal() != null)) {
            out.add("van-ban-phap-luat/index.html");
        }
        for (Course c : courses) {
            c.modules().forEach(m -> out.add(m.printPath()));
        }
        boolean city = portal == null || portal == config.city();
        if (data().teams().stream().anyMatch(t -> city || t.portal().equals(portal.id()))) {
            out.add("to-hoa-giai.html");
        }
        if (data().results().stream().anyMatch(r -> city || r.portal().equals(portal.id()))) {
            out.add("ket-qua-hoa-giai.html");
        }
        return out;
    }

    /**
     * Resolves the path part of a link written in {@code fromSource} (a source-relative file,
     * or {@code ""} for site settings): relative to that file, root-relative, through a
     * permalink, or by an output name ({@code page.html}, {@code folder/}).
     */
    public Optional<Target> resolve(String fromSource, String rawPath) {
        String path = decode(rawPath);
        if (path.startsWith("/")) {
            return resolveRooted(path);
        }
        String dir = parentDir(fromSource);
        Optional<Target> t = lookup(dir.isEmpty() ? path : dir + "/" + path);
        if (t.isPresent()) {
            return t;
        }
        // Imported pages were written against their permalink URL, not their file.
        Page from = bySource.get(fromSource);
        if (from != null) {
            for (String alias : from.meta().aliases()) {
                String base = normalizeUrlPath(alias);
                String joined = base.endsWith("/") ? base + path : base.substring(0, base.lastIndexOf('/') + 1) + path;
                Optional<Target> viaAlias = resolveRooted(normalizeSegments(joined));
                if (viaAlias.isPresent()) {
                    return viaAlias;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Target> resolveRooted(String path) {
        Page p = byAlias.get(normalizeUrlPath(path));
        if (p != null) {
            return Optional.of(new Target(p, null));
        }
        if (!mountPrefix.equals("/") && path.startsWith(mountPrefix)) {
            Optional<Target> t = lookup(path.substring(mountPrefix.length()));
            if (t.isPresent()) {
                return t;
            }
        }
        return lookup(path.substring(1));
    }

    private Optional<Target> lookup(String rawCandidate) {
        String c = normalizeSegments(rawCandidate);
        if (c == null) {
            return Optional.empty();
        }
        while (c.endsWith("/")) {
            c = c.substring(0, c.length() - 1);
        }
        if (c.equals("index.html") || c.endsWith("/index.html")) {
            c = parentDir(c);
        }
        Page p = bySource.get(c);
        if (p != null) {
            return Optional.of(new Target(p, null));
        }
        StaticFile f = fileBySource.get(c);
        if (f != null) {
            return Optional.of(new Target(null, f));
        }
        Section s = byDir.get(c);
        if (s != null) {
            return Optional.of(new Target(s.index(), null));
        }
        String stem = c.endsWith(".html") ? c.substring(0, c.length() - 5) : c;
        for (String ext : new String[] {".md", ".markdown"}) {
            p = bySource.get(stem + ext);
            if (p != null) {
                return Optional.of(new Target(p, null));
            }
        }
        p = byOutput.get(c);
        if (p == null) {
            p = byOutput.get(c.isEmpty() ? "index.html" : c + "/index.html");
        }
        if (p != null) {
            return Optional.of(new Target(p, null));
        }
        for (String g : new String[] {c, c + ".html", c.isEmpty() ? "index.html" : c + "/index.html"}) {
            if (generatedOutputs().contains(g)) {
                return Optional.of(new Target(null, null, g));
            }
        }
        return Optional.empty();
    }

    static String parentDir(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Resolves {@code .} and {@code ..}; null when the path climbs out of the root. */
    static String normalizeSegments(String path) {
        boolean rooted = path.startsWith("/");
        boolean trailing = path.endsWith("/") && path.length() > 1;
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.remove(out.size() - 1);
            } else {
                out.add(seg);
            }
        }
        String joined = String.join("/", out);
        if (trailing && !joined.isEmpty()) {
            joined += "/";
        }
        return rooted ? "/" + joined : joined;
    }

    /** {@code /a/b}, {@code /a/b/} and {@code /a/b/index.html} are one URL. */
    static String normalizeUrlPath(String url) {
        String u = url.trim();
        if (!u.startsWith("/")) {
            u = "/" + u;
        }
        String n = normalizeSegments(u);
        if (n == null) {
            return u;
        }
        if (n.endsWith("/index.html")) {
            n = n.substring(0, n.length() - "index.html".length());
        } else if (n.endsWith(".html")) {
            n = n.substring(0, n.length() - 5) + "/";
        }
        if (!n.endsWith("/")) {
            n += "/";
        }
        return n;
    }

    private static List<Tag> buildTags(List<Page> pages) {
        Map<String, String> names = new TreeMap<>();
        Map<String, java.util.LinkedHashSet<Page>> bySlug = new TreeMap<>();
        List<Page> ordered = new ArrayList<>(pages);
        ordered.sort(NEWEST_FIRST);
        for (Page p : ordered) {
            for (String t : p.meta().tags()) {
                String slug = Slug.of(t);
                if (slug.isEmpty()) {
                    continue;
                }
                names.putIfAbsent(slug, t);
                bySlug.computeIfAbsent(slug, k -> new java.util.LinkedHashSet<>()).add(p);
            }
        }
        List<Tag> out = new ArrayList<>();
        for (Map.Entry<String, java.util.LinkedHashSet<Page>> e : bySlug.entrySet()) {
            out.add(new Tag(names.get(e.getKey()), e.getKey(), List.copyOf(e.getValue())));
        }
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
        out.sort(Comparator.comparing(Tag::name, vi).thenComparing(Tag::slug));
        return Collections.unmodifiableList(out);
    }

    /** Newest change first; pages without dates last, in path order. */
    public static final Comparator<Page> NEWEST_FIRST = Comparator
            .comparing((Page p) -> p.meta().lastChange(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Page::output);

    /**
     * Sorts pages in the order staff put them: weight, then title (Vietnamese collation), then
     * path; with collation keys made once per page, since sorting 10,000 titles with a Collator is slow.
     */
    static void sortForReading(List<Page> pages) {
        if (pages.size() < 2) {
            return;
        }
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
        // The keys of a large site's titles, 3% of its build when made on one core. A collator
        // is not safe to share between threads: each thread works with a copy.
        ThreadLocal<Collator> local = ThreadLocal.withInitial(() -> (Collator) vi.clone());
        java.text.CollationKey[] made = new java.text.CollationKey[pages.size()];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, made.length);
        (made.length >= 1000 ? range.parallel() : range).forEach(i -> made[i] = local.get().getCollationKey(pages.get(i).title()));
        Map<Page, java.text.CollationKey> keys = new java.util.IdentityHashMap<>();
        for (int i = 0; i < made.length; i++) {
            keys.put(pages.get(i), made[i]);
        }
        pages.sort(Comparator
                .comparing((Page p) -> p.meta().weight(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(keys::get)
                .thenComparing(Page::source));
    }

    private Map<Audience, List<Page>> byAudience;

    /** Pages with at least one audience, by audience, in reading order. */
    public synchronized Map<Audience, List<Page>> byAudience() {
        if (byAudience != null) {
            return byAudience;
        }
        Map<Audience, List<Page>> m = new LinkedHashMap<>();
        List<Page> ordered = new ArrayList<>(pages);
        sortForReading(ordered);
        for (Audience a : Audience.values()) {
            List<Page> list = new ArrayList<>();
            for (Page p : ordered) {
                if (p.meta().audience().contains(a)) {
                    list.add(p);
                }
            }
            m.put(a, List.copyOf(list));
        }
        byAudience = Collections.unmodifiableMap(m);
        return byAudience;
    }
}
