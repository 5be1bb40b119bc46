package camnang.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.Set;

/**
 * Text nodes as flexmark writes them, in one pass when they hold no backslash escape, entity
 * or carriage return (nearly all of them): flexmark's own renderer runs three regular
 * expressions over every text node, a fifth of a large build's rendering time.
 */
final class PlainText implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, PlainText::render));
    }

    private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
        BasedSequence chars = node.getChars();
        Object base = chars instanceof SubSequence ? chars.getBase() : null;
        String text = base instanceof Source source ? source.text : base instanceof String string ? string : null;
        String fast = text != null ? escaped(text, chars.getStartOffset(), chars.getEndOffset()) : null;
        if (fast != null) {
            html.raw(fast);
        } else {
            html.text(Escaping.normalizeEOL(chars.unescape()));
        }
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
