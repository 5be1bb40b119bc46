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

    /** Removes diacritics ({@code đ} → {@code d}) and lower-cases; keeps everything else. */
    public static String fold(CharSequence text) {
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
        String folded = fold(text);
        StringBuilder sb = new StringBuilder(folded.length());
        boolean dash = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                dash = false;
                sb.append(c);
            } else {
                dash = true;
            }
        }
        return sb.toString();
    }
}
