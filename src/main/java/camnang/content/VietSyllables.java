package camnang.content;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Vietnamese syllables for text hygiene: whether a word can be one, and where the tone mark
 * of {@code oa}, {@code oe}, {@code uy} goes. The search stage knows the same tone placement
 * ({@code camnang.search.Syllables}) but keeps it package-private there, so content has its
 * own small version.
 */
final class VietSyllables {
    private VietSyllables() {
    }

    /** The five tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng. */
    static final String TONES = "\u0300\u0301\u0303\u0309\u0323";
    static final int HUYEN = 1;
    static final int SAC = 2;
    static final int NGA = 3;
    static final int HOI = 4;
    static final int NANG = 5;

    private static final String BASE_VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";

    /** The chars that hold every precomposed Vietnamese letter. */
    private static final int FIRST = 0xC0;
    private static final int LAST = 0x1EF9;
    /** For each char of [FIRST, LAST]: its tone (1–5) or 0; its vowel without the tone; whether it is a Vietnamese letter. */
    private static final byte[] TONE = new byte[LAST - FIRST + 1];
    private static final char[] BASE = new char[LAST - FIRST + 1];
    private static final boolean[] LETTER = new boolean[LAST - FIRST + 1];
    /** Toneless vowel and tone → the toned vowel, as {@code vowel * 8 + tone}. */
    private static final Map<Integer, Character> COMPOSE = new HashMap<>();

    static {
        for (char v : BASE_VOWELS.toCharArray()) {
            if (v >= FIRST) {
                LETTER[v - FIRST] = true;
                BASE[v - FIRST] = v;
            }
            for (int t = 1; t <= 5; t++) {
                String s = java.text.Normalizer.normalize(v + "" + TONES.charAt(t - 1), java.text.Normalizer.Form.NFC);
                if (s.length() != 1 || s.charAt(0) < FIRST || s.charAt(0) > LAST) {
                    throw new IllegalStateException("no precomposed form for " + v + " tone " + t);
                }
                char c = s.charAt(0);
                TONE[c - FIRST] = (byte) t;
                BASE[c - FIRST] = v;
                LETTER[c - FIRST] = true;
                COMPOSE.put(v * 8 + t, c);
            }
        }
        LETTER['đ' - FIRST] = true;
        LETTER['Đ' - FIRST] = true;
    }

    /** The tone (1–5) of a precomposed vowel, or 0. */
    static int tone(char c) {
        return c < FIRST || c > LAST ? 0 : TONE[c - FIRST];
    }

    /** The vowel without its tone mark (other diacritics kept); other chars as they are. */
    static char base(char c) {
        return c < FIRST || c > LAST || TONE[c - FIRST] == 0 ? c : BASE[c - FIRST];
    }

    static char withTone(char base, int tone) {
        return tone == 0 ? base : COMPOSE.get(base * 8 + tone);
    }

    static boolean isVowel(char c) {
        return BASE_VOWELS.indexOf(base(c)) >= 0;
    }

    /** A letter of the Vietnamese alphabet (with or without marks), either case; f, j, w, z too, for loan words. */
    static boolean isLetter(char c) {
        if (c < 0x80) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        return c >= FIRST && c <= LAST && LETTER[c - FIRST];
    }

    private static final String[] ONSETS = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
            "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""};

    private static final Set<String> RHYMES = Set.of(
            "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
            "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
            "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
            "e", "ec", "em", "en", "eng", "eo", "ep", "et",
            "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
            "i", "ia", "ich", "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", "im", "in", "inh", "ip", "it", "iu",
            "o", "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay", "oăc", "oăm",
            "oăn", "oăng", "oăt", "oc", "oe", "oen", "oeo", "oet", "oi", "om", "on", "ong", "ooc", "oong", "op", "ot",
            "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt",
            "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
            "u", "ua", "uân", "uâng", "uât", "uây", "uc", "uê", "uêch", "uênh", "ui", "um", "un", "ung", "uôc", "uôi",
            "uôm", "uôn", "uông", "uôt", "up", "ut", "uơ", "uy", "uya", "uych", "uyên", "uyêt", "uyn", "uynh", "uyp",
            "uyt", "uyu",
            "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", "ưt", "ưu",
            "y", "yêm", "yên", "yêng", "yêt", "yêu");

    /**
     * Whether {@code word} (NFC, any case but not mixed inside the word) can be one Vietnamese
     * syllable: an initial consonant, a rhyme the language has, at most one tone mark, and
     * only sắc or nặng before a final c, ch, p, t.
     */
    static boolean valid(String word) {
        if (word.isEmpty() || word.length() > 7) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (!lower.equals(word) && !word.toUpperCase(Locale.ROOT).equals(word)
                && !(Character.isUpperCase(word.charAt(0)) && lower.substring(1).equals(word.substring(1)))) {
            return false;
        }
        StringBuilder base = new StringBuilder(lower.length());
        int tone = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int t = tone(c);
            if (t != 0) {
                if (tone != 0) {
                    return false;
                }
                tone = t;
            }
            if (!isLetter(c)) {
                return false;
            }
            base.append(base(c));
        }
        String b = base.toString();
        for (String onset : ONSETS) {
            if (!b.startsWith(onset)) {
                continue;
            }
            String rhyme = b.substring(onset.length());
            if (onset.equals("gi") && rhyme.isEmpty()) {
                rhyme = "i";
                onset = "g";
            }
            if (!RHYMES.contains(rhyme) || !spelled(onset, rhyme)) {
                continue;
            }
            if (rhyme.endsWith("c") || rhyme.endsWith("ch") || rhyme.endsWith("p") || rhyme.endsWith("t")) {
                if (tone != SAC && tone != NANG) {
                    continue;
                }
            }
            return true;
        }
        return false;
    }

    /** Spelling rules between the initial and the rhyme: k, gh, ngh before i, e, ê, y; c, ng elsewhere. */
    private static boolean spelled(String onset, String rhyme) {
        char r = rhyme.charAt(0);
        boolean front = r == 'i' || r == 'e' || r == 'ê' || r == 'y';
        switch (onset) {
            case "k", "gh", "ngh":
                return front;
            case "c", "ng":
                return !front;
            case "qu":
                return r != 'u' && r != 'o';
            case "":
                return true;
            default:
                return !(rhyme.startsWith("y") && rhyme.length() > 1);
        }
    }

    /** The two places a tone mark of {@code oa}, {@code oe}, {@code uy} at a syllable's end can take. */
    enum Style {
        /** On the first vowel: hòa, khỏe, thủy. */
        OLD,
        /** On the second vowel: hoà, khoẻ, thuỷ. */
        NEW
    }

    /**
     * The tone style of the syllable {@code s[from, to)}, or null when it has no {@code oa},
     * {@code oe}, {@code uy} with a tone at its end (closed syllables such as hoàn, toán,
     * khuyến are written one way only; so is quý).
     */
    static Style style(CharSequence s, int from, int to) {
        if (to - from < 2 || to - from > 5) {
            return null;
        }
        char a = s.charAt(to - 2);
        char b = s.charAt(to - 1);
        char ba = lowerBase(a);
        char bb = lowerBase(b);
        boolean pair = (ba == 'o' && (bb == 'a' || bb == 'e')) || (ba == 'u' && bb == 'y');
        if (!pair) {
            return null;
        }
        int ta = tone(a);
        int tb = tone(b);
        if ((ta == 0) == (tb == 0)) {
            return null;
        }
        // Everything before the pair must be an initial consonant; qu+y is q, u, y.
        char[] onset = new char[to - 2 - from];
        for (int i = 0; i < onset.length; i++) {
            char c = s.charAt(from + i);
            onset[i] = c < 0x80 ? (char) (c | 0x20) : c == 'Đ' ? 'đ' : c;
        }
        String o = new String(onset);
        if (o.endsWith("q") || !ONSET_SET.contains(o)) {
            return null;
        }
        return ta != 0 ? Style.OLD : Style.NEW;
    }

    private static final Set<String> ONSET_SET = Set.of(ONSETS);

    /** The vowel without tone, in lower case (ASCII letters in lower case; other chars as they are). */
    private static char lowerBase(char c) {
        if (c < 0x80) {
            return (char) (c | 0x20);
        }
        char b = base(c);
        return b < FIRST ? (char) (b | 0x20) : Character.toLowerCase(b);
    }

    /** The syllable {@code s[from, to)}, whose {@link #style} is not null, written in {@code target}. */
    static String restyle(CharSequence s, int from, int to, Style target) {
        char a = s.charAt(to - 2);
        char b = s.charAt(to - 1);
        int t = Math.max(tone(a), tone(b));
        char pa = base(a);
        char pb = base(b);
        String head = s.subSequence(from, to - 2).toString();
        return target == Style.OLD ? head + withTone(pa, t) + pb : head + pa + withTone(pb, t);
    }
}
