package camnang.markdown;

import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import java.util.Set;

/** Hands flexmark the hrefs worked out before rendering (see {@link Links}). */
final class LinkResolverFactoryImpl implements LinkResolverFactory {
    @Override
    public Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }

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
