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
 * sprite sheet, no script; a default title in Vietnamese for each kind.
 */
final class Callouts implements NodeRenderer {
    private static final Map<String, String> TITLES = Map.of(
            "note", "Ghi chú", "info", "Thông tin", "tip", "Mẹo", "warning", "Lưu ý",
            "danger", "Cảnh báo", "important", "Quan trọng", "example", "Ví dụ", "quote", "Trích dẫn");

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
        html.line();
        html.attr("class", "callout callout-" + kind).attr("role", "note").withAttr().tag("aside").line();
        if (!title.isEmpty()) {
            html.attr("class", "callout-title").withAttr().tag("p").text(title).closeTag("p").line();
        }
        context.renderChildren(node);
        html.closeTag("aside").line();
    }

    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new Callouts();
        }
    }
}
