package camnang.markdown;

/**
 * A page's Markdown as flexmark reads it: its chars from an array. flexmark reads its input a
 * char at a time through {@code CharSequence.charAt}; a String's, with its checks of coding and
 * range, made parsing and rendering 6–10% slower in the unoptimised (C1) code a build runs.
 */
final class Source implements CharSequence {
    final String text;
    private final char[] chars;

    Source(String text) {
        this.text = text;
        this.chars = text.toCharArray();
    }

    /**
     * Where the chars that text cannot be written as it is lie ({@link #plainUpTo}), in order;
     * found when first asked for.
     */
    private int[] unplain;

    /**
     * The end of the run of chars from {@code from} that {@link PlainText} may copy as they are:
     * the index of the first backslash, ampersand, angle bracket, double quote, carriage return
     * or line feed at or after it, or the length of the text.
     */
    int plainUpTo(int from) {
        int[] at = unplain;
        if (at == null) {
            unplain = at = unplain(text);
        }
        int i = java.util.Arrays.binarySearch(at, from);
        if (i < 0) {
            i = -i - 1;
        }
        return i < at.length ? at[i] : chars.length;
    }

    /** One String.indexOf pass a char: the optimising compiler makes each a vector loop. */
    private static int[] unplain(String text) {
        int[] at = new int[64];
        int n = 0;
        for (char c : new char[] {'\\', '&', '<', '>', '"', '\r', '\n'}) {
            for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
                if (n == at.length) {
                    at = java.util.Arrays.copyOf(at, n * 2);
                }
                at[n++] = i;
            }
        }
        at = java.util.Arrays.copyOf(at, n);
        java.util.Arrays.sort(at);
        return at;
    }

    @Override
    public int length() {
        return chars.length;
    }

    @Override
    public char charAt(int index) {
        return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
