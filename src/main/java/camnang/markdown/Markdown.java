package camnang.markdown;

import camnang.Problems;
import camnang.content.Page;
import camnang.content.Site;
import camnang.content.SiteConfig;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code markdown} stage: flexmark with tables, footnotes, heading ids, tables of
 * contents, callouts, definition lists and autolinks; links resolved against the site
 * and made relative; broken links and anchors, and images without alt text, reported
 * with their lines.
 */
public final class Markdown {
    /**
     * Every extension's block parser looks at every line of every page; most pages use few
     * of them. A page gets a parser with only the extensions its text could use, decided by
     * a cheap look for their markers ({@code [^}, {@code |}, {@code !!!} …).
     */
    static final int TABLES = 1;
    static final int FOOTNOTES = 2;
    static final int TOC = 4;
    static final int DEFINITIONS = 8;
    static final int CALLOUTS = 16;
    static final int STRIKE = 32;
    static final int QUIZ = 64;
    private static final MutableDataSet OPTIONS = new MutableDataSet();
    private static final java.util.concurrent.ConcurrentHashMap<Integer, Parser> PARSERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final HtmlRenderer RENDERER;

    static {
        MutableDataSet options = OPTIONS;
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, false);
        options.set(TablesExtension.CLASS_NAME, "bang");
        // Staff name files as Word does, with spaces: [Mẫu đơn](Mẫu đơn.pdf) must work.
        options.set(Parser.SPACE_IN_LINK_URLS, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TocExtension.LEVELS, TocExtension.LEVELS.get(null));
        options.set(TocExtension.TITLE, "Mục lục");
        options.set(TocExtension.DIV_CLASS, "toc-trong-trang");
        options.set(FootnoteExtension.FOOTNOTE_BACK_LINK_REF_CLASS, "chu-thich-quay-lai");
        MutableDataSet rendering = new MutableDataSet(options);
        // flexmark's admonition renderer is left out: it writes an SVG sprite sheet into every
        // page; Callouts renders those blocks instead.
        rendering.set(Parser.EXTENSIONS, extensions(TABLES | FOOTNOTES | TOC | DEFINITIONS | STRIKE));
        RENDERER = HtmlRenderer.builder(rendering)
                .htmlIdGeneratorFactory(new HeaderIdGeneratorFactory() {
                    @Override
                    public HtmlIdGenerator create(LinkResolverContext context) {
                        return new HeadingIds();
                    }

                    @Override
                    public HtmlIdGenerator create() {
                        return new HeadingIds();
                    }
                })
                .linkResolverFactory(new LinkResolverFactoryImpl())
                .attributeProviderFactory(new BrokenLinkAttributes.Factory())
                .attributeProviderFactory(new PointAttributes.Factory())
                .nodeRendererFactory(new Callouts.Factory())
                .nodeRendererFactory(new QuizRenderer.Factory())
                .nodeRendererFactory(new Glossary.Factory())
                .nodeRendererFactory(new PlainText.Factory())
                .build();
    }

    private static List<com.vladsch.flexmark.util.misc.Extension> extensions(int features) {
        List<com.vladsch.flexmark.util.misc.Extension> list = new ArrayList<>();
        list.add(AutoLinks.create());
        list.add(ExplicitIds.create());
        if ((features & TABLES) != 0) {
            list.add(TablesExtension.create());
        }
        if ((features & FOOTNOTES) != 0) {
            list.add(FootnoteExtension.create());
        }
        if ((features & TOC) != 0) {
            list.add(TocExtension.create());
        }
        if ((features & DEFINITIONS) != 0) {
            list.add(DefinitionExtension.create());
        }
        if ((features & CALLOUTS) != 0) {
            list.add(AdmonitionExtension.create());
        }
        if ((features & STRIKE) != 0) {
            list.add(StrikethroughExtension.create());
        }
        if ((features & QUIZ) != 0) {
            list.add(QuizBlocks.create());
        }
        return list;
    }

    /** The page's text parsed as it is for rendering. */
    static Document parse(String source) {
        return parserFor(source).parse(BasedSequence.of(new Source(source)));
    }

    /**
     * The extensions a page's text may need: a parser without the others is faster. Each mark
     * is looked for with String.indexOf, which the optimising compiler (what the daemon runs)
     * turns into vector instructions: twice as fast as one pass testing each char.
     */
    static int features(String body) {
        int f = 0;
        if (body.indexOf('|') >= 0) {
            f |= TABLES;
        }
        if (body.contains("[^")) {
            f |= FOOTNOTES;
        }
        if (body.contains("[TOC") || body.contains("[toc")) {
            f |= TOC;
        }
        if (body.contains("\n:") || body.contains("\n~")) {
            f |= DEFINITIONS;
        }
        if (body.contains("!!!") || body.contains("???")) {
            f |= CALLOUTS;
        }
        if (body.contains("~~")) {
            f |= STRIKE;
        }
        if (body.contains("quiz")) {
            f |= QUIZ;
        }
        return f;
    }

    private static Parser parserFor(String body) {
        int f = features(body);
        return PARSERS.computeIfAbsent(f, k -> {
            MutableDataSet o = new MutableDataSet(OPTIONS);
            o.set(Parser.EXTENSIONS, extensions(k));
            return QuickInlineParser.install(Parser.builder(o)).build();
        });
    }

    private Markdown() {
    }

    public static RenderedPage render(Page page, Site site, SiteConfig.BrokenLinks mode, Problems problems) {
        return render(page, site, mode, problems, true);
    }

    /** @param withText whether to extract the plain text of each section (for search) */
    public static RenderedPage render(Page page, Site site, SiteConfig.BrokenLinks mode, Problems problems,
                                      boolean withText) {
        return render(page, site, mode, problems, withText, null);
    }

    /** @param cache rendered pages of earlier builds; may be null */
    public static RenderedPage render(Page page, Site site, SiteConfig.BrokenLinks mode, Problems problems,
                                      boolean withText, FragmentCache cache) {
        return render(page, site, mode, problems, withText, cache, null);
    }

    /** @param memo pages rendered for the other portals of this run; may be null */
    public static RenderedPage render(Page page, Site site, SiteConfig.BrokenLinks mode, Problems problems,
                                      boolean withText, FragmentCache cache, Memo memo) {
        if (memo != null) {
            RenderedPage hit = memo.get(page, site, mode, problems);
            if (hit != null) {
                page.body().release();
                return hit;
            }
            Problems recording = problems.recording();
            PageContext[] ctx = new PageContext[1];
            RenderedPage rp = renderFresh(page, page.body().take(), site, mode, recording, true, ctx);
            memo.put(page, site, rp, recording.all(), ctx[0]);
            return rp;
        }
        if (cache == null) {
            return renderFresh(page, page.body().take(), site, mode, problems, withText);
        }
        String key = cache.key(page);
        RenderedPage hit = cache.get(key, page, problems);
        if (hit != null) {
            page.body().release();
            return hit;
        }
        Problems recording = problems.recording();
        // The cache keeps the sections' text too, so a rebuild with the search index skips Markdown as well.
        RenderedPage rp = renderFresh(page, page.body().take(), site, mode, recording, true);
        cache.put(key, rp, recording.all());
        return rp;
    }

    private static RenderedPage renderFresh(Page page, String body, Site site, SiteConfig.BrokenLinks mode,
                                            Problems problems, boolean withText) {
        return renderFresh(page, body, site, mode, problems, withText, null);
    }

    /** @param context receives the page's context (its links), when not null */
    private static RenderedPage renderFresh(Page page, String body, Site site, SiteConfig.BrokenLinks mode,
                                            Problems problems, boolean withText, PageContext[] context) {
        // Lines of legal texts become headings; lines keep their numbers, so messages stay right.
        String source = LegalStructure.promote(body);
        PageContext ctx = new PageContext(page, source, problems);
        if (context != null) {
            context[0] = ctx;
        }
        Document doc = parse(source);
        doc.set(PageContext.KEY, ctx);
        // Ids first: khoản, điểm and citations need the articles' ids.
        HeadingIds ids = new HeadingIds();
        // The glossary's terms take their ids before headings do: links to them are made from the term alone.
        Map<Node, String> terms = Glossary.isGlossary(page) ? Glossary.prepare(doc, ids, ctx) : null;
        ids.generateIds(doc);
        if (page.meta().khoanDiem()) {
            ctx.nodeIds = LegalStructure.points(doc, ids);
        }
        if (terms != null && !terms.isEmpty()) {
            Map<Node, String> all = new java.util.HashMap<>(ctx.nodeIds);
            all.putAll(terms);
            ctx.nodeIds = all;
        }
        camnang.content.LegalDoc legal = page.meta().legal();
        if (legal != null && legal.tableFrom() > 0) {
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof com.vladsch.flexmark.ext.tables.TableBlock && ctx.line(n.getStartOffset()) == legal.tableFrom()) {
                    dropMetadataRows(n);
                    break;
                }
            }
        }
        Citations.of(site).link(doc, ctx);
        Glossary.of(site).link(doc, ctx);
        boolean[] raw = {false};
        List<Heading> headingNodes = new ArrayList<>();
        visit(doc, node -> {
            if (node instanceof Heading h) {
                headingNodes.add(h);
            } else if (node instanceof Link l) {
                Links.resolve(l.getUrl().unescape(), ctx.line(l.getStartOffset()), false, ctx, site, mode);
            } else if (node instanceof Image img) {
                Links.resolve(img.getUrl().unescape(), ctx.line(img.getStartOffset()), true, ctx, site, mode);
                checkAlt(img.getText().toString(), img, ctx);
            } else if (node instanceof ImageRef img) {
                checkAlt(img.getText().toString(), img, ctx);
            } else if (node instanceof Reference r) {
                Links.resolve(r.getUrl().unescape(), ctx.line(r.getStartOffset()), false, ctx, site, mode);
            } else if (node instanceof HtmlCommentBlock) {
                RawHtml.check(node, ctx, site, mode);
            } else if (node instanceof HtmlBlock || node instanceof HtmlInline) {
                if (!site.config().rawHtml()) {
                    raw[0] = true;
                    if (!camnang.html.Html.isSafe(node.getChars().toString())) {
                        ctx.problems.warning(page.source(), ctx.line(node.getStartOffset()),
                                "mã HTML không an toàn (script, style, iframe, thuộc tính on…) đã bị lọc bỏ",
                                "Viết nội dung bằng Markdown; nếu thật cần mã HTML, đặt raw_html: allow trong site.yaml.");
                    }
                }
                RawHtml.check(node, ctx, site, mode);
            }
        });
        String html = PlainText.render(RENDERER, doc, source, () -> doc.set(PageContext.KEY, ctx.quiet()));
        // A second, quiet rendering swaps the page's context out of the document: it is put back.
        doc.set(PageContext.KEY, ctx);
        // Ids are given while rendering; the headings were found in the walk above.
        List<RenderedPage.Heading> headings = new ArrayList<>(headingNodes.size());
        for (Heading h : headingNodes) {
            String text = h.getAnchorRefText().strip();
            LegalStructure.Unit unit = LegalStructure.unit(text);
            headings.add(new RenderedPage.Heading(h.getLevel(), h.getAnchorRefId(), text, unit == null ? "" : unit.kind()));
        }
        return new RenderedPage(page, html, List.copyOf(headings), ids(html), List.copyOf(ctx.anchors),
                withText ? sections(doc, terms) : List.of(), raw[0], List.copyOf(ctx.unknown));
    }

    /**
     * The rows of a metadata table that the page's metadata box shows are left out; rows it
     * does not show (a "Lĩnh vực", a "Số văn bản gốc" with links) stay, so nothing is lost. A
     * table left with no row goes.
     */
    private static void dropMetadataRows(Node table) {
        TextCollectingVisitor collector = new TextCollectingVisitor();
        List<Node> rows = new ArrayList<>();
        visit(table, n -> {
            if (n instanceof com.vladsch.flexmark.ext.tables.TableRow && n.getParent() instanceof com.vladsch.flexmark.ext.tables.TableBody) {
                rows.add(n);
            }
        });
        int kept = 0;
        for (Node row : rows) {
            Node first = row.getFirstChild();
            if (first != null && camnang.content.LegalDoc.isField(collector.collectAndGetText(first))) {
                row.unlink();
            } else {
                kept++;
            }
        }
        if (kept == 0) {
            table.unlink();
        }
    }

    private static void checkAlt(String alt, Node img, PageContext ctx) {
        if (alt.isBlank()) {
            ctx.problems.warning(ctx.page.source(), ctx.line(img.getStartOffset()), "ảnh không có mô tả (alt)",
                    "Viết mô tả ngắn trong ngoặc vuông, ví dụ ![Sơ đồ các bước hòa giải](so-do.png): "
                            + "người khiếm thị và điện thoại tắt ảnh cần nó.");
        }
    }

    /** Every id the fragment defines: headings, footnotes, and any written in raw HTML. */
    private static Set<String> ids(String html) {
        Set<String> ids = new java.util.HashSet<>();
        int i = 0;
        while ((i = html.indexOf(" id=\"", i)) >= 0) {
            int start = i + 5;
            int end = html.indexOf('"', start);
            if (end < 0) {
                break;
            }
            ids.add(html.substring(start, end));
            i = end;
        }
        return java.util.Collections.unmodifiableSet(ids);
    }

    /**
     * Splits the page at its headings into plain text, the unit search will index; on the
     * glossary page each term of {@code terms} (node → id) is a unit too, its definition the text.
     */
    private static List<RenderedPage.SectionText> sections(Document doc, Map<Node, String> terms) {
        List<RenderedPage.SectionText> out = new ArrayList<>();
        String id = "";
        String heading = "";
        int level = 0;
        StringBuilder text = new StringBuilder();
        // After a glossary's list: the heading's section was written, only new text makes another.
        boolean resumed = false;
        TextCollectingVisitor collector = new TextCollectingVisitor();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                if (text.length() > 0 || !id.isEmpty() && !resumed) {
                    out.add(new RenderedPage.SectionText(id, heading, level, text.toString().strip()));
                }
                resumed = false;
                id = h.getAnchorRefId();
                heading = h.getAnchorRefText().strip();
                level = h.getLevel();
                text.setLength(0);
                if (h.getNext() != null && id.startsWith("dieu-")) {
                    // "Điều 37.1.LQ.9. Quyền của hòa giải viên" reproduces Điều 9 of a law: say so,
                    // so that results show it and "điều 9 luật hòa giải" finds it.
                    LegalStructure.Source src = LegalStructure.source(h.getNext().getChars().toString());
                    if (src != null && !heading.startsWith("Điều " + src.article() + ".")) {
                        heading = heading + " (" + src.label() + ")";
                    }
                }
            } else if (terms != null && n instanceof com.vladsch.flexmark.ext.definition.DefinitionList) {
                // After the list, its text goes on under the heading the list stood under.
                String outerId = id;
                String outerHeading = heading;
                int outerLevel = level;
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    String termId = terms.get(c);
                    if (termId != null) {
                        if (text.length() > 0 || !id.isEmpty() && !resumed) {
                            out.add(new RenderedPage.SectionText(id, heading, level, text.toString().strip()));
                        }
                        resumed = false;
                        id = termId;
                        heading = collector.collectAndGetText(c).strip().replaceAll("\\s+", " ");
                        level = Math.min(outerLevel + 1, 6);
                        text.setLength(0);
                    } else if (!(c instanceof com.vladsch.flexmark.ext.definition.DefinitionTerm)) {
                        String t = collector.collectAndGetText(c).strip();
                        if (!t.isEmpty()) {
                            text.append(t.replaceAll("\n\\s*\n", "\n")).append('\n');
                        }
                    }
                }
                if (text.length() > 0 || !id.isEmpty()) {
                    out.add(new RenderedPage.SectionText(id, heading, level, text.toString().strip()));
                }
                id = outerId;
                heading = outerHeading;
                level = outerLevel;
                text.setLength(0);
                resumed = true;
            } else if (!(n instanceof HtmlCommentBlock)) {
                String t = n instanceof com.vladsch.flexmark.ext.tables.TableBlock ? tableText(n, collector)
                        : collector.collectAndGetText(n);
                if (!t.isBlank()) {
                    t = t.strip();
                    text.append(t.contains("\n\n") ? t.replaceAll("\n\\s*\n", "\n") : t).append('\n');
                }
            }
        }
        if (text.length() > 0 || !id.isEmpty() && !resumed) {
            out.add(new RenderedPage.SectionText(id, heading, level, text.toString().strip()));
        }
        return List.copyOf(out);
    }

    /** A table's text, a line per row and a tab between cells: collected whole, cells run together ("2014Văn"). */
    private static String tableText(Node table, TextCollectingVisitor collector) {
        StringBuilder sb = new StringBuilder();
        visit(table, n -> {
            if (n instanceof com.vladsch.flexmark.ext.tables.TableRow) {
                StringBuilder row = new StringBuilder();
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                    String cell = collector.collectAndGetText(c).strip();
                    if (!cell.isEmpty()) {
                        row.append(row.length() > 0 ? "\t" : "").append(cell);
                    }
                }
                if (row.length() > 0) {
                    sb.append(row).append('\n');
                }
            }
        });
        return sb.toString();
    }

    static void visit(Node node, java.util.function.Consumer<Node> f) {
        // Iterative: legal pages nest deeply enough to matter for recursion.
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            f.accept(n);
            Node c = n.getLastChild();
            while (c != null) {
                stack.push(c);
                c = c.getPrevious();
            }
        }
    }

    /**
     * Checks every {@code #anchor} link against the ids of the page it points at, and says
     * how to mend the written pages (output path → replacements): an anchor written with
     * diacritics or capitals ({@code #Điều-7}) is pointed at the id it means; in warn mode a
     * missing anchor is dropped (a link to another page) or the link is marked (within the
     * page), so the output never holds a link that leads nowhere.
     */
    /**
     * Reads the site's legal documents into the registry citations are linked through, before
     * pages are rendered in parallel (rendering would otherwise wait for it page by page).
     */
    public static void prepare(Site site) {
        Citations.of(site);
        Glossary.of(site);
    }

    /** Lists, once per document, the documents pages cite that the site does not hold. */
    public static void reportCitations(List<RenderedPage> pages, Problems problems) {
        Citations.report(pages, problems);
    }

    public static java.util.Map<String, List<RenderedPage.Mend>> checkAnchors(List<RenderedPage> pages,
            SiteConfig.BrokenLinks mode, Problems problems) {
        java.util.Map<String, RenderedPage> byOutput = new java.util.HashMap<>();
        for (RenderedPage p : pages) {
            byOutput.put(p.page().output(), p);
        }
        java.util.Map<String, List<RenderedPage.Mend>> mends = new java.util.TreeMap<>();
        for (RenderedPage p : pages) {
            List<RenderedPage.Mend> list = new ArrayList<>();
            for (RenderedPage.AnchorLink a : p.anchorLinks()) {
                RenderedPage target = byOutput.get(a.targetOutput());
                if (target == null || target.ids().contains(a.anchor())) {
                    continue;
                }
                String written = "href=\"" + escapeAttr(a.href()) + "\"";
                String base = a.href().substring(0, a.href().indexOf('#'));
                if (a.soft()) {
                    // A citation camnang linked: the nearest enclosing unit, else the page.
                    String anchor = a.anchor();
                    while (!anchor.isEmpty() && !target.ids().contains(anchor)) {
                        int cut = Math.max(anchor.lastIndexOf("-diem-"), anchor.lastIndexOf("-khoan-"));
                        anchor = cut > 0 ? anchor.substring(0, cut) : "";
                    }
                    String to = anchor.isEmpty() ? base : base + "#" + anchor;
                    list.add(new RenderedPage.Mend(written, to.isEmpty() ? "href=\"#\"" : "href=\"" + escapeAttr(to) + "\""));
                    continue;
                }
                String slug = camnang.Slug.of(a.anchor());
                String legal = LegalStructure.legacyId(slug);
                if (legal != null && target.ids().contains(legal)) {
                    // Written before articles had short ids (#dieu-7-tieu-chuan-hoa-giai-vien): still meant.
                    slug = legal;
                }
                if (!slug.isEmpty() && target.ids().contains(slug)) {
                    list.add(new RenderedPage.Mend(written, "href=\"" + escapeAttr(base + "#" + slug) + "\""));
                    continue;
                }
                String message = "liên kết tới \"" + a.written() + "\": trang đích không có mục \"#" + a.anchor() + "\"";
                String hint = "Mã mục là tiêu đề viết thường, bỏ dấu, nối bằng dấu gạch ngang"
                        + suggestion(a.anchor(), target);
                problems.add(mode.severity(), p.page().source(), a.line(), message, hint);
                if (mode == SiteConfig.BrokenLinks.WARN) {
                    list.add(new RenderedPage.Mend(written, base.isEmpty()
                            ? "class=\"lien-ket-hong\" title=\"Mục được dẫn chiếu không có trong trang này\""
                            : "href=\"" + escapeAttr(base) + "\""));
                }
            }
            if (!list.isEmpty()) {
                mends.put(p.page().output(), List.copyOf(list));
            }
        }
        return mends;
    }

    /** As flexmark writes attribute values. */
    private static String escapeAttr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String suggestion(String anchor, RenderedPage target) {
        return target.headings().stream()
                .min(Comparator.comparingInt(h -> camnang.EditDistance.of(anchor, h.id())))
                .filter(h -> camnang.EditDistance.of(anchor, h.id()) <= Math.max(3, anchor.length() / 3))
                .map(h -> "; có phải ý bạn là \"#" + h.id() + "\"?")
                .orElse(".");
    }

}
