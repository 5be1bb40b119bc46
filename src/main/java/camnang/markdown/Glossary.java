package camnang.markdown;

import camnang.Slug;
import camnang.Urls;
import camnang.content.Kind;
import camnang.content.Page;
import camnang.content.PageType;
import camnang.content.Site;
import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.ext.definition.DefinitionTerm;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The glossary: {@code thuat-ngu.md} at the content root, whose definition lists explain the
 * legal terms of the lessons. Each term gets a stable id (its slug), is a search unit of its
 * own, and its first use in each lesson links to it with the definition as a tooltip.
 * Matching ignores case and where the tone mark of {@code oa}, {@code oe}, {@code uy} sits
 * ({@code hoà} = {@code hòa}), takes whole syllables only, and prefers the longest term
 * ({@code tổ hòa giải} over {@code hòa giải}).
 */
final class Glossary {
    /** The glossary's fixed place: no front-matter key, so nothing to misspell. */
    static final String SOURCE = "thuat-ngu.md";

    /** A term as written, its id on the glossary page, its definition as plain text, and its syllables' keys. */
    record Term(String text, String id, String definition, List<String> keys) {
    }

    /** A term read from the glossary page's own document: its node, and whether an earlier term had its id. */
    record Entry(DefinitionTerm node, String text, String id, String definition, DefinitionTerm duplicateOf) {
    }

    private static final PerSite<Glossary> SITES = new PerSite<>(Glossary::new);

    private final Page page;
    private final List<Term> terms;
    /** Terms by the key of their first syllable, longest first. */
    private final Map<String, List<Term>> byFirst = new HashMap<>();
    /** The first letters (lower case, without any mark) of those syllables: other words are not looked up. */
    private final Set<Character> firstLetters = new HashSet<>();
    private final String identity;

    private Glossary(Site site) {
        Page found = null;
        for (Page p : site.pages()) {
            if (isGlossary(p)) {
                found = p;
                break;
            }
        }
        page = found;
        List<Term> list = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder();
        if (page != null) {
            String source = LegalStructure.promote(page.body().text());
            for (Entry e : read(Markdown.parse(source), new HeadingIds())) {
                if (e.duplicateOf() != null || e.id().isEmpty()) {
                    continue;
                }
                List<String> keys = keys(e.text());
                if (keys.isEmpty()) {
                    continue;
                }
                list.add(new Term(e.text(), e.id(), e.definition(), List.copyOf(keys)));
                fingerprint.append(e.id()).append('\u0000').append(e.text()).append('\u0000').append(e.definition()).append('\n');
            }
            fingerprint.insert(0, page.output() + "\n");
        }
        terms = List.copyOf(list);
        identity = fingerprint.toString();
        for (Term t : terms) {
            byFirst.computeIfAbsent(t.keys().get(0), k -> new ArrayList<>()).add(t);
            firstLetters.add(letter(t.keys().get(0).charAt(0)));
        }
        // Longest first; between equals, the glossary's order.
        byFirst.values().forEach(l -> l.sort(Comparator.comparingInt((Term t) -> t.keys().size()).reversed()));
    }

    /** The glossary of the site being built: every page of a build asks for the same one. */
    static Glossary of(Site site) {
        return SITES.of(site);
    }

    static boolean isGlossary(Page p) {
        return p.kind() == Kind.PAGE && !p.synthetic() && p.source().equals(SOURCE);
    }

    /** Whether the terms are linked in this page: lessons only, never the glossary itself. */
    boolean applies(Page p) {
        return !terms.isEmpty() && p.meta().type() == PageType.LESSON && !isGlossary(p);
    }

    /**
     * What a page's rendering takes from the glossary (its terms, definitions and place), for
     * the caches: empty for the pages it does not touch, so a new definition renders the
     * lessons again and nothing else.
     */
    String identityFor(Page p) {
        return applies(p) ? identity : "";
    }

    /**
     * The terms of the glossary page's top-level definition lists, in order, with their ids
     * reserved in {@code ids} before any heading takes one; a term whose id an earlier term
     * has gets a numbered id and names that term.
     */
    static List<Entry> read(Document doc, HeadingIds ids) {
        List<Entry> out = new ArrayList<>();
        Map<String, DefinitionTerm> seen = new HashMap<>();
        TextCollectingVisitor collector = new TextCollectingVisitor();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof DefinitionList)) {
                continue;
            }
            DefinitionTerm term = null;
            String text = null;
            StringBuilder definition = new StringBuilder();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof DefinitionTerm t) {
                    if (term != null) {
                        out.add(entry(term, text, definition.toString(), seen, ids));
                    }
                    term = t;
                    text = squeeze(collector.collectAndGetText(t));
                    definition.setLength(0);
                } else if (c instanceof DefinitionItem && term != null) {
                    String d = squeeze(collector.collectAndGetText(c));
                    if (!d.isEmpty()) {
                        definition.append(definition.length() > 0 ? " " : "").append(d);
                    }
                }
            }
            if (term != null) {
                out.add(entry(term, text, definition.toString(), seen, ids));
            }
        }
        return out;
    }

    private static Entry entry(DefinitionTerm node, String text, String definition, Map<String, DefinitionTerm> seen,
                               HeadingIds ids) {
        String slug = Slug.of(text);
        if (slug.isEmpty()) {
            return new Entry(node, text, "", definition, null);
        }
        DefinitionTerm earlier = seen.putIfAbsent(slug, node);
        return new Entry(node, text, ids.unique(slug), definition, earlier);
    }

    /** Runs of white space as one space, trimmed: a term or a definition on one line. */
    private static String squeeze(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    // ---- matching ----

    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

    /**
     * A syllable made comparable: lower case and NFC, with its tone mark taken out and put at
     * the end, so {@code hòa}, {@code hoà}, {@code Hoà} and their NFD forms are one key while
     * {@code hóa} stays another.
     */
    static String key(String word) {
        String nfd = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(nfd.length());
        StringBuilder tones = new StringBuilder(1);
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            (TONES.indexOf(c) >= 0 ? tones : base).append(c);
        }
        return Normalizer.normalize(base, Normalizer.Form.NFC) + tones;
    }

    /** Vietnamese letters end at ỹ (U+1EF9); {@link #letter} looks them up here, not through a normalisation each. */
    private static final char[] LETTERS = new char[0x1EFA];

    static {
        for (char c = 0; c < LETTERS.length; c++) {
            String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            LETTERS[c] = Character.toLowerCase(nfd.isEmpty() ? c : nfd.charAt(0));
        }
    }

    /** A letter without its marks, lower case: what a word must start with to be looked up. */
    private static char letter(char c) {
        return c < LETTERS.length ? LETTERS[c] : Character.toLowerCase(c);
    }

    private static boolean wordChar(char c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean space(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The words of a text as [start, end) pairs. */
    private static int[] words(String s) {
        int[] w = new int[16];
        int n = 0;
        int i = 0;
        while (i < s.length()) {
            if (!wordChar(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && wordChar(s.charAt(i))) {
                i++;
            }
            if (n + 2 > w.length) {
                w = java.util.Arrays.copyOf(w, w.length * 2);
            }
            w[n++] = start;
            w[n++] = i;
        }
        return java.util.Arrays.copyOf(w, n);
    }

    private static List<String> keys(String text) {
        int[] w = words(text);
        List<String> keys = new ArrayList<>(w.length / 2);
        for (int i = 0; i < w.length; i += 2) {
            keys.add(key(text.substring(w[i], w[i + 1])));
        }
        return keys;
    }

    /** A use of a term in a text: {@code [start, end)}. */
    private record Use(int start, int end, Term term) {
    }

    /**
     * Where the terms first occur in {@code s} that {@code used} does not hold yet; each found
     * is added to it. At each word the longest term that starts there wins, and its words are
     * passed over even when it was linked before, so {@code hòa giải} inside a second
     * {@code tổ hòa giải} stays text. The words of a term must be separated by spaces only.
     */
    private List<Use> find(String s, Set<Term> used, Map<String, String> memo) {
        int[] w = words(s);
        int count = w.length / 2;
        String[] k = new String[count];
        List<Use> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!firstLetters.contains(letter(s.charAt(w[2 * i])))) {
                continue;
            }
            List<Term> candidates = byFirst.get(key(i, s, w, k, memo));
            if (candidates == null) {
                continue;
            }
            for (Term t : candidates) {
                int size = t.keys().size();
                if (matches(t, i, s, w, k, count, memo)) {
                    if (used.add(t)) {
                        out.add(new Use(w[2 * i], w[2 * (i + size - 1) + 1], t));
                    }
                    i += size - 1;
                    break;
                }
            }
        }
        return out;
    }

    /** The key of word {@code i}; {@code memo} keeps the page's words' keys, most of which come again. */
    private static String key(int i, String s, int[] w, String[] k, Map<String, String> memo) {
        if (k[i] == null) {
            k[i] = memo.computeIfAbsent(s.substring(w[2 * i], w[2 * i + 1]), Glossary::key);
        }
        return k[i];
    }

    private static boolean matches(Term t, int i, String s, int[] w, String[] k, int count, Map<String, String> memo) {
        int size = t.keys().size();
        if (i + size > count) {
            return false;
        }
        for (int j = 1; j < size; j++) {
            for (int c = w[2 * (i + j) - 1]; c < w[2 * (i + j)]; c++) {
                if (!space(s.charAt(c))) {
                    return false;
                }
            }
            if (!key(i + j, s, w, k, memo).equals(t.keys().get(j))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Links the first use of each term in a lesson to its definition. Runs after citations
     * became links, and enters no heading, link, image, code, raw HTML or quiz: a term there
     * is not a use to explain.
     */
    void link(Document doc, PageContext ctx) {
        if (!applies(ctx.page)) {
            return;
        }
        String href = Urls.encodePath(Urls.relative(ctx.page.output(), page.output()));
        Set<Term> used = new HashSet<>();
        Map<String, String> memo = new HashMap<>();
        List<Text> texts = new ArrayList<>();
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(doc);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Text t) {
                texts.add(t);
                continue;
            }
            if (skipped(n)) {
                continue;
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                stack.push(c);
            }
        }
        // In document order, so "first" is the reader's first.
        for (Text t : texts) {
            String s = ctx.text(t);
            List<Use> uses = find(s, used, memo);
            if (uses.isEmpty()) {
                continue;
            }
            BasedSequence chars = t.getChars();
            int at = 0;
            for (Use u : uses) {
                if (u.start() > at) {
                    t.insertBefore(new Text(chars.subSequence(at, u.start())));
                }
                BasedSequence written = chars.subSequence(u.start(), u.end());
                TermLink link = new TermLink(written, href + "#" + u.term().id(), "tn-" + u.term().id(),
                        u.term().definition());
                link.appendChild(new Text(written));
                t.insertBefore(link);
                at = u.end();
            }
            if (at < s.length()) {
                t.insertBefore(new Text(chars.subSequence(at)));
            }
            t.unlink();
        }
    }

    private static boolean skipped(Node n) {
        return n instanceof Heading || n instanceof Link || n instanceof LinkRef || n instanceof AutoLink
                || n instanceof MailLink || n instanceof Image || n instanceof ImageRef || n instanceof Code
                || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock || n instanceof HtmlBlock
                || n instanceof HtmlInline || n instanceof HtmlCommentBlock || n instanceof Reference
                || n instanceof TermLink
                // A quiz tests the reader: a definition at hand would give its answers away.
                || n instanceof QuizBlocks.QuizBlock;
    }

    // ---- the glossary page ----

    /**
     * On the glossary page: reports terms written twice and terms without a letter, and gives
     * each term its id (in {@code nodeIds}, which the renderer writes on the {@code <dt>}).
     * Returns the term nodes' ids, for the search sections.
     */
    static Map<Node, String> prepare(Document doc, HeadingIds ids, PageContext ctx) {
        Map<Node, String> terms = new LinkedHashMap<>();
        for (Entry e : read(doc, ids)) {
            int line = ctx.line(e.node().getStartOffset());
            if (e.id().isEmpty()) {
                ctx.problems.error(ctx.page.source(), line, "thuật ngữ \"" + e.text() + "\" không có chữ cái hay chữ số nào",
                        "Mỗi thuật ngữ là một dòng chữ, dòng dưới bắt đầu bằng \": \" là định nghĩa của nó.");
                continue;
            }
            if (e.duplicateOf() != null) {
                ctx.problems.error(ctx.page.source(), line, "thuật ngữ \"" + e.text() + "\" đã được giải thích ở dòng "
                                + ctx.line(e.duplicateOf().getStartOffset()),
                        "Mỗi thuật ngữ chỉ giải thích một lần trong thuat-ngu.md: gộp hai định nghĩa làm một.");
            }
            terms.put(e.node(), e.id());
        }
        return terms;
    }

    // ---- rendering ----

    /** A linked use of a term; its child is the text as written. */
    static final class TermLink extends Node {
        final String href;
        final String tip;
        final String definition;

        TermLink(BasedSequence chars, String href, String tip, String definition) {
            super(chars);
            this.href = href;
            this.tip = tip;
            this.definition = definition;
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * The link, then the definition as a tooltip the link is described by: a screen reader
     * reads it with the link, {@code glossary.js} shows it on hover and focus, and without
     * script the link still leads to the definition.
     */
    static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(TermLink.class, this::render));
        }

        private void render(TermLink node, NodeRendererContext context, HtmlWriter html) {
            html.raw("<a class=\"thuat-ngu\" href=\"" + escape(node.href) + "\" aria-describedby=\"" + node.tip + "\">");
            context.renderChildren(node);
            html.raw("</a><span role=\"tooltip\" id=\"" + node.tip + "\" class=\"thuat-ngu-tip\" hidden>"
                    + escape(node.definition) + "</span>");
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new Renderer();
        }
    }
}
