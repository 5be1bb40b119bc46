package camnang.content;

import java.util.HashMap;
import java.util.Map;

/**
 * The two Vietnamese encodings of before Unicode that still arrive in pasted text: TCVN3 (ABC,
 * fonts {@code .VnTime}) and VNI (fonts {@code VNI-Times}). Text typed in them and opened as
 * Unicode shows each byte as the Windows-1252 character of that byte: {@code ViÖt} (TCVN3) and
 * {@code Vieät} (VNI) for "Việt". The tables map those characters back.
 */
final class LegacyEncodings {
    private LegacyEncodings() {
    }

    enum Encoding {
        TCVN3("TCVN3 (ABC, phông .VnTime)"),
        VNI("VNI (phông VNI-Times)");

        final String label;

        Encoding(String label) {
            this.label = label;
        }
    }

    /** TCVN3 (VN3): one byte per letter; the capitals with a tone mark are not in it (fonts .VnTimeH draw them from the small letters). */
    private static final String TCVN3_PAIRS =
            "¸áµà¶ả·ã¹ạ" + "¨ă¾ắ»ằ¼ẳ½ẵÆặ" + "©âÊấÇầÈẩÉẫËậ"
            + "ÐéÌèÎẻÏẽÑẹ" + "ªêÕếÒềÓểÔễÖệ" + "Ýí×ìØỉÜĩÞị"
            + "ãóßòáỏâõäọ" + "«ôèốåồæổçỗéộ" + "¬ơíớêờëởìỡîợ"
            + "óúïùñủòũôụ" + "\u00ADưøứõừöử÷ữùự"
            + "ýýúỳûỷüỹþỵ" + "®đ" + "¡Ă¢Â£Ê¤Ô¥Ơ¦Ư§Đ";

    private static final Map<Character, Character> TCVN3 = new HashMap<>();

    static {
        String p = TCVN3_PAIRS;
        for (int i = 0; i + 1 < p.length(); i += 2) {
            TCVN3.put(p.charAt(i), p.charAt(i + 1));
        }
    }

    /** VNI: a base letter, then a character for the mark: tone (ù ø û õ ï), circumflex (â á à å ã ä), breve (ê é è ú ü ë). */
    private static final String VNI_TONES = "ùøûõï";
    private static final String VNI_HAT = "âáàåãä";
    private static final String VNI_BREVE = "êéèúüë";
    /** Letters VNI writes in one byte: ơ ư i with tones, ỵ, đ. */
    private static final String VNI_SINGLE = "ôơöưííììæỉóĩòịîỵñđ";

    private static final Map<String, Character> VNI_PAIRS = new HashMap<>();
    private static final Map<Character, Character> VNI_ONE = new HashMap<>();

    static {
        // Tones in VNI order: sắc, huyền, hỏi, ngã, nặng.
        int[] tones = {VietSyllables.SAC, VietSyllables.HUYEN, VietSyllables.HOI, VietSyllables.NGA, VietSyllables.NANG};
        for (char base : "aeouyơư".toCharArray()) {
            char written = base == 'ơ' ? 'ô' : base == 'ư' ? 'ö' : base;
            for (int t = 0; t < 5; t++) {
                pair(written, VNI_TONES.charAt(t), VietSyllables.withTone(base, tones[t]));
            }
        }
        for (char base : "aeo".toCharArray()) {
            char hat = base == 'a' ? 'â' : base == 'e' ? 'ê' : 'ô';
            pair(base, VNI_HAT.charAt(0), hat);
            for (int t = 0; t < 5; t++) {
                pair(base, VNI_HAT.charAt(t + 1), VietSyllables.withTone(hat, tones[t]));
            }
        }
        pair('a', VNI_BREVE.charAt(0), 'ă');
        for (int t = 0; t < 5; t++) {
            pair('a', VNI_BREVE.charAt(t + 1), VietSyllables.withTone('ă', tones[t]));
        }
        for (int i = 0; i < VNI_SINGLE.length(); i += 2) {
            char from = VNI_SINGLE.charAt(i);
            char to = VNI_SINGLE.charAt(i + 1);
            VNI_ONE.put(from, to);
            VNI_ONE.put(Character.toUpperCase(from), Character.toUpperCase(to));
        }
    }

    /** A base letter and its mark, both cases: VNI's capitals use the capital of the mark's byte as well. */
    private static void pair(char base, char mark, char result) {
        VNI_PAIRS.put("" + base + mark, result);
        VNI_PAIRS.put("" + Character.toUpperCase(base) + Character.toUpperCase(mark), Character.toUpperCase(result));
        VNI_PAIRS.put("" + Character.toUpperCase(base) + mark, Character.toUpperCase(result));
    }

    /** Whether {@code c} can be part of a word in either encoding (besides ASCII letters). */
    static boolean isLegacyChar(char c) {
        return TCVN3.containsKey(c) || VNI_ONE.containsKey(c) || isVniMark(c);
    }

    private static boolean isVniMark(char c) {
        char l = Character.toLowerCase(c);
        return VNI_TONES.indexOf(l) >= 0 || VNI_HAT.indexOf(l) >= 0 || VNI_BREVE.indexOf(l) >= 0;
    }

    /**
     * {@code word} read in {@code e}, or null when a character of it has no meaning there.
     * TCVN3's small letters in a word of ASCII capitals (two or more) become capitals: a title
     * typed in {@code .VnTimeH}.
     */
    static String convert(String word, Encoding e) {
        return e == Encoding.TCVN3 ? tcvn3(word) : vni(word);
    }

    private static String tcvn3(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        int asciiUpper = 0;
        boolean asciiLower = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x80) {
                asciiUpper += Character.isUpperCase(c) ? 1 : 0;
                asciiLower |= Character.isLowerCase(c);
                sb.append(c);
                continue;
            }
            Character u = TCVN3.get(c);
            if (u == null) {
                return null;
            }
            sb.append(u.charValue());
        }
        if (asciiUpper >= 2 && !asciiLower) {
            return sb.toString().toUpperCase(java.util.Locale.ROOT);
        }
        return sb.toString();
    }

    private static String vni(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        int i = 0;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (i + 1 < word.length()) {
                Character p = VNI_PAIRS.get(word.substring(i, i + 2));
                if (p != null) {
                    sb.append(p.charValue());
                    i += 2;
                    continue;
                }
            }
            if (c < 0x80) {
                sb.append(c);
            } else {
                Character one = VNI_ONE.get(c);
                if (one == null) {
                    return null;
                }
                sb.append(one.charValue());
            }
            i++;
        }
        return sb.toString();
    }
}
