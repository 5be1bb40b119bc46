package camnang.wordimport;

import camnang.wordimport.Numbering.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what each paragraph is in the page: a heading, a list item or a paragraph.
 *
 * <p>Headings come from Word's heading styles, and from the numbering administrative documents
 * use, typed or automatic: {@code I.}, {@code 1.}, {@code a)}. A numbered paragraph is a heading
 * when it opens a part, that is when text follows it before its next sibling. The rule is
 * applied to all the numbered paragraphs of one level under one parent together, so they are
 * either all headings (one of them has text under it) or all list items (none has): in the
 * plan, "I. MỤC ĐÍCH, YÊU CẦU" / "1. Mục đích" / "a) Giai đoạn 1" are headings while the eight
 * targets "1. … 8." of part II are an ordered list and the "a) b) c)" of task IV 5 plain
 * paragraphs. After the last item of Word's own automatic list, only numbered children count
 * as text under it (a paragraph there usually follows the list), and deeper items of that list
 * are sub-items. Levels follow the ranks: Roman, then decimal, then letters, each one below the
 * one above ({@code ##}, {@code ###}, {@code ####} in a plan), or take the level of a heading
 * style that carries the same numbering. A text with articles ({@code Điều 1.}) is a legal text
 * whose clauses and points are not headings; the site makes its articles headings.
 */
final class Outline {
    /** One thing in the page, in order. */
    sealed interface Out {
    }

    record Heading(int number, int level, List<Inline> inlines) implements Out {
    }

    record Paragraph(List<Inline> inlines) implements Out {
    }

    record Item(boolean ordered, int value, int depth, List<Inline> inlines) implements Out {
    }

    record Grid(Block.Table table) implements Out {
    }

    record Toc() implements Out {
    }

    /** The page's parts, the title found in the body (or null), and the headings by paragraph for notes. */
    record Result(List<Out> outs, String title, List<Heading> headings) {
    }

    private static final Pattern ROMAN = Pattern.compile("((?:X{0,3})(?:IX|IV|V?I{0,3}))\\.\\s+\\S.*");
    private static final Pattern DECIMAL = Pattern.compile("(\\d{1,3})\\.\\s+\\S.*");
    private static final Pattern LETTER = Pattern.compile("([a-zđ])\\)\\s+\\S.*");
    private static final Pattern BULLET = Pattern.compile("([-–—•+*·▪●○■□◦➢➤✓\\uF0B7\\uF0A7\\uF0D8])\\s+\\S.*");
    private static final Pattern ARTICLE = Pattern.compile("(?:Điều|ĐIỀU)\\s+\\d+[a-zđ]?\\..*");

    /** A paragraph's opening number: its kind, its text as it appears, and whether Word numbered it. */
    private record Mark(Kind kind, String text, int value, boolean auto, int depth, char bullet) {
    }

    private Outline() {
    }

    static Result arrange(List<Block> input, String known) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : input) {
            if (b instanceof Block.Table t && isLayout(t)) {
                for (List<Block.Cell> row : t.rows()) {
                    for (Block.Cell c : row) {
                        blocks.addAll(c.paras());
                    }
                }
            } else {
                blocks.add(b);
            }
        }
        boolean legal = blocks.stream().anyMatch(b -> b instanceof Block.Para p && ARTICLE.matcher(p.text()).matches());
        int n = blocks.size();
        Mark[] marks = new Mark[n];
        for (int i = 0; i < n; i++) {
            if (blocks.get(i) instanceof Block.Para p) {
                marks[i] = mark(p);
            }
        }

        // The title: Word's Title style, or a lone Heading 1 opening the document. When the header
        // block gave it already, a Title paragraph repeating it is left out too.
        String title = null;
        int titleAt = -1;
        for (int i = 0; i < n; i++) {
            if (blocks.get(i) instanceof Block.Para p && p.style() == Styles.TITLE) {
                if (known == null || camnang.Slug.of(p.text()).equals(camnang.Slug.of(known))) {
                    titleAt = i;
                }
                break;
            }
        }
        if (known == null && titleAt < 0 && n > 0 && blocks.get(0) instanceof Block.Para first && first.style() == 1
                && blocks.stream().filter(b -> b instanceof Block.Para p && p.style() == 1).count() == 1) {
            titleAt = 0;
        }
        if (known == null && titleAt >= 0) {
            title = ((Block.Para) blocks.get(titleAt)).text();
        }
        // The highest heading style in the page is ## (the page title is the only #).
        int top = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (i != titleAt && blocks.get(i) instanceof Block.Para p && p.style() >= 1) {
                top = Math.min(top, p.style());
            }
        }
        int styleOffset = top == Integer.MAX_VALUE ? 1 : 2 - top;

        boolean[] candidate = new boolean[n];
        for (int i = 0; i < n; i++) {
            candidate[i] = !legal && i != titleAt && marks[i] != null && rank(marks[i].kind) >= 0
                    && ((Block.Para) blocks.get(i)).style() == 0;
        }
        // Which groups of siblings (same parent, same rank) have text under any member.
        Map<Long, Boolean> groupHasBody = new HashMap<>();
        Map<Long, Integer> lastOfGroup = new HashMap<>();
        long[] group = new long[n];
        for (int i = 0; i < n; i++) {
            if (!candidate[i]) {
                continue;
            }
            int r = rank(marks[i].kind);
            int parent = -1;
            for (int k = i - 1; k >= 0; k--) {
                if (isStyleHeading(blocks.get(k), k, titleAt) || candidate[k] && rank(marks[k].kind) < r) {
                    parent = k;
                    break;
                }
            }
            group[i] = ((long) parent << 8) | r;
            lastOfGroup.put(group[i], i);
        }
        for (int i = 0; i < n; i++) {
            if (!candidate[i] || i + 1 >= n) {
                continue;
            }
            int r = rank(marks[i].kind);
            int next = i + 1;
            boolean boundary = isStyleHeading(blocks.get(next), next, titleAt) || candidate[next] && rank(marks[next].kind) <= r;
            // Deeper items of Word's own list are sub-items, not text under a heading.
            boolean subItem = marks[i].auto && marks[next] != null && marks[next].auto && marks[next].depth > marks[i].depth;
            boolean child = candidate[next] && rank(marks[next].kind) > r;
            // What follows the last item of Word's own list may be the text after the list: only numbered
            // children count there. Typed numbers followed by text are the administrative style of parts.
            boolean body = !boundary && (child || !subItem && (lastOfGroup.get(group[i]) != i || !marks[i].auto));
            if (body) {
                groupHasBody.put(group[i], true);
            }
        }
        boolean[] heading = new boolean[n];
        for (int i = 0; i < n; i++) {
            heading[i] = candidate[i] && groupHasBody.getOrDefault(group[i], false);
        }

        // Levels of the numbering kinds: the level of a heading style that carries the kind, else one below the rank above.
        Map<Kind, Integer> level = new EnumMap<>(Kind.class);
        for (int i = 0; i < n; i++) {
            if (isStyleHeading(blocks.get(i), i, titleAt) && marks[i] != null && rank(marks[i].kind) >= 0) {
                level.putIfAbsent(marks[i].kind, styleLevel((Block.Para) blocks.get(i), styleOffset));
            }
        }
        boolean styleMapped = !level.isEmpty();
        int previous = 1;
        for (Kind k : new Kind[] {Kind.ROMAN, Kind.DECIMAL, Kind.LETTER}) {
            Integer l = level.get(k);
            if (l == null && used(k, marks, heading)) {
                l = Math.min(6, previous + 1);
                level.put(k, l);
            }
            if (l != null) {
                previous = l;
            }
        }

        int styleAbove = 1;
        int runBase = 0;
        List<Out> outs = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            if (i == titleAt) {
                continue;
            }
            if (b instanceof Block.Table t) {
                outs.add(new Grid(t));
                continue;
            }
            if (b instanceof Block.Toc) {
                outs.add(new Toc());
                continue;
            }
            Block.Para p = (Block.Para) b;
            Mark m = marks[i];
            if (isStyleHeading(p, i, titleAt) || heading[i]) {
                int l = heading[i] ? level.get(m.kind) : styleLevel(p, styleOffset);
                if (heading[i] && !styleMapped) {
                    // Numbered parts under a heading style go below it.
                    l = Math.min(6, l + styleAbove - 1);
                } else if (!heading[i]) {
                    styleAbove = l;
                }
                Heading h = new Heading(p.number(), l, unbold(withLabel(p, m)));
                outs.add(h);
                headings.add(h);
                continue;
            }
            if (m != null && (m.kind == Kind.BULLET || m.kind == Kind.DECIMAL)) {
                Out last = outs.isEmpty() ? null : outs.get(outs.size() - 1);
                if (!(last instanceof Item)) {
                    // A list may start at any of Word's levels (the targets of part II are at the second).
                    runBase = m.auto ? m.depth : 0;
                }
                int depth = m.auto ? Math.max(0, m.depth - runBase) : 0;
                if (!m.auto && m.bullet == '+' && last instanceof Item) {
                    depth = 1;
                }
                int max = last instanceof Item it ? it.depth + 1 : 0;
                outs.add(new Item(m.kind == Kind.DECIMAL, m.value, Math.min(depth, max),
                        m.auto ? p.inlines() : drop(p.inlines(), m.text.length())));
                continue;
            }
            outs.add(new Paragraph(m != null && m.auto ? withLabel(p, m) : p.inlines()));
        }
        return new Result(List.copyOf(outs), title, List.copyOf(headings));
    }

    /** The signature block ("Nơi nhận:" beside "TM. ỦY BAN NHÂN DÂN") and one-cell frames are layout, not tables. */
    private static boolean isLayout(Block.Table t) {
        if (t.rows().size() == 1 && t.rows().get(0).size() == 1) {
            return true;
        }
        if (t.rows().isEmpty() || t.rows().get(0).isEmpty()) {
            return true;
        }
        List<Block.Para> first = t.rows().get(0).get(0).paras();
        return !first.isEmpty() && first.get(0).text().matches("(?i)nơi nhận\\s*:?.*");
    }

    private static boolean isStyleHeading(Block b, int i, int titleAt) {
        return i != titleAt && b instanceof Block.Para p && (p.style() >= 1 || p.style() == Styles.TITLE);
    }

    private static int styleLevel(Block.Para p, int offset) {
        return p.style() == Styles.TITLE ? 2 : Math.max(2, Math.min(6, p.style() + offset));
    }

    private static boolean used(Kind k, Mark[] marks, boolean[] heading) {
        for (int i = 0; i < marks.length; i++) {
            if (heading[i] && marks[i].kind == k) {
                return true;
            }
        }
        return false;
    }

    private static int rank(Kind k) {
        return switch (k) {
            case ROMAN -> 0;
            case DECIMAL -> 1;
            case LETTER -> 2;
            default -> -1;
        };
    }

    private static Mark mark(Block.Para p) {
        Numbering.Label l = p.label();
        if (l != null) {
            return new Mark(l.kind(), l.text(), l.number(), true, l.ilvl(), '\0');
        }
        if (p.inlines().isEmpty() || !(p.inlines().get(0) instanceof Inline.Text)) {
            return null;
        }
        String t = p.text();
        Matcher m = ROMAN.matcher(t);
        if (m.matches() && !m.group(1).isEmpty()) {
            return new Mark(Kind.ROMAN, m.group(1) + ".", 0, false, 0, '\0');
        }
        m = DECIMAL.matcher(t);
        if (m.matches()) {
            return new Mark(Kind.DECIMAL, m.group(1) + ".", Integer.parseInt(m.group(1)), false, 0, '\0');
        }
        m = LETTER.matcher(t);
        if (m.matches()) {
            return new Mark(Kind.LETTER, m.group(1) + ")", 0, false, 0, '\0');
        }
        m = BULLET.matcher(t);
        if (m.matches()) {
            return new Mark(Kind.BULLET, m.group(1), 0, false, 0, m.group(1).charAt(0));
        }
        return null;
    }

    /** A paragraph's pieces with Word's automatic number written in front, as the reader sees it. */
    private static List<Inline> withLabel(Block.Para p, Mark m) {
        if (m == null || !m.auto || m.kind == Kind.BULLET) {
            return p.inlines();
        }
        List<Inline> out = new ArrayList<>();
        out.add(new Inline.Text(m.text + " ", 0, null));
        out.addAll(p.inlines());
        return out;
    }

    /** Headings are bold already: bold inside them is Word's way of showing a heading, not emphasis. */
    private static List<Inline> unbold(List<Inline> inlines) {
        List<Inline> out = new ArrayList<>();
        for (Inline i : inlines) {
            out.add(i instanceof Inline.Text t ? new Inline.Text(t.text(), t.format() & ~Inline.BOLD, t.link()) : i);
        }
        return out;
    }

    /** Drops a typed marker ({@code 1.}, {@code -}) and the spaces after it. */
    static List<Inline> drop(List<Inline> inlines, int chars) {
        List<Inline> out = new ArrayList<>(inlines);
        int left = chars;
        boolean spaces = true;
        while (!out.isEmpty() && out.get(0) instanceof Inline.Text t) {
            String s = t.text();
            int k = 0;
            while (k < s.length() && left > 0) {
                k++;
                left--;
            }
            while (left == 0 && spaces && k < s.length() && s.charAt(k) == ' ') {
                k++;
            }
            if (k < s.length()) {
                out.set(0, new Inline.Text(s.substring(k), t.format(), t.link()));
                break;
            }
            out.remove(0);
        }
        return out;
    }
}
