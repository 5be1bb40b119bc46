package camnang.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.ArrayList;
import java.util.Set;

/**
 * Text nodes as flexmark writes them, in one pass when they hold no backslash escape, entity
 * or carriage return (nearly all of them): flexmark's own renderer runs three regular
 * expressions over every text node, a fifth of a large build's rendering time.
 */
final class PlainText implements NodeRenderer {
    /*
     * flexmark's writer takes what it is given a character at a time (to trim leading spaces
     * and split lines): some 6% of a build's time went on page text alone. A text the writer
     * would copy unchanged is therefore written into the page's own writer as a short mark,
     * U+0001, its number, U+0002 (control characters, which no page is meant to hold), and put in
     * its place in the finished HTML in one pass ({@link #render(HtmlRenderer, Document, String, Runnable)}).
     * The marks are Latin-1, as tags are: a line of the writer holding only tags and marks stays
     * one byte a char (Java's compact strings), instead of being widened at its first mark
     * (2% of a build's time, when the marks were the noncharacters U+FDD0 and U+FDD1).
     */
    static final char OPEN = '\u0001';
    static final char CLOSE = '\u0002';
    /** The texts held back while one document renders; absent when nothing may be. */
    private static final NullableDataKey<Deferred> DEFERRED = new NullableDataKey<>("CAMNANG_DEFERRED_TEXT", (Deferred) null);

    static final class Deferred {
        /** Each text held back: a string, or null for the range of the page's own text in {@link #ranges}. */
        final ArrayList<String> texts = new ArrayList<>();
        /** For each null text, where it starts and ends in {@link #source}. */
        int[] ranges = new int[64];
        /** The page's text the ranges are of: the first one deferred. */
        String source;
        int chars;

        void add(String text) {
            texts.add(text);
            chars += text.length();
        }

        /** Whether the range could be held back as one: it is of the same text as the others. */
        boolean add(String of, int from, int to) {
            if (source == null) {
                source = of;
            } else if (source != of) {
                return false;
            }
            int n = texts.size();
            if (2 * n + 2 > ranges.length) {
                ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
            }
            ranges[2 * n] = from;
            ranges[2 * n + 1] = to;
            texts.add(null);
            chars += to - from;
            return true;
        }
    }

    /*
     * A renderer is made for each render of a document, so these belong to one thread.
     * Sub-contexts (image alt text, table-of-contents entries, quiz pieces) have writers of
     * their own whose text is taken and reworked as a string: only the writer the document
     * itself is rendered into may hold marks.
     */
    private HtmlWriter top;
    private Deferred deferred;

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, this::render),
                new NodeRenderingHandler<>(Document.class, this::render));
    }

    private void render(Document node, NodeRendererContext context, HtmlWriter html) {
        deferred = DEFERRED.get(node);
        top = deferred == null ? null : html;
        context.delegateRender();
    }

    private void render(Text node, NodeRendererContext context, HtmlWriter html) {
        BasedSequence chars = node.getChars();
        Object base = chars instanceof SubSequence ? chars.getBase() : null;
        if (base instanceof Source source && html == top) {
            // Most texts hold no character to escape and no line break: they are held back as a
            // range of the page's text, found so by a look-up instead of a pass over each char,
            // and copied once, into the finished page.
            int from = chars.getStartOffset();
            int to = chars.getEndOffset();
            char first = to > from ? source.text.charAt(from) : ' ';
            if (to - from > 4 && first != ' ' && first != '\t' && source.plainUpTo(from) >= to) {
                Deferred d = deferred;
                int n = d.texts.size();
                if (d.add(source.text, from, to)) {
                    html.raw(OPEN + Integer.toString(n) + CLOSE);
                    return;
                }
            }
        }
        String text = base instanceof Source source ? source.text : base instanceof String string ? string : null;
        String fast = text != null ? escaped(text, chars.getStartOffset(), chars.getEndOffset()) : null;
        if (fast == null) {
            html.text(Escaping.normalizeEOL(chars.unescape()));
        } else if (html == top && fast.length() > 4 && writtenAsIs(fast)) {
            // A mark is 3 to 7 characters: shorter texts are cheaper written.
            Deferred d = deferred;
            html.raw(OPEN + Integer.toString(d.texts.size()) + CLOSE);
            d.add(fast);
        } else {
            html.raw(fast);
        }
    }

    /**
     * Whether the writer copies {@code s} unchanged wherever it falls, as it does a mark: it
     * drops spaces and tabs at the start of a line and splits lines at line feeds.
     */
    private static boolean writtenAsIs(String s) {
        char first = s.charAt(0);
        return first != ' ' && first != '\t' && s.indexOf('\n') < 0;
    }

    /**
     * {@code renderer.render(doc)}, with text written in bulk when the renderer has a
     * {@link Factory} and {@code source}, the document's text, holds no U+0001 or U+0002.
     *
     * @param quiet run before the document is rendered a second time, so that problems found
     *              while rendering are not reported twice
     */
    static String render(HtmlRenderer renderer, Document doc, String source, Runnable quiet) {
        if (source.indexOf(OPEN) >= 0 || source.indexOf(CLOSE) >= 0) {
            return renderer.render(doc);
        }
        Deferred d = new Deferred();
        String html = substitute(marked(renderer, doc, d), d);
        if (html == null) {
            // A U+0001 from outside the page (a glossary definition, a title) could be taken for
            // a mark: rendered again as flexmark would, rather than guessed at.
            quiet.run();
            html = renderer.render(doc);
        }
        return html;
    }

    /** The document's HTML with marks for the texts it puts in {@code d}. */
    static String marked(HtmlRenderer renderer, Document doc, Deferred d) {
        doc.set(DEFERRED, d);
        try {
            return renderer.render(doc);
        } finally {
            doc.remove(DEFERRED);
        }
    }

    /** The marks replaced by their texts; null unless the marks, in order, are every U+0001 there is. */
    static String substitute(String marked, Deferred d) {
        ArrayList<String> texts = d.texts;
        if (texts.isEmpty()) {
            return marked;
        }
        StringBuilder out = new StringBuilder(marked.length() + d.chars);
        int last = 0;
        int next = 0;
        for (int at = marked.indexOf(OPEN); at >= 0; at = marked.indexOf(OPEN, last)) {
            if (next == texts.size()) {
                return null;
            }
            String number = Integer.toString(next);
            int end = at + 1 + number.length();
            if (!marked.startsWith(number, at + 1) || end >= marked.length() || marked.charAt(end) != CLOSE) {
                return null;
            }
            out.append(marked, last, at);
            String text = texts.get(next);
            if (text == null) {
                out.append(d.source, d.ranges[2 * next], d.ranges[2 * next + 1]);
            } else {
                out.append(text);
            }
            next++;
            last = end + 1;
        }
        if (next != texts.size()) {
            return null;
        }
        return out.append(marked, last, marked.length()).toString();
    }

    /**
     * {@code s[from, to)} escaped as flexmark's {@code text()} would, or null when it holds a
     * character unescaping or line-break normalising could change.
     */
    static String escaped(String s, int from, int to) {
        StringBuilder out = null;
        int last = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            String with;
            switch (c) {
                case '\\', '&', '\r' -> {
                    return null;
                }
                case '<' -> with = "&lt;";
                case '>' -> with = "&gt;";
                case '"' -> with = "&quot;";
                default -> {
                    continue;
                }
            }
            if (out == null) {
                out = new StringBuilder(to - from + 16);
            }
            out.append(s, last, i).append(with);
            last = i + 1;
        }
        return out == null ? s.substring(from, to) : out.append(s, last, to).toString();
    }

    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new PlainText();
        }
    }
}
