package camnang.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.AttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * A link to a page the site lacks (allowed with {@code --broken-links=warn}) keeps its
 * text but loses its href, and an image the site lacks its src (the browser shows its alt
 * text), so the output never holds a link that leads nowhere.
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
        // A text rendered in a sub-context (a quiz's options) names its block as the node, not
        // the link: the address is then known by the attribute, as a broken one is left as written.
        String url = node instanceof Link l ? l.getUrl().unescape() : attributes.getValue("href");
        if (!strip(attributes, "href", url, "lien-ket-hong", "Văn bản được dẫn chiếu chưa có trong bộ tài liệu này")) {
            String src = node instanceof Image i ? i.getUrl().unescape() : attributes.getValue("src");
            strip(attributes, "src", src, "anh-thieu", "Ảnh chưa có trong bộ tài liệu này");
        }
    }

    /** Takes the attribute {@code name} out when its address is a broken one, marking the element instead. */
    private boolean strip(MutableAttributes attributes, String name, String url, String cssClass, String title) {
        if (!attributes.contains(name) || !ctx.broken.contains(url)) {
            return false;
        }
        attributes.remove(name);
        attributes.addValue("class", cssClass);
        attributes.replaceValue("title", title);
        return true;
    }

    static final class Factory extends Independent implements AttributeProviderFactory {

        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new BrokenLinkAttributes(PageContext.KEY.get(context.getDocument()));
        }
    }
}
