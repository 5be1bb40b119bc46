package camnang.markdown;

import camnang.Problem;
import camnang.Problems;
import camnang.content.Page;
import camnang.content.Site;
import camnang.content.SiteConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages rendered for one portal, reused by the next portals of a run: a shared page renders
 * the same everywhere unless a link of it leads elsewhere (to a page only some portals have)
 * or the registry of legal documents differs. Each reuse checks both, cheaply: every link
 * the page wrote is resolved again against the new site, without parsing the page.
 * {@code serve} keeps one from rebuild to rebuild: then the page's own text is checked too,
 * so only the pages an edit touched are parsed again.
 */
public final class Memo {
    private record Entry(Page page, RenderedPage rendered, List<Problem> problems, Map<String, String> hrefs,
                         Set<String> broken, String registry, String body) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** Forgets every page (the site's settings or templates changed). */
    public void clear() {
        entries.clear();
    }

    /** The rendering of {@code page} for {@code site} if an earlier portal's still holds, else null. */
    RenderedPage get(Page page, Site site, SiteConfig.BrokenLinks mode, Problems problems) {
        Entry e = entries.get(page.source());
        if (e == null || !e.page().output().equals(page.output()) || e.page().bodyLine() != page.bodyLine()
                || !e.page().meta().equals(page.meta()) || !e.registry().equals(registry(page, site))
                || !e.body().equals(digest(page))) {
            return null;
        }
        PageContext scratch = new PageContext(page, "", new Problems(""));
        for (String url : e.hrefs().keySet()) {
            Links.resolve(url, 0, false, scratch, site, mode);
        }
        for (String url : e.broken()) {
            Links.resolve(url, 0, false, scratch, site, mode);
        }
        if (!scratch.hrefs.equals(e.hrefs()) || !scratch.broken.equals(e.broken())) {
            return null;
        }
        e.problems().forEach(problems::add);
        RenderedPage r = e.rendered();
        return new RenderedPage(page, r.html(), r.headings(), r.ids(), r.anchorLinks(), r.sections(), r.hasRawHtml(),
                r.unknownDocuments());
    }

    void put(Page page, Site site, RenderedPage rendered, List<Problem> problems, PageContext ctx) {
        entries.put(page.source(), new Entry(page, rendered, List.copyOf(problems), Map.copyOf(ctx.hrefs),
                Set.copyOf(ctx.broken), registry(page, site), digest(page)));
    }

    /** What the page's rendering took from other pages: the legal documents, and for a lesson the glossary. */
    private static String registry(Page page, Site site) {
        return Citations.of(site).identity() + "\u0000" + Glossary.of(site).identityFor(page);
    }

    /** The page's text as it is now: a memo outlives an edit of the file when {@code serve} keeps it. */
    private static String digest(Page page) {
        return camnang.Digests.hex(page.body().identity());
    }
}
