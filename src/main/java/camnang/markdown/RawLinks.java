package camnang.markdown;

import camnang.content.Site;
import camnang.content.SiteConfig;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links written in raw HTML ({@code <a href="b.md">}, {@code <img src="anh.png">}), as staff
 * paste them from other sites, are checked and rewritten as Markdown links are: a page's
 * source becomes its output's relative address, and one that leads nowhere is reported at
 * its line and, when the build goes on (warnings), loses its address.
 */
final class RawLinks {
    private RawLinks() {
    }

    /** An opening tag of an element that links. */
    private static final Pattern TAG = Pattern.compile("<(a|img)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    /** Its address, quoted either way or not at all. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(\\s)(href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))", Pattern.CASE_INSENSITIVE);

    /** Resolves the links of a raw HTML node (block or inline), rewriting its text where they change. */
    static void resolve(Node node, PageContext ctx, Site site, SiteConfig.BrokenLinks mode) {
        String text = node instanceof HtmlBlock b ? b.getContentChars().toString() : node.getChars().toString();
        if (text.indexOf('=') < 0) {
            return;
        }
        int firstLine = ctx.line(node.getStartOffset());
        StringBuilder out = null;
        int copied = 0;
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            boolean image = tag.group(1).equalsIgnoreCase("img");
            Matcher a = ADDRESS.matcher(text).region(tag.start(), tag.end());
            while (a.find()) {
                if (!a.group(2).equalsIgnoreCase(image ? "src" : "href")) {
                    continue;
                }
                int g = a.group(3) != null ? 3 : a.group(4) != null ? 4 : 5;
                String url = org.jsoup.parser.Parser.unescapeEntities(a.group(g), true);
                if (camnang.Urls.isExternal(url)) {
                    continue;
                }
                int line = firstLine + (int) text.substring(0, a.start()).chars().filter(c -> c == '\n').count();
                Links.resolve(url, line, image, ctx, site, mode);
                String href = ctx.hrefs.get(url);
                if (href != null && href.equals(url)) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length() + 32);
                }
                out.append(text, copied, a.start());
                if (href != null) {
                    out.append(a.group(1)).append(a.group(2)).append("=\"")
                            .append(href.replace("&", "&amp;").replace("\"", "&quot;")).append('"');
                }
                copied = a.end();
            }
        }
        if (out == null) {
            return;
        }
        out.append(text, copied, text.length());
        BasedSequence rewritten = BasedSequence.of(out.toString());
        if (node instanceof HtmlBlock b) {
            b.setContent(List.of(rewritten));
        } else {
            node.setChars(rewritten);
        }
    }
}
