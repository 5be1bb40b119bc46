package camnang.markdown;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.AttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * A link to a page the site lacks (allowed with {@code --broken-links=warn}) keeps its
 * text but loses its href, so the output never holds a link that leads nowhere.
 */
final class BrokenLinkAttributes implements AttributeProvider {
    private final PageContext ctx;

    BrokenLinkAttributes(PageContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (ctx == null || ctx.broken.isEmpty()) {
            return;
        }
        String url = null;
        if (node instanceof Link l) {
            url = l.getUrl().unescape();
        } else if (node instanceof LinkRef) {
            String href = attributes.getValue("href");
            url = ctx.broken.contains(href) ? href : null;
        }
        if (url != null && ctx.broken.contains(url)) {
            attributes.remove("href");
            attributes.addValue("class", "lien-ket-hong");
            attributes.replaceValue("title", "Văn bản được dẫn chiếu chưa có trong bộ tài liệu này");
        }
    }

    static final class Factory extends Independent implements AttributeProviderFactory {

        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new BrokenLinkAttributes(PageContext.KEY.get(context.getDocument()));
        }
    }
}
