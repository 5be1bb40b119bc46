package camnang.markdown;

import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;

/** Hands flexmark the hrefs worked out before rendering (see {@link Links}). */
final class LinkResolverFactoryImpl extends Independent implements LinkResolverFactory {
    @Override
    public LinkResolver apply(LinkResolverBasicContext context) {
        PageContext ctx = PageContext.KEY.get(context.getDocument());
        return (node, c, link) -> {
            if (ctx == null) {
                return link;
            }
            String href = ctx.hrefs.get(link.getUrl());
            return href == null ? link : link.withStatus(LinkStatus.VALID).withUrl(href);
        };
    }
}
