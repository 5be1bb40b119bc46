package camnang.wordimport;

import camnang.wordimport.Docx.Dom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code word/numbering.xml}: Word's automatic numbering. Counts paragraphs as Word does, so an
 * automatically numbered {@code I.}, {@code 1.}, {@code a)} reads exactly like typed numbering.
 * Counters belong to the abstract definition (lists that share one continue each other) and a
 * {@code w:startOverride} restarts them where a numbering instance first appears.
 */
final class Numbering {
    /** What kind of label a paragraph opens with; the order of the first three is their rank. */
    enum Kind { ROMAN, DECIMAL, LETTER, BULLET, OTHER }

    /** A paragraph's number as Word shows it ({@code II.}), its kind, level and value. */
    record Label(Kind kind, String text, int ilvl, int number) {
    }

    private record Level(String format, String text, int start) {
    }

    private final Map<String, String> abstractOf = new HashMap<>();
    private final Map<String, Map<Integer, Level>> levels = new HashMap<>();
    private final Map<String, Map<Integer, Integer>> overrides = new HashMap<>();
    private final Map<String, int[]> counters = new HashMap<>();
    private final Map<String, boolean[]> started = new HashMap<>();
    private final Set<String> seenNums = new HashSet<>();

    static Numbering read(Document d) {
        Numbering n = new Numbering();
        if (d == null) {
            return n;
        }
        for (Element a : Dom.children(d.getDocumentElement(), Docx.W, "abstractNum")) {
            Map<Integer, Level> lv = new HashMap<>();
            for (Element l : Dom.children(a, Docx.W, "lvl")) {
                String start = Dom.w(Dom.child(l, Docx.W, "start"), "val");
                lv.put(Styles.parse(Dom.w(l, "ilvl"), 0), new Level(Dom.w(Dom.child(l, Docx.W, "numFmt"), "val"),
                        Dom.w(Dom.child(l, Docx.W, "lvlText"), "val"), start.isEmpty() ? 1 : Styles.parse(start, 1)));
            }
            n.levels.put(Dom.w(a, "abstractNumId"), lv);
        }
        for (Element num : Dom.children(d.getDocumentElement(), Docx.W, "num")) {
            String id = Dom.w(num, "numId");
            n.abstractOf.put(id, Dom.w(Dom.child(num, Docx.W, "abstractNumId"), "val"));
            Map<Integer, Integer> o = new HashMap<>();
            for (Element lo : Dom.children(num, Docx.W, "lvlOverride")) {
                Element so = Dom.child(lo, Docx.W, "startOverride");
                if (so != null) {
                    o.put(Styles.parse(Dom.w(lo, "ilvl"), 0), Styles.parse(Dom.w(so, "val"), 1));
                }
            }
            n.overrides.put(id, o);
        }
        return n;
    }

    /** Counts one paragraph of list {@code numId} at level {@code ilvl}; its label, or null when it shows none. */
    Label next(String numId, int ilvl) {
        String abs = abstractOf.get(numId);
        Map<Integer, Level> lv = abs == null ? null : levels.get(abs);
        if (lv == null || ilvl < 0 || ilvl > 8) {
            return null;
        }
        Level level = lv.get(ilvl);
        if (level == null || level.format.equals("none")) {
            return null;
        }
        int[] count = counters.computeIfAbsent(abs, k -> new int[9]);
        boolean[] on = started.computeIfAbsent(abs, k -> new boolean[9]);
        if (seenNums.add(numId)) {
            overrides.getOrDefault(numId, Map.of()).forEach((l, start) -> {
                if (l >= 0 && l < 9) {
                    count[l] = start - 1;
                    on[l] = true;
                }
            });
        }
        count[ilvl] = on[ilvl] ? count[ilvl] + 1 : level.start;
        on[ilvl] = true;
        for (int k = ilvl + 1; k < 9; k++) {
            on[k] = false;
        }
        if (level.format.equals("bullet")) {
            return new Label(Kind.BULLET, "", ilvl, 0);
        }
        StringBuilder text = new StringBuilder();
        String t = level.text;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '%' && i + 1 < t.length() && t.charAt(i + 1) >= '1' && t.charAt(i + 1) <= '9') {
                int l = t.charAt(++i) - '1';
                Level other = lv.get(l);
                int value = l == ilvl ? count[l] : (on[l] ? count[l] : (other == null ? 1 : other.start));
                text.append(format(other == null ? "decimal" : other.format, value));
            } else {
                text.append(c);
            }
        }
        String label = text.toString().strip();
        Kind kind = Kind.OTHER;
        if (level.format.equals("upperRoman") && label.matches("[IVXLCDM]+\\.")) {
            kind = Kind.ROMAN;
        } else if (level.format.equals("decimal") && label.matches("\\d+\\.")) {
            kind = Kind.DECIMAL;
        } else if (level.format.equals("lowerLetter") && label.matches("[a-z]+\\)")) {
            kind = Kind.LETTER;
        }
        return label.isEmpty() ? null : new Label(kind, label, ilvl, count[ilvl]);
    }

    static String format(String format, int n) {
        return switch (format) {
            case "upperRoman" -> roman(n);
            case "lowerRoman" -> roman(n).toLowerCase(Locale.ROOT);
            case "upperLetter" -> letters(n).toUpperCase(Locale.ROOT);
            case "lowerLetter" -> letters(n);
            case "decimalZero" -> n < 10 ? "0" + n : String.valueOf(n);
            default -> String.valueOf(n);
        };
    }

    static String roman(int n) {
        if (n <= 0 || n >= 4000) {
            return String.valueOf(n);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            while (n >= values[i]) {
                sb.append(symbols[i]);
                n -= values[i];
            }
        }
        return sb.toString();
    }

    /** Word's letter numbering: a … z, then aa, bb … */
    private static String letters(int n) {
        if (n <= 0) {
            return String.valueOf(n);
        }
        char c = (char) ('a' + (n - 1) % 26);
        return String.valueOf(c).repeat((n - 1) / 26 + 1);
    }
}
