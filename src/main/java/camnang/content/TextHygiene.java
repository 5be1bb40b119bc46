package camnang.content;

import camnang.Problem;
import camnang.Problems;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pasting from Word leaves in text that the page does not show: decomposed letters
 * (NFD), a legacy encoding (TCVN3, VNI), invisible characters, curly quotes around front
 * matter values, lists indented with tabs, and both tone-mark styles in one page. Each kind
 * is reported once per file, at its first line, with how often it occurs. {@link #fix}
 * repairs a text only when every problem found in it can be repaired.
 */
final class TextHygiene {
    private TextHygiene() {
    }

    enum Kind {
        NFD, LEGACY, LEGACY_MIXED, LEGACY_FONT, ZERO_WIDTH, SOFT_HYPHEN, NBSP_IN_WORD, SMART_QUOTES, TAB_LIST, TONES
    }

    /** One kind of problem in one file: its first line, and a count in the message. */
    record Finding(Kind kind, Problem.Severity severity, int line, String message, String hint) {
    }

    static final String FIX_HINT = "Chạy \"check --fix\" để sửa.";

    /** Adds the problems of {@code text} (a file's whole text, BOM removed) to {@code problems}. */
    static void check(String text, String rel, SiteConfig.ToneMarks tones, Problems problems) {
        for (Finding f : scan(text, tones)) {
            problems.add(f.severity(), rel, f.line(), f.message(), f.hint());
        }
    }

    static List<Finding> scan(String text, SiteConfig.ToneMarks tones) {
        Scan s = new Scan(tones);
        s.run(text);
        return s.findings();
    }

    // ---------------------------------------------------------------- scanning

    private static final Pattern FONT = Pattern.compile("(?i:font)[^\\n]{0,40}?(\\.Vn[A-Z][A-Za-z]*|VNI-[A-Z][A-Za-z]*)");

    /** A count with its first line. */
    private static final class Tally {
        int count;
        int line;

        void add(int n, int at) {
            if (count == 0) {
                line = at;
            }
            count += n;
        }
    }

    private static final class Scan {
        final SiteConfig.ToneMarks tones;
        final List<Finding> out = new ArrayList<>();
        final Tally nfd = new Tally();
        final Tally zeroWidth = new Tally();
        final StringBuilder zeroWidthCodes = new StringBuilder();
        final Tally softHyphen = new Tally();
        final Tally nbsp = new Tally();
        String nbspSample;
        final Tally quotes = new Tally();
        final Tally tabs = new Tally();
        final Tally font = new Tally();
        String fontName;
        final Tally[] style = {new Tally(), new Tally()};
        final List<Map<String, Integer>> styleWords = List.of(new HashMap<>(), new HashMap<>());
        /** Lines holding a character of a legacy encoding inside a word, analysed once the whole file is read. */
        final List<Line> suspects = new ArrayList<>();

        Scan(SiteConfig.ToneMarks tones) {
            this.tones = tones;
        }

        void run(String t) {
            if (t.contains(".Vn") || t.contains("VNI-")) {
                forEachLine(t, (line, from, to) -> {
                    Matcher m = FONT.matcher(t).region(from, to);
                    if (m.find()) {
                        font.add(1, line);
                        fontName = fontName == null ? m.group(1) : fontName;
                    }
                });
            }
            char[] a = t.toCharArray();
            Lines lines = new Lines(t);
            boolean prevListOk = false;
            while (lines.next()) {
                if (lines.code) {
                    continue;
                }
                int from = lines.from;
                int to = lines.to;
                if (lines.frontMatter) {
                    smartQuotes(t, from, to, lines.number);
                } else {
                    // A list indented with a tab under a list item is its sub-list; elsewhere it is Word's.
                    int list = listItem(t, from, to);
                    if (list != 0) {
                        boolean tab = list < 0;
                        if (tab && !prevListOk) {
                            tabs.add(1, lines.number);
                        }
                        prevListOk = !tab || prevListOk;
                    } else if (from < to && !(a[from] == ' ' || a[from] == '\t')) {
                        prevListOk = false;
                    }
                }
                scanLine(t, a, from, to, lines.number);
            }
            // Decomposed text is found by its combining marks and counted by lines, not normalised
            // here: the page is normalised when it is rendered, and doing it twice costs.
            if (nfd.count > 0 && Normalizer.isNormalized(t, Normalizer.Form.NFC)) {
                nfd.count = 0;
            }
            legacy();
        }

        /** What a character may be the start of; most of the text is ASCII or 0 here. */
        private static final byte INVISIBLE = 1;
        private static final byte NBSP = 2;
        private static final byte MARK = 3;
        private static final byte COMBINING = 4;
        /** A toned a, e, y (the second vowel of hoà, khoẻ, thuỷ) or o, u (the first of hòa, khỏe, thủy). */
        private static final byte TONED_A_E = 5;
        private static final byte TONED_Y = 6;
        private static final byte TONED_O = 7;
        private static final byte TONED_U = 8;
        /** Every char's class: one lookup without a branch on ASCII, which Vietnamese text mixes closely with the rest. */
        private static final byte[] CLASS = new byte[0x10000];

        static {
            for (char c = 0x80; c < 0x2100; c++) {
                char b = Character.toLowerCase(VietSyllables.base(c));
                if (c <= 0xFF && MARKER[c]) {
                    CLASS[c] = MARK;
                } else if (VietSyllables.tone(c) != 0) {
                    CLASS[c] = b == 'a' || b == 'e' ? TONED_A_E : b == 'y' ? TONED_Y : b == 'o' ? TONED_O : b == 'u' ? TONED_U : 0;
                } else if (c >= 0x300 && c <= 0x36F) {
                    CLASS[c] = COMBINING;
                }
            }
            for (char c : "\u200B\u200C\u200D\u2060\u00AD".toCharArray()) {
                CLASS[c] = INVISIBLE;
            }
            CLASS[0xA0] = NBSP;
            CLASS[0x202F] = NBSP;
            CLASS[0xFEFF] = INVISIBLE;
        }

        private void scanLine(String t, char[] a, int from, int to, int number) {
            boolean suspect = false;
            boolean combining = false;
            byte[] classes = CLASS;
            for (int i = from; i < to; i++) {
                char c = a[i];
                byte k = classes[c];
                if (k == 0) {
                    continue;
                }
                switch (k) {
                    case TONED_A_E, TONED_Y, TONED_O, TONED_U -> tone(t, a, from, to, i, k, number);
                    case MARK -> suspect = suspect || i > from && isWordish(a[i - 1]) || i + 1 < to && isWordish(a[i + 1]);
                    case COMBINING -> combining = true;
                    case NBSP -> nbspInWord(t, from, to, i, number);
                    default -> {
                        if (c == '\u00AD') {
                            // Also TCVN3's ư (n­íc for "nước").
                            softHyphen.add(1, number);
                            suspect = suspect || i > from && isWordish(a[i - 1]) && i + 1 < to && isWordish(a[i + 1]);
                        } else if (c != '\u200D' || !(i > from && (Character.isSurrogate(a[i - 1]) || a[i - 1] == '\uFE0F'))) {
                            // A joiner after an emoji joins emoji (👨‍👩‍👧); elsewhere it is a stray.
                            zeroWidth(c, number);
                        }
                    }
                }
            }
            if (combining) {
                nfd.add(1, number);
            }
            if (suspect) {
                suspects.add(new Line(t.substring(from, to), number));
            }
        }

        /**
         * Notes the tone style of the syllable around the toned vowel at {@code i} when it ends
         * in oa, oe or uy: hòa (the mark, then the last vowel) or hoà (the last vowel is marked).
         */
        private void tone(String t, char[] a, int from, int to, int i, byte k, int number) {
            int end;
            if (k == TONED_A_E || k == TONED_Y) {
                char p = i > from ? (char) (a[i - 1] | 0x20) : 0;
                if (!(p == 'o' && k == TONED_A_E || p == 'u' && k == TONED_Y)) {
                    return;
                }
                end = i + 1;
            } else {
                char n = i + 1 < to ? (char) (a[i + 1] | 0x20) : 0;
                if (!(k == TONED_O && (n == 'a' || n == 'e') || k == TONED_U && n == 'y')) {
                    return;
                }
                end = i + 2;
            }
            if (end < to && Character.isLetter(t.charAt(end))) {
                return;
            }
            int start = end - 2;
            while (start > from && Character.isLetter(t.charAt(start - 1))) {
                start--;
            }
            if (mentioned(t, from, to, start, end)) {
                return;
            }
            int slot = seen(t, start, end);
            VietSyllables.Style st = seenStyle[slot];
            if (st != null) {
                style[st.ordinal()].add(1, number);
                styleWords.get(st.ordinal()).merge(seenLower[slot], 1, Integer::sum);
            }
        }

        /*
         * The last few words ending in oa, oe or uy, with their style and lower case: a page says
         * "hòa giải" a hundred times, and each was cut out, lower-cased and looked up anew.
         */
        private final String[] seenRaw = new String[8];
        private final VietSyllables.Style[] seenStyle = new VietSyllables.Style[8];
        private final String[] seenLower = new String[8];
        private int seenNext;

        /** The slot of the word {@code t[start, end)} among those seen, filled first if it is new. */
        private int seen(String t, int start, int end) {
            int len = end - start;
            for (int k = 0; k < seenRaw.length; k++) {
                String r = seenRaw[k];
                if (r != null && r.length() == len && t.regionMatches(start, r, 0, len)) {
                    return k;
                }
            }
            int k = seenNext;
            seenNext = (seenNext + 1) % seenRaw.length;
            String raw = t.substring(start, end);
            seenRaw[k] = raw;
            seenStyle[k] = VietSyllables.style(raw, 0, len);
            seenLower[k] = raw.toLowerCase(java.util.Locale.ROOT);
            return k;
        }

        private void zeroWidth(char c, int number) {
            zeroWidth.add(1, number);
            String code = String.format("U+%04X", (int) c);
            if (zeroWidthCodes.indexOf(code) < 0) {
                zeroWidthCodes.append(zeroWidthCodes.length() == 0 ? "" : ", ").append(code);
            }
        }

        /** A non-breaking space that splits a word (Vi ệt), not one between two words. */
        private void nbspInWord(String t, int from, int to, int i, int number) {
            String[] halves = around(t, from, to, i);
            if (halves != null && isInsideWord(halves[0], halves[1])) {
                nbsp.add(1, number);
                if (nbspSample == null) {
                    nbspSample = halves[0] + " " + halves[1];
                }
            }
        }

        private void smartQuotes(String t, int from, int to, int number) {
            if (quotedValue(t.substring(from, to)) != null) {
                quotes.add(1, number);
            }
        }

        // -------------------------------------------------------- legacy encodings

        private void legacy() {
            if (suspects.isEmpty()) {
                return;
            }
            LegacyEncodings.Encoding e = chooseEncoding(suspects);
            if (e == null) {
                return;
            }
            // Lines of legacy text alone are an error when they show at least two different words;
            // a word or two among Unicode text (often a scan's misread) only a warning.
            Tally pure = new Tally();
            Tally mixed = new Tally();
            java.util.Set<String> pureWords = new java.util.HashSet<>();
            List<LineInfo> infos = new ArrayList<>();
            for (Line l : suspects) {
                LineInfo info = analyse(l.text, e);
                infos.add(info);
                if (info.unicode == 0) {
                    info.evidence.forEach(w -> pureWords.add(w[0]));
                }
            }
            boolean error = pureWords.size() >= 2;
            String[] sample = null;
            String[] mixedSample = null;
            int shyInLegacy = 0;
            for (int k = 0; k < suspects.size(); k++) {
                Line l = suspects.get(k);
                LineInfo info = infos.get(k);
                if (info.evidence.isEmpty()) {
                    continue;
                }
                if (info.unicode == 0 && error) {
                    pure.add(1, l.number);
                    sample = sample == null ? info.evidence.get(0) : sample;
                } else if (info.evidence.size() >= 2 || info.evidence.get(0)[0].length() >= 3) {
                    mixed.add(1, l.number);
                    mixedSample = mixedSample == null ? info.evidence.get(0) : mixedSample;
                } else {
                    continue;
                }
                if (e == LegacyEncodings.Encoding.TCVN3) {
                    for (String[] w : info.evidence) {
                        shyInLegacy += count(w[0], '\u00AD');
                    }
                }
            }
            if (sample == null && mixedSample == null) {
                return;
            }
            softHyphen.count -= shyInLegacy;
            legacyPure = pure;
            legacyMixed = mixed;
            legacyEncoding = e;
            legacySample = sample;
            legacyMixedSample = mixedSample;
        }

        Tally legacyPure;
        Tally legacyMixed;
        LegacyEncodings.Encoding legacyEncoding;
        String[] legacySample;
        String[] legacyMixedSample;

        List<Finding> findings() {
            String fix = " " + FIX_HINT;
            if (nfd.count > 0) {
                out.add(new Finding(Kind.NFD, Problem.Severity.WARNING, nfd.line,
                        "chữ ở dạng tổ hợp (NFD: dấu tách rời chữ cái)" + lines(nfd),
                        "Trang vẫn hiện đúng nhưng tìm kiếm và so khớp chữ có thể sai." + fix));
            }
            if (legacyEncoding != null) {
                String hint = "Chạy \"check --fix\" để chuyển sang Unicode, hoặc mở tệp gốc bằng Word, chuyển mã "
                        + legacyEncoding.name() + " → Unicode (Unikey) rồi lưu lại.";
                if (legacyPure.count > 0) {
                    out.add(new Finding(Kind.LEGACY, Problem.Severity.ERROR, legacyPure.line,
                            "chữ gõ bằng bảng mã cũ " + legacyEncoding.label + ", không phải Unicode: "
                                    + reading(legacySample) + lines(legacyPure), hint));
                }
                if (legacyMixed.count > 0) {
                    out.add(new Finding(Kind.LEGACY_MIXED, Problem.Severity.WARNING, legacyMixed.line,
                            "có từ giống chữ gõ bằng bảng mã cũ " + legacyEncoding.label + ": "
                                    + reading(legacyMixedSample) + lines(legacyMixed), hint));
                }
            }
            if (font.count > 0) {
                out.add(new Finding(Kind.LEGACY_FONT, Problem.Severity.WARNING, font.line,
                        "mã HTML còn phông \"" + fontName + "\" của bảng mã cũ" + lines(font),
                        "Chữ Unicode hiện bằng phông này sẽ sai trên máy có phông đó; xóa phần khai báo phông."));
            }
            if (zeroWidth.count > 0) {
                out.add(new Finding(Kind.ZERO_WIDTH, Problem.Severity.WARNING, zeroWidth.line,
                        times(zeroWidth.count) + "ký tự ẩn không có độ rộng (" + zeroWidthCodes + ")" + from(zeroWidth),
                        "Ký tự này không nhìn thấy nhưng làm sai tìm kiếm và ngắt dòng." + fix));
            }
            if (softHyphen.count > 0) {
                out.add(new Finding(Kind.SOFT_HYPHEN, Problem.Severity.WARNING, softHyphen.line,
                        times(softHyphen.count) + "dấu gạch nối ẩn (U+00AD) trong chữ" + from(softHyphen),
                        "Ký tự này không nhìn thấy nhưng làm sai tìm kiếm." + fix));
            }
            if (nbsp.count > 0) {
                out.add(new Finding(Kind.NBSP_IN_WORD, Problem.Severity.WARNING, nbsp.line,
                        times(nbsp.count) + "khoảng trắng không ngắt (U+00A0) chia đôi một chữ: \"" + nbspSample + "\""
                                + from(nbsp),
                        "Khoảng trắng này làm chữ bị tách, tìm kiếm không thấy." + fix));
            }
            if (quotes.count > 0) {
                out.add(new Finding(Kind.SMART_QUOTES, Problem.Severity.WARNING, quotes.line,
                        "giá trị trong phần đầu trang nằm giữa ngoặc kép cong “…” (Word tự đổi), nên ngoặc thành một phần "
                                + "của giá trị" + lines(quotes),
                        "Dùng ngoặc thẳng \"…\"; trong Word tắt tự đổi ngoặc (AutoCorrect)." + fix));
            }
            if (tabs.count > 0) {
                out.add(new Finding(Kind.TAB_LIST, Problem.Severity.WARNING, tabs.line,
                        "danh sách thụt lề bằng phím Tab (thường do dán từ Word): có thể hiện thành khối mã" + lines(tabs),
                        "Xóa Tab ở đầu dòng; mục con thì thụt 4 dấu cách dưới mục cha."));
            }
            toneFinding();
            return List.copyOf(out);
        }

        private void toneFinding() {
            Tally old = style[0];
            Tally nw = style[1];
            if (tones == SiteConfig.ToneMarks.ANY) {
                if (old.count == 0 || nw.count == 0) {
                    return;
                }
                boolean minorityNew = nw.count < old.count || nw.count == old.count && nw.line > old.line;
                Tally minority = minorityNew ? nw : old;
                out.add(new Finding(Kind.TONES, Problem.Severity.NOTICE, minority.line,
                        "trang dùng cả hai kiểu bỏ dấu: kiểu cũ " + old.count + " lần (" + examples(0) + "), kiểu mới "
                                + nw.count + " lần (" + examples(1) + ")",
                        "Chọn một kiểu cho cả trang web trong site.yaml: tone_marks: old (hòa, thủy) hoặc "
                                + "tone_marks: new (hoà, thuỷ); rồi \"check --fix\" đổi theo."));
                return;
            }
            int off = tones == SiteConfig.ToneMarks.OLD ? 1 : 0;
            Tally wrong = style[off];
            if (wrong.count > 0) {
                String chosen = tones == SiteConfig.ToneMarks.OLD ? "kiểu cũ (tone_marks: old)" : "kiểu mới (tone_marks: new)";
                out.add(new Finding(Kind.TONES, Problem.Severity.NOTICE, wrong.line,
                        "trang dùng kiểu bỏ dấu " + (off == 0 ? "cũ" : "mới") + " " + wrong.count + " lần (" + examples(off)
                                + "), khác " + chosen + " đặt trong site.yaml",
                        FIX_HINT));
            }
        }

        /** The two most frequent words of a style. */
        private String examples(int st) {
            List<Map.Entry<String, Integer>> e = new ArrayList<>(styleWords.get(st).entrySet());
            e.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(2, e.size()); i++) {
                sb.append(i == 0 ? "" : ", ").append('"').append(e.get(i).getKey()).append('"');
            }
            return sb.toString();
        }
    }

    private static String reading(String[] w) {
        return "\"" + w[0] + "\" là \"" + w[1] + "\"";
    }

    private static String lines(Tally t) {
        return t.count == 1 ? "" : " (" + t.count + " dòng, từ dòng này)";
    }

    private static String from(Tally t) {
        return t.count == 1 ? "" : ", từ dòng này";
    }

    private static String times(int n) {
        return n == 1 ? "" : n + " ";
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- lines

    private record Line(String text, int number) {
    }

    interface LineVisitor {
        void line(int number, int from, int to);
    }

    /** Each line of {@code t}, without its line break. */
    static void forEachLine(String t, LineVisitor v) {
        int from = 0;
        int number = 1;
        while (from <= t.length()) {
            int nl = t.indexOf('\n', from);
            int end = nl < 0 ? t.length() : nl;
            int to = end > from && t.charAt(end - 1) == '\r' ? end - 1 : end;
            v.line(number, from, to);
            if (nl < 0) {
                break;
            }
            from = nl + 1;
            number++;
        }
    }

    /** Lines with what they are: front matter, inside a fenced code block (fences included), or body. */
    private static final class Lines {
        final String t;
        int number;
        int from;
        int to;
        int next;
        boolean frontMatter;
        boolean code;
        private boolean inFrontMatter;
        private char fence;
        private int fenceLength;

        Lines(String t) {
            this.t = t;
            inFrontMatter = t.startsWith("---\n") || t.startsWith("---\r\n");
        }

        boolean next() {
            if (next > t.length()) {
                return false;
            }
            from = next;
            int nl = t.indexOf('\n', from);
            int end = nl < 0 ? t.length() : nl;
            to = end > from && t.charAt(end - 1) == '\r' ? end - 1 : end;
            next = nl < 0 ? t.length() + 1 : nl + 1;
            number++;
            code = false;
            frontMatter = false;
            if (inFrontMatter) {
                if (number > 1) {
                    String l = t.substring(from, to).stripTrailing();
                    if (l.equals("---") || l.equals("...")) {
                        inFrontMatter = false;
                        return true;
                    }
                    frontMatter = true;
                }
                return true;
            }
            int i = from;
            while (i < to && i - from < 3 && t.charAt(i) == ' ') {
                i++;
            }
            char c = i < to ? t.charAt(i) : 0;
            int n = 0;
            while (i + n < to && t.charAt(i + n) == c && (c == '`' || c == '~')) {
                n++;
            }
            if (fence != 0) {
                code = true;
                if (c == fence && n >= fenceLength && t.substring(i + n, to).isBlank()) {
                    fence = 0;
                }
            } else if (n >= 3) {
                fence = c;
                fenceLength = n;
                code = true;
            }
            return true;
        }
    }

    /** 1 for a list item, -1 for one indented with a tab, 0 for any other line. */
    private static int listItem(String t, int from, int to) {
        int i = from;
        boolean tab = false;
        while (i < to && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            tab |= t.charAt(i) == '\t' && i == from;
            i++;
        }
        if (i >= to) {
            return 0;
        }
        char c = t.charAt(i);
        int j = i + 1;
        if (c == '-' || c == '*' || c == '+' || c == '•') {
            // a marker alone
        } else if (c >= '0' && c <= '9') {
            while (j < to && j - i < 9 && Character.isDigit(t.charAt(j))) {
                j++;
            }
            if (j >= to || t.charAt(j) != '.' && t.charAt(j) != ')') {
                return 0;
            }
            j++;
        } else if (c >= 'a' && c <= 'z' || c == 'đ') {
            if (j >= to || t.charAt(j) != ')' && t.charAt(j) != '.') {
                return 0;
            }
            j++;
        } else {
            return 0;
        }
        if (j < to && t.charAt(j) != ' ' && t.charAt(j) != '\t') {
            return 0;
        }
        return tab ? -1 : 1;
    }

    // ---------------------------------------------------------------- words

    /** Vietnamese letters that Latin-1 holds: in Unicode text they are letters, not a legacy byte. */
    private static final String LATIN1_VIET = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";

    /** A character of 0x80–0xFF that Vietnamese written in Unicode does not use, but a legacy encoding does. */
    static boolean isMarker(char c) {
        return c <= 0xFF && MARKER[c];
    }

    private static final boolean[] MARKER = new boolean[256];

    static {
        for (char c = 0xA1; c <= 0xFF; c++) {
            MARKER[c] = LATIN1_VIET.indexOf(c) < 0 && LegacyEncodings.isLegacyChar(c);
        }
    }

    private static boolean isWordish(char c) {
        return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : c != '\u00A0' && (Character.isLetter(c) || isMarker(c));
    }

    /** A letter of a word that may be in a legacy encoding: ASCII, a legacy character, or any Unicode letter or mark. */
    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        }
        if (c <= 0xFF) {
            return c != '\u00A0' && (LATIN1_VIET.indexOf(c) >= 0 || LegacyEncodings.isLegacyChar(c));
        }
        int type = Character.getType(c);
        return Character.isLetter(c) || type == Character.NON_SPACING_MARK;
    }

    /** Whether a word holds a letter only Unicode has (ư, ơ, đ, ạ, …): it is not in a legacy encoding. */
    private static boolean isUnicodeWord(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) > 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLatin1(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= 0x80 && c <= 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAsciiLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 0x80 && (c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                return true;
            }
        }
        return false;
    }

    /**
     * What a line's words say about an encoding: evidence (not a Vietnamese word as it stands,
     * a Vietnamese syllable read in {@code e}), words only Unicode can hold, and ambiguous words
     * (a syllable both ways, such as TCVN3's {@code mét} for "một") among evidence.
     */
    static final class LineInfo {
        final List<String[]> evidence = new ArrayList<>();
        final List<String[]> ambiguous = new ArrayList<>();
        /** Words with chars of 0x80–0xFF and their reading, or null where it has none. */
        final List<String[]> latin1 = new ArrayList<>();
        int unicode;
    }

    static LineInfo analyse(String line, LegacyEncodings.Encoding e) {
        LineInfo info = new LineInfo();
        // Words readable both ways matter only within a stretch of legacy words: a Unicode word
        // (or one whose legacy reading is no syllable) ends the stretch.
        List<String[]> maybe = new ArrayList<>();
        boolean stretchHasEvidence = false;
        int i = 0;
        while (i <= line.length()) {
            if (i < line.length() && !isWordChar(line.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < line.length() && isWordChar(line.charAt(i))) {
                i++;
            }
            String w = line.substring(start, i);
            boolean boundary = i >= line.length() && w.isEmpty();
            String read = null;
            if (!boundary && isUnicodeWord(w)) {
                info.unicode += hasViet(w) ? 1 : 0;
                boundary = true;
            } else if (!boundary && hasLatin1(w)) {
                read = LegacyEncodings.convert(w, e);
                info.latin1.add(new String[] {w, read});
                boolean reads = read != null && !read.equals(w) && VietSyllables.valid(read);
                if (!reads) {
                    boundary = true;
                } else if (VietSyllables.valid(w)) {
                    maybe.add(new String[] {w, read});
                } else if (w.length() >= 2 && hasAsciiLetter(w) && w.charAt(0) != 'µ'
                        && !(start > 0 && Character.isDigit(line.charAt(start - 1)))
                        && !(i < line.length() && Character.isDigit(line.charAt(i)))) {
                    // Not µ before a unit (µm: the micro sign, not TCVN3's à), nor a symbol between figures (20C÷20C).
                    info.evidence.add(new String[] {w, read});
                    stretchHasEvidence = true;
                }
            }
            if (boundary) {
                if (stretchHasEvidence) {
                    info.ambiguous.addAll(maybe);
                }
                maybe.clear();
                stretchHasEvidence = false;
            }
            if (i >= line.length()) {
                break;
            }
        }
        return info;
    }

    private static boolean hasViet(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c > 0xFF && (VietSyllables.isLetter(c) || c >= '\u0300' && c <= '\u0323')) {
                return true;
            }
        }
        return false;
    }

    /** The encoding most words of the suspect lines read as, or null when none does. */
    private static LegacyEncodings.Encoding chooseEncoding(List<Line> lines) {
        int tcvn = 0;
        int vni = 0;
        for (Line l : lines) {
            tcvn += analyse(l.text, LegacyEncodings.Encoding.TCVN3).evidence.size();
            vni += analyse(l.text, LegacyEncodings.Encoding.VNI).evidence.size();
        }
        if (tcvn == 0 && vni == 0) {
            return null;
        }
        return tcvn >= vni ? LegacyEncodings.Encoding.TCVN3 : LegacyEncodings.Encoding.VNI;
    }

    /**
     * Whether a non-breaking space between {@code left} and {@code right} splits one word: the two
     * together make a Vietnamese syllable, and apart one of them is not one ("tr ường"). Two
     * syllables (pháp luật, Thú y) are two words.
     */
    static boolean isInsideWord(String left, String right) {
        String whole = left + right;
        if (!VietSyllables.valid(whole)) {
            return false;
        }
        return !VietSyllables.valid(left) || !VietSyllables.valid(right);
    }

    // ---------------------------------------------------------------- front matter quotes

    /** The parts of a front matter line whose whole value is in curly quotes: head, opening, inner, closing; else null. */
    static String[] quotedValue(String line) {
        int v;
        String trimmed = line.stripLeading();
        int indent = line.length() - trimmed.length();
        if (trimmed.startsWith("- ")) {
            v = indent + 2;
        } else {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                return null;
            }
            v = colon + 2;
        }
        while (v < line.length() && line.charAt(v) == ' ') {
            v++;
        }
        String value = line.substring(v).stripTrailing();
        if (value.length() < 2) {
            return null;
        }
        char open = value.charAt(0);
        char close = value.charAt(value.length() - 1);
        boolean dbl = (open == '“' || open == '”') && (close == '”' || close == '“');
        boolean sgl = (open == '‘' || open == '’') && (close == '’' || close == '‘');
        if (!dbl && !sgl) {
            return null;
        }
        String inner = value.substring(1, value.length() - 1);
        // “A” và “B” is typography inside a value, not quotes around it.
        if (dbl && (inner.indexOf('“') >= 0 || inner.indexOf('”') >= 0)) {
            return null;
        }
        return new String[] {line.substring(0, v), String.valueOf(open), inner, line.substring(v + value.length())};
    }

    // ---------------------------------------------------------------- fixing

    /**
     * The repaired text and what was repaired, or, when something found cannot be repaired
     * completely, the text unchanged and why.
     *
     * @param changes one line per kind: its first line and what was done
     * @param refused the line and reason when the text cannot be repaired completely, else null
     */
    record Fixed(String text, List<Change> changes, Change refused) {
        boolean changed() {
            return refused == null && !changes.isEmpty();
        }
    }

    record Change(int line, String what) {
    }

    static Fixed fix(String text, SiteConfig.ToneMarks tones) {
        List<Finding> todo = new ArrayList<>();
        for (Finding f : scan(text, tones)) {
            if (f.kind() == Kind.TONES && tones == SiteConfig.ToneMarks.ANY) {
                // Without a style chosen for the site, mixing is a notice, not something to repair.
                continue;
            }
            if (f.kind() == Kind.TAB_LIST || f.kind() == Kind.LEGACY_FONT) {
                return refused(text, f.line(), f.message() + "; phải sửa tay");
            }
            todo.add(f);
        }
        if (todo.isEmpty()) {
            return new Fixed(text, List.of(), null);
        }
        List<Change> changes = new ArrayList<>();
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        Finding nfd = find(todo, Kind.NFD);
        if (nfd != null) {
            changes.add(new Change(nfd.line(), "chuyển chữ dạng tổ hợp (NFD) sang dạng dựng sẵn (NFC)" + onLines(nfd)));
        }
        if (find(todo, Kind.LEGACY) != null || find(todo, Kind.LEGACY_MIXED) != null) {
            Legacy l = fixLegacy(t);
            if (l.refused != null) {
                return new Fixed(text, List.of(), l.refused);
            }
            t = l.text;
            changes.add(new Change(l.line, "chuyển " + l.words + " từ gõ bằng bảng mã " + l.encoding.name()
                    + " sang Unicode" + (l.lines == 1 ? "" : " trên " + l.lines + " dòng")));
        }
        // The other repairs run whatever the first scan saw: converted legacy text has tone marks of its own.
        Tally zeroWidth = new Tally();
        Tally softHyphens = new Tally();
        Tally nbsp = new Tally();
        t = fixInvisible(t, zeroWidth, softHyphens, nbsp);
        if (zeroWidth.count > 0) {
            changes.add(new Change(zeroWidth.line, "xóa " + zeroWidth.count + " ký tự ẩn không có độ rộng"));
        }
        if (softHyphens.count > 0) {
            changes.add(new Change(softHyphens.line, "xóa " + softHyphens.count + " dấu gạch nối ẩn"));
        }
        if (nbsp.count > 0) {
            changes.add(new Change(nbsp.line, "nối lại " + nbsp.count + " chữ bị khoảng trắng không ngắt chia đôi"));
        }
        if (tones != SiteConfig.ToneMarks.ANY) {
            Tally restyled = new Tally();
            t = fixTones(t, tones, restyled);
            if (restyled.count > 0) {
                changes.add(new Change(restyled.line, "đổi " + restyled.count + " chữ sang kiểu bỏ dấu "
                        + (tones == SiteConfig.ToneMarks.OLD ? "cũ (hòa, thủy)" : "mới (hoà, thuỷ)")));
            }
        }
        Finding f = find(todo, Kind.SMART_QUOTES);
        if (f != null) {
            Quotes q = fixQuotes(t);
            if (q.refused != null) {
                return new Fixed(text, List.of(), q.refused);
            }
            t = q.text;
            changes.add(new Change(f.line(), "đổi ngoặc kép cong thành ngoặc thẳng ở " + q.count + " giá trị của phần đầu trang"));
        }
        // A repair is complete only when a new scan finds nothing left to repair.
        for (Finding left : scan(t, tones)) {
            if (!(left.kind() == Kind.TONES && tones == SiteConfig.ToneMarks.ANY)) {
                return refused(text, left.line(), "sau khi sửa vẫn còn: " + left.message());
            }
        }
        changes.sort(java.util.Comparator.comparingInt(Change::line));
        return new Fixed(t, List.copyOf(changes), null);
    }

    private static Fixed refused(String text, int line, String why) {
        return new Fixed(text, List.of(), new Change(line, why));
    }

    private static Finding find(List<Finding> fs, Kind k) {
        for (Finding f : fs) {
            if (f.kind() == k) {
                return f;
            }
        }
        return null;
    }

    /** " trên N dòng" from a finding's message, or nothing for one line. */
    private static String onLines(Finding f) {
        Matcher m = Pattern.compile("\\((\\d+) dòng").matcher(f.message());
        return m.find() ? " trên " + m.group(1) + " dòng" : "";
    }

    private record Legacy(String text, int line, int words, int lines, LegacyEncodings.Encoding encoding, Change refused) {
    }

    /**
     * Legacy text converted. A file without any letter only Unicode has is legacy throughout:
     * every word with a character of 0x80–0xFF is converted. Otherwise only the lines with
     * evidence are: wholly when they hold no Unicode word, else word by word, and a line that
     * also holds a word readable both ways cannot be converted safely.
     */
    private static Legacy fixLegacy(String t) {
        List<Line> all = new ArrayList<>();
        boolean unicode = false;
        Lines lines = new Lines(t);
        while (lines.next()) {
            if (!lines.code) {
                all.add(new Line(t.substring(lines.from, lines.to), lines.number));
            }
        }
        LegacyEncodings.Encoding e = chooseEncoding(all);
        for (Line l : all) {
            if (analyse(l.text, e).unicode > 0) {
                unicode = true;
                break;
            }
        }
        Map<Integer, String> replaced = new HashMap<>();
        int words = 0;
        int first = 0;
        for (Line l : all) {
            LineInfo info = analyse(l.text, e);
            boolean whole = !unicode || info.unicode == 0 && !info.evidence.isEmpty();
            List<String[]> convert;
            if (whole) {
                convert = info.latin1;
                for (String[] w : convert) {
                    if (w[1] == null) {
                        return refusal(l.number, "từ \"" + w[0] + "\" không đọc được theo bảng mã " + e.name()
                                + "; sửa tay dòng này");
                    }
                }
            } else if (!info.evidence.isEmpty()) {
                if (!info.ambiguous.isEmpty()) {
                    String[] a = info.ambiguous.get(0);
                    return refusal(l.number, "dòng trộn chữ Unicode với chữ mã " + e.name() + ", và \"" + a[0]
                            + "\" đọc được cả hai cách (có thể là \"" + a[1] + "\"); sửa tay dòng này");
                }
                convert = info.evidence;
            } else {
                continue;
            }
            String converted = replaceWords(l.text, convert);
            if (!converted.equals(l.text)) {
                replaced.put(l.number, converted);
                words += changedWords(convert);
                first = first == 0 ? l.number : first;
            }
        }
        StringBuilder sb = new StringBuilder(t.length());
        forEachLine(t, (number, from, to) -> {
            String r = replaced.get(number);
            sb.append(r != null ? r : t.substring(from, to));
            int end = t.indexOf('\n', to);
            if (end >= 0) {
                sb.append(t, to, end + 1);
            }
        });
        return new Legacy(sb.toString(), first, words, replaced.size(), e, null);
    }

    private static int changedWords(List<String[]> ws) {
        int n = 0;
        for (String[] w : ws) {
            if (!w[0].equals(w[1])) {
                n++;
            }
        }
        return n;
    }

    private static Legacy refusal(int line, String why) {
        return new Legacy(null, 0, 0, 0, null, new Change(line, why));
    }

    /** Each listed word of the line, where it stands as a whole word, replaced by its reading. */
    private static String replaceWords(String line, List<String[]> words) {
        Map<String, String> map = new HashMap<>();
        for (String[] w : words) {
            map.put(w[0], w[1]);
        }
        StringBuilder sb = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            if (!isWordChar(line.charAt(i))) {
                sb.append(line.charAt(i++));
                continue;
            }
            int start = i;
            while (i < line.length() && isWordChar(line.charAt(i))) {
                i++;
            }
            String w = line.substring(start, i);
            sb.append(map.getOrDefault(w, w));
        }
        return sb.toString();
    }

    /**
     * Invisible characters removed where the scan reports them (not in code blocks; emoji joiners
     * kept). A zero-width space between two whole words becomes a space, so they stay two.
     */
    private static String fixInvisible(String t, Tally zeroWidth, Tally softHyphens, Tally nbsp) {
        StringBuilder sb = new StringBuilder(t.length());
        Lines lines = new Lines(t);
        int copied = 0;
        while (lines.next()) {
            if (lines.code) {
                continue;
            }
            sb.append(t, copied, lines.from);
            for (int i = lines.from; i < lines.to; i++) {
                char c = t.charAt(i);
                switch (c) {
                    case '\u200B', '\u200C', '\u2060', '\uFEFF', '\u200D' -> {
                        if (c == '\u200D' && i > lines.from && (Character.isSurrogate(t.charAt(i - 1)) || t.charAt(i - 1) == '\uFE0F')) {
                            sb.append(c);
                            continue;
                        }
                        zeroWidth.add(1, lines.number);
                        String[] lr = around(t, lines.from, lines.to, i);
                        if (lr != null && VietSyllables.valid(lr[0]) && VietSyllables.valid(lr[1])
                                && !VietSyllables.valid(lr[0] + lr[1])) {
                            sb.append(' ');
                        }
                    }
                    case '\u00AD' -> softHyphens.add(1, lines.number);
                    case '\u00A0', '\u202F' -> {
                        String[] lr = around(t, lines.from, lines.to, i);
                        if (lr != null && isInsideWord(lr[0], lr[1])) {
                            nbsp.add(1, lines.number);
                        } else {
                            sb.append(c);
                        }
                    }
                    default -> sb.append(c);
                }
            }
            copied = lines.to;
        }
        sb.append(t, copied, t.length());
        return sb.toString();
    }

    /** Whether the word {@code t[start, end)} stands alone in quotes (“hoà”): a spelling talked about, not used. */
    static boolean mentioned(String t, int from, int to, int start, int end) {
        if (start == from || end == to) {
            return false;
        }
        char open = t.charAt(start - 1);
        char close = t.charAt(end);
        return open == '“' && close == '”' || open == '‘' && close == '’' || open == '"' && close == '"'
                || open == '\'' && close == '\'' || open == '«' && close == '»';
    }

    /** The letters just before and just after {@code t[i]}, or null when either side has none. */
    private static String[] around(String t, int from, int to, int i) {
        int a = i;
        while (a > from && VietSyllables.isLetter(t.charAt(a - 1))) {
            a--;
        }
        int b = i + 1;
        while (b < to && VietSyllables.isLetter(t.charAt(b))) {
            b++;
        }
        return a < i && b > i + 1 ? new String[] {t.substring(a, i), t.substring(i + 1, b)} : null;
    }

    private static String fixTones(String t, SiteConfig.ToneMarks tones, Tally count) {
        VietSyllables.Style target = tones == SiteConfig.ToneMarks.OLD ? VietSyllables.Style.OLD : VietSyllables.Style.NEW;
        StringBuilder sb = new StringBuilder(t.length());
        Lines lines = new Lines(t);
        int copied = 0;
        while (lines.next()) {
            if (lines.code) {
                continue;
            }
            int i = lines.from;
            while (i < lines.to) {
                if (!Character.isLetter(t.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < lines.to && Character.isLetter(t.charAt(i))) {
                    i++;
                }
                VietSyllables.Style st = mentioned(t, lines.from, lines.to, start, i) ? null : VietSyllables.style(t, start, i);
                if (st != null && st != target) {
                    sb.append(t, copied, start).append(VietSyllables.restyle(t, start, i, target));
                    copied = i;
                    count.add(1, lines.number);
                }
            }
        }
        return sb.append(t, copied, t.length()).toString();
    }

    private record Quotes(String text, int count, Change refused) {
    }

    private static Quotes fixQuotes(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        Lines lines = new Lines(t);
        int copied = 0;
        int n = 0;
        while (lines.next()) {
            if (!lines.frontMatter) {
                continue;
            }
            String[] q = quotedValue(t.substring(lines.from, lines.to));
            if (q == null) {
                continue;
            }
            String inner = q[2];
            String value;
            boolean dbl = q[1].equals("“") || q[1].equals("”");
            if (dbl && inner.indexOf('"') < 0 && inner.indexOf('\\') < 0) {
                value = '"' + inner + '"';
            } else if (inner.indexOf('\'') < 0) {
                value = "'" + inner + "'";
            } else {
                return new Quotes(null, 0, new Change(lines.number,
                        "giá trị có cả ngoặc đơn và ngoặc kép thẳng bên trong; sửa tay dòng này"));
            }
            sb.append(t, copied, lines.from).append(q[0]).append(value).append(q[3]);
            copied = lines.to;
            n++;
        }
        return new Quotes(sb.append(t, copied, t.length()).toString(), n, null);
    }
}
