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
