package camnang.markdown;

import camnang.Problems;
import camnang.TestSites;
import camnang.content.Content;
import camnang.content.Site;
import camnang.content.SiteConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small site written inline, through the Markdown stage as a build runs it: render, check anchors, mend. */
final class MarkdownSites {
    private MarkdownSites() {
    }

    /** Each page by its source, its HTML mended; problems go to {@code problems}. */
    static Map<String, RenderedPage> render(Path root, Map<String, String> files, Problems problems) {
        TestSites.write(root, files);
        Site site = Content.load(root, problems);
        List<RenderedPage> pages = site.pages().stream()
                .map(p -> Markdown.render(p, site, SiteConfig.BrokenLinks.ERROR, problems)).toList();
        Map<String, List<RenderedPage.Mend>> mends = Markdown.checkAnchors(pages, SiteConfig.BrokenLinks.ERROR, problems);
        Map<String, RenderedPage> m = new HashMap<>();
        for (RenderedPage p : pages) {
            String html = new String(RenderedPage.Mend.apply(p.html().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    mends.getOrDefault(p.page().output(), List.of())), java.nio.charset.StandardCharsets.UTF_8);
            m.put(p.page().source(), new RenderedPage(p.page(), html, p.headings(), p.ids(), p.anchorLinks(),
                    p.sections(), p.hasRawHtml(), p.unknownDocuments()));
        }
        return m;
    }
}
