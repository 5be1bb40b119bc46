package camnang;

import camnang.content.Content;
import camnang.content.Kind;
import camnang.content.Page;
import camnang.content.Site;
import camnang.content.SiteConfig;
import camnang.html.Html;
import camnang.markdown.FragmentCache;
import camnang.markdown.Markdown;
import camnang.markdown.RenderedPage;
import camnang.publish.Assets;
import camnang.publish.Feeds;
import camnang.publish.Output;
import camnang.publish.Zips;
import camnang.render.Templates;
import camnang.search.SearchIndex;
import camnang.render.View;
import camnang.render.Views;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * camnang's one entry point: runs the stages in order (content → markdown → html →
 * render → publish) and returns what happened. Content problems are collected and
 * returned, never thrown; only programming errors escape as exceptions.
 */
public final class Camnang {
    private Camnang() {
    }

    /**
     * @param out         where to write the site; null to only check
     * @param baseUrl     the site's public address, for sitemap.xml and the feed; may be null
     * @param brokenLinks overrides the site setting when not null
     * @param templates   the template folder; null to look for {@code site-templates/}
     * @param cache       whether to reuse pages rendered by earlier builds (see {@link FragmentCache})
     * @param search      whether to write the Lucene index of the site's sections
     * @param zip         whether to also write {@code <out>.zip} after a successful build (see {@link Zips})
     */
    public record Options(Path source, Path out, String baseUrl, SiteConfig.BrokenLinks brokenLinks, Path templates,
                          boolean cache, boolean search, String portal, boolean allPortals, boolean zip) {
        public Options(Path source, Path out, String baseUrl, SiteConfig.BrokenLinks brokenLinks, Path templates) {
            this(source, out, baseUrl, brokenLinks, templates, true, true);
        }

        public Options(Path source, Path out, String baseUrl, SiteConfig.BrokenLinks brokenLinks, Path templates,
                       boolean cache, boolean search) {
            this(source, out, baseUrl, brokenLinks, templates, cache, search, null, false);
        }

        public Options(Path source, Path out, String baseUrl, SiteConfig.BrokenLinks brokenLinks, Path templates,
                       boolean cache, boolean search, String portal, boolean allPortals) {
            this(source, out, baseUrl, brokenLinks, templates, cache, search, portal, allPortals, false);
        }

        /** The same options for one portal of an {@code --all-portals} run, written to {@code out}. */
        public Options forPortal(String id, Path portalOut) {
            // Each portal has its own address (its base_url in site.yaml), not one for all.
            return new Options(source, portalOut, null, brokenLinks, templates, cache, search, id, true, zip);
        }
    }

    /**
     * What a build did: its problems, counts, time per stage, any notices about skipped outputs,
     * and what it wrote where (kind of file → how many and where, for the summary staff read).
     */
    public record Report(boolean ok, List<Problem> problems, int pages, int sections, int files,
                         Map<String, Long> millis, List<String> notes, Path out, Map<String, String> written) {
        public Report(boolean ok, List<Problem> problems, int pages, int sections, int files,
                      Map<String, Long> millis, List<String> notes, Path out) {
            this(ok, problems, pages, sections, files, millis, notes, out, Map.of());
        }

        public long count(Problem.Severity s) {
            return problems.stream().filter(p -> p.severity() == s).count();
        }
    }

    /**
     * One build per portal of site.yaml, each into {@code out/<id>/} with its own search index,
     * sitemap and feed, links between them relative unless a portal has a base URL; then
     * {@code out/index.html} lists them. In one JVM, so templates are compiled once and the
     * later builds run warm.
     */
    public static List<Report> buildAllPortals(Options o) {
        Problems problems = new Problems(display(o.source()));
        SiteConfig config = camnang.content.Content.settings(o.source(), problems);
        if (config.portals().isEmpty() && !problems.hasErrors()) {
            problems.error("site.yaml", 0, "site.yaml chưa khai báo cổng thông tin nào",
                    "Thêm mục portals, ví dụ:\n    portals:\n      - id: sa-dec\n        name: Thành phố Sa Đéc\n        city: true");
        }
        if (problems.hasErrors()) {
            return List.of(new Report(false, problems.sorted(), 0, 0, 0, new LinkedHashMap<>(), List.of(), o.out()));
        }
        List<Report> reports = new ArrayList<>();
        // Markdown is rendered once: a shared page is reused by every portal whose links agree.
        camnang.markdown.Memo memo = new camnang.markdown.Memo();
        // Every portal is checked before any is written: an error is reported once, not once per
        // portal, and no portal's folder is replaced while another's content is wrong.
        Report checked = checkAll(o, config, memo);
        if (!checked.ok()) {
            return List.of(new Report(false, checked.problems(), checked.pages(), checked.sections(), 0, checked.millis(),
                    List.of(), o.out()));
        }
        for (SiteConfig.Portal p : config.portals()) {
            reports.add(build(o.forPortal(p.id(), o.out().resolve(p.id())), memo));
        }
        if (reports.stream().allMatch(Report::ok)) {
            StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                    + escape(config.title()) + " · các cổng thông tin</title>\n</head>\n<body>\n<h1>" + escape(config.title())
                    + "</h1>\n<p>Mỗi thư mục là trang của một cổng thông tin, tải lên cổng đó.</p>\n<ul>\n");
            for (SiteConfig.Portal p : config.portals()) {
                html.append("<li><a href=\"").append(p.id()).append("/index.html\">").append(escape(p.name()))
                        .append("</a> (thư mục ").append(p.id()).append(")</li>\n");
            }
            html.append("</ul>\n</body>\n</html>\n");
            try {
                java.nio.file.Files.writeString(o.out().resolve("index.html"), html, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return reports;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static Report build(Options o) {
        return build(o, Progress.NONE);
    }

    /**
     * Where a build tells how far it got, for a terminal: each stage as it starts ({@code total}
     * 0) and, while pages are made, how many of how many. Called from several threads.
     */
    public interface Progress {
        Progress NONE = (stage, done, total) -> { };

        void at(String stage, int done, int total);
    }

    public static Report build(Options o, Progress progress) {
        return build(o, null, null, progress);
    }

    /**
     * What {@code check} checks: every portal's site when site.yaml declares portals (a page
     * of one ward only is checked too), each problem once even when every portal has it.
     */
    public static Report checkAll(Options o) {
        Problems settings = new Problems(display(o.source()));
        SiteConfig config = Content.settings(o.source(), settings);
        if (config.portals().isEmpty() || settings.hasErrors()) {
            return build(o);
        }
        return checkAll(o, config, new camnang.markdown.Memo());
    }

    private static Report checkAll(Options o, SiteConfig config, camnang.markdown.Memo memo) {
        Report first = null;
        java.util.Set<camnang.Problem> all = new java.util.LinkedHashSet<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (SiteConfig.Portal p : config.portals()) {
            Report r = build(new Options(o.source(), null, null, o.brokenLinks(), o.templates(), false, false, p.id(), false), memo);
            first = first == null ? r : first;
            all.addAll(r.problems());
            r.millis().forEach((k, v) -> millis.merge(k, v, Long::sum));
        }
        List<camnang.Problem> sorted = new ArrayList<>(all);
        sorted.sort(camnang.Problem.ORDER);
        boolean ok = sorted.stream().noneMatch(p -> p.severity() == camnang.Problem.Severity.ERROR);
        return new Report(ok, sorted, first.pages(), first.sections(), 0, millis, first.notes(), null);
    }

    private static Report build(Options o, camnang.markdown.Memo memo) {
        return build(o, memo, null, Progress.NONE);
    }

    /**
     * A build kept warm between edits, for {@code serve}: each {@link #pages} runs the whole
     * pipeline, but Markdown is parsed again only for the pages whose text or links changed,
     * and only the files whose bytes changed are written, in place; {@link #search} then
     * brings the search index up to date. After both, the folder holds exactly what a full
     * {@link #build} of the same content writes (the Lucene files aside, which differ from
     * any build to the next).
     */
    public static final class Live {
        private final Options options;
        private final camnang.markdown.Memo memo = new camnang.markdown.Memo();
        private final Output.Mirror pagesMirror = new Output.Mirror();
        private final Output.Mirror searchMirror = new Output.Mirror();
        private Site site;
        private List<RenderedPage> rendered;
        private byte[] engine;
        private Path templateDir;
        private java.util.Collection<String> assets;
        /** What every page's view shows besides its own content, at the last good build ({@link #frame}). */
        private Object frame;
        private Map<String, String> fragments = Map.of();
        private Map<String, List<RenderedPage.Mend>> mends = Map.of();

        /** The files the search phase writes: the index, and the offline worker, which keeps the shards. */
        static boolean searchPhase(String path) {
            return path.startsWith(SearchIndex.BROWSER_DIR + "/") || path.equals(camnang.publish.ServiceWorker.PATH);
        }

        public Live(Options options) {
            this.options = options;
        }

        /** Builds and writes the pages (everything but {@code search/}); the last good site stays when it fails. */
        public synchronized Report pages() {
            return build(options, memo, this, Progress.NONE);
        }

        /**
         * Writes the search index of the last successful {@link #pages}, unless {@code stop}
         * says a newer edit is waiting (then nothing is written and this returns false).
         */
        public synchronized boolean search(java.util.function.BooleanSupplier stop) {
            if (site == null) {
                return true;
            }
            try (Output out = Output.live(options.out(), searchMirror, Live::searchPhase)) {
                if (!options.search()) {
                    offline(out, site, templateDir, assets, false);
                    out.commit();
                    return true;
                }
                SearchIndex index = SearchIndex.create(out.directory(SearchIndex.DIR), site);
                try {
                    rendered.parallelStream().forEach(index::add);
                    if (stop.getAsBoolean()) {
                        return false;
                    }
                    index.finish(out.directory(SearchIndex.DIR).getParent(), out::write);
                } finally {
                    index.close();
                }
                if (engine != null) {
                    out.write(SearchIndex.BROWSER_DIR + "/camnang.js", engine);
                }
                offline(out, site, templateDir, assets, true);
                if (stop.getAsBoolean()) {
                    return false;
                }
                out.commit();
                return true;
            }
        }

        /** Forgets what was rendered: after a change of site.yaml or of the templates. */
        public synchronized void forget() {
            memo.clear();
            frame = null;
        }
    }

    private static Report build(Options o, camnang.markdown.Memo memo, Live live, Progress progress) {
        progress.at("nạp nội dung", 0, 0);
        Problems problems = new Problems(display(o.source()));
        Map<String, Long> millis = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        long t0 = System.nanoTime();
        long t = t0;

        if (o.out() != null) {
            String clash = outputClash(o.source(), o.out());
            if (clash != null) {
                problems.add(Problem.error(o.out().toString(), 0, clash,
                        "Chọn một thư mục đầu ra riêng, ví dụ --out _site."));
                return new Report(false, problems.sorted(), 0, 0, 0, millis, notes, o.out());
            }
        }
        Site site = Content.load(o.source(), o.brokenLinks(), problems, o.portal());
        String baseUrl = o.baseUrl() != null ? o.baseUrl()
                : site.portal() != null && site.portal().baseUrl() != null ? site.portal().baseUrl() : site.config().baseUrl();
        SiteConfig.BrokenLinks mode = o.brokenLinks() != null ? o.brokenLinks() : site.config().brokenLinks();
        t = lap(millis, "nạp nội dung", t);

        Path templateDir = Templates.locate(o.templates(), o.source());
        String templateDisplay = o.templates() != null ? o.templates().toString()
                : templateDir.isAbsolute() ? "site-templates" : templateDir.toString();
        Templates templates = Files.isDirectory(templateDir) ? Templates.compile(templateDir, templateDisplay, problems) : null;
        if (templates == null && !problems.hasErrors()) {
            problems.add(Problem.error(templateDisplay, 0, "không tìm thấy thư mục mẫu giao diện",
                    "Chỉ rõ thư mục bằng --templates, hoặc bỏ tùy chọn này để dùng giao diện mặc định."));
        }
        t = lap(millis, "biên dịch giao diện", t);
        Output out = null;
        try {
            int pages = (int) site.pages().stream().filter(p -> p.kind() == Kind.PAGE).count();
            int sections = site.pages().size() - pages;
            Assets assets = Assets.scan(templateDir.resolve("assets"));
            Views views = new Views(site, assets.outputs(), baseUrl, v -> {
                byte[] html = templates == null ? null : templates.render("sidebar.jte", v, problems);
                return html == null ? new byte[0] : html;
            }, o.allPortals());
            if (o.out() != null && templates != null && !problems.hasErrors()) {
                out = live != null ? Output.live(o.out(), live.pagesMirror, p -> !Live.searchPhase(p))
                        : Output.open(o.out());
            }
            // One pass per page, in parallel: Markdown, template, file. Only what the link
            // check needs is kept, so memory does not grow with the size of the site.
            Output writer = out;
            FragmentCache cache = out == null || !o.cache() || live != null ? null
                    : FragmentCache.open(cacheDir(o.source()), site, mode, problems.display(""));
            SearchIndex.Written searchSummary = null;
            SearchIndex index = out != null && o.search() && live == null
                    ? SearchIndex.create(out.directory(SearchIndex.DIR), site) : null;
            // serve indexes the pages after the browser has reloaded, from these.
            List<RenderedPage> whole = live != null ? java.util.Collections.synchronizedList(new ArrayList<>()) : null;
            // serve renders a page's template again only when its content or the site's frame changed.
            Object frame = live != null ? frame(site, assets, baseUrl, o) : null;
            boolean sameFrame = live != null && frame.equals(live.frame);
            Map<String, String> fragments = live != null ? new java.util.concurrent.ConcurrentHashMap<>() : null;
            java.util.Set<String> kept = java.util.concurrent.ConcurrentHashMap.newKeySet();
            Markdown.prepare(site);
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            int total = site.pages().size();
            progress.at("markdown và giao diện", 0, total);
            List<RenderedPage> rendered = site.pages().parallelStream().map(page -> {
                progress.at("markdown và giao diện", done.incrementAndGet(), total);
                RenderedPage rp = Markdown.render(page, site, mode, problems, index != null, cache, memo);
                if (index != null) {
                    index.add(rp);
                }
                if (whole != null) {
                    whole.add(rp);
                }
                if (templates != null) {
                    String fragment = rp.hasRawHtml() ? Html.sanitize(rp.html()) : rp.html();
                    if (fragments != null) {
                        fragments.put(page.output(), fragment);
                    }
                    if (sameFrame && writer != null && fragment.equals(live.fragments.get(page.output()))) {
                        // Same content in the same frame: the page's file is already what a render would give.
                        // The view is still made: other views (a module's print page) gather pages from it.
                        views.page(rp, fragment);
                        writer.keep(page.output());
                        kept.add(page.output());
                    } else {
                        byte[] html = templates.render(Views.templateFor(page), views.page(rp, fragment), problems);
                        if (html != null && writer != null) {
                            writer.write(page.output(), html);
                        }
                    }
                }
                return rp.slim();
            }).toList();
            Map<String, List<RenderedPage.Mend>> mends = Markdown.checkAnchors(rendered, mode, problems);
            if (!kept.isEmpty()) {
                // A kept page holds the mends of the last build: render it again if its mends changed.
                for (RenderedPage rp : whole) {
                    String path = rp.page().output();
                    if (kept.contains(path) && !mends.getOrDefault(path, List.of()).equals(live.mends.getOrDefault(path, List.of()))) {
                        String fragment = fragments.get(path);
                        byte[] html = templates.render(Views.templateFor(rp.page()), views.page(rp, fragment), problems);
                        if (html != null) {
                            writer.write(path, html);
                        }
                        kept.remove(path);
                    }
                }
            }
            Markdown.reportCitations(rendered, problems);
            t = lap(millis, "markdown và giao diện", t);
            if (index != null && problems.hasErrors()) {
                index.close();
            }
            if (problems.hasErrors() || out == null) {
                return new Report(!problems.hasErrors(), problems.sorted(), pages, sections, 0, millis, notes, o.out());
            }
            // The index is written while this thread makes the lists and copies the files: its
            // last part is Lucene's writer alone, which left a core idle (BENCHMARKS.md, stop 24).
            Indexing indexing = index == null ? null : new Indexing(index, out.directory(SearchIndex.DIR).getParent(), writer);
            if (indexing != null) {
                progress.at("chỉ mục tìm kiếm", 0, 0);
            }
            long listing = System.nanoTime();
            int generatedWritten = 0;
            int engineWritten = 0;
            byte[] engine = assets.script("camnang.js");
            boolean listed = false;
            try {
                progress.at("trang tổng hợp và ghi tệp", 0, 0);
                // A page kept from the last build already carries its (unchanged) mends.
                // Each mend reads, edits and writes one page: in parallel, as pages were written.
                mends.entrySet().parallelStream().filter(e -> !kept.contains(e.getKey()))
                        .forEach(e -> writer.mend(e.getKey(), e.getValue()));
                List<String> extra = new ArrayList<>();
                // In parallel: the lists of a large site's pages (by audience, the search page's list of
                // every page, the documents) were a build's last half second on one core.
                List<Views.Generated> generated = views.generated();
                boolean[] made = new boolean[generated.size()];
                Output target = out;
                java.util.stream.IntStream.range(0, generated.size()).parallel().forEach(i -> {
                    Views.Generated g = generated.get(i);
                    byte[] html = templates.render(g.template(), g.view(), problems);
                    if (html != null) {
                        target.write(g.view().path(), html);
                        made[i] = true;
                    }
                });
                for (int i = 0; i < generated.size(); i++) {
                    String path = generated.get(i).view().path();
                    if (made[i]) {
                        generatedWritten++;
                        if (!path.equals("404.html") && !path.equals(Views.SEARCH_PATH)) {
                            extra.add(path);
                        }
                    }
                }
                if (problems.hasErrors()) {
                    return new Report(false, problems.sorted(), pages, sections, 0, millis, notes, o.out());
                }
                views.generatedMends(mends).forEach(writer::mend);
                assets.writeTo(out);
                if (index != null && engine != null) {
                    // A stable address for a portal's own pages: one script tag, whatever the build.
                    out.write(SearchIndex.BROWSER_DIR + "/camnang.js", engine);
                    engineWritten = 1;
                }
                site.files().parallelStream().forEach(f -> writer.copy(o.source().resolve(f.source()), f.output()));
                out.write("robots.txt", Feeds.robots(baseUrl));
                if (baseUrl != null) {
                    out.write("sitemap.xml", Feeds.sitemap(site, baseUrl, extra));
                    out.write("feed.xml", Feeds.atom(site, baseUrl));
                } else {
                    notes.add("Không tạo sitemap.xml và feed.xml vì chưa có địa chỉ gốc của trang "
                            + "(thêm --base-url https://... hoặc base_url trong site.yaml).");
                }
                listed = true;
            } finally {
                listing = System.nanoTime() - listing;
                if (indexing != null && !listed) {
                    // The lists failed and the output folder will be deleted: the index's threads
                    // must first have stopped writing into it. Its own failure adds nothing.
                    indexing.join();
                }
            }
            if (indexing != null) {
                searchSummary = indexing.await();
                millis.put("chỉ mục tìm kiếm", indexing.millis);
            }
            t = System.nanoTime();
            if (live == null) {
                // The offline worker lists the shards: after the index.
                offline(out, site, templateDir, assets.outputs().values(), index != null);
            }
            int count = rendered.size() + generatedWritten + assets.outputs().size() + site.files().size()
                    + 1 + (baseUrl != null ? 2 : 0) + engineWritten;
            out.commit();
            if (live != null) {
                live.site = site;
                live.rendered = List.copyOf(whole);
                live.engine = engine;
                live.frame = frame;
                live.fragments = fragments;
                live.mends = mends;
                live.templateDir = templateDir;
                live.assets = List.copyOf(assets.outputs().values());
            }
            if (cache != null) {
                cache.prune();
            }
            millis.put("trang tổng hợp và ghi tệp", (listing + System.nanoTime() - t) / 1_000_000);
            if (searchSummary != null) {
                count += searchSummary.files();
            }
            Map<String, String> written = written(o.out(), rendered.size(), generatedWritten, assets.outputs().size(),
                    site.files().size(), baseUrl != null, searchSummary);
            if (o.zip() && live == null) {
                progress.at("nén zip", 0, 0);
                // Only from the committed folder, so a failed build never touches the old zip. Lucene's
                // files differ from build to build (a random segment id, the time of writing), so they
                // would make every zip new; a portal or a USB stick searches with the shards, and
                // `camnang search` reads the folder.
                Zips.write(o.out(), java.util.Set.of(SearchIndex.DIR));
                lap(millis, "nén zip", t);
            }
            millis.put("tổng", (System.nanoTime() - t0) / 1_000_000);
            return new Report(true, problems.sorted(), pages, sections, count, millis, notes, o.out(), written);
        } finally {
            if (out != null) {
                out.close();
            }
            if (templates != null) {
                templates.close();
            }
        }
    }

    /**
     * Everything a page's view reads besides the page's own rendering: the pages' addresses and
     * metadata (menus, lists, the sidebar, previous and next), the site's settings, files, data
     * and assets. Templates are not in it: serve forgets the frame when they change.
     */
    private static Object frame(Site site, Assets assets, String baseUrl, Options o) {
        List<Object> pages = new ArrayList<>();
        for (Page p : site.pages()) {
            pages.add(List.of(p.source(), p.output(), p.kind(), p.meta(), p.section(), p.synthetic()));
        }
        List<String> files = site.files().stream().map(camnang.content.StaticFile::output).toList();
        return java.util.Arrays.asList(pages, files, site.config(), site.portal(), site.data(), site.generatedPages(),
                assets.outputs(), baseUrl, o.allPortals(), site.draftSources());
    }

    /** More shard files than this are not kept ahead for offline search: they are kept as they are used. */
    private static final int OFFLINE_SHARDS = 2000;

    /**
     * {@code sw.js} when the site has a course: it keeps every page of the courses, their
     * files, the search page, the assets and (unless there are too many) the search shards,
     * so that a course read once can be read and searched offline.
     */
    private static void offline(Output out, Site site, Path templateDir, java.util.Collection<String> assets, boolean search) {
        if (site.courses().isEmpty()) {
            return;
        }
        java.util.Set<String> files = new java.util.TreeSet<>(assets);
        files.add(Views.SEARCH_PATH);
        for (camnang.content.Course c : site.courses()) {
            files.add(c.index().output());
            String dir = c.index().output().substring(0, c.index().output().length() - "index.html".length());
            for (camnang.content.Course.Module m : c.modules()) {
                files.add(m.index().output());
                files.add(m.printPath());
                m.lessons().forEach(l -> files.add(l.output()));
            }
            for (Page p : site.pages()) {
                if (p.output().startsWith(dir)) {
                    files.add(p.output());
                }
            }
            for (camnang.content.StaticFile f : site.files()) {
                if (f.output().startsWith(dir)) {
                    files.add(f.output());
                }
            }
        }
        if (search) {
            files.add(SearchIndex.BROWSER_DIR + "/manifest.js");
            files.add(SearchIndex.BROWSER_DIR + "/camnang.js");
            List<String> shards = out.staged(SearchIndex.BROWSER_DIR).stream()
                    .filter(f -> !f.startsWith(SearchIndex.DIR + "/")).toList();
            if (shards.size() <= OFFLINE_SHARDS) {
                files.addAll(shards);
            }
        }
        camnang.publish.ServiceWorker.write(out, templateDir, new ArrayList<>(files));
    }

    /** The summary's lines: what kind of file went where, in the words staff use. */
    private static Map<String, String> written(Path out, int pages, int generated, int assets, int files, boolean feeds,
                                               SearchIndex.Written search) {
        java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Trang nội dung", String.format(vi, "%,d tệp .html, mỗi trang một tệp", pages));
        m.put("Trang tổng hợp", String.format(vi, "%,d tệp (chủ đề, đối tượng, văn bản pháp luật, tìm kiếm, 404…)", generated));
        if (search != null) {
            m.put("Tìm kiếm", String.format(vi, "%s (%,d tệp, %.1f MB; chỉ mục Lucene trong %s)",
                    out.resolve(SearchIndex.BROWSER_DIR), search.files(), search.bytes() / 1e6, out.resolve(SearchIndex.DIR)));
        }
        m.put("Giao diện", String.format(vi, "%s (%,d tệp)", out.resolve("assets"), assets));
        if (files > 0) {
            m.put("Ảnh và tệp đính kèm", String.format(vi, "%,d tệp, chép nguyên như trong thư mục nội dung", files));
        }
        m.put("Cho máy tìm kiếm", feeds ? "robots.txt, sitemap.xml, feed.xml" : "robots.txt");
        return m;
    }

    /** Where rendered pages of earlier builds of this source folder are kept: the system's temporary folder. */
    private static Path cacheDir(Path source) {
        return tempDir("camnang-cache", source);
    }

    /** A folder of the system's temporary folder for one content folder ({@code kind/<id of source>}). */
    static Path tempDir(String kind, Path source) {
        String id = Integer.toHexString(source.toAbsolutePath().normalize().toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), kind, id);
    }

    /** Refuses an output folder that would swallow the sources or the working folder. */
    private static String outputClash(Path source, Path out) {
        Path s = source.toAbsolutePath().normalize();
        Path o = out.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (s.startsWith(o)) {
            return "thư mục đầu ra chứa thư mục nội dung; build sẽ xóa mất nội dung";
        }
        if (o.startsWith(s)) {
            return "thư mục đầu ra nằm trong thư mục nội dung";
        }
        if (cwd.startsWith(o)) {
            return "thư mục đầu ra chứa thư mục đang làm việc";
        }
        return null;
    }

    /** The search index being written on a thread of its own, and how long that took. */
    private static final class Indexing {
        private final Thread thread;
        private SearchIndex.Written written;
        /** What the index threw: a RuntimeException or an Error. */
        private Throwable failed;
        long millis;

        Indexing(SearchIndex index, Path searchDir, Output out) {
            thread = new Thread(() -> {
                long start = System.nanoTime();
                try {
                    written = index.finish(searchDir, out::write);
                } catch (RuntimeException | Error e) {
                    failed = e;
                } finally {
                    millis = (System.nanoTime() - start) / 1_000_000;
                }
            }, "camnang-search-index");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Waits for the index; the thread's writes are then visible here (Thread.join). Alone,
         * after the build failed otherwise: the index's own failure then adds nothing.
         */
        void join() {
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    // The staging folder must not be deleted while the index writes into it.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** What the index wrote; its failure, as it was thrown. */
        SearchIndex.Written await() {
            join();
            if (failed instanceof RuntimeException e) {
                throw e;
            }
            if (failed instanceof Error e) {
                throw e;
            }
            return written;
        }
    }

    private static long lap(Map<String, Long> millis, String stage, long since) {
        long now = System.nanoTime();
        millis.put(stage, (now - since) / 1_000_000);
        return now;
    }

    private static String display(Path source) {
        String s = source.toString().replace('\\', '/');
        return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }
}
