package camnang;

/**
 * Searching UTF-8 bytes of written pages, which stages edit without decoding them, and
 * finding where a file staff saved is not UTF-8.
 */
public final class Bytes {
    private Bytes() {
    }

    /**
     * Where {@code needle} first occurs in {@code hay} at or after {@code from}, or -1. Places are
     * tried where the needle's byte at {@code anchor} matches: a caller picks a byte that is rare
     * in the page ({@code #} in a link), since {@code <}, {@code h} or {@code "} begin one at every tag.
     */
    public static int indexOf(byte[] hay, byte[] needle, int from, int anchor) {
        if (needle.length == 0) {
            return -1;
        }
        byte key = needle[anchor];
        for (int i = Math.max(0, from), last = hay.length - needle.length; i <= last; i++) {
            if (hay[i + anchor] == key && java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the first byte that is not UTF-8 lies in {@code bytes}, or -1 when they all are. */
    public static int invalidUtf8(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.charset.CoderResult r = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
        return r.isError() ? in.position() : -1;
    }

    /** The line (from 1) on which byte {@code at} lies. */
    public static int lineAt(byte[] bytes, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
