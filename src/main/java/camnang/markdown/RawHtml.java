package camnang.markdown;

import camnang.content.Site;
import camnang.content.SiteConfig;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw HTML in a page, as staff paste it from other sites. Its links ({@code <a href="b.md">},
 * {@code <img src="anh.png">}) are checked and rewritten as Markdown links are: a page's
 * source becomes its output's relative address, and one that leads nowhere is reported at
 * its line and, when the build goes on (warnings), loses its address. A comment left open
 * ({@code <!--} without {@code -->}) hides, in a browser, everything after it on the page,
 * the site's own menus and scripts included: it is reported and closed where Markdown ends it;
 * so is a script or style element ({@link #closeScripts}).
 */
final class RawHtml {
    private RawHtml() {
    }

    /** Checks a raw HTML node (block, comment block or inline) and rewrites its text where needed. */
    static void check(Node node, PageContext ctx, Site site, SiteConfig.BrokenLinks mode) {
        String text = node instanceof HtmlBlockBase b ? b.getContentChars().toString() : node.getChars().toString();
        String rewritten = links(text, node, ctx, site, mode);
        int open = rewritten.lastIndexOf("<!--");
        if (open >= 0 && rewritten.indexOf("-->", open + 4) < 0) {
            ctx.problems.warning(ctx.page.source(), line(node, rewritten, open, ctx), "chú thích HTML \"<!--\" không có \"-->\" đóng: "
                            + "mọi nội dung phía sau nó trong khối này bị ẩn",
                    "Thêm --> ở cuối phần muốn ẩn, hoặc xóa <!-- nếu không định viết chú thích.");
            rewritten = rewritten.stripTrailing() + " -->\n";
        }
        if (!site.config().rawHtml()) {
            rewritten = closeScripts(rewritten, node);
        }
        if (rewritten.equals(text)) {
            return;
        }
        BasedSequence chars = BasedSequence.of(rewritten);
        if (node instanceof HtmlBlockBase b) {
            b.setContent(List.of(chars));
        } else {
            node.setChars(chars);
        }
    }

    /** An opening tag of an element whose text runs to its closing tag, whatever lies between. */
    private static final Pattern SCRIPT = Pattern.compile("<(script|style)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    /**
     * A {@code <script>} or {@code <style>} never closed would take the rest of the page into
     * itself, and the cleaning that removes it (unless the site allows raw HTML) the rest of the
     * page with it: it is closed at the end of its block, or right after itself in a paragraph.
     */
    private static String closeScripts(String text, Node node) {
        Matcher m = SCRIPT.matcher(text);
        StringBuilder out = null;
        StringBuilder closes = new StringBuilder();
        int copied = 0;
        while (m.find()) {
            String close = "</" + m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (closes(text.substring(m.end()), close) || node instanceof HtmlInline && closedLater(node, close)) {
                continue;
            }
            if (node instanceof HtmlInline) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, m.end()).append(close).append('>');
                copied = m.end();
            } else {
                closes.insert(0, close + ">");
            }
        }
        if (out != null) {
            return out.append(text, copied, text.length()).toString();
        }
        return closes.length() == 0 ? text : text.stripTrailing() + closes + "\n";
    }

    /** The line of the file on which char {@code at} of the node's text lies. */
    private static int line(Node node, String text, int at, PageContext ctx) {
        int line = ctx.line(node.getStartOffset());
        for (int i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    private static boolean closes(String text, String close) {
        return text.toLowerCase(java.util.Locale.ROOT).contains(close);
    }

    /** Whether raw HTML later in the same paragraph closes the element. */
    private static boolean closedLater(Node node, String close) {
        for (Node n = node.getNext(); n != null; n = n.getNext()) {
            if (n instanceof HtmlInline && closes(n.getChars().toString(), close)) {
                return true;
            }
        }
        return false;
    }

    /** An opening tag of an element that links. */
    private static final Pattern TAG = Pattern.compile("<(a|img)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    /** Its address, quoted either way or not at all. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(\\s)(href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))", Pattern.CASE_INSENSITIVE);

    /** The text with its links resolved: addresses rewritten, those that lead nowhere left out. */
    private static String links(String text, Node node, PageContext ctx, Site site, SiteConfig.BrokenLinks mode) {
        if (text.indexOf('=') < 0) {
            return text;
        }
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
                Links.resolve(url, line(node, text, a.start(), ctx), image, ctx, site, mode);
                String href = ctx.hrefs.get(url);
                // Written again double-quoted even when unchanged: the mends of broken anchors look for href="…".
                if (href != null && href.equals(url) && g == 3) {
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
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }
}
