package camnang.render;

import gg.jte.TemplateOutput;
import java.util.Arrays;

/**
 * A page rendered by jte, encoded as UTF-8 straight into one array. jte's own byte output
 * encodes each string it is given into an array of three bytes per char, trims it, keeps it as a
 * chunk and joins the chunks at the end; a page's body alone is some 10,000 chars, and its
 * escaped titles are cut into a substring per escape. The same bytes as
 * {@link String#getBytes(java.nio.charset.Charset)} with UTF-8, an unpaired surrogate as {@code ?}.
 * One per thread, reused page after page.
 */
final class Utf8Buffer implements TemplateOutput {
    private static final ThreadLocal<Utf8Buffer> MINE = ThreadLocal.withInitial(Utf8Buffer::new);

    private byte[] bytes = new byte[64 * 1024];
    private char[] chars = new char[4 * 1024];
    private int size;
    private boolean taken;

    /** This thread's buffer, emptied; a new one while it is taken (a template rendered inside another). */
    static Utf8Buffer take() {
        Utf8Buffer b = MINE.get();
        if (b.taken) {
            b = new Utf8Buffer();
        }
        b.taken = true;
        b.size = 0;
        return b;
    }

    /** Gives the buffer back to its thread. */
    void release() {
        taken = false;
    }

    /** What was written, as a new array. */
    byte[] toByteArray() {
        byte[] out = Arrays.copyOf(bytes, size);
        if (bytes.length > 1024 * 1024) {
            // A very large page once: its buffer is not kept for the next ones.
            bytes = new byte[64 * 1024];
        }
        return out;
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        int n = endIndex - beginIndex;
        if (n > chars.length) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        value.getChars(beginIndex, endIndex, chars, 0);
        // At most three bytes a char: a surrogate pair's four bytes are two chars' worth.
        ensure(3L * n);
        char[] c = chars;
        byte[] b = bytes;
        int at = size;
        int i = 0;
        while (i < n) {
            char ch = c[i++];
            if (ch < 0x80) {
                b[at++] = (byte) ch;
            } else if (ch < 0x800) {
                b[at++] = (byte) (0xC0 | ch >> 6);
                b[at++] = (byte) (0x80 | ch & 0x3F);
            } else if (!Character.isSurrogate(ch)) {
                b[at++] = (byte) (0xE0 | ch >> 12);
                b[at++] = (byte) (0x80 | ch >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isHighSurrogate(ch) && i < n && Character.isLowSurrogate(c[i])) {
                int cp = Character.toCodePoint(ch, c[i++]);
                b[at++] = (byte) (0xF0 | cp >> 18);
                b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[at++] = '?';
            }
        }
        size = at;
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    private void ensure(long more) {
        if (size + more > bytes.length) {
            long want = Math.max(size + more, 2L * bytes.length);
            if (want > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("a page of more than 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) want);
        }
    }
}
