package camnang.search;

/**
 * Non-negative integers as variable-length base-45 digits in printable ASCII, least significant
 * first: 45 characters end a number, 45 others continue it. A number below 45 takes one byte,
 * below 2,025 two. Unlike base64 of binary varints, the text needs no decoding step, never
 * needs escaping inside a JavaScript string (no quote, no backslash), and small numbers, which
 * are most of a postings list, stay one byte.
 */
final class Digits {
    static final String ALPHABET;
    static final int BASE = 45;

    static {
        StringBuilder sb = new StringBuilder();
        for (char c = '#'; c <= '~' && sb.length() < 2 * BASE; c++) {
            if (c != '\\') {
                sb.append(c);
            }
        }
        ALPHABET = sb.toString();
    }

    /** The alphabet's bytes: the digits are ASCII, built as bytes and made a Latin-1 string once. */
    private static final byte[] BYTES = ALPHABET.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    /** Base-45 digits of a long: at most 12. */
    private static final int MAX_DIGITS = 12;

    private byte[] bytes = new byte[64];
    private int size;

    /*
     * Bytes, and int arithmetic where the number allows: with a StringBuilder and a long's division
     * per digit, JFR put 3% of a build's samples here, the postings being nearly all digits.
     */
    Digits add(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative: " + v);
        }
        if (size + MAX_DIGITS > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + MAX_DIGITS));
        }
        byte[] b = bytes;
        int n = size;
        if (v <= Integer.MAX_VALUE) {
            int x = (int) v;
            while (x >= BASE) {
                b[n++] = BYTES[BASE + x % BASE];
                x /= BASE;
            }
            b[n++] = BYTES[x];
        } else {
            while (v >= BASE) {
                b[n++] = BYTES[BASE + (int) (v % BASE)];
                v /= BASE;
            }
            b[n++] = BYTES[(int) v];
        }
        size = n;
        return this;
    }

    int length() {
        return size;
    }

    /** The digits between {@code before} and {@code after}: a file's bytes without a string between. */
    byte[] between(byte[] before, byte[] after) {
        byte[] b = new byte[before.length + size + after.length];
        System.arraycopy(before, 0, b, 0, before.length);
        System.arraycopy(bytes, 0, b, before.length, size);
        System.arraycopy(after, 0, b, before.length + size, after.length);
        return b;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
