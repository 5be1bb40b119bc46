package camnang.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A page's Markdown. Loading may hand over the text it decoded, which the Markdown stage takes
 * ({@link #take()}) once (decoding a site's Vietnamese again cost 6% of a build); beyond a share of the heap
 * ({@code Content}'s budget) and on any later call the text is read again from its file:
 * holding every page of a large site from loading to rendering would double its memory.
 */
public final class Body {
    private final Path file;
    private final String text;
    private final int start;
    private final int blankFrom;
    private final int blankTo;
    /** The text decoded at loading, until {@link #take()} or {@link #release()} lets it go. */
    private volatile String held;

    private Body(Path file, String text, int start, int blankFrom, int blankTo, String held) {
        this.file = file;
        this.text = text;
        this.start = start;
        this.blankFrom = blankFrom;
        this.blankTo = blankTo;
        this.held = held;
    }

    /** Text held in memory (tests, made-up section pages). */
    public static Body of(String text) {
        return new Body(null, java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC), 0, -1, -1, null);
    }

    /**
     * The part of {@code file} from char {@code start}, without the chars {@code [blankFrom, blankTo)}
     * of that part (a heading taken as the title), whose line break is kept so lines still count.
     */
    static Body inFile(Path file, int start, int blankFrom, int blankTo) {
        return new Body(file, null, start, blankFrom, blankTo, null);
    }

    /**
     * As {@link #inFile(Path, int, int, int)}, holding the text until it is first asked for:
     * {@code all} is the whole file as loading decoded it (no byte-order mark), {@code utf8} its bytes.
     */
    static Body held(Path file, int start, int blankFrom, int blankTo, String all, byte[] utf8) {
        return new Body(file, null, start, blankFrom, blankTo,
                compose(all, plainlyComposed(utf8), start, blankFrom, blankTo));
    }

    /**
     * Bytes that change whenever {@link #text()} does, for cache keys: checksums of the whole
     * file ({@link camnang.Digests#checksums}) and where the body lies in it.
     */
    public byte[] identity() {
        if (text != null) {
            return camnang.Digests.checksums(text.getBytes(StandardCharsets.UTF_8));
        }
        try {
            byte[] sums = camnang.Digests.checksums(Files.readAllBytes(file));
            return java.nio.ByteBuffer.allocate(sums.length + 12).put(sums).putInt(start).putInt(blankFrom).putInt(blankTo)
                    .array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        if (text != null) {
            return text;
        }
        String h = held;
        return h != null ? h : read();
    }

    /** The text, no longer held once taken: what the Markdown stage calls, once a page. */
    public String take() {
        String h = held;
        held = null;
        return h != null ? h : text();
    }

    /** Lets go of the held text when the page's rendering came from a cache. */
    public void release() {
        held = null;
    }

    private String read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String all = new String(bytes, StandardCharsets.UTF_8);
        if (all.startsWith("\uFEFF")) {
            all = all.substring(1);
        }
        return compose(all, plainlyComposed(bytes), start, blankFrom, blankTo);
    }

    private static String compose(String all, boolean composed, int start, int blankFrom, int blankTo) {
        String body = all.substring(Math.min(start, all.length()));
        if (blankFrom >= 0 && blankTo <= body.length()) {
            body = body.substring(0, blankFrom) + body.substring(blankTo);
        }
        // Text saved decomposed (NFD) is published composed: line breaks, so line numbers, stay.
        return composed || java.text.Normalizer.isNormalized(body, java.text.Normalizer.Form.NFC) ? body
                : java.text.Normalizer.normalize(body, java.text.Normalizer.Form.NFC);
    }

    /**
     * True when UTF-8 text is in NFC for want of anything to compose: every char is below the
     * combining marks (U+0300), a precomposed Vietnamese letter (U+1E00–U+1EFF) or common
     * punctuation (U+2010–U+2027), none of which NFC changes or joins with its neighbours.
     * Read from the bytes: the JDK's check on the decoded text costs as much as decoding it.
     */
    static boolean plainlyComposed(byte[] utf8) {
        for (int i = 0, n = utf8.length; i < n; i++) {
            int b = utf8[i] & 0xff;
            if (b < 0xCC) {
                continue; // ASCII, a continuation byte, or the lead byte of U+0080–U+02FF
            }
            if (b == 0xE1 && i + 1 < n && (utf8[i + 1] & 0xff) >= 0xB8 && (utf8[i + 1] & 0xff) <= 0xBB) {
                i++;
                continue;
            }
            if (b == 0xE2 && i + 2 < n && (utf8[i + 1] & 0xff) == 0x80
                    && (utf8[i + 2] & 0xff) >= 0x90 && (utf8[i + 2] & 0xff) <= 0xA7) {
                i += 2;
                continue;
            }
            return false;
        }
        return true;
    }
}
