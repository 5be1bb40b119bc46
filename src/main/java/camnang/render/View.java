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
 * @param sidebarHtml that tree rendered by {@code sidebar.jte}, once per folder and open
 *                  branch, with {@code aria-current="page"} on this page's own link
 * @param groups    on the search page: every section with its pages, the list a reader
 *                  browses when JavaScript is off
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
        String sidebarHtml,
        List<Group> groups) {

    /** The same view with the sidebar rendered by {@code sidebar.jte}. */
    public View withSidebarHtml(String html) {
        return new View(site, kind, path, title, description, this.html, info, breadcrumbs, toc, sidebar, previous, next,
                items, children, recent, params, assets, baseHref, urls, html, groups);
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

        String relative(String from, String target) {
            int slash = from.lastIndexOf('/');
            String dir = slash < 0 ? "" : from.substring(0, slash + 1);
            return byDir.computeIfAbsent(dir, d -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(target, t -> Urls.encodePath(Urls.relative(dir + "x", t)));
        }
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

    /** Site-wide settings and navigation. */
    public record SiteInfo(String title, String description, String language, String footer, List<Link> menu,
                           String homePath, String recentPath, String tagsPath, List<Link> audiences) {
    }

    /** Facts shown under a page's title. */
    public record PageInfo(String type, String date, String dateIso, String updated, String updatedIso,
                           List<Link> tags, List<Link> audience) {
    }

    /** A link to an output file; {@code current} marks the page being shown. */
    public record Link(String title, String path, boolean current) {
    }

    /** An entry of the in-page table of contents; level-3 headings sit under their level-2 heading. */
    public record Heading(int level, String id, String text, List<Heading> children) {
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

    /** An entry of the sidebar tree. */
    public record NavItem(String title, String path, boolean current, boolean open, List<NavItem> children) {
    }
}
