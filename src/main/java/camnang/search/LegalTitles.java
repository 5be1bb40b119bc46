package camnang.search;

import camnang.Slug;
import camnang.content.LegalDoc;
import camnang.content.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the title and heading fields of a section hold where a legal document makes them differ
 * from the page title and the heading shown. An article is cited by its number and its
 * document: "Điều 9 Luật Hòa giải ở cơ sở", "Điều 5 Nghị định số 15/2014/NĐ-CP". So:
 * <ul>
 * <li>each article of the page's document is searched with that citation as its title, and a
 * query that cites it finds it before the sections whose words merely overlap the document's
 * name ("Điều 3. Phạm vi hòa giải ở cơ sở" for "điều 9 luật hòa giải ở cơ sở");</li>
 * <li>its heading field holds its subject ("Quyền của hòa giải viên") without the label
 * ("Điều 9."), which the citation holds: a label counted in the heading too would make an
 * article's heading longer than an equal heading elsewhere, and rank it below it;</li>
 * <li>only articles get a citation: repeated in every section (chapter introductions, the
 * headings of a summary), the document's number would become common in the title field and
 * no longer find the document's first section, which is searched with the page title and
 * whatever of the document's names and number the title does not say.</li>
 * </ul>
 */
final class LegalTitles {
    private LegalTitles() {
    }

    /** An article's number as {@code LegalStructure} reads it: {@code 7}, {@code 7a}, {@code 37.1.LQ.7}, {@code 16.1.NĐ.1.1a}. */
    private static final String NUMBER = "(\\d{1,4}[a-zđ]?|\\d+(?:\\.\\d+)*\\.\\p{Lu}{1,3}(?:\\.\\d+[a-zđ]?)+)";
    /** A heading that opens an article: its number, then its subject. */
    private static final Pattern ARTICLE = Pattern.compile("^(?:Điều|ĐIỀU)\\s+" + NUMBER + "\\.(?:\\s+(.*))?$");
    /**
     * The article of a document that a code-numbered article reproduces, as the heading ends
     * ({@code Điều 37.1.LQ.9. Quyền của hòa giải viên (Điều 9 Luật số 35/2013/QH13)}).
     */
    private static final Pattern SOURCE = Pattern.compile(
            "\\s*\\(Điều\\s+(\\d{1,4}[a-zđ]?)\\s+(?:\\p{Lu}\\p{Ll}*\\s+){1,4}?(?:số\\s+)?(" + LegalDoc.NUMBER.pattern()
                    + ")\\)$");

    /**
     * The title and heading fields of one section, and the number of the article it is
     * ({@code 9}, {@code 7a}) where its title is its citation, else null.
     */
    record Fields(String title, String heading, String article) {
        Fields(String title, String heading) {
            this(title, heading, null);
        }
    }

    /** The fields of a section of {@code page} headed {@code heading}; {@code first} for the page's first section. */
    static Fields of(Page page, String heading, boolean first) {
        LegalDoc legal = page.meta().legal();
        if (first) {
            return new Fields(legal == null ? page.title() : firstTitle(page, legal), heading);
        }
        if (legal == null) {
            // A term of the glossary is searched as a page of its own, titled by the term (once: not
            // as its heading too, which would lift it above the article a citation query asks for).
            return glossary(page) ? new Fields(heading, "") : new Fields("", heading);
        }
        Matcher m = ARTICLE.matcher(heading.strip());
        String name = name(legal);
        if (!m.matches() || name.isEmpty()) {
            return new Fields("", heading);
        }
        String subject = m.group(2) == null ? "" : m.group(2);
        String number = m.group(1).contains(".") ? null : m.group(1);
        Matcher src = SOURCE.matcher(subject);
        if (src.find()) {
            subject = subject.substring(0, src.start());
            number = LegalDoc.key(src.group(2)).equals(LegalDoc.key(legal.number())) ? src.group(1) : null;
        }
        // An article of the legal code book that reproduces another document, or names none.
        if (number == null) {
            return new Fields("", heading);
        }
        return new Fields("Điều " + number + " " + name, subject.strip(), number);
    }

    /** The glossary page, whose sections past the first are its terms (see {@code camnang.markdown.Glossary}). */
    private static boolean glossary(Page page) {
        return page.kind() == camnang.content.Kind.PAGE && !page.synthetic() && page.source().equals("thuat-ngu.md");
    }

    /**
     * How the document is cited: by its common name ({@code Luật Hòa giải ở cơ sở}), else by its
     * form and number ({@code Nghị định số 15/2014/NĐ-CP}); empty when it has neither. A
     * "number" that is not one (imported files write {@code Đang cập nhật}) is no name.
     */
    static String name(LegalDoc legal) {
        if (!legal.names().isEmpty()) {
            return legal.names().get(0).strip();
        }
        if (!LegalDoc.NUMBER.matcher(legal.number()).find()) {
            return "";
        }
        return (legal.form().isEmpty() ? "Văn bản" : legal.form()) + " số " + legal.number();
    }

    /**
     * The page title, then the document's names and number, each said once (a part whose words
     * another part already holds is left out), joined by "; " so that no syllable bigram spans
     * two of them.
     */
    static String firstTitle(Page page, LegalDoc legal) {
        List<String> parts = new ArrayList<>();
        parts.add(page.title());
        parts.addAll(legal.names());
        if (LegalDoc.NUMBER.matcher(legal.number()).find()) {
            parts.add(legal.number());
        }
        List<String> words = parts.stream().map(p -> "-" + Slug.of(p) + "-").toList();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            boolean said = words.get(i).equals("--");
            for (int j = 0; j < parts.size() && !said; j++) {
                said = j != i && words.get(j).contains(words.get(i)) && (j < i || !words.get(j).equals(words.get(i)));
            }
            if (!said) {
                kept.add(parts.get(i).strip());
            }
        }
        return String.join("; ", kept);
    }

    /** A document number and its symbol: {@code 15/2014} and {@code NĐ} of {@code 15/2014/NĐ-CP}. */
    private static final Pattern SHORT = Pattern.compile("^(\\d{1,4}/\\d{4})/([\\p{L}]+)");

    /**
     * The citation keys of a section ({@link SearchIndex#CITE}): none but in a legal document's
     * first section and its articles; there, each way the document is named, folded
     * ({@link #key}), after "#"; in an article also each of them after its number ("9#luat hoa
     * giai o co so"). A query that cites an article by one of these names finds it by one
     * exact term, not by the document's common words ({@link Search#resolve}).
     */
    static List<String> cites(List<String> names, boolean first, Fields f) {
        if (names.isEmpty() || (!first && f.article() == null)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (f.article() != null) {
            String n = key(f.article());
            names.forEach(k -> out.add(n + "#" + k));
        }
        names.forEach(k -> out.add("#" + k));
        return out;
    }

    /**
     * The folded names of a document a citation may use: its names, its number alone, after its
     * form (with or without "số"), and shortened to number and year after its form or its
     * symbol ("nghị định 15/2014", "nđ 15/2014").
     */
    static List<String> citeNames(LegalDoc legal) {
        if (legal == null) {
            return List.of();
        }
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String n : legal.names()) {
            out.add(key(n));
        }
        String no = legal.number().strip();
        if (LegalDoc.NUMBER.matcher(no).find()) {
            String form = legal.form().strip();
            out.add(key(no));
            if (!form.isEmpty()) {
                out.add(key(form + " " + no));
                out.add(key(form + " số " + no));
            }
            Matcher m = SHORT.matcher(no);
            if (m.find()) {
                if (!form.isEmpty()) {
                    out.add(key(form + " " + m.group(1)));
                    out.add(key(form + " số " + m.group(1)));
                }
                out.add(key(m.group(2) + " " + m.group(1)));
            }
        }
        out.remove("");
        return List.copyOf(out);
    }

    /** Folded words of {@code text}, a document number whole (not its parts), joined by spaces. */
    static String key(String text) {
        return key(Analysis.tokens(text, VietnameseAnalyzer.Form.FOLDED), 0, Integer.MAX_VALUE);
    }

    /** The key of tokens {@code from} up to {@code to} (exclusive), a document number's parts left out. */
    static String key(List<Analysis.Token> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        int docnoEnd = -1;
        for (int i = from; i < Math.min(to, tokens.size()); i++) {
            Analysis.Token t = tokens.get(i);
            if (VietnameseTokenizer.DOCNO.equals(t.type())) {
                docnoEnd = t.end();
            } else if (t.start() < docnoEnd) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(t.text());
        }
        return sb.toString();
    }
}
