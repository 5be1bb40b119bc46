package camnang.markdown;

import camnang.Slug;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units of a Vietnamese legal text: Phần, Chương, Mục, Điều. Plain lines that open one
 * ({@code Chương I}, {@code Điều 7. Tiêu chuẩn hòa giải viên}, {@code Điều 37.1.LQ.7. …}) become
 * headings, and every heading that opens one gets an id of one readable scheme:
 * {@code phan-1}, {@code chuong-2}, {@code chuong-2-muc-1}, {@code dieu-7}, {@code dieu-37-1-lq-7};
 * numbered paragraphs inside an Điều get {@code dieu-7-khoan-2} and {@code dieu-7-khoan-2-diem-dd}
 * (see {@link #pointId}).
 */
final class LegalStructure {
    static final String PHAN = "phan";
    static final String CHUONG = "chuong";
    static final String MUC = "muc";
    static final String DIEU = "dieu";

    /** An article's number: {@code 7}, {@code 7a}, or a code of the legal code book {@code 37.1.LQ.7}, {@code 16.1.NĐ.1.1a}. */
    private static final String ARTICLE = "(\\d{1,4}[a-zđ]?|\\d+(?:\\.\\d+)*\\.\\p{Lu}{1,3}(?:\\.\\d+[a-zđ]?)+)";
    static final Pattern DIEU_LINE = Pattern.compile("(?:Điều|ĐIỀU)\\s+" + ARTICLE + "\\.(?:\\s+(.*))?");
    private static final Pattern CHUONG_LINE = Pattern.compile("(?:Chương|CHƯƠNG)\\s+([IVXLC]{1,7}|\\d{1,3})(?:\\s*[.:\\-–—]?\\s+(.*)|\\.)?");
    private static final Pattern MUC_LINE = Pattern.compile("(?:Mục|MỤC)\\s+(\\d{1,3})(?:\\s*[.:\\-–—]?\\s+(.*)|\\.)?");
    private static final Pattern PHAN_LINE = Pattern.compile(
            "(?:Phần|PHẦN)\\s+((?:thứ|THỨ)\\s+[\\p{L}]+|[IVXLC]{1,7}|\\d{1,2})(?:\\s*[.:\\-–—]?\\s+(.*)|\\.)?");

    private static final String[] ORDINALS = {"nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi",
            "muoi-mot", "muoi-hai", "muoi-ba", "muoi-bon", "muoi-lam"};

    /** A unit opened by a heading's or a line's text. */
    record Unit(String kind, String number, String title) {
    }

    private LegalStructure() {
    }

    /** The unit {@code text} opens, or null; bold markers around it are ignored. */
    static Unit unit(String text) {
        String t = strip(text);
        if (t.length() < 5) {
            return null;
        }
        // Most lines open with none of the four words: one look at the first letter spares four regexes.
        char c = t.charAt(0);
        if (c != 'Đ' && c != 'C' && c != 'M' && c != 'P') {
            return null;
        }
        Matcher m = DIEU_LINE.matcher(t);
        if (m.matches()) {
            return new Unit(DIEU, m.group(1), m.group(2) == null ? "" : m.group(2).strip());
        }
        m = CHUONG_LINE.matcher(t);
        if (m.matches()) {
            return new Unit(CHUONG, m.group(1), m.group(2) == null ? "" : m.group(2).strip());
        }
        m = MUC_LINE.matcher(t);
        if (m.matches()) {
            return new Unit(MUC, m.group(1), m.group(2) == null ? "" : m.group(2).strip());
        }
        m = PHAN_LINE.matcher(t);
        if (m.matches()) {
            return new Unit(PHAN, m.group(1), m.group(2) == null ? "" : m.group(2).strip());
        }
        return null;
    }

    private static String strip(String text) {
        String t = text.strip();
        while (t.length() > 4 && (t.startsWith("**") && t.endsWith("**") || t.startsWith("__") && t.endsWith("__"))) {
            t = t.substring(2, t.length() - 2).strip();
        }
        return t;
    }

    /** {@code I} → 1, {@code XII} → 12; digits as they are. */
    static String arabic(String number) {
        if (number.chars().allMatch(Character::isDigit)) {
            return String.valueOf(Integer.parseInt(number));
        }
        String n = Slug.of(number);
        if (n.startsWith("thu-")) {
            String o = n.substring(4);
            for (int i = 0; i < ORDINALS.length; i++) {
                if (ORDINALS[i].equals(o) || (i == 3 && o.equals("bon")) || (i == 0 && o.equals("mot"))) {
                    return String.valueOf(i + 1);
                }
            }
            return o;
        }
        int total = 0;
        int prev = 0;
        for (int i = n.length() - 1; i >= 0; i--) {
            int v = switch (n.charAt(i)) {
                case 'i' -> 1;
                case 'v' -> 5;
                case 'x' -> 10;
                case 'l' -> 50;
                case 'c' -> 100;
                default -> 0;
            };
            total += v < prev ? -v : v;
            prev = Math.max(prev, v);
        }
        return String.valueOf(total);
    }

    /** The id of an article: {@code dieu-7}, {@code dieu-37-1-lq-7}, {@code dieu-7a}. */
    static String articleId(String number) {
        return "dieu-" + Slug.of(number.replace("đ", "dd"));
    }

    /**
     * Ids of headings in document order. Mục numbers restart in each Chương, so a Mục's id
     * carries its Chương's.
     */
    static final class Ids {
        private String chuong = "";

        /** The legal id of a heading, or null when it opens no unit. */
        String of(String headingText) {
            Unit u = unit(headingText);
            if (u == null) {
                return null;
            }
            return switch (u.kind()) {
                case DIEU -> articleId(u.number());
                case CHUONG -> {
                    chuong = "chuong-" + arabic(u.number());
                    yield chuong;
                }
                case MUC -> (chuong.isEmpty() ? "" : chuong + "-") + "muc-" + arabic(u.number());
                default -> {
                    chuong = "";
                    yield "phan-" + arabic(u.number());
                }
            };
        }
    }

    private static final Pattern LEGACY = Pattern.compile("(dieu-\\d{1,4}[a-z]?|chuong-[ivxlc]+|muc-\\d+)(?:-[a-z0-9-]+)?");

    /**
     * The id an anchor written for the slug of a whole legal heading means: {@code dieu-7} for
     * {@code dieu-7-tieu-chuan-hoa-giai-vien}, {@code chuong-3} for {@code chuong-iii-hoat-dong};
     * null for other anchors.
     */
    static String legacyId(String anchor) {
        Matcher m = LEGACY.matcher(anchor);
        if (!m.matches()) {
            return null;
        }
        String unit = m.group(1);
        return unit.startsWith("chuong-") ? "chuong-" + arabic(unit.substring(7).toUpperCase(java.util.Locale.ROOT)) : unit;
    }

    /** The id of a khoản or of a điểm in it: {@code dieu-7-khoan-2}, {@code dieu-7-khoan-2-diem-dd}. */
    static String pointId(String article, int khoan, String diem) {
        String base = khoan > 0 ? article + "-khoan-" + khoan : article;
        return diem == null ? base : base + "-diem-" + (diem.equals("đ") ? "dd" : diem);
    }

    static final Pattern DIEM = Pattern.compile("^([a-zđ])\\)\\s");

    /**
     * The body with each plain line that opens a unit made an ATX heading. Such a line stands
     * alone: a blank line (or the start) before it and after it, not indented, outside code
     * fences. Phần, Chương and Mục count only in a page that has articles, so a "Mục 1" of
     * ordinary prose stays text. A Chương or Mục line without its title takes the next line
     * as its title when that one is in capitals ({@code Chương I} then {@code NHỮNG QUY ĐỊNH
     * CHUNG}), which becomes empty so that lines keep their numbers. Returns {@code body}
     * itself when nothing changes.
     */
    static String promote(String body) {
        if (body.indexOf("Điều") < 0 && body.indexOf("ĐIỀU") < 0) {
            return body;
        }
        String[] lines = body.split("\n", -1);
        int n = lines.length;
        String[] kinds = new String[n];
        boolean fence = false;
        boolean articles = false;
        Map<String, Integer> headingLevel = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String l = lines[i];
            int f = 0;
            while (f < l.length() && (l.charAt(f) == ' ' || l.charAt(f) == '\t')) {
                f++;
            }
            // Only lines opening with a unit's letter, a heading, bold or a fence can matter: the
            // rest (almost every line) is passed without a copy.
            char c0 = f < l.length() ? l.charAt(f) : ' ';
            if (c0 != 'Đ' && c0 != 'C' && c0 != 'M' && c0 != 'P' && c0 != '#' && c0 != '*' && c0 != '_'
                    && c0 != '`' && c0 != '~') {
                continue;
            }
            String s = l.strip();
            if (s.startsWith("```") || s.startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            if (fence || s.isEmpty()) {
                continue;
            }
            if (s.startsWith("#")) {
                int level = 0;
                while (level < s.length() && s.charAt(level) == '#') {
                    level++;
                }
                Unit u = level <= 6 ? unit(s.substring(level).strip()) : null;
                if (u != null) {
                    headingLevel.putIfAbsent(u.kind(), level);
                    articles |= u.kind().equals(DIEU);
                }
                continue;
            }
            if (l.charAt(0) == ' ' || l.charAt(0) == '\t' || (i > 0 && !lines[i - 1].isBlank())) {
                continue;
            }
            Unit u = unit(s);
            if (u == null || underCodeHeading(lines, i)) {
                continue;
            }
            boolean alone = i + 1 >= n || lines[i + 1].isBlank();
            boolean titled = !u.title().isEmpty() || u.kind().equals(DIEU);
            if (!alone) {
                // "Chương I" directly above its title, in one paragraph.
                if (titled || !capitals(lines[i + 1]) || (i + 2 < n && !lines[i + 2].isBlank())) {
                    continue;
                }
            }
            kinds[i] = u.kind();
            articles |= u.kind().equals(DIEU);
        }
        if (!articles) {
            return body;
        }
        int phan = headingLevel.getOrDefault(PHAN, -1);
        int chuong = headingLevel.getOrDefault(CHUONG, -1);
        int muc = headingLevel.getOrDefault(MUC, -1);
        boolean hasPhan = phan > 0 || contains(kinds, PHAN);
        boolean hasChuong = chuong > 0 || contains(kinds, CHUONG);
        boolean hasMuc = muc > 0 || contains(kinds, MUC);
        if (phan < 0) {
            phan = 2;
        }
        if (chuong < 0) {
            chuong = hasPhan ? phan + 1 : 2;
        }
        if (muc < 0) {
            muc = hasChuong ? chuong + 1 : hasPhan ? phan + 1 : 2;
        }
        int dieu = headingLevel.getOrDefault(DIEU,
                hasMuc ? muc + 1 : hasChuong ? chuong + 1 : hasPhan ? phan + 1 : 2);
        boolean changed = false;
        String trailing = "";
        StringBuilder out = new StringBuilder(body.length() + 64);
        for (int i = 0; i < n; i++) {
            String line = lines[i];
            if (kinds[i] != null) {
                int level = Math.min(6, switch (kinds[i]) {
                    case PHAN -> phan;
                    case CHUONG -> chuong;
                    case MUC -> muc;
                    default -> dieu;
                });
                String text = strip(line);
                Unit u = unit(text);
                int title = u.title().isEmpty() && !u.kind().equals(DIEU) ? nextTitle(lines, i) : -1;
                if (title >= 0) {
                    text = text.replaceAll("[.:]$", "") + ". " + lines[title].strip();
                    lines[title] = "";
                }
                if (u.kind().equals(DIEU) && (i + 1 >= n || lines[i + 1].isBlank())) {
                    int cut = clauseStart(text);
                    if (cut > 0) {
                        // "Điều 5. Title 1. The first clause…" on one line (as in parts of the legal
                        // code book): the clauses go to the blank line below, so lines keep their numbers.
                        String rest = text.substring(cut).strip();
                        text = text.substring(0, cut).strip();
                        if (i + 1 < n) {
                            lines[i + 1] = rest;
                        } else {
                            trailing = "\n\n" + rest;
                        }
                    }
                }
                line = "#".repeat(level) + " " + text;
                changed = true;
            }
            if (i > 0) {
                out.append('\n');
            }
            out.append(line);
        }
        return changed ? out.append(trailing).toString() : body;
    }

    /** An article's title is short: a longer line that goes on with "1. " holds its clauses too. */
    private static final int TITLE_MAX = 300;
    private static final Pattern FIRST_CLAUSE = Pattern.compile("\\s1\\.\\s+\\p{Lu}");

    /** Where the first clause starts in an article's line that holds them, or -1. */
    static int clauseStart(String text) {
        if (text.length() <= TITLE_MAX) {
            return -1;
        }
        Matcher m = FIRST_CLAUSE.matcher(text);
        // After "Điều N." itself, and within a title's length.
        int head = text.indexOf(". ");
        return head > 0 && m.find(head + 1) && m.start() <= TITLE_MAX ? m.start() : -1;
    }

    /**
     * Whether the line is the caption of a heading made of digits alone, as in the legal code
     * book's list of articles ({@code ### 3700100000…} then {@code Điều 37.1.LQ.1. …}): a
     * list entry, not the article itself.
     */
    private static boolean underCodeHeading(String[] lines, int i) {
        int j = i - 1;
        while (j >= 0 && lines[j].isBlank()) {
            j--;
        }
        if (j < 0 || !lines[j].startsWith("#")) {
            return false;
        }
        String h = lines[j];
        boolean text = false;
        for (int k = 0; k < h.length(); k++) {
            char c = h.charAt(k);
            if (Character.isLetter(c)) {
                return false;
            }
            text |= c != '#' && !Character.isWhitespace(c);
        }
        return text;
    }

    private static boolean contains(String[] kinds, String kind) {
        for (String k : kinds) {
            if (kind.equals(k)) {
                return true;
            }
        }
        return false;
    }

    /** The line holding a unit's title: the next non-blank line, when it is in capitals and stands alone. */
    private static int nextTitle(String[] lines, int i) {
        int j = i + 1;
        while (j < lines.length && lines[j].isBlank() && j <= i + 2) {
            j++;
        }
        if (j >= lines.length || !capitals(lines[j]) || (j + 1 < lines.length && !lines[j + 1].isBlank())) {
            return -1;
        }
        return j;
    }

    private static boolean capitals(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 200 || s.startsWith("#") || s.startsWith("|") || unit(s) != null) {
            return false;
        }
        int letters = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isLetter(c)) {
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    /**
     * The article of another document that a code-numbered article reproduces, from the line
     * under it: {@code (Điều 9 Luật số 35/2013/QH13 Hòa giải ở cơ sở ngày …)} gives
     * {@code Điều 9 Luật số 35/2013/QH13}; null when the text does not open so.
     */
    static Source source(String paragraph) {
        Matcher m = SOURCE.matcher(paragraph);
        if (!m.lookingAt()) {
            return null;
        }
        return new Source(m.group(1), m.group(2).strip(), m.group(3));
    }

    private static final Pattern SOURCE = Pattern.compile("\\(Điều\\s+(\\d{1,4}[a-zđ]?)\\s+((?:\\p{Lu}[\\p{Ll}]*\\s+){1,4}?)(?:số\\s+)?("
            + camnang.content.LegalDoc.NUMBER.pattern() + ")");

    /** Article {@code article} of the document numbered {@code number}, a {@code form} such as Luật. */
    record Source(String article, String form, String number) {
        String label() {
            return "Điều " + article + " " + form + " số " + number;
        }
    }

    /**
     * Every article a body opens, in order: its id and, for code-numbered ones, what it
     * reproduces. Read from the body as {@link #promote} leaves it, so that only lines that
     * become headings count.
     */
    static List<Article> articles(String body) {
        List<Article> out = new ArrayList<>();
        String[] lines = promote(body).split("\n", -1);
        boolean fence = false;
        for (int i = 0; i < lines.length; i++) {
            String s = lines[i];
            if (s.startsWith("```") || s.startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            if (fence || !s.startsWith("#")) {
                continue;
            }
            Matcher m = DIEU_LINE.matcher(strip(s.replaceFirst("^#{1,6}\\s+", "")));
            if (!m.matches()) {
                continue;
            }
            Source src = null;
            for (int j = i + 1; j < lines.length && j <= i + 3; j++) {
                if (!lines[j].isBlank()) {
                    src = source(lines[j].strip());
                    break;
                }
            }
            out.add(new Article(m.group(1), articleId(m.group(1)), src));
        }
        return out;
    }

    /** An article: its number as written, its id, and the article it reproduces (or null). */
    record Article(String number, String id, Source source) {
    }

    /**
     * Ids for the khoản and điểm of every article, for a page that asks for them
     * ({@code khoan_diem: true}): a numbered list item under an article is its khoản
     * {@code n}, a paragraph opening with {@code a)} … {@code đ)} … is a điểm of the khoản
     * before it (or of the article itself when no khoản came before). Headings must have their
     * ids already; new ids are made unique by {@code ids}.
     */
    static Map<com.vladsch.flexmark.util.ast.Node, String> points(com.vladsch.flexmark.util.ast.Document doc, HeadingIds ids) {
        Map<com.vladsch.flexmark.util.ast.Node, String> out = new java.util.IdentityHashMap<>();
        String article = null;
        int articleLevel = 7;
        int khoan = 0;
        for (com.vladsch.flexmark.util.ast.Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof com.vladsch.flexmark.ast.Heading h) {
                Unit u = unit(h.getAnchorRefText());
                if (u != null && u.kind().equals(DIEU)) {
                    article = h.getAnchorRefId();
                    articleLevel = h.getLevel();
                    khoan = 0;
                } else if (u != null || h.getLevel() <= articleLevel) {
                    article = null;
                    articleLevel = 7;
                }
            } else if (article == null) {
                continue;
            } else if (n instanceof com.vladsch.flexmark.ast.OrderedList list) {
                int number = list.getStartNumber();
                for (com.vladsch.flexmark.util.ast.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    khoan = number++;
                    out.put(item, ids.unique(pointId(article, khoan, null)));
                    for (com.vladsch.flexmark.util.ast.Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                        String d = diem(c);
                        if (d != null) {
                            out.put(c, ids.unique(pointId(article, khoan, d)));
                        }
                    }
                }
            } else {
                String d = diem(n);
                if (d != null) {
                    out.put(n, ids.unique(pointId(article, khoan, d)));
                }
            }
        }
        return out;
    }

    private static String diem(com.vladsch.flexmark.util.ast.Node n) {
        if (!(n instanceof com.vladsch.flexmark.ast.Paragraph)) {
            return null;
        }
        com.vladsch.flexmark.util.sequence.BasedSequence c = n.getChars();
        if (c.length() < 3 || c.charAt(1) != ')') {
            return null;
        }
        Matcher m = DIEM.matcher(c.subSequence(0, Math.min(4, c.length())));
        return m.find() ? m.group(1) : null;
    }
}
