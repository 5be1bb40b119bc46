package camnang.markdown;

import camnang.Problems;
import camnang.content.Page;
import camnang.content.Site;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Optional;

/**
 * The legal basis a lesson declares in its front matter ({@code laws: [Điều 7 Luật Hòa giải ở
 * cơ sở]}), linked through the same registry as citations in running text, so that a lesson's
 * "Căn cứ pháp lý" and its body agree on where an article is.
 */
public final class LawLinks {
    private LawLinks() {
    }

    /**
     * The output path and anchor ({@code van-ban/luat-hoa-giai.html#dieu-7}, or no anchor for a
     * whole document) of the first document the text cites that the site holds; empty otherwise.
     */
    public static Optional<String> target(Site site, Page from, String text) {
        // The text as one plain paragraph: a link or emphasis written into it is not Markdown
        // here, and must not be taken for the document it cites.
        BasedSequence chars = BasedSequence.of(text);
        Document doc = new Document(null, chars);
        Paragraph paragraph = new Paragraph(chars);
        paragraph.appendChild(new Text(chars));
        doc.appendChild(paragraph);
        // Problems of a citation here (a repealed document) are the body's to report, with a line.
        PageContext ctx = new PageContext(from, text, new Problems(""));
        Citations.of(site).link(doc, ctx);
        for (Node n : doc.getDescendants()) {
            if (n instanceof Link l) {
                String href = l.getUrl().toString();
                int hash = href.indexOf('#');
                String path = hash < 0 ? href : href.substring(0, hash);
                String anchor = hash < 0 ? "" : href.substring(hash + 1);
                // The article, not a khoản or điểm the target may not mark.
                int cut = anchor.indexOf("-khoan-");
                anchor = cut > 0 ? anchor.substring(0, cut) : anchor;
                String output = path.isEmpty() ? from.output() : resolve(from.output(), path);
                return Optional.of(anchor.isEmpty() ? output : output + "#" + anchor);
            }
        }
        return Optional.empty();
    }

    /** The output path a relative URL written in {@code from} names. */
    private static String resolve(String from, String relative) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        int slash = from.lastIndexOf('/');
        if (slash > 0) {
            for (String s : from.substring(0, slash).split("/")) {
                parts.addLast(s);
            }
        }
        for (String s : java.net.URLDecoder.decode(relative, java.nio.charset.StandardCharsets.UTF_8).split("/")) {
            if (s.equals("..")) {
                parts.pollLast();
            } else if (!s.isEmpty() && !s.equals(".")) {
                parts.addLast(s);
            }
        }
        return String.join("/", parts);
    }
}
