package camnang.render;

import gg.jte.TemplateOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page rendered by jte, as UTF-8 in one array, reused page after page by its thread. jte's
 * own byte output keeps each string's bytes as a chunk of their own and joins the chunks at the
 * end, a list of a few hundred arrays a page. The bytes are those of
 * {@link String#getBytes(java.nio.charset.Charset)} with UTF-8 (an unpaired surrogate is {@code ?}),
 * whose encoder, reading the string's own bytes, was faster than one written here on its chars
 * (2.3 against 3.5–4.1 ns a char of Vietnamese text).
 */
final class Utf8Buffer implements TemplateOutput {
    private static final ThreadLocal<Utf8Buffer> MINE = ThreadLocal.withInitial(Utf8Buffer::new);

    private byte[] bytes = new byte[64 * 1024];
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
        // The JDK's encoder reads the string's own bytes: faster than any copy of its chars.
        writeBinaryContent((beginIndex == 0 && endIndex == value.length() ? value : value.substring(beginIndex, endIndex))
                .getBytes(StandardCharsets.UTF_8));
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
