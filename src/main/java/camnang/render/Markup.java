package camnang.render;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.nio.charset.StandardCharsets;

/**
 * HTML already encoded as UTF-8, written into a page as it is ({@code ${v.sidebarMarkup()}}).
 * The sidebar is the same for every page of a folder, and at 10,000 pages it is half of all
 * the bytes written: encoding it again for each page cost more than rendering its template.
 * The parts are written one after the other; {@link #toString()} is the HTML as text.
 */
public final class Markup implements Content {
    private final byte[][] parts;

    Markup(byte[]... parts) {
        this.parts = parts;
    }

    @Override
    public void writeTo(TemplateOutput output) {
        for (byte[] part : parts) {
            output.writeBinaryContent(part);
        }
    }

    @Override
    public boolean isEmptyContent() {
        for (byte[] part : parts) {
            if (part.length > 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /**
     * HTML with the places of its links' opening tags ({@code <a href="…">}) found once: each
     * page of a folder marks its own link in the same sidebar, and searching 18 KB of bytes
     * for it again in every page cost more than rendering the sidebar.
     */
    static final class Indexed {
        private static final byte[] OPEN = "<a href=\"".getBytes(StandardCharsets.UTF_8);
        private final byte[] html;
        private final java.util.Map<String, int[]> tags = new java.util.HashMap<>();

        Indexed(byte[] html) {
            this.html = html;
            for (int at = camnang.Bytes.indexOf(html, OPEN, 0, 0); at >= 0; at = camnang.Bytes.indexOf(html, OPEN, at + OPEN.length, 0)) {
                int end = at + OPEN.length;
                while (end < html.length && html[end] != '>') {
                    end++;
                }
                if (end == html.length) {
                    break;
                }
                String tag = new String(html, at, end + 1 - at, StandardCharsets.UTF_8);
                int[] was = tags.get(tag);
                int[] now = was == null ? new int[1] : java.util.Arrays.copyOf(was, was.length + 1);
                now[now.length - 1] = at;
                tags.put(tag, now);
            }
        }

        /** The HTML with {@code attribute} added to every tag that is exactly {@code tag}. */
        Markup marking(String tag, String attribute) {
            int[] places = tags.get(tag);
            if (places == null) {
                return new Markup(html);
            }
            byte[] a = attribute.getBytes(StandardCharsets.UTF_8);
            int length = tag.getBytes(StandardCharsets.UTF_8).length;
            byte[][] parts = new byte[places.length * 2 + 1][];
            int from = 0;
            int n = 0;
            for (int at : places) {
                int close = at + length - 1;
                parts[n++] = java.util.Arrays.copyOfRange(html, from, close);
                parts[n++] = a;
                from = close;
            }
            parts[n] = java.util.Arrays.copyOfRange(html, from, html.length);
            return new Markup(parts);
        }
    }
}
