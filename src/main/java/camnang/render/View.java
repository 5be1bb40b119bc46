package camnang.render;

import camnang.Urls;
import java.util.List;
import java.util.Map;

/**
 * What a template sees: one output page. Every URL a template writes goes through
 * {@link #url(String)} or {@link #asset(String)}, so links stay relative and the site
 * works at a portal's sub-path, at a domain root and from file://.
 *
 * @param kind      home, section, page, list, 404 or search
 * @param path      this page's output path, e.g. {@code nguoi-dan/hoi-dap.html}
 * @param html      the page's own content as HTML (already safe)
 * @param items     the pages a list or section page lists
 * @param params    front-matter keys camnang does not know, for custom templates
 * @param sidebar   the sidebar tree: sections, with the branch of this page open
 * @param sidebarMarkup that tree rendered by {@code sidebar.jte}, once per folder and open
 *                  branch, with {@code aria-current="page"} on this page's own link; as text,
 *                  {@link #sidebarHtml()}
 * @param groups    on the search page: every section with its pages, the list a reader
 *                  browses when JavaScript is off
 * @param legal     the legal document the page holds, ready to show, or null
 * @param documents on the documents index and its pages per issuer and per type: the table, or null
 * @param teams     on {@code to-hoa-giai.html}: the mediation teams, or null
 * @param results   on {@code ket-qua-hoa-giai.html}: the yearly results, or null
 * @param study     on a course's pages (its index, modules, lessons, print pages) and on any page
 *                  with goals, minutes or laws: what they show of the course, or null
 */
public record View(
        SiteInfo site,
        String kind,
        String path,
        String title,
        String description,
        String html,
        PageInfo info,
        List<Link> breadcrumbs,
        List<Heading> toc,
        List<NavItem> sidebar,
        Link previous,
        Link next,
        List<Item> items,
        List<Link> children,
        List<Item> recent,
        Map<String, Object> params,
        Map<String, String> assets,
        String baseHref,
        UrlCache urls,
        Markup sidebarMarkup,
        List<Group> groups,
        Legal legal,
        Documents documents,
        Teams teams,
        Results results,
        Study study) {

    /** A view of a page without local data (every page but the two data pages). */
    public View(SiteInfo site, String kind, String path, String title, String description, String html, PageInfo info,
                List<Link> breadcrumbs, List<Heading> toc, List<NavItem> sidebar, Link previous, Link next, List<Item> items,
                List<Link> children, List<Item> recent, Map<String, Object> params, Map<String, String> assets,
                String baseHref, UrlCache urls, Markup sidebarMarkup, List<Group> groups, Legal legal, Documents documents) {
        this(site, kind, path, title, description, html, info, breadcrumbs, toc, sidebar, previous, next, items, children,
                recent, params, assets, baseHref, urls, sidebarMarkup, groups, legal, documents, null, null, null);
    }

    /** A view of a page outside courses. */
    public View(SiteInfo site, String kind, String path, String title, String description, String html, PageInfo info,
                List<Link> breadcrumbs, List<Heading> toc, List<NavItem> sidebar, Link previous, Link next, List<Item> items,
                List<Link> children, List<Item> recent, Map<String, Object> params, Map<String, String> assets,
                String baseHref, UrlCache urls, Markup sidebarMarkup, List<Group> groups, Legal legal, Documents documents,
                Teams teams, Results results) {
        this(site, kind, path, title, description, html, info, breadcrumbs, toc, sidebar, previous, next, items, children,
                recent, params, assets, baseHref, urls, sidebarMarkup, groups, legal, documents, teams, results, null);
    }

    /** The same view with the sidebar rendered by {@code sidebar.jte}. */
    View withSidebar(Markup markup) {
        return new View(site, kind, path, title, description, this.html, info, breadcrumbs, toc, sidebar, previous, next,
                items, children, recent, params, assets, baseHref, urls, markup, groups, legal, documents, teams, results, study);
    }

    /** The sidebar as HTML text, for templates written before {@link #sidebarMarkup()} (slower). */
    public String sidebarHtml() {
        return sidebarMarkup == null ? "" : sidebarMarkup.toString();
    }

    /** A relative URL from this page to the output file {@code target}. */
    public String url(String target) {
        return urls.relative(path, target);
    }

    /**
     * Relative URLs, computed once per folder: every page of a folder links to the same
     * sections, so the sidebar of 10,000 pages needs a few thousand distinct URLs, not a million.
     */
    public static final class UrlCache {
        private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ConcurrentHashMap<String, String>> byDir =
                new java.util.concurrent.ConcurrentHashMap<>();

        /*
         * Each page's folder's URLs, by the page's own path: a page asks for a few hundred URLs
         * with the same path string, whose hash is kept, where its folder would be cut and hashed
         * anew each time (2% of a build of 10,000 pages).
         */
        private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.ConcurrentHashMap<String, String>> byPage =
                new java.util.concurrent.ConcurrentHashMap<>();

        String relative(String from, String target) {
            java.util.concurrent.ConcurrentHashMap<String, String> urls = byPage.get(from);
            if (urls == null) {
                urls = byDir.computeIfAbsent(folder(from), d -> new java.util.concurrent.ConcurrentHashMap<>());
                byPage.put(from, urls);
            }
            String url = urls.get(target);
            if (url == null) {
                url = Urls.encodePath(Urls.relative(folder(from) + "x", target));
                urls.putIfAbsent(target, url);
            }
            return url;
        }

        /** The folder of an output path, with its slash ({@code ""} at the root). */
        private static String folder(String path) {
            return path.substring(0, path.lastIndexOf('/') + 1);
        }
    }

    /**
     * The site's root relative to this page ({@code ../../}, or {@code ./} at the root), for
     * scripts that turn root-relative output paths into links ({@code data-root} on the body).
     */
    public String root() {
        String home = url("index.html");
        String up = home.substring(0, home.length() - "index.html".length());
        return up.isEmpty() ? "./" : up;
    }

    /** A relative URL to a stylesheet or script, by its name in {@code site-templates/assets/}. */
    public String asset(String name) {
        String out = assets.get(name);
        if (out == null) {
            throw new IllegalArgumentException("không có tệp assets/" + name + " trong thư mục giao diện");
        }
        return url(out);
    }

    public boolean is(String k) {
        return kind.equals(k);
    }

    /** Whether the page's content links terms to the glossary: only such pages load {@code glossary.js}. */
    public boolean glossary() {
        return html != null && html.contains("<a class=\"thuat-ngu\" ");
    }

    /** Whether the page's content holds a quiz: only such pages load {@code quiz.js}. */
    public boolean quiz() {
        return html != null && html.contains("<section class=\"quiz\" ");
    }

    /**
     * Site-wide settings and navigation.
     *
     * @param documentsPath the documents index, or {@code ""} when the site holds no legal document
     * @param teamsPath     the mediation teams page, or {@code ""} when this site has no team in its data
     * @param resultsPath   the results page, or {@code ""} when this site has no result in its data
     */
    public record SiteInfo(String title, String description, String language, String footer, List<Link> menu,
                           String homePath, String recentPath, String tagsPath, List<Link> audiences,
                           String documentsPath, PortalInfo portal, String teamsPath, String resultsPath) {
        public SiteInfo(String title, String description, String language, String footer, List<Link> menu,
                        String homePath, String recentPath, String tagsPath, List<Link> audiences,
                        String documentsPath, PortalInfo portal) {
            this(title, description, language, footer, menu, homePath, recentPath, tagsPath, audiences, documentsPath,
                    portal, "", "");
        }
    }

    /**
     * The portal a site is built for (null without portals in site.yaml): its name and contact,
     * a link back to the city's site (null on the city's own), and on the city's site the wards.
     */
    public record PortalInfo(String name, String address, String phone, String email, PortalLink city,
                             List<PortalLink> wards) {
    }

    /**
     * A link to another portal's site: {@code href} is absolute when that portal has a base URL,
     * else relative to this site's root ({@code ../phuong-1/index.html}, as {@code --all-portals} writes them).
     */
    public record PortalLink(String name, String href, boolean external) {
    }

    /** Where a link to another portal's site leads from this page. */
    public String portalHref(PortalLink l) {
        if (l.external()) {
            return l.href();
        }
        String home = url("index.html");
        return home.substring(0, home.length() - "index.html".length()) + l.href();
    }

    /** Facts shown under a page's title. */
    public record PageInfo(String type, String date, String dateIso, String updated, String updatedIso,
                           List<Link> tags, List<Link> audience) {
    }

    /** A link to an output file; {@code current} marks the page being shown. */
    public record Link(String title, String path, boolean current) {
    }

    /**
     * An entry of the in-page table of contents; level-3 headings sit under their level-2 heading.
     * In a legal text, the Điều sit under their Chương (or Phần) instead, and such a list folds:
     *
     * @param unit     the legal unit the heading opens ({@code phan}, {@code chuong}, {@code muc},
     *                 {@code dieu}), or {@code ""}
     * @param collapse {@code ""} when the children are a plain list; {@code "open"} or
     *                 {@code "closed"} for a list that folds, and how it starts
     */
    public record Heading(int level, String id, String text, List<Heading> children, String unit, String collapse) {
        public Heading(int level, String id, String text, List<Heading> children) {
            this(level, id, text, children, "", "");
        }

        /** How many Điều the entry's list holds. */
        public int articles() {
            int n = 0;
            for (Heading c : children) {
                if (c.unit.equals("dieu")) {
                    n++;
                }
            }
            return n;
        }

        /** Whether the entry's list holds only units of the text (Mục and Điều), so it can be counted in Điều. */
        public boolean unitsOnly() {
            for (Heading c : children) {
                if (c.unit.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A page's legal document as its box shows it: every field may be empty (then not shown);
     * dates in Vietnamese form with their ISO twin.
     *
     * @param status      tình trạng hiệu lực as words, or {@code ""}
     * @param statusSlug  for CSS: {@code het-hieu-luc}
     * @param notice      the banner above the content: {@code het-hieu-luc},
     *                    {@code het-hieu-luc-mot-phan}, {@code chua-co-hieu-luc}, or {@code ""} for none
     * @param replaces    the documents it replaces
     * @param replacedBy  the documents that replace it
     * @param amends      the documents it amends
     * @param source      the official source as written
     * @param sourceUrl   its address when it is one (http or https), else {@code ""}
     */
    public record Legal(String number, String form, String issuer, String signer, String issued, String issuedIso,
                        String effective, String effectiveIso, String status, String statusSlug, String notice,
                        String summary, List<DocRef> replaces, List<DocRef> replacedBy, List<DocRef> amends,
                        String source, String sourceUrl) {
    }

    /** A document named by another: its words, and the page that holds it ({@code ""} when the site does not). */
    public record DocRef(String text, String path) {
    }

    /**
     * The table of legal documents and the links to its pages per issuer and per type.
     *
     * @param rows      the documents, newest first
     * @param issuers   every issuing body of the site, with its count; {@code current} marks this page's
     * @param forms     every type of document of the site, likewise
     * @param formOptions   the types among {@code rows}, for the filter (value = slug)
     * @param statusOptions the statuses among {@code rows}, for the filter (value = slug)
     * @param total     how many legal documents the site holds
     */
    public record Documents(List<Doc> rows, List<Facet> issuers, List<Facet> forms, List<Facet> formOptions,
                            List<Facet> statusOptions, int total) {
    }

    /**
     * A row of the documents table; the {@code …Sort} fields are what the table's script sorts by
     * ({@code numberSort} puts {@code 15/2014/NĐ-CP} by year, then by number).
     */
    public record Doc(String number, String numberSort, String title, String path, String summary, String form,
                      String formSlug, String issuer, String issued, String issuedIso, String status,
                      String statusSlug, int statusSort) {
    }

    /** A value to browse or filter by: its words, its page or slug, how many documents carry it. */
    public record Facet(String title, String path, int count, boolean current) {
    }

    /** A page in a list: title, where, a line of description, date and kind. */
    public record Item(String title, String path, String description, String date, String dateIso, String type,
                       String section) {
    }

    /**
     * A section and its pages in reading order; {@code total} counts them all, while
     * {@code items} may hold only the first ones of a very large section.
     */
    public record Group(String title, String path, List<Item> items, int total) {
    }

    /**
     * The mediation teams of this site: on a ward's, one untitled group; on the city's, a group
     * per ward, in the order of site.yaml.
     *
     * @param subject whose teams, as a sentence names them ({@code Phường 1}, {@code các xã, phường thuộc thành phố Sa Đéc})
     * @param note    the note every row shares (such as "Số liệu minh họa"), shown once; {@code ""} when rows differ
     * @param missing on the city's site: the wards with no team in the data
     */
    public record Teams(String subject, String note, List<TeamGroup> groups, List<String> missing) {
        public int count() {
            return groups.stream().mapToInt(g -> g.teams().size()).sum();
        }
    }

    /** @param title the ward's name on the city's site, {@code ""} on a ward's own; {@code id} its heading's id */
    public record TeamGroup(String title, String id, String caption, List<Team> teams) {
        /** Whether a row has a note of its own, so the table needs a column for it. */
        public boolean notes() {
            return teams.stream().anyMatch(t -> !t.note().isEmpty());
        }
    }

    /** A team as its row shows it; {@code members} joined for reading. */
    public record Team(String name, String area, String leader, String members, List<Phone> phones, String note) {
    }

    /** A phone number as written, and its {@code tel:} link (digits only). */
    public record Phone(String text, String href) {
    }

    /**
     * The yearly results: on a ward's site one table, a row per year; on the city's a table per
     * year, newest first, a row per ward and the city's total.
     *
     * @param subject as in {@link Teams}
     * @param note    the note every row shares, shown once, or {@code ""}
     */
    public record Results(String subject, String note, List<ResultTable> tables) {
    }

    /**
     * One table and its chart.
     *
     * @param id          the id of its section (also the chart's ids' prefix)
     * @param title       its heading ({@code Năm 2024}), or {@code ""} for the only table of a ward
     * @param firstColumn what its rows are ({@code Năm}, {@code Xã, phường})
     * @param total       the sum of the rows, or null
     * @param chart       the chart as inline SVG, already escaped
     * @param missing     the wards without figures that year (city's site)
     */
    public record ResultTable(String id, String title, String caption, String firstColumn, List<ResultRow> rows,
                              ResultRow total, String chart, List<String> missing) {
        public boolean notes() {
            return rows.stream().anyMatch(r -> !r.note().isEmpty());
        }
    }

    /**
     * A row of figures, formatted in Vietnamese ({@code 1.234}, {@code 87,5%}).
     *
     * @param rate    settled over received, one decimal, or {@code ""} when no case was received
     * @param verdict against the plan's target: Đạt, Đạt (trên 90%), Chưa đạt, or {@code ""}
     * @param verdictSlug for CSS: {@code dat}, {@code chua-dat}, or {@code ""}
     */
    public record ResultRow(String label, String trained, String received, String settled, String rate, String verdict,
                            String verdictSlug, String note) {
    }

    /**
     * The output path of the index of the course this page belongs to ({@code khoa-hoc/index.html}),
     * which names the course's progress in localStorage ({@code camnang-hoc:} + it); null elsewhere.
     */
    public String courseKey() {
        return study == null || study.course() == null ? null : study.course().path();
    }

    /** Minutes in words: {@code 45 phút}, {@code 1 giờ}, {@code 2 giờ 5 phút}. */
    public static String minutes(int m) {
        if (m < 60) {
            return m + " phút";
        }
        return m / 60 + " giờ" + (m % 60 == 0 ? "" : " " + m % 60 + " phút");
    }

    /**
     * What a page shows of self-study.
     *
     * @param course  the course the page is part of, or null (a lesson outside courses)
     * @param lesson  this page's goals, minutes and laws, or null (a course or module index)
     * @param handout on a module's print page: its lessons, each with its HTML; else empty
     */
    public record Study(Course course, Lesson lesson, List<Lesson> handout) {
    }

    /**
     * A course as its pages show it.
     *
     * @param path    its index's output path, also the key of its progress in localStorage
     * @param minutes the sum of its lessons' minutes
     * @param current the output path of the module index this page belongs to, or {@code ""}
     */
    public record Course(String title, String path, int minutes, List<Module> modules, String current) {
        public int lessonCount() {
            return modules.stream().mapToInt(m -> m.lessons().size()).sum();
        }

        /** The module this page belongs to, or null. */
        public Module module() {
            return modules.stream().filter(m -> m.path().equals(current)).findFirst().orElse(null);
        }
    }

    /** @param print the output path of its print page ({@code …/in.html}) */
    public record Module(String title, String path, String description, String print, int minutes, List<Lesson> lessons) {
    }

    /**
     * A lesson: {@code minutes} 0 when not stated; {@code html} its content, only on a print page.
     */
    public record Lesson(String title, String path, int minutes, List<String> goals, List<Law> laws, String html) {
    }

    /** A citation of a lesson's {@code laws}, with the page and article it names ({@code path} {@code ""} when the site lacks it). */
    public record Law(String text, String path, String anchor) {
    }

    /** An entry of the sidebar tree. */
    public record NavItem(String title, String path, boolean current, boolean open, List<NavItem> children) {
    }
}
