package camnang.markdown;

import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.AttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;

/** Writes the ids {@link LegalStructure#points} gave to khoản and điểm. */
final class PointAttributes implements AttributeProvider {
    private final PageContext ctx;

    PointAttributes(PageContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (ctx == null || ctx.nodeIds.isEmpty()) {
            return;
        }
        // flexmark asks for a list item's attributes as a loose or tight item, for a paragraph's as the node.
        boolean item = node instanceof com.vladsch.flexmark.ast.ListItem
                && (part == com.vladsch.flexmark.html.renderer.CoreNodeRenderer.LOOSE_LIST_ITEM
                || part == com.vladsch.flexmark.html.renderer.CoreNodeRenderer.TIGHT_LIST_ITEM || part == AttributablePart.NODE);
        if (!item && part != AttributablePart.NODE) {
            return;
        }
        String id = ctx.nodeIds.get(node);
        if (id != null) {
            attributes.replaceValue("id", id);
        }
    }

    static final class Factory extends Independent implements AttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new PointAttributes(PageContext.KEY.get(context.getDocument()));
        }
    }
}
