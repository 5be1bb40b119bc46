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
     * {@code html} with {@code attribute} added to every tag that is exactly {@code tag}
     * (e.g. {@code <a href="x.html">}): cut at those places, so no part is copied whole.
     */
    static Markup marking(byte[] html, String tag, String attribute) {
        byte[] t = tag.getBytes(StandardCharsets.UTF_8);
        byte[] a = attribute.getBytes(StandardCharsets.UTF_8);
        java.util.List<byte[]> parts = new java.util.ArrayList<>();
        int from = 0;
        for (int at = indexOf(html, t, 0); at >= 0; at = indexOf(html, t, at + t.length)) {
            int close = at + t.length - 1;
            parts.add(java.util.Arrays.copyOfRange(html, from, close));
            parts.add(a);
            from = close;
        }
        parts.add(from == 0 ? html : java.util.Arrays.copyOfRange(html, from, html.length));
        return new Markup(parts.toArray(new byte[0][]));
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        if (needle.length == 0) {
            return -1;
        }
        byte first = needle[0];
        for (int i = from, last = hay.length - needle.length; i <= last; i++) {
            if (hay[i] == first && java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
