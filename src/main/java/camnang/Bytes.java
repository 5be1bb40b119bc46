package camnang;

/** Searching UTF-8 bytes of written pages, which stages edit without decoding them. */
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
}
