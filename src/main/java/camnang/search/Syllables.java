package camnang.search;

import java.text.Normalizer;

/**
 * Vietnamese syllables made comparable: one tone-mark placement for {@code oa}, {@code oe},
 * {@code uy} ({@code hoà} → {@code hòa}, {@code thuỷ} → {@code thủy}), and a folded form
 * without diacritics ({@code đ} → {@code d}). Every rule here has its twin in the browser's
 * JavaScript, so both give the same tokens.
 */
final class Syllables {
    private Syllables() {
    }

    /**
     * What each raw syllable became, in each form: a text repeats a few thousand syllables,
     * and the normalisations behind a form cost far more than a lookup. Not thread-safe: one
     * per analyzer component or per thread; cleared when it grows large.
     */
    static final class Memo {
        /** The forms of one raw syllable. */
        static final class Forms {
            private final String exact;
            private final String folded;
            /**
             * The indexer's own ({@link Inverted}): the terms this syllable became in the segment
             * that indexed it last, so that the next occurrence finds them without a lookup.
             */
            Object indexed;

            Forms(String exact, String folded) {
                this.exact = exact;
                this.folded = folded;
            }

            String exact() {
                return exact;
            }

            String folded() {
                return folded;
            }
        }

        private static final int MAX = 1 << 16;
        /**
         * Open addressing on the raw syllable's chars, read straight from the term buffer: a
         * String made for each token and two map lookups were a quarter of the tokenizing.
         */
        private char[][] keys = new char[1024][];
        private Forms[] values = new Forms[1024];
        private int size;

        /** The forms of the syllable in {@code buf[0, len)}. */
        Forms get(char[] buf, int len) {
            return get(buf, 0, len);
        }

        /** The forms of the syllable in {@code buf[off, off + len)}. */
        Forms get(char[] buf, int off, int len) {
            int h = hash(buf, off, len);
            int mask = keys.length - 1;
            int slot = (h ^ (h >>> 16)) & mask;
            for (char[] k; (k = keys[slot]) != null; slot = (slot + 1) & mask) {
                if (java.util.Arrays.equals(k, 0, k.length, buf, off, off + len)) {
                    return values[slot];
                }
            }
            String raw = new String(buf, off, len);
            Forms f = new Forms(Syllables.exact(raw), Syllables.fold(raw));
            if (size >= MAX) {
                keys = new char[1024][];
                values = new Forms[1024];
                size = 0;
                return f;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
                mask = keys.length - 1;
                slot = (h ^ (h >>> 16)) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
            }
            keys[slot] = java.util.Arrays.copyOfRange(buf, off, off + len);
            values[slot] = f;
            size++;
            return f;
        }

        private static int hash(char[] chars, int off, int len) {
            int h = 0;
            for (int i = off, end = off + len; i < end; i++) {
                h = 31 * h + chars[i];
            }
            return h;
        }

        private void grow() {
            char[][] oldKeys = keys;
            Forms[] oldValues = values;
            keys = new char[oldKeys.length * 2][];
            values = new Forms[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                char[] k = oldKeys[i];
                if (k == null) {
                    continue;
                }
                int h = hash(k, 0, k.length);
                int slot = (h ^ (h >>> 16)) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                values[slot] = oldValues[i];
            }
        }
    }

    static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    private static final String VOWELS = "aăâeêioôơuưy";

    /** Lower case, NFC, and the old-style tone placement ({@code hòa}, {@code khỏe}, {@code thủy}) in open syllables. */
    static String exact(String token) {
        String nfd = Normalizer.normalize(token.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        int tonePos = -1;
        char tone = 0;
        for (int i = 0; i < nfd.length(); i++) {
            if (TONES.indexOf(nfd.charAt(i)) >= 0) {
                if (tonePos >= 0) {
                    return Normalizer.normalize(nfd, Normalizer.Form.NFC);
                }
                tonePos = i;
                tone = nfd.charAt(i);
            }
        }
        if (tonePos < 0) {
            return Normalizer.normalize(nfd, Normalizer.Form.NFC);
        }
        String base = Normalizer.normalize(nfd.substring(0, tonePos) + nfd.substring(tonePos + 1), Normalizer.Form.NFC);
        int start = nucleusStart(base);
        int end = start;
        while (end < base.length() && VOWELS.indexOf(base.charAt(end)) >= 0) {
            end++;
        }
        if (end != base.length() || end - start != 2) {
            return Normalizer.normalize(nfd, Normalizer.Form.NFC);
        }
        String nucleus = base.substring(start, end);
        if (!(nucleus.equals("oa") || nucleus.equals("oe") || nucleus.equals("uy"))) {
            return Normalizer.normalize(nfd, Normalizer.Form.NFC);
        }
        String withTone = base.substring(0, start + 1) + tone + base.substring(start + 1);
        return Normalizer.normalize(withTone, Normalizer.Form.NFC);
    }

    /** Where the vowels start: after the initial consonants, with {@code qu} and {@code gi} (before a vowel) as consonants. */
    private static int nucleusStart(String s) {
        if (s.startsWith("qu") && s.length() > 2) {
            return 2;
        }
        if (s.startsWith("gi") && s.length() > 2 && VOWELS.indexOf(s.charAt(2)) >= 0) {
            return 2;
        }
        int i = 0;
        while (i < s.length() && VOWELS.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** Lower case without any diacritic; {@code đ} → {@code d}. */
    static String fold(String token) {
        String nfd = Normalizer.normalize(token.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            sb.append(c == 'đ' ? 'd' : c);
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }
}
