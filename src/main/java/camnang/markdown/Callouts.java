package camnang.markdown;

import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.Map;
import java.util.Set;

/**
 * Callouts ({@code !!! note "Lưu ý"}) as plain, accessible HTML: no icons from a
 * sprite sheet, no script; a default title in Vietnamese for each kind. {@code ??? kind "Title"}
 * is a callout the reader opens (a closed {@code <details>}; {@code ???+} open), and
 * {@code !!! tinh-huong "Title"} a case study of a lesson, whose model analysis
 * ({@code ??? phan-tich}) it must hold.
 */
final class Callouts implements NodeRenderer {
    /** Case studies of this page so far: renderers are made for each rendering of a page. */
    private int cases;

    private static final Map<String, String> TITLES = Map.of(
            "note", "Ghi chú", "info", "Thông tin", "tip", "Mẹo", "warning", "Lưu ý",
            "danger", "Cảnh báo", "important", "Quan trọng", "example", "Ví dụ", "quote", "Trích dẫn",
            "tinh-huong", "Tình huống", "phan-tich", "Phân tích mẫu");

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(AdmonitionBlock.class, this::render));
    }

    private void render(AdmonitionBlock node, NodeRendererContext context, HtmlWriter html) {
        String kind = node.getInfo().toString().toLowerCase(java.util.Locale.ROOT);
        if (!kind.matches("[a-z0-9-]+")) {
            kind = "note";
        }
        String title = node.getTitle().isNull() ? TITLES.getOrDefault(kind, "Ghi chú") : node.getTitle().toString();
        if (kind.equals("tinh-huong")) {
            checkAnalysis(node, title, context);
        }
        String marker = node.getOpeningMarker().toString();
        if (marker.startsWith("???")) {
            // A summary is what a reader clicks: never empty.
            String summary = title.isBlank() ? TITLES.getOrDefault(kind, "Ghi chú") : title;
            html.line();
            html.raw("<details class=\"callout callout-" + kind + "\"" + (marker.endsWith("+") ? " open" : "") + ">").line();
            html.tag("summary").text(summary).closeTag("summary").line();
            context.renderChildren(node);
            html.raw("</details>").line();
            return;
        }
        if (kind.equals("tinh-huong")) {
            // Ids hold "_", which heading ids never do, so they cannot clash with the page's own.
            String id = "tinh-huong_" + (++cases);
            html.line();
            html.attr("class", "tinh-huong").attr("aria-labelledby", id).withAttr().tag("section").line();
            html.attr("class", "tinh-huong-title").attr("id", id).withAttr().tag("h3")
                    .text(title.isBlank() || title.equals("Tình huống") ? "Tình huống" : "Tình huống: " + title)
                    .closeTag("h3").line();
            context.renderChildren(node);
            html.closeTag("section").line();
            return;
        }
        html.line();
        html.attr("class", "callout callout-" + kind).attr("role", "note").withAttr().tag("aside").line();
        if (!title.isEmpty()) {
            html.attr("class", "callout-title").withAttr().tag("p").text(title).closeTag("p").line();
        }
        context.renderChildren(node);
        html.closeTag("aside").line();
    }

    /** A case study without its model analysis is an error at its first line. */
    private static void checkAnalysis(AdmonitionBlock node, String title, NodeRendererContext context) {
        boolean[] found = {false};
        Markdown.visit(node, n -> found[0] |= n != node && n instanceof AdmonitionBlock a
                && a.getInfo().toString().equalsIgnoreCase("phan-tich"));
        PageContext page = PageContext.KEY.get(context.getDocument());
        if (!found[0] && page != null) {
            page.problems.error(page.page.source(), page.line(node.getStartOffset()),
                    "tình huống" + (title.isBlank() || title.equals("Tình huống") ? "" : " \"" + title + "\"")
                            + " không có phần phân tích mẫu (??? phan-tich)",
                    "Thêm vào cuối tình huống, thụt vào 4 dấu cách, một dòng ??? phan-tich \"Phân tích mẫu\" và viết"
                            + " phần phân tích dưới nó, thụt vào thêm 4 dấu cách: người học bấm vào mới mở ra.");
        }
    }

    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new Callouts();
        }
    }
}
