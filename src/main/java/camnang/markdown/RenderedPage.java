package camnang.markdown;

import camnang.content.Page;
import java.util.List;
import java.util.Set;

/**
 * A page's Markdown turned into an HTML fragment, with what later stages need:
 * its headings for the table of contents, the ids it defines, the anchors its
 * links point at (checked once every page is rendered), and the text of each
 * section for search.
 */
public record RenderedPage(
        Page page,
        String html,
        List<Heading> headings,
        Set<String> ids,
        List<AnchorLink> anchorLinks,
        List<SectionText> sections,
        boolean hasRawHtml,
        List<Cited> unknownDocuments) {

    public RenderedPage(Page page, String html, List<Heading> headings, Set<String> ids, List<AnchorLink> anchorLinks,
                        List<SectionText> sections, boolean hasRawHtml) {
        this(page, html, headings, ids, anchorLinks, sections, hasRawHtml, List.of());
    }

    /** A document number the page cites, as written, at a line, that the site does not hold. */
    public record Cited(String number, int line) {
    }

    /** The same page without its HTML and text, for what is kept until every page is done. */
    public RenderedPage slim() {
        return new RenderedPage(page, "", headings, ids, anchorLinks, List.of(), hasRawHtml, unknownDocuments);
    }

    /** A replacement in the written HTML of a page: a link mended after every page was rendered. */
    public record Mend(String from, String to) {
        /**
         * Applies {@code mends} to a written page's UTF-8 bytes: a valid UTF-8 pattern only
         * matches whole characters, so pages (a fifth of a large site's) need no decoding.
         */
        public static byte[] apply(byte[] html, List<Mend> mends) {
            // A page citing one article many times has one mend per citation: each replaces all.
            java.util.Map<String, String> once = new java.util.LinkedHashMap<>();
            for (Mend m : mends) {
                once.putIfAbsent(m.from(), m.to());
            }
            byte[] out = html;
            for (java.util.Map.Entry<String, String> e : once.entrySet()) {
                out = replace(out, e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return out;
        }

        private static byte[] replace(byte[] in, byte[] from, byte[] to) {
            // Matches are looked for by the pattern's '#' where it has one (a page has few); its
            // index in the bytes, each byte read as one char.
            int anchor = Math.max(0, new String(from, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('#'));
            java.io.ByteArrayOutputStream out = null;
            int last = 0;
            for (int at = camnang.Bytes.indexOf(in, from, 0, anchor); at >= 0;
                    at = camnang.Bytes.indexOf(in, from, at + from.length, anchor)) {
                if (out == null) {
                    out = new java.io.ByteArrayOutputStream(in.length + 64);
                }
                out.write(in, last, at - last);
                out.writeBytes(to);
                last = at + from.length;
            }
            if (out == null) {
                return in;
            }
            out.write(in, last, in.length - last);
            return out.toByteArray();
        }
    }

    /**
     * A heading of the page: level 1–6, its id, its plain text, and the unit of a legal text it
     * opens ({@code phan}, {@code chuong}, {@code muc}, {@code dieu}), or {@code ""}.
     */
    public record Heading(int level, String id, String text, String unit) {
    }

    /**
     * A link to {@code #anchor} in the page written to {@code targetOutput}, at a line of this
     * page; {@code written} is the link as the author wrote it, {@code href} as it was rendered.
     * A {@code soft} link was made by camnang (a citation turned into a link): when its anchor is
     * missing it points at the nearest unit that exists ({@code dieu-8} for {@code dieu-8-khoan-9}),
     * or at the page, without an error.
     */
    public record AnchorLink(int line, String targetOutput, String anchor, String written, String href, boolean soft) {
    }

    /**
     * The plain text of one part of the page: what comes before the first heading
     * ({@code id} empty), or a heading and what follows it up to the next heading.
     */
    public record SectionText(String id, String heading, int level, String text) {
    }
}
