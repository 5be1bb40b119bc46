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

    private final StringBuilder sb = new StringBuilder();

    Digits add(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative: " + v);
        }
        while (v >= BASE) {
            sb.append(ALPHABET.charAt(BASE + (int) (v % BASE)));
            v /= BASE;
        }
        sb.append(ALPHABET.charAt((int) v));
        return this;
    }

    int length() {
        return sb.length();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
