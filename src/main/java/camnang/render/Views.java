package camnang.render;

import camnang.content.Audience;
import camnang.content.Kind;
import camnang.content.Page;
import camnang.content.Section;
import camnang.content.Site;
import camnang.content.SiteConfig;
import camnang.markdown.RenderedPage;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final Site site;
    private final Map<String, String> assets;
    private final View.SiteInfo info;
    private final String baseUrl;
    private final View.UrlCache urls = new View.UrlCache();
    private final java.util.concurrent.ConcurrentHashMap<String, String> sidebars = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.function.Function<View, String> sidebarTemplate;

    /** A generated page: which template, and its view. */
    public record Generated(String template, View view) {
    }

    /** @param sidebarTemplate renders {@code sidebar.jte} for a view */
    public Views(Site site, Map<String, String> assets, String baseUrl, java.util.function.Function<View, String> sidebarTemplate) {
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
        this.info = new View.SiteInfo(c.title(), c.description(), c.language(), c.footer(), List.copyOf(menu),
                "index.html", RECENT_PATH, TAGS_PATH, List.copyOf(audiences));
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
            case SECTION -> "section.jte";
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
        if (p.kind() == Kind.PAGE) {
            Optional<Section> s = site.section(p.section());
            if (s.isPresent()) {
                List<Page> list = s.get().pages();
                int i = list.indexOf(p);
                if (i > 0) {
                    prev = link(list.get(i - 1), path);
                }
                if (i >= 0 && i < list.size() - 1) {
                    next = link(list.get(i + 1), path);
                }
            }
        } else {
            Section s = site.section(p.section()).orElseThrow();
            items = s.pages().stream().map(this::item).toList();
            children = s.children().stream().map(c -> link(c.index(), path)).toList();
            if (p.kind() == Kind.HOME) {
                recent = recentItems(10);
            }
        }
        View v = new View(info, p.kind().name().toLowerCase(java.util.Locale.ROOT), path, p.title(),
                p.meta().description(), html, pageInfo(p), crumbs, toc(rp.headings()), sidebar(p), prev, next,
                items, children, recent, p.meta().params(), assets, null, urls, "", List.of());
        return withSidebar(v, p.kind() == Kind.PAGE ? p.section() : p.section() + "/");
    }

    /**
     * The sidebar is the same for every page of a folder with the same branch open, so it is
     * rendered once for them; only the link to the page itself is marked, here.
     */
    private View withSidebar(View v, String open) {
        int slash = v.path().lastIndexOf('/');
        String key = (slash < 0 ? "" : v.path().substring(0, slash)) + "|" + open;
        String html = sidebars.computeIfAbsent(key, k -> sidebarTemplate.apply(v));
        String self = "<a href=\"" + v.url(v.path()) + "\">";
        return v.withSidebarHtml(html.replace(self, self.substring(0, self.length() - 1) + " aria-current=\"page\">"));
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
        out.add(new Generated("search.jte", search()));
        View notFound = new View(info, "404", "404.html", "Không tìm thấy trang",
                "Trang bạn tìm không có hoặc đã được chuyển đi.", "", emptyInfo(), List.of(), List.of(),
                sidebar(null), null, null, List.of(), List.of(), recentItems(5), Map.of(), assets, baseUrl, urls, "", List.of());
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
                List.of(), Map.of(), assets, null, urls, "", List.copyOf(groups)), "|none");
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
                null, null, items, List.of(), List.of(), Map.of(), assets, null, urls, "", List.of()), "|none");
    }

    private static View.PageInfo emptyInfo() {
        return new View.PageInfo("", "", "", "", "", List.of(), List.of());
    }

    private List<View.Item> recentItems(int n) {
        List<Page> pages = new ArrayList<>();
        for (Page p : site.pages()) {
            if (p.kind() == Kind.PAGE && p.meta().lastChange() != null) {
                pages.add(p);
            }
        }
        pages.sort(Site.NEWEST_FIRST);
        return pages.stream().limit(n).map(this::item).toList();
    }

    private View.Item item(Page p) {
        LocalDateTime d = p.meta().lastChange();
        String section = site.parentOf(p).map(Section::title).orElse("");
        return new View.Item(p.title(), p.output(), p.meta().description(), d == null ? "" : VN_DATE.format(d),
                d == null ? "" : ISO_DATE.format(d), p.meta().type() == null ? "" : p.meta().type().label, section);
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

    private static List<View.Heading> toc(List<RenderedPage.Heading> headings) {
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

    private List<View.NavItem> sidebar(Page current) {
        List<View.NavItem> out = new ArrayList<>();
        for (Section c : site.root().children()) {
            out.add(nav(c, current));
        }
        return out;
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
