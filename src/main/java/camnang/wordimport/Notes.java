package camnang.wordimport;

import camnang.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What could not be converted, collected while reading and placed at the end, once the
 * headings are known: a paragraph's number and the heading it was under, since Word shows
 * neither line numbers nor paragraph numbers. Repeated kinds (hidden text, symbols) are
 * counted into one note at their first place.
 */
final class Notes {
    private static final class Note {
        final Problem.Severity severity;
        final int paragraph;
        final String place;
        final String message;
        final String hint;
        int count = 1;

        Note(Problem.Severity severity, int paragraph, String place, String message, String hint) {
            this.severity = severity;
            this.paragraph = paragraph;
            this.place = place;
            this.message = message;
            this.hint = hint;
        }
    }

    private final List<Note> notes = new ArrayList<>();
    private final Map<String, Note> byKey = new LinkedHashMap<>();
    /** Set while reading a footnote, whose paragraphs are not the body's. */
    String place;

    /** A note at paragraph {@code paragraph} (0: about the whole document). */
    void add(int paragraph, String message, String hint) {
        notes.add(new Note(Problem.Severity.NOTICE, paragraph, place, message, hint));
    }

    void warn(int paragraph, String message, String hint) {
        notes.add(new Note(Problem.Severity.WARNING, paragraph, place, message, hint));
    }

    /** A note given once per {@code key}, at its first place, with the count of places. */
    void once(String key, int paragraph, String message, String hint) {
        Note n = byKey.get(key);
        if (n != null) {
            n.count++;
            return;
        }
        n = new Note(Problem.Severity.NOTICE, paragraph, place, message, hint);
        byKey.put(key, n);
        notes.add(n);
    }

    /**
     * The notes as problems of {@code file}, in document order.
     *
     * @param headingBefore the text of the heading a paragraph is under, or null
     */
    List<Problem> problems(String file, IntFunction<String> headingBefore) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(java.util.Comparator.comparingInt((Note n) -> n.place == null ? n.paragraph : Integer.MAX_VALUE));
        List<Problem> out = new ArrayList<>();
        for (Note n : sorted) {
            StringBuilder m = new StringBuilder();
            if (n.place != null) {
                m.append(n.place).append(": ");
            } else if (n.paragraph > 0) {
                m.append("đoạn ").append(n.paragraph);
                String h = headingBefore.apply(n.paragraph);
                m.append(h == null ? " (phần đầu tài liệu)" : ", mục “" + shorten(h) + "”").append(": ");
            }
            m.append(n.message);
            if (n.count > 1) {
                m.append(" (").append(n.count).append(" chỗ, đây là chỗ đầu tiên)");
            }
            out.add(new Problem(n.severity, file, 0, m.toString(), n.hint));
        }
        return List.copyOf(out);
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, s.lastIndexOf(' ', 58) > 20 ? s.lastIndexOf(' ', 58) : 58) + " …";
    }
}
