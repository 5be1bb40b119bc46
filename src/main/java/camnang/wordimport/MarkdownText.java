package camnang.wordimport;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the arranged page as Markdown the site reads: ATX headings, tight lists indented to
 * their parent's text, pipe tables, footnotes at the end. Text is escaped so that Word's
 * characters never turn into Markdown ({@code *}, {@code [}, a paragraph starting with
 * {@code 1.} or {@code -}), and emphasis markers are placed where CommonMark accepts them:
 * against the text, with spaces outside.
 */
final class MarkdownText {
    private enum Mode { BLOCK, HEADING, CELL }

    private MarkdownText() {
    }

    static String body(List<Outline.Out> outs, List<Reader.Note> notes) {
        StringBuilder sb = new StringBuilder();
        Outline.Out previous = null;
        int[] columns = new int[12];
        for (Outline.Out o : outs) {
            if (sb.length() > 0) {
                sb.append(o instanceof Outline.Item && previous instanceof Outline.Item ? "\n" : "\n\n");
            }
            if (o instanceof Outline.Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(inline(h.inlines(), Mode.HEADING, ""));
            } else if (o instanceof Outline.Paragraph p) {
                sb.append(inline(p.inlines(), Mode.BLOCK, ""));
            } else if (o instanceof Outline.Item it) {
                String indent = " ".repeat(it.depth() == 0 ? 0 : columns[it.depth() - 1]);
                String marker = it.ordered() ? it.value() + ". " : "- ";
                columns[it.depth()] = indent.length() + marker.length();
                sb.append(indent).append(marker).append(inline(it.inlines(), Mode.BLOCK, " ".repeat(columns[it.depth()])));
            } else if (o instanceof Outline.Grid g) {
                table(g.table(), sb);
            } else if (o instanceof Outline.Toc) {
                sb.append("[TOC]");
            }
            previous = o;
        }
        for (Reader.Note n : notes) {
            sb.append(sb.length() > 0 ? "\n\n" : "").append("[^").append(n.number()).append("]: ");
            boolean first = true;
            for (Block.Para p : n.paras()) {
                if (!first) {
                    sb.append("\n\n    ");
                }
                sb.append(inline(p.inlines(), Mode.BLOCK, "    "));
                first = false;
            }
        }
        return Normalizer.normalize(sb.append('\n').toString(), Normalizer.Form.NFC);
    }

    private static void table(Block.Table t, StringBuilder sb) {
        int columns = 0;
        for (List<Block.Cell> row : t.rows()) {
            columns = Math.max(columns, row.size());
        }
        boolean header = true;
        for (List<Block.Cell> row : t.rows()) {
            if (!header) {
                sb.append('\n');
            }
            sb.append('|');
            for (int c = 0; c < columns; c++) {
                String cell = c < row.size() ? cell(row.get(c)) : "";
                sb.append(cell.isEmpty() ? " |" : " " + cell + " |");
            }
            if (header) {
                sb.append("\n|").append(" --- |".repeat(columns));
                header = false;
            }
        }
    }

    private static String cell(Block.Cell c) {
        List<Inline> all = new ArrayList<>();
        for (Block.Para p : c.paras()) {
            if (!all.isEmpty()) {
                all.add(new Inline.Break());
            }
            Numbering.Label l = p.label();
            if (l != null) {
                all.add(new Inline.Text(l.kind() == Numbering.Kind.BULLET ? "• " : l.text() + " ", 0, null));
            }
            all.addAll(p.inlines());
        }
        return inline(all, Mode.CELL, "");
    }

    // ---- inline text

    private record Marker(int bit, String open, String close) {
    }

    private static final Marker[] MARKERS = {
        new Marker(Inline.BOLD, "**", "**"), new Marker(Inline.ITALIC, "*", "*"), new Marker(Inline.STRIKE, "~~", "~~"),
        new Marker(Inline.SUP, "<sup>", "</sup>"), new Marker(Inline.SUB, "<sub>", "</sub>")};

    /** Writes one paragraph's pieces; {@code indent} starts each line after a break (a list item's text column). */
    private static String inline(List<Inline> items, Mode mode, String indent) {
        return inline(items, mode, indent, true);
    }

    private static String inline(List<Inline> items, Mode mode, String indent, boolean atLineStart) {
        StringBuilder out = new StringBuilder();
        Emphasis em = new Emphasis(out);
        boolean lineStart = atLineStart;
        for (int i = 0; i < items.size(); i++) {
            Inline item = items.get(i);
            if (item instanceof Inline.Text t && t.link() != null) {
                List<Inline> inside = new ArrayList<>();
                int j = i;
                while (j < items.size() && items.get(j) instanceof Inline.Text u && t.link().equals(u.link())) {
                    inside.add(new Inline.Text(u.text(), u.format(), null));
                    j++;
                }
                i = j - 1;
                // Spaces Word leaves inside a link's ends go outside the brackets.
                Inline.Text first = (Inline.Text) inside.get(0);
                String lead = first.text().substring(0, first.text().length() - first.text().stripLeading().length());
                inside.set(0, new Inline.Text(first.text().stripLeading(), first.format(), null));
                em.space(lead);
                em.closeAll();
                em.flushSpace();
                // A link's text is never at the start of a line, whatever it begins with.
                String text = inline(inside, mode, indent, false);
                out.append('[').append(text.isEmpty() ? escape(t.link(), false, mode) : text)
                        .append("](").append(url(t.link())).append(')');
                em.trailing(inside.get(inside.size() - 1) instanceof Inline.Text last ? trailingSpace(last.text()) : "");
                lineStart = false;
            } else if (item instanceof Inline.Text t) {
                String s = t.text();
                int a = 0;
                while (a < s.length() && s.charAt(a) == ' ') {
                    a++;
                }
                int b = s.length();
                while (b > a && s.charAt(b - 1) == ' ') {
                    b--;
                }
                em.space(s.substring(0, a));
                if (a == b) {
                    continue;
                }
                int format = mode == Mode.HEADING ? t.format() & ~Inline.BOLD : t.format();
                em.to(format);
                out.append(escape(s.substring(a, b), lineStart && !em.opened(), mode));
                em.trailing(s.substring(b));
                lineStart = false;
            } else if (item instanceof Inline.NoteRef r) {
                // After the emphasised words, not inside them: "*hướng dẫn*[^1]".
                em.closeAll();
                em.flushSpace();
                out.append("[^").append(r.number()).append(']');
                lineStart = false;
            } else if (item instanceof Inline.Picture p) {
                em.closeAll();
                em.flushSpace();
                out.append("![").append(escape(p.alt(), false, Mode.CELL)).append("](").append(url(p.file())).append(')');
                lineStart = false;
            } else if (item instanceof Inline.Break) {
                em.closeAll();
                em.dropSpace();
                switch (mode) {
                    case HEADING -> out.append(' ');
                    case CELL -> out.append("<br>");
                    default -> {
                        out.append("\\\n").append(indent);
                        lineStart = true;
                    }
                }
            }
        }
        em.closeAll();
        return out.toString();
    }

    private static String trailingSpace(String s) {
        int b = s.length();
        while (b > 0 && s.charAt(b - 1) == ' ') {
            b--;
        }
        return s.substring(b);
    }

    /** Opens and closes emphasis markers as a stack, so that nesting stays valid. */
    private static final class Emphasis {
        final StringBuilder out;
        final Deque<Marker> open = new ArrayDeque<>();
        String space = "";

        Emphasis(StringBuilder out) {
            this.out = out;
        }

        boolean opened() {
            return !open.isEmpty();
        }

        void space(String s) {
            space += s;
        }

        void trailing(String s) {
            space = s;
        }

        void flushSpace() {
            out.append(space);
            space = "";
        }

        void dropSpace() {
            space = "";
        }

        /** Closes what {@code format} does not have (before the pending space), opens what it adds (after it). */
        void to(int format) {
            List<Marker> stack = new ArrayList<>(open);
            java.util.Collections.reverse(stack);
            int keep = 0;
            while (keep < stack.size() && (format & stack.get(keep).bit()) != 0) {
                keep++;
            }
            while (open.size() > keep) {
                out.append(open.pop().close());
            }
            flushSpace();
            int have = 0;
            for (Marker m : open) {
                have |= m.bit();
            }
            for (Marker m : MARKERS) {
                if ((format & m.bit()) != 0 && (have & m.bit()) == 0) {
                    out.append(m.open());
                    open.push(m);
                }
            }
        }

        void closeAll() {
            while (!open.isEmpty()) {
                out.append(open.pop().close());
            }
        }
    }

    private static final Pattern ENTITY = Pattern.compile("&(#?[A-Za-z0-9]+;)");
    private static final Pattern ORDERED = Pattern.compile("(\\d{1,9})([.)])(\\s.*|$)", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("[-=_*\\s]+");

    /** Text made literal in Markdown; {@code lineStart}: it opens a line, where more characters are syntax. */
    static String escape(String s, boolean lineStart, Mode mode) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '~' -> sb.append('\\').append(c);
                case '|' -> sb.append(mode == Mode.CELL ? "\\|" : "|");
                case '&' -> sb.append(ENTITY.matcher(s).region(i, s.length()).lookingAt() ? "\\&" : "&");
                default -> sb.append(c);
            }
        }
        String e = sb.toString();
        if (lineStart && mode == Mode.BLOCK && !e.isEmpty()) {
            char c = e.charAt(0);
            java.util.regex.Matcher m = ORDERED.matcher(e);
            if (m.matches()) {
                e = m.group(1) + "\\" + m.group(2) + m.group(3);
            } else if (c == '#' || c == '>' || (c == '-' || c == '+' || c == '=' || c == ':')
                    && (e.length() == 1 || e.charAt(1) == ' ' || RULE.matcher(e).matches())
                    || e.startsWith("!!!") || e.startsWith("???")) {
                e = "\\" + e;
            }
        }
        if (mode == Mode.HEADING && e.endsWith("#")) {
            e = e.substring(0, e.length() - 1) + "\\#";
        }
        return e;
    }

    /** A link destination: spaces and brackets percent-encoded so the link stays one token. */
    static String url(String u) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            switch (c) {
                case ' ' -> sb.append("%20");
                case '(' -> sb.append("%28");
                case ')' -> sb.append("%29");
                case '<' -> sb.append("%3C");
                case '>' -> sb.append("%3E");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
