package camnang.render;

import camnang.content.Audience;
import camnang.content.Kind;
import camnang.content.LegalDoc;
import camnang.content.Page;
import camnang.content.Section;
import camnang.content.Site;
import camnang.content.SiteConfig;
import camnang.markdown.RenderedPage;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** Builds what each template sees from the site model: navigation, lists, dates in Vietnamese form. */
public final class Views {
    /** How many headings a table of contents shows before it keeps only the top level. */
    static final int TOC_LIMIT = 300;
    /** A section with more pages than this is not expanded in the sidebar; its index lists them. */
    static final int SIDEBAR_PAGES = 150;
    static final int RECENT = 50;
    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    public static final String RECENT_PATH = "moi-cap-nhat.html";
    public static final String TAGS_PATH = "chu-de/index.html";
    public static final String SEARCH_PATH = "tim-kiem.html";
    /**
     * How many pages of one section the search page lists; a larger section is linked to
     * its index, which lists them all, so the page stays light on a phone.
     */
    static final int SEARCH_LIST_PAGES = 100;
    public static final String DOCUMENTS_PATH = "van-ban-phap-luat/index.html";
    /** The portal's mediation teams and its yearly results, from the data files of {@code _du-lieu/}. */
    public static final String TEAMS_PATH = "to-hoa-giai.html";
    public static final String RESULTS_PATH = "ket-qua-hoa-giai.html";
    /**
     * Above this many Điều in a page, each Chương's list in the table of contents starts
     * folded, so that on a phone the reader sees the Chương first and opens the one wanted.
     */
    static final int TOC_OPEN_ARTICLES = 20;

    private final Site site;
    private final Map<String, String> assets;
    private final View.SiteInfo info;
    private final String baseUrl;
    private final View.UrlCache urls = new View.UrlCache();
    private final java.util.concurrent.ConcurrentHashMap<String, Markup.Indexed> sidebars = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.function.Function<View, byte[]> sidebarTemplate;
    /** The pages holding a legal document, by {@link LegalDoc#key} of its number and by slug of its names. */
    private final Map<String, Page> byNumber = new HashMap<>();
    private final Map<String, Page> byName = new HashMap<>();
    /** What other held documents say of a page's document: which replace it, which it replaces. */
    private final Map<String, List<Page>> replacedByOthers = new HashMap<>();
    private final Map<String, List<Page>> replacesOthers = new HashMap<>();
    private final List<Page> legalPages = new ArrayList<>();
    /** This site's part of the data files; null when it has none, and then no page. */
    private final View.Teams teams;
    private final View.Results results;

    /** The course each course index, module index and lesson belongs to. */
    private final Map<Page, camnang.content.Course> courseOf = new java.util.IdentityHashMap<>();
    /** Each course as its pages show it, before the current module is set. */
    private final Map<camnang.content.Course, View.Course> courseViews = new java.util.IdentityHashMap<>();
    /** Each page's place among its section's pages, found once: a search of the list for every page
     * of a section of a thousand pages cost more than the map. */
    private final Map<Page, Integer> placeInSection = new java.util.IdentityHashMap<>();
    /** The module index each lesson and module index belongs to. */
    private final Map<Page, Page> moduleOf = new java.util.IdentityHashMap<>();
    /** Lessons' goals, minutes and linked laws, made once per page. */
    private final java.util.concurrent.ConcurrentHashMap<String, View.Lesson> lessons = new java.util.concurrent.ConcurrentHashMap<>();
    /** The HTML of each course lesson as {@link #page} saw it, for the modules' print pages. */
    private final java.util.concurrent.ConcurrentHashMap<String, String> fragments = new java.util.concurrent.ConcurrentHashMap<>();

    /** A generated page: which template, and its view. */
    public record Generated(String template, View view) {
    }

    /** @param sidebarTemplate renders {@code sidebar.jte} for a view, as UTF-8 */
    public Views(Site site, Map<String, String> assets, String baseUrl, java.util.function.Function<View, byte[]> sidebarTemplate) {
        this(site, assets, baseUrl, sidebarTemplate, false);
    }

    /** @param siblings whether the other portals' sites are written beside this one ({@code --all-portals}) */
    public Views(Site site, Map<String, String> assets, String baseUrl, java.util.function.Function<View, byte[]> sidebarTemplate,
                 boolean siblings) {
        this.site = site;
        this.sidebarTemplate = sidebarTemplate;
        this.assets = Map.copyOf(assets);
        this.baseUrl = baseUrl;
        SiteConfig c = site.config();
        List<View.Link> menu = new ArrayList<>();
        for (SiteConfig.MenuItem m : c.menu()) {
            String link = m.link();
            String[] parts = link.split("#", 2);
            Optional<Site.Target> t = site.resolve("", parts[0]);
            if (t.isPresent()) {
                menu.add(new View.Link(m.title(), t.get().output() + (parts.length > 1 ? "#" + parts[1] : ""), false));
            } else if (link.matches("(?i)^https?://.*")) {
                menu.add(new View.Link(m.title(), link, false));
            }
        }
        List<View.Link> audiences = new ArrayList<>();
        site.byAudience().forEach((a, pages) -> {
            if (!pages.isEmpty()) {
                audiences.add(new View.Link(capitalize(a.label), audiencePath(a), false));
            }
        });
        for (Page p : site.pages()) {
            if (p.kind() == Kind.PAGE && !placeInSection.containsKey(p)) {
                site.section(p.section()).ifPresent(s -> {
                    for (int i = 0; i < s.pages().size(); i++) {
                        placeInSection.putIfAbsent(s.pages().get(i), i);
                    }
                });
            }
            LegalDoc d = p.meta().legal();
            if (d != null) {
                legalPages.add(p);
                if (!d.number().isEmpty()) {
                    byNumber.putIfAbsent(LegalDoc.key(d.number()), p);
                }
                for (String n : d.names()) {
                    byName.putIfAbsent(camnang.Slug.of(n), p);
                }
            }
        }
        // A replacement is often stated on one side only (the new decree lists the old one);
        // the old page's banner must still name it.
        for (Page p : legalPages) {
            for (String r : p.meta().legal().replaces()) {
                held(r).filter(o -> o != p).ifPresent(o -> replacedByOthers.computeIfAbsent(o.output(), k -> new ArrayList<>()).add(p));
            }
            for (String r : p.meta().legal().replacedBy()) {
                held(r).filter(o -> o != p).ifPresent(o -> replacesOthers.computeIfAbsent(o.output(), k -> new ArrayList<>()).add(p));
            }
        }
        for (camnang.content.Course course : site.courses()) {
            courseOf.put(course.index(), course);
            List<View.Module> modules = new ArrayList<>();
            for (camnang.content.Course.Module m : course.modules()) {
                courseOf.put(m.index(), course);
                moduleOf.put(m.index(), m.index());
                List<View.Lesson> list = new ArrayList<>();
                for (Page l : m.lessons()) {
                    courseOf.put(l, course);
                    moduleOf.put(l, m.index());
                    list.add(new View.Lesson(l.title(), l.output(), camnang.content.Course.minutes(l), List.of(), List.of(), ""));
                }
                modules.add(new View.Module(m.index().title(), m.index().output(), m.index().meta().description(),
                        m.printPath(), m.minutes(), List.copyOf(list)));
            }
            courseViews.put(course, new View.Course(course.index().title(), course.index().output(), course.minutes(), List.copyOf(modules), ""));
        }
        this.teams = LocalPages.teams(site);
        this.results = LocalPages.results(site);
        this.info = new View.SiteInfo(c.title(), c.description(), c.language(), c.footer(), List.copyOf(menu),
                "index.html", RECENT_PATH, TAGS_PATH, List.copyOf(audiences), legalPages.isEmpty() ? "" : DOCUMENTS_PATH,
                portalInfo(site, siblings), teams == null ? "" : TEAMS_PATH, results == null ? "" : RESULTS_PATH);
    }

    /** The portal's name and contact, and links between the city's site and the wards' ones. */
    private static View.PortalInfo portalInfo(Site site, boolean siblings) {
        SiteConfig.Portal p = site.portal();
        if (p == null) {
            return null;
        }
        SiteConfig.Portal city = site.config().city();
        List<View.PortalLink> wards = new ArrayList<>();
        if (p == city) {
            for (SiteConfig.Portal w : site.config().portals()) {
                View.PortalLink l = w == city ? null : portalLink(w, siblings);
                if (l != null) {
                    wards.add(l);
                }
            }
        }
        return new View.PortalInfo(p.name(), p.address(), p.phone(), p.email(), p == city ? null : portalLink(city, siblings),
                List.copyOf(wards));
    }

    /** A link to a portal's site: its base URL, else its folder beside this one, else none. */
    private static View.PortalLink portalLink(SiteConfig.Portal p, boolean siblings) {
        if (p.baseUrl() != null) {
            return new View.PortalLink(p.name(), p.baseUrl(), true);
        }
        return siblings ? new View.PortalLink(p.name(), "../" + p.id() + "/index.html", false) : null;
    }

    public static String audiencePath(Audience a) {
        return "doi-tuong/" + a.slug + ".html";
    }

    public static String tagPath(String slug) {
        return "chu-de/" + slug + ".html";
    }

    public static String templateFor(Page p) {
        return switch (p.kind()) {
            case HOME -> "home.jte";
            case SECTION -> p.meta().study() != null && p.meta().study().course() ? "course.jte" : "section.jte";
            case PAGE -> "page.jte";
        };
    }

    /** The view of a content page; {@code html} is its (sanitised) fragment. */
    public View page(RenderedPage rp, String html) {
        Page p = rp.page();
        String path = p.output();
        List<View.Link> crumbs = breadcrumbs(p);
        View.Link prev = null;
        View.Link next = null;
        List<View.Item> items = List.of();
        List<View.Link> children = List.of();
        List<View.Item> recent = List.of();
        camnang.content.Course course = courseOf.get(p);
        if (p.kind() == Kind.PAGE && course != null) {
            // A lesson leads on to the next one of the course, across modules.
            List<Page> list = course.lessons();
            int i = list.indexOf(p);
            prev = i > 0 ? link(list.get(i - 1), path) : null;
            next = i < list.size() - 1 ? link(list.get(i + 1), path) : null;
            fragments.put(path, html);
        } else if (p.kind() == Kind.PAGE) {
            Optional<Section> s = site.section(p.section());
            if (s.isPresent()) {
                List<Page> list = s.get().pages();
                int i = placeInSection.getOrDefault(p, -1);
                if (i > 0) {
                    prev = link(list.get(i - 1), path);
                }
                if (i >= 0 && i < list.size() - 1) {
                    next = link(list.get(i + 1), path);
                }
            }
        } else {
            Section s = site.section(p.section()).orElseThrow();
            // A module's lessons are its path (with their minutes); only material beside them is listed.
            items = s.pages().stream().filter(x -> course == null || courseOf.get(x) == null).map(this::item).toList();
            children = s.children().stream().map(c -> link(c.index(), path)).toList();
            if (p.kind() == Kind.HOME) {
                recent = recentItems(10);
            }
        }
        View v = new View(info, p.kind().name().toLowerCase(java.util.Locale.ROOT), path, p.title(),
                p.meta().description(), html, pageInfo(p), crumbs, toc(rp.headings()), sidebar(p), prev, next,
                items, children, recent, p.meta().params(), assets, null, urls, null, List.of(), legal(p), null, null, null,
                study(p, course));
        return withSidebar(v, p.kind() == Kind.PAGE ? p.section() : p.section() + "/");
    }

    /** What a page shows of its course and of its lesson; null for a page with neither. */
    private View.Study study(Page p, camnang.content.Course course) {
        camnang.content.Study st = p.meta().study();
        boolean lesson = p.kind() == Kind.PAGE && st != null
                && (course != null || !st.goals().isEmpty() || st.minutes() != null || !st.laws().isEmpty());
        if (course == null && !lesson) {
            return null;
        }
        return new View.Study(course == null ? null : courseView(course, p), lesson ? lesson(p) : null, List.of());
    }

    private View.Course courseView(camnang.content.Course course, Page p) {
        View.Course c = courseViews.get(course);
        Page module = moduleOf.get(p);
        return module == null ? c : new View.Course(c.title(), c.path(), c.minutes(), c.modules(), module.output());
    }

    /** A lesson's goals, minutes and laws, each law linked to the page and article it cites when the site holds it. */
    private View.Lesson lesson(Page p) {
        return lessons.computeIfAbsent(p.output(), k -> {
            camnang.content.Study st = p.meta().study();
            if (st == null) {
                // A lesson missing its front matter, already reported.
                return new View.Lesson(p.title(), p.output(), 0, List.of(), List.of(), "");
            }
            List<View.Law> laws = new ArrayList<>();
            for (String law : st.laws()) {
                String target = camnang.markdown.LawLinks.target(site, p, law).orElse("");
                int hash = target.indexOf('#');
                laws.add(new View.Law(law, hash < 0 ? target : target.substring(0, hash), hash < 0 ? "" : target.substring(hash + 1)));
            }
            return new View.Lesson(p.title(), p.output(), st.minutes() == null ? 0 : st.minutes(), st.goals(), List.copyOf(laws), "");
        });
    }

    /**
     * Each module's print page ({@code <module>/in.html}): its lessons one after another, each
     * with its goals, time and legal basis, without the site's navigation.
     */
    private List<Generated> handouts() {
        List<Generated> out = new ArrayList<>();
        for (camnang.content.Course c : site.courses()) {
            for (camnang.content.Course.Module m : c.modules()) {
                List<View.Lesson> handout = new ArrayList<>();
                for (Page l : m.lessons()) {
                    View.Lesson x = lesson(l);
                    handout.add(new View.Lesson(x.title(), x.path(), x.minutes(), x.goals(), x.laws(),
                            PrintIds.unique(fragments.getOrDefault(l.output(), ""), PrintIds.prefix(handout.size() + 1))));
                }
                String path = m.printPath();
                View.Study study = new View.Study(courseView(c, m.index()), null, List.copyOf(handout));
                List<View.Link> crumbs = List.of(new View.Link(c.index().title(), c.index().output(), false),
                        new View.Link(m.index().title(), m.index().output(), false));
                out.add(new Generated("in-hoc-phan.jte", new View(info, "print", path, m.index().title(),
                        m.index().meta().description(), "", emptyInfo(), crumbs, List.of(), List.of(), null, null, List.of(),
                        List.of(), List.of(), Map.of(), assets, null, urls, null, List.of(), null, null, null, null, study)));
            }
        }
        return out;
    }

    /**
     * The link mends of the pages the generated pages are made of (a print page holds its
     * lessons' HTML, from the same folder, so their mends apply, with in-page links carrying
     * the lesson's prefix of {@link PrintIds}), by generated page.
     */
    public Map<String, List<RenderedPage.Mend>> generatedMends(Map<String, List<RenderedPage.Mend>> mends) {
        Map<String, List<RenderedPage.Mend>> out = new java.util.TreeMap<>();
        for (camnang.content.Course c : site.courses()) {
            for (camnang.content.Course.Module m : c.modules()) {
                List<RenderedPage.Mend> list = new ArrayList<>();
                int n = 0;
                for (Page l : m.lessons()) {
                    String prefix = PrintIds.prefix(++n);
                    mends.getOrDefault(l.output(), List.of()).forEach(x -> list.add(PrintIds.mend(x, prefix)));
                }
                if (!list.isEmpty()) {
                    out.put(m.printPath(), List.copyOf(list));
                }
            }
        }
        return out;
    }

    /**
     * The sidebar is the same for every page of a folder with the same branch open, so it is
     * rendered once for them; only the link to the page itself is marked, here.
     */
    private View withSidebar(View v, String open) {
        int slash = v.path().lastIndexOf('/');
        String key = (slash < 0 ? "" : v.path().substring(0, slash)) + "|" + open;
        Markup.Indexed html = sidebars.computeIfAbsent(key, k -> new Markup.Indexed(sidebarTemplate.apply(v)));
        return v.withSidebar(html.marking("<a href=\"" + v.url(v.path()) + "\">", " aria-current=\"page\""));
    }

    /** The generated pages: recent updates, tags, audiences, search, 404. */
    public List<Generated> generated() {
        List<Generated> out = new ArrayList<>();
        out.add(new Generated("list.jte", list(RECENT_PATH, "Mới cập nhật",
                "Các trang được cập nhật gần đây nhất.", recentItems(RECENT))));
        List<View.Item> tagItems = new ArrayList<>();
        for (Site.Tag t : site.tags()) {
            tagItems.add(new View.Item(t.name(), tagPath(t.slug()), t.pages().size() + " trang", "", "", "", ""));
            out.add(new Generated("list.jte", list(tagPath(t.slug()), "Chủ đề: " + t.name(), "",
                    t.pages().stream().map(this::item).toList())));
        }
        out.add(new Generated("list.jte", list(TAGS_PATH, "Chủ đề", "Tất cả các chủ đề của cẩm nang.", tagItems)));
        site.byAudience().forEach((a, pages) -> {
            if (!pages.isEmpty()) {
                out.add(new Generated("list.jte", list(audiencePath(a), "Dành cho " + a.label,
                        "Các trang viết cho " + a.label + ".", pages.stream().map(this::item).toList())));
            }
        });
        out.addAll(documents());
        out.addAll(localPages());
        out.addAll(handouts());
        out.add(new Generated("search.jte", search()));
        View notFound = new View(info, "404", "404.html", "Không tìm thấy trang",
                "Trang bạn tìm không có hoặc đã được chuyển đi.", "", emptyInfo(), List.of(), List.of(),
                sidebar(null), null, null, List.of(), List.of(), recentItems(5), Map.of(), assets, baseUrl, urls, null, List.of(),
                null, null);
        notFound = withSidebar(notFound, "|none");
        out.add(new Generated("404.jte", notFound));
        return out;
    }

    /**
     * The search page: its scripts answer {@code ?q=}; the list of every section and its
     * pages is written here so that readers without JavaScript can still find a page.
     */
    private View search() {
        List<View.Group> groups = new ArrayList<>();
        groups(site.root(), "", groups);
        List<View.Link> crumbs = List.of(new View.Link("Trang chủ", "index.html", false),
                new View.Link("Tìm kiếm", SEARCH_PATH, true));
        return withSidebar(new View(info, "search", SEARCH_PATH, "Tìm kiếm", "Tìm trong tất cả các trang của "
                + info.title() + ".", "", emptyInfo(), crumbs, List.of(), sidebar(null), null, null, List.of(), List.of(),
                List.of(), Map.of(), assets, null, urls, null, List.copyOf(groups), null, null), "|none");
    }

    /** Sections depth first, each titled with its parents' titles, so that nested sections stay recognisable. */
    private void groups(Section s, String trail, List<View.Group> out) {
        boolean home = s.index().kind() == Kind.HOME;
        String title = home ? "Trang chủ" : trail.isEmpty() ? s.title() : trail + " › " + s.title();
        List<View.Item> items = s.pages().stream().limit(SEARCH_LIST_PAGES).map(this::item).toList();
        out.add(new View.Group(title, s.index().output(), items, s.pages().size()));
        for (Section c : s.children()) {
            groups(c, home ? "" : title, out);
        }
    }

    private View list(String path, String title, String description, List<View.Item> items) {
        List<View.Link> crumbs = List.of(new View.Link("Trang chủ", "index.html", false), new View.Link(title, path, true));
        return withSidebar(new View(info, "list", path, title, description, "", emptyInfo(), crumbs, List.of(), sidebar(null),
                null, null, items, List.of(), List.of(), Map.of(), assets, null, urls, null, List.of(), null, null), "|none");
    }

    private static View.PageInfo emptyInfo() {
        return new View.PageInfo("", "", "", "", "", List.of(), List.of());
    }

    private List<View.Item> recentItems(int n) {
        List<Page> pages = newest;
        if (pages == null) {
            List<Page> found = new ArrayList<>();
            for (Page p : site.pages()) {
                if (p.kind() == Kind.PAGE && p.meta().lastChange() != null) {
                    found.add(p);
                }
            }
            found.sort(Site.NEWEST_FIRST);
            newest = pages = List.copyOf(found);
        }
        return pages.stream().limit(n).map(this::item).toList();
    }

    /** The pages with a date, newest first: sorted once for the home page, "Mới cập nhật" and 404. */
    private volatile List<Page> newest;
    /**
     * Each page's entry in lists, made once: a large site lists a page in its section, under
     * each of its tags and its audiences, and on the search page; the lists after the pages
     * are made on one thread, which made each entry (two dates formatted) again for every list.
     */
    private final Map<String, View.Item> items = new java.util.concurrent.ConcurrentHashMap<>();

    private View.Item item(Page p) {
        return items.computeIfAbsent(p.output(), k -> {
            LocalDateTime d = p.meta().lastChange();
            String section = site.parentOf(p).map(Section::title).orElse("");
            return new View.Item(p.title(), p.output(), p.meta().description(), d == null ? "" : VN_DATE.format(d),
                    d == null ? "" : ISO_DATE.format(d), p.meta().type() == null ? "" : p.meta().type().label, section);
        });
    }

    private View.PageInfo pageInfo(Page p) {
        var m = p.meta();
        List<View.Link> tags = new ArrayList<>();
        for (String t : m.tags()) {
            String slug = camnang.Slug.of(t);
            if (!slug.isEmpty() && tags.stream().noneMatch(l -> l.path().equals(tagPath(slug)))) {
                tags.add(new View.Link(t, tagPath(slug), false));
            }
        }
        List<View.Link> aud = m.audience().stream().map(a -> new View.Link(capitalize(a.label), audiencePath(a), false)).toList();
        return new View.PageInfo(m.type() == null ? "" : m.type().label,
                m.date() == null ? "" : VN_DATE.format(m.date()), m.date() == null ? "" : ISO_DATE.format(m.date()),
                m.updated() == null ? "" : VN_DATE.format(m.updated()), m.updated() == null ? "" : ISO_DATE.format(m.updated()),
                List.copyOf(tags), aud);
    }

    private List<View.Link> breadcrumbs(Page p) {
        List<View.Link> out = new ArrayList<>();
        if (p.kind() == Kind.HOME) {
            return out;
        }
        List<Page> chain = new ArrayList<>();
        Optional<Section> s = site.parentOf(p);
        while (s.isPresent()) {
            chain.add(0, s.get().index());
            s = site.parentOf(s.get().index());
        }
        for (Page c : chain) {
            out.add(new View.Link(c.kind() == Kind.HOME ? "Trang chủ" : c.title(), c.output(), false));
        }
        out.add(new View.Link(p.title(), p.output(), true));
        return out;
    }

    /**
     * The in-page table of contents: levels 2 and 3; in a legal text (a page with Điều), its
     * Phần and Chương with their Điều instead.
     */
    static List<View.Heading> toc(List<RenderedPage.Heading> headings) {
        for (RenderedPage.Heading x : headings) {
            if (x.unit().equals("dieu")) {
                return legalToc(headings);
            }
        }
        List<RenderedPage.Heading> h = new ArrayList<>();
        for (RenderedPage.Heading x : headings) {
            if (x.level() >= 2 && x.level() <= 3 && !x.text().isEmpty()) {
                h.add(x);
            }
        }
        if (h.size() > TOC_LIMIT) {
            h.removeIf(x -> x.level() == 3);
        }
        if (h.size() > TOC_LIMIT) {
            h = h.subList(0, TOC_LIMIT);
        }
        List<View.Heading> top = new ArrayList<>();
        List<View.Heading> children = null;
        for (RenderedPage.Heading x : h) {
            if (x.level() == 2 || children == null) {
                children = new ArrayList<>();
                top.add(new View.Heading(x.level(), x.id(), x.text(), children));
            } else {
                children.add(new View.Heading(x.level(), x.id(), x.text(), List.of()));
            }
        }
        return top;
    }

    /**
     * Phần and Chương on top, each with its Điều; a Mục is a line among its Chương's Điều, so
     * the list never nests deeper than two on a narrow screen. An author's own level-2
     * heading (a page that groups articles by theme, or "Thông tin văn bản") is a top
     * entry too, holding the deeper Điều and level-3 headings after it. Other headings are
     * left out: inside a Chương, the Điều are what a reader of a law looks for.
     */
    private static List<View.Heading> legalToc(List<RenderedPage.Heading> headings) {
        record Entry(RenderedPage.Heading h, List<RenderedPage.Heading> children) {
        }
        List<Entry> top = new ArrayList<>();
        Entry group = null;
        int articles = 0;
        int count = 0;
        for (RenderedPage.Heading x : headings) {
            // Imported texts end with a list of bare article codes as headings: nothing to read.
            if (x.text().codePoints().noneMatch(Character::isLetter)) {
                continue;
            }
            String unit = x.unit();
            String groupUnit = group == null ? null : group.h().unit();
            boolean unitGroup = groupUnit != null && !groupUnit.isEmpty();
            boolean inChapter = "phan".equals(groupUnit) || "chuong".equals(groupUnit);
            if (unit.equals("phan") || unit.equals("chuong") || (unit.equals("muc") && !inChapter)
                    || (unit.isEmpty() && x.level() == 2)) {
                group = new Entry(x, new ArrayList<>());
                top.add(group);
            } else if (unit.equals("muc")) {
                group.children().add(x);
            } else if (unit.isEmpty() && x.level() == 3 && "".equals(groupUnit) && group.h().level() == 2) {
                group.children().add(x);
            } else if (unit.equals("dieu")) {
                articles++;
                if (group != null && (unitGroup || x.level() > group.h().level())) {
                    group.children().add(x);
                } else {
                    group = null;
                    top.add(new Entry(x, new ArrayList<>()));
                }
            } else {
                continue;
            }
            count++;
        }
        // Over the limit, the author's own subheadings go first, then every Điều: the Chương stay.
        boolean dropOther = count > TOC_LIMIT;
        if (dropOther) {
            for (Entry e : top) {
                count -= e.children().size();
                e.children().removeIf(c -> c.unit().isEmpty());
                count += e.children().size();
            }
        }
        boolean dropChildren = count > TOC_LIMIT;
        String collapse = articles > TOC_OPEN_ARTICLES ? "closed" : "open";
        List<View.Heading> out = new ArrayList<>();
        for (Entry e : top.subList(0, Math.min(top.size(), TOC_LIMIT))) {
            List<View.Heading> kids = new ArrayList<>();
            if (!dropChildren) {
                for (RenderedPage.Heading c : e.children()) {
                    kids.add(new View.Heading(c.level(), c.id(), c.text(), List.of(), c.unit(), ""));
                }
            }
            out.add(new View.Heading(e.h().level(), e.h().id(), e.h().text(), List.copyOf(kids), e.h().unit(),
                    kids.isEmpty() ? "" : collapse));
        }
        return out;
    }

    /** The held page a document entry names: by a number in it, else by one of the names the page declares. */
    private Optional<Page> held(String text) {
        Matcher m = LegalDoc.NUMBER.matcher(text);
        while (m.find()) {
            Page p = byNumber.get(LegalDoc.key(m.group()));
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.ofNullable(byName.get(camnang.Slug.of(text)));
    }

    /** The entries as links to held pages, and the held documents that name this one from their side. */
    private List<View.DocRef> refs(Page self, List<String> entries, List<Page> others) {
        List<View.DocRef> out = new ArrayList<>();
        for (String e : entries) {
            out.add(new View.DocRef(e, held(e).filter(p -> p != self).map(Page::output).orElse("")));
        }
        if (others != null) {
            for (Page o : others) {
                if (out.stream().noneMatch(r -> r.path().equals(o.output()))) {
                    out.add(new View.DocRef(o.meta().legal().label(), o.output()));
                }
            }
        }
        return List.copyOf(out);
    }

    private View.Legal legal(Page p) {
        LegalDoc d = p.meta().legal();
        if (d == null) {
            return null;
        }
        String notice = "";
        if (d.status() == LegalDoc.Status.EXPIRED || d.status() == LegalDoc.Status.PARTLY_EXPIRED
                || d.status() == LegalDoc.Status.NOT_YET) {
            notice = d.status().slug();
        }
        String source = d.source();
        String url = source.matches("(?i)^https?://\\S+$") ? source : "";
        return new View.Legal(d.number(), d.form(), d.issuer(), d.signer(), vn(d.issued()), iso(d.issued()),
                vn(d.effective()), iso(d.effective()), d.status() == null ? "" : d.status().label,
                d.status() == null ? "" : d.status().slug(), notice, d.summary(),
                refs(p, d.replaces(), replacesOthers.get(p.output())),
                refs(p, d.replacedBy(), replacedByOthers.get(p.output())),
                refs(p, d.amends(), null), source, url);
    }

    private static String vn(java.time.LocalDate d) {
        return d == null ? "" : VN_DATE.format(d);
    }

    private static String iso(java.time.LocalDate d) {
        return d == null ? "" : ISO_DATE.format(d);
    }

    public static String issuerPath(String slug) {
        return "van-ban-phap-luat/co-quan/" + slug + ".html";
    }

    public static String formPath(String slug) {
        return "van-ban-phap-luat/loai/" + slug + ".html";
    }

    /** Newest first; undated documents last, by number. */
    private static final Comparator<View.Doc> DOC_ORDER = Comparator
            .comparing(View.Doc::issuedIso, (a, b) -> a.isEmpty() || b.isEmpty() ? Boolean.compare(a.isEmpty(), b.isEmpty())
                    : b.compareTo(a))
            .thenComparing(View.Doc::numberSort)
            .thenComparing(View.Doc::title)
            .thenComparing(View.Doc::path);

    /**
     * {@code 2014/000015/15/2014/nd-cp}: by year, then by the leading number, so that
     * {@code 9/2014} comes before {@code 15/2014}; documents without a number last.
     */
    static String numberSort(String number) {
        if (number.isEmpty()) {
            return "~";
        }
        Matcher year = java.util.regex.Pattern.compile("(?<!\\d)(1[89]|20)\\d\\d(?!\\d)").matcher(number);
        Matcher lead = java.util.regex.Pattern.compile("^\\d{1,6}").matcher(number);
        return (year.find() ? year.group() : "0000") + "/" + String.format("%06d", lead.find() ? Integer.parseInt(lead.group()) : 0)
                + "/" + LegalDoc.key(number);
    }

    private View.Doc doc(Page p) {
        LegalDoc d = p.meta().legal();
        String summary = d.summary();
        if (camnang.Slug.of(p.title()).contains(camnang.Slug.of(summary))) {
            summary = "";
        }
        return new View.Doc(d.number(), numberSort(d.number()), p.title(), p.output(), summary, d.form(),
                camnang.Slug.of(d.form()), d.issuer(), vn(d.issued()), iso(d.issued()),
                d.status() == null ? "" : d.status().label, d.status() == null ? "" : d.status().slug(),
                d.status() == null ? 9 : d.status().ordinal());
    }

    /**
     * The documents index, and a page per issuing body and per type with the same table;
     * nothing when the site holds no legal document.
     */
    private List<Generated> documents() {
        if (legalPages.isEmpty()) {
            return List.of();
        }
        List<View.Doc> all = new ArrayList<>(legalPages.stream().map(this::doc).toList());
        all.sort(DOC_ORDER);
        Map<String, List<View.Doc>> byIssuer = group(all, d -> camnang.Slug.of(d.issuer()));
        Map<String, List<View.Doc>> byForm = group(all, View.Doc::formSlug);
        List<Generated> out = new ArrayList<>();
        View.Link home = new View.Link("Trang chủ", "index.html", false);
        String indexTitle = "Văn bản pháp luật";
        out.add(new Generated("documents.jte", documentsView(DOCUMENTS_PATH, indexTitle,
                "Các văn bản pháp luật trong " + info.title() + ": số hiệu, loại văn bản, cơ quan ban hành, ngày ban hành và tình trạng hiệu lực.",
                List.of(home, new View.Link(indexTitle, DOCUMENTS_PATH, true)), all, byIssuer, byForm)));
        View.Link index = new View.Link(indexTitle, DOCUMENTS_PATH, false);
        byIssuer.forEach((slug, rows) -> {
            String path = issuerPath(slug);
            String title = "Cơ quan ban hành: " + rows.get(0).issuer();
            out.add(new Generated("documents.jte", documentsView(path, title,
                    "Các văn bản pháp luật do " + rows.get(0).issuer() + " ban hành.",
                    List.of(home, index, new View.Link(title, path, true)), rows, byIssuer, byForm)));
        });
        byForm.forEach((slug, rows) -> {
            String path = formPath(slug);
            String title = "Loại văn bản: " + rows.get(0).form();
            out.add(new Generated("documents.jte", documentsView(path, title,
                    "Các " + rows.get(0).form().toLowerCase(java.util.Locale.forLanguageTag("vi")) + " trong " + info.title() + ".",
                    List.of(home, index, new View.Link(title, path, true)), rows, byIssuer, byForm)));
        });
        return out;
    }

    /** Rows by a slug of theirs, the largest group first; rows with an empty slug belong to none. */
    private static Map<String, List<View.Doc>> group(List<View.Doc> rows, java.util.function.Function<View.Doc, String> slug) {
        Map<String, List<View.Doc>> m = new HashMap<>();
        for (View.Doc d : rows) {
            String s = slug.apply(d);
            if (!s.isEmpty()) {
                m.computeIfAbsent(s, k -> new ArrayList<>()).add(d);
            }
        }
        Map<String, List<View.Doc>> out = new LinkedHashMap<>();
        m.entrySet().stream()
                .sorted(Map.Entry.<String, List<View.Doc>>comparingByValue(Comparator.comparingInt(l -> -l.size()))
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), List.copyOf(e.getValue())));
        return out;
    }

    private View documentsView(String path, String title, String description, List<View.Link> crumbs, List<View.Doc> rows,
                               Map<String, List<View.Doc>> byIssuer, Map<String, List<View.Doc>> byForm) {
        List<View.Facet> issuers = new ArrayList<>();
        byIssuer.forEach((slug, r) -> issuers.add(new View.Facet(r.get(0).issuer(), issuerPath(slug), r.size(),
                issuerPath(slug).equals(path))));
        List<View.Facet> forms = new ArrayList<>();
        byForm.forEach((slug, r) -> forms.add(new View.Facet(r.get(0).form(), formPath(slug), r.size(),
                formPath(slug).equals(path))));
        List<View.Facet> formOptions = new ArrayList<>();
        group(rows, View.Doc::formSlug).forEach((slug, r) -> formOptions.add(new View.Facet(r.get(0).form(), slug, r.size(), false)));
        List<View.Facet> statusOptions = new ArrayList<>();
        for (LegalDoc.Status st : LegalDoc.Status.values()) {
            long n = rows.stream().filter(d -> d.statusSlug().equals(st.slug())).count();
            if (n > 0) {
                statusOptions.add(new View.Facet(st.label, st.slug(), (int) n, false));
            }
        }
        View.Documents docs = new View.Documents(rows, List.copyOf(issuers), List.copyOf(forms), List.copyOf(formOptions),
                List.copyOf(statusOptions), legalPages.size());
        return withSidebar(new View(info, "documents", path, title, description, "", emptyInfo(), crumbs, List.of(),
                sidebar(null), null, null, List.of(), List.of(), List.of(), Map.of(), assets, null, urls, null, List.of(),
                null, docs), "|none");
    }

    /** The teams page and the results page, each when this site has rows for it. */
    private List<Generated> localPages() {
        List<Generated> out = new ArrayList<>();
        View.Link home = new View.Link("Trang chủ", "index.html", false);
        if (teams != null) {
            String title = "Tổ hòa giải ở cơ sở";
            String whose = teams.subject().isEmpty() ? "" : " của " + teams.subject();
            out.add(new Generated("to-hoa-giai.jte", withSidebar(new View(info, "teams", TEAMS_PATH, title,
                    "Danh sách tổ hòa giải ở cơ sở" + whose + ": địa bàn, tổ trưởng, thành viên và số điện thoại liên hệ.", "",
                    emptyInfo(), List.of(home, new View.Link(title, TEAMS_PATH, true)), List.of(), sidebar(null), null, null,
                    List.of(), List.of(), List.of(), Map.of(), assets, null, urls, null, List.of(), null, null, teams, null), "|none")));
        }
        if (results != null) {
            String title = "Kết quả hòa giải ở cơ sở";
            String whose = results.subject().isEmpty() ? "" : " của " + results.subject();
            out.add(new Generated("ket-qua.jte", withSidebar(new View(info, "results", RESULTS_PATH, title,
                    "Số hòa giải viên được tập huấn, vụ việc tiếp nhận, vụ việc hòa giải thành và tỷ lệ hòa giải thành" + whose
                            + " theo từng năm, so với mục tiêu của Kế hoạch.", "",
                    emptyInfo(), List.of(home, new View.Link(title, RESULTS_PATH, true)), List.of(), sidebar(null), null, null,
                    List.of(), List.of(), List.of(), Map.of(), assets, null, urls, null, List.of(), null, null, null, results), "|none")));
        }
        return out;
    }

    /** Sidebar trees by the open folder: every page of a folder has the same one. */
    private final java.util.concurrent.ConcurrentHashMap<String, List<View.NavItem>> trees = new java.util.concurrent.ConcurrentHashMap<>();

    private List<View.NavItem> sidebar(Page current) {
        return trees.computeIfAbsent(current == null ? "\u0000" : current.section(), k -> {
            List<View.NavItem> out = new ArrayList<>();
            for (Section c : site.root().children()) {
                out.add(nav(c, current));
            }
            return List.copyOf(out);
        });
    }

    private View.NavItem nav(Section s, Page current) {
        boolean open = current != null && (current.section().equals(s.dir()) || current.section().startsWith(s.dir() + "/"));
        List<View.NavItem> kids = new ArrayList<>();
        if (open) {
            for (Section c : s.children()) {
                kids.add(nav(c, current));
            }
            if (s.pages().size() <= SIDEBAR_PAGES) {
                for (Page p : s.pages()) {
                    kids.add(new View.NavItem(p.title(), p.output(), false, false, List.of()));
                }
            }
        }
        return new View.NavItem(s.title(), s.index().output(), false, open, List.copyOf(kids));
    }

    private static View.Link link(Page p, String from) {
        return new View.Link(p.title(), p.output(), p.output().equals(from));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
