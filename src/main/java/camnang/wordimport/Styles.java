package camnang.wordimport;

import camnang.wordimport.Docx.Dom;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code word/styles.xml}: which paragraph styles are headings (by the built-in name, which Word
 * keeps in English whatever the interface language, by a Vietnamese name, by outline level,
 * or by being based on one), which are the title or a table of contents, and the numbering and
 * bold/italic a style carries.
 */
final class Styles {
    /** {@link #level} of the document's title style. */
    static final int TITLE = -1;

    private record Style(String name, String basedOn, int outline, String numId, int ilvl, Boolean bold,
                         Boolean italic) {
    }

    private static final Pattern HEADING = Pattern.compile("(?:heading|tiêu đề|đầu đề)\\s*([1-9])");
    private static final Pattern HEADING_ID = Pattern.compile("(?i)heading([1-9])");
    private static final Pattern TOC = Pattern.compile("(?:toc|mục lục)\\s*[1-9]");

    private final Map<String, Style> byId = new HashMap<>();
    private String defaultParagraph = "";

    static Styles read(Document d) {
        Styles s = new Styles();
        if (d == null) {
            return s;
        }
        for (Element e : Dom.children(d.getDocumentElement(), Docx.W, "style")) {
            String id = Dom.w(e, "styleId");
            Element pPr = Dom.child(e, Docx.W, "pPr");
            Element numPr = Dom.child(pPr, Docx.W, "numPr");
            Element outline = Dom.child(pPr, Docx.W, "outlineLvl");
            Element rPr = Dom.child(e, Docx.W, "rPr");
            int ilvl = 0;
            String numId = null;
            if (numPr != null) {
                numId = Dom.w(Dom.child(numPr, Docx.W, "numId"), "val");
                String l = Dom.w(Dom.child(numPr, Docx.W, "ilvl"), "val");
                ilvl = l.isEmpty() ? 0 : parse(l, 0);
            }
            s.byId.put(id, new Style(name(Dom.w(Dom.child(e, Docx.W, "name"), "val")),
                    Dom.w(Dom.child(e, Docx.W, "basedOn"), "val"),
                    outline == null ? -1 : parse(Dom.w(outline, "val"), -1), numId, ilvl,
                    Dom.toggle(rPr, "b"), Dom.toggle(rPr, "i")));
            if ("paragraph".equals(Dom.w(e, "type")) && isOn(Dom.w(e, "default"))) {
                s.defaultParagraph = id;
            }
        }
        return s;
    }

    private static boolean isOn(String v) {
        return v.equals("1") || v.equals("true") || v.equals("on");
    }

    private static String name(String n) {
        return Normalizer.normalize(n, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

    static int parse(String s, int otherwise) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The style a paragraph without {@code w:pStyle} has. */
    String paragraphStyle(String id) {
        return id == null || id.isEmpty() ? defaultParagraph : id;
    }

    /** 1–9 for a heading style, {@link #TITLE} for the title, 0 otherwise; inherited through {@code basedOn}. */
    int level(String id) {
        for (int depth = 0; id != null && !id.isEmpty() && depth < 20; depth++) {
            Style s = byId.get(id);
            Matcher m = HEADING_ID.matcher(id);
            if (s == null) {
                return m.matches() ? Integer.parseInt(m.group(1)) : 0;
            }
            if (s.name.equals("title") || s.name.equals("tiêu đề") || s.name.equals("tựa đề")) {
                return TITLE;
            }
            Matcher n = HEADING.matcher(s.name);
            if (n.matches()) {
                return Integer.parseInt(n.group(1));
            }
            if (s.outline >= 0 && s.outline <= 8) {
                return s.outline + 1;
            }
            if (m.matches() && s.name.isEmpty()) {
                return Integer.parseInt(m.group(1));
            }
            id = s.basedOn;
        }
        return 0;
    }

    /** A table-of-contents entry style ({@code TOC 1}, {@code Mục lục 1}). */
    boolean isToc(String id) {
        Style s = byId.get(id);
        return s != null && TOC.matcher(s.name).matches() || id != null && id.matches("(?i)toc[1-9]");
    }

    /** The numbering a style gives its paragraphs, as {@code {numId, ilvl}}, or null. */
    String[] numbering(String id) {
        for (int depth = 0; id != null && !id.isEmpty() && depth < 20; depth++) {
            Style s = byId.get(id);
            if (s == null) {
                return null;
            }
            if (s.numId != null) {
                return new String[] {s.numId, String.valueOf(s.ilvl)};
            }
            id = s.basedOn;
        }
        return null;
    }

    /** Bold and italic a character style gives its runs, as {@link Inline} format bits. */
    int format(String id) {
        Boolean bold = null;
        Boolean italic = null;
        for (int depth = 0; id != null && !id.isEmpty() && depth < 20; depth++) {
            Style s = byId.get(id);
            if (s == null) {
                break;
            }
            bold = bold == null ? s.bold : bold;
            italic = italic == null ? s.italic : italic;
            id = s.basedOn;
        }
        return (Boolean.TRUE.equals(bold) ? Inline.BOLD : 0) | (Boolean.TRUE.equals(italic) ? Inline.ITALIC : 0);
    }
}
