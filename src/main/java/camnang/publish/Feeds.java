package camnang.publish;

import camnang.Urls;
import camnang.content.Kind;
import camnang.content.Page;
import camnang.content.Site;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** robots.txt, sitemap.xml and the Atom feed. The last two need absolute URLs, so a base URL. */
public final class Feeds {
    static final int FEED_ENTRIES = 50;
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Feeds() {
    }

    public static String robots(String baseUrl) {
        StringBuilder sb = new StringBuilder("User-agent: *\nAllow: /\n");
        if (baseUrl != null) {
            sb.append("\nSitemap: ").append(baseUrl).append("sitemap.xml\n");
        }
        return sb.toString();
    }

    /** Every page, and every generated list page given in {@code extra}. */
    public static String sitemap(Site site, String baseUrl, List<String> extra) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Page p : site.pages()) {
            sb.append("  <url><loc>").append(xml(baseUrl + Urls.encodePath(p.output()))).append("</loc>");
            LocalDateTime d = p.meta().lastChange();
            if (d != null) {
                sb.append("<lastmod>").append(d.toLocalDate()).append("</lastmod>");
            }
            sb.append("</url>\n");
        }
        for (String e : extra) {
            sb.append("  <url><loc>").append(xml(baseUrl + Urls.encodePath(e))).append("</loc></url>\n");
        }
        sb.append("</urlset>\n");
        return sb.toString();
    }

    /** An Atom feed of the most recently changed pages; its dates come from the content, never the clock. */
    public static String atom(Site site, String baseUrl) {
        List<Page> pages = new ArrayList<>();
        for (Page p : site.pages()) {
            if (p.kind() == Kind.PAGE && p.meta().lastChange() != null) {
                pages.add(p);
            }
        }
        pages.sort(Site.NEWEST_FIRST);
        if (pages.size() > FEED_ENTRIES) {
            pages = pages.subList(0, FEED_ENTRIES);
        }
        String updated = pages.isEmpty() ? "2000-01-01T00:00:00+07:00" : time(pages.get(0).meta().lastChange());
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(xml(site.config().language())).append("\">\n");
        sb.append("  <title>").append(xml(site.config().title())).append("</title>\n");
        if (!site.config().description().isEmpty()) {
            sb.append("  <subtitle>").append(xml(site.config().description())).append("</subtitle>\n");
        }
        sb.append("  <id>").append(xml(baseUrl)).append("</id>\n");
        sb.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(baseUrl)).append("\"/>\n");
        sb.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(xml(baseUrl + "feed.xml")).append("\"/>\n");
        sb.append("  <updated>").append(updated).append("</updated>\n");
        sb.append("  <author><name>").append(xml(site.config().title())).append("</name></author>\n");
        for (Page p : pages) {
            String url = baseUrl + Urls.encodePath(p.output());
            sb.append("  <entry>\n");
            sb.append("    <title>").append(xml(p.title())).append("</title>\n");
            sb.append("    <id>").append(xml(url)).append("</id>\n");
            sb.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(url)).append("\"/>\n");
            if (p.meta().date() != null) {
                sb.append("    <published>").append(time(p.meta().date())).append("</published>\n");
            }
            sb.append("    <updated>").append(time(p.meta().lastChange())).append("</updated>\n");
            if (!p.meta().description().isEmpty()) {
                sb.append("    <summary>").append(xml(p.meta().description())).append("</summary>\n");
            }
            sb.append("  </entry>\n");
        }
        sb.append("</feed>\n");
        return sb.toString();
    }

    private static String time(LocalDateTime t) {
        return RFC3339.format(t.atOffset(VIETNAM));
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
