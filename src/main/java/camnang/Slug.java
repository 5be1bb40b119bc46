package camnang;

import java.text.Normalizer;

/**
 * Readable ASCII slugs of Vietnamese text: {@code Điều 7. Tiêu chuẩn} gives
 * {@code dieu-7-tieu-chuan}. Used for heading ids, tag pages and file names, so
 * that URLs survive any portal and any file system.
 */
public final class Slug {
    private Slug() {
    }

    /**
     * Each character below U+2000 (Latin, Vietnamese, Greek, Cyrillic…) folded on its own, or
     * null for one that only the whole text's decomposition may fold (a spacing or enclosing
     * mark). Headings, tags and document numbers are slugged by the hundred thousand in a large
     * build; decomposing each of them was 3% of its time.
     */
    private static final String[] FOLDED = new String[0x2000];

    static {
        for (char c = 0; c < FOLDED.length; c++) {
            int type = Character.getType(c);
            if (type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            String nfd = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            boolean simple = true;
            for (int i = 1; i < nfd.length(); i++) {
                // A decomposition is one character and the marks after it; any other would need
                // the text around it.
                simple &= Character.getType(nfd.charAt(i)) == Character.NON_SPACING_MARK;
            }
            if (simple) {
                FOLDED[c] = foldSlowly(String.valueOf(c));
            }
        }
    }

    /** Removes diacritics ({@code đ} → {@code d}) and lower-cases; keeps everything else. */
    public static String fold(CharSequence text) {
        int n = text.length();
        StringBuilder sb = null;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String f = c < FOLDED.length ? FOLDED[c] : null;
            if (f == null) {
                // Characters outside the table go through the text's decomposition, as a whole:
                // a base and its marks are folded together, wherever they begin.
                return foldSlowly(text);
            }
            if (sb == null) {
                sb = new StringBuilder(n);
            }
            sb.append(f);
        }
        return sb == null ? "" : sb.toString();
    }

    /** {@link #fold} by decomposing the whole text (NFD) and dropping its non-spacing marks. */
    static String foldSlowly(CharSequence text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                sb.append('d');
            } else {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Folds, then joins runs of letters and digits with single dashes. Empty when nothing is left. */
    public static String of(CharSequence text) {
        int n = text.length();
        StringBuilder sb = new StringBuilder(n);
        boolean dash = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String f = c < FOLDED.length ? FOLDED[c] : null;
            if (f == null) {
                return dashed(fold(text));
            }
            // Folded, a character below U+2000 is at most a few: nearly always one.
            for (int k = 0; k < f.length(); k++) {
                dash = append(sb, f.charAt(k), dash);
            }
        }
        return sb.toString();
    }

    private static String dashed(String folded) {
        StringBuilder sb = new StringBuilder(folded.length());
        boolean dash = false;
        for (int i = 0; i < folded.length(); i++) {
            dash = append(sb, folded.charAt(i), dash);
        }
        return sb.toString();
    }

    /** Appends an ASCII letter or digit, after a dash when others came before it; returns whether a dash is pending. */
    private static boolean append(StringBuilder sb, char c, boolean dash) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && sb.length() > 0) {
                sb.append('-');
            }
            sb.append(c);
            return false;
        }
        return true;
    }
}
