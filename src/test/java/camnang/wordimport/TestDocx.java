package camnang.wordimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small .docx files for tests with java.util.zip: the body, styles, numbering,
 * footnotes and relationships as XML strings, plus media. Only what Word itself needs is
 * added around them ([Content_Types].xml, the package relationships).
 */
public final class TestDocx {
    /** A 1×1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    static final String NS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" "
            + "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
            + "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
            + "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
            + "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
            + "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"";

    private final StringBuilder body = new StringBuilder();
    private final Map<String, String> rels = new LinkedHashMap<>();
    private final Map<String, byte[]> media = new LinkedHashMap<>();
    private String styles;
    private String numbering;
    private String footnotes;
    private String title;
    private final Map<String, String> extra = new LinkedHashMap<>();

    /** Appends raw body XML (paragraphs, tables), written with the {@code w:} … prefixes of {@link #NS}. */
    public TestDocx xml(String xml) {
        body.append(xml);
        return this;
    }

    /** A paragraph of plain text, with a style id or none. */
    public TestDocx p(String style, String text) {
        return xml(para(style, run(text)));
    }

    public TestDocx p(String text) {
        return p(null, text);
    }

    public static String para(String style, String runs) {
        return "<w:p>" + (style == null ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>") + runs + "</w:p>";
    }

    /** A paragraph in Word's list {@code numId} at level {@code ilvl}. */
    public static String listPara(int numId, int ilvl, String runs) {
        return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + ilvl + "\"/><w:numId w:val=\"" + numId + "\"/></w:numPr></w:pPr>"
                + runs + "</w:p>";
    }

    public static String run(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r>";
    }

    public static String bold(String text) {
        return "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r>";
    }

    public static String italic(String text) {
        return "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">" + escape(text) + "</w:t></w:r>";
    }

    public static String footnoteRef(int id) {
        return "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"" + id + "\"/></w:r>";
    }

    public static String link(String relId, String text) {
        return "<w:hyperlink r:id=\"" + relId + "\">" + run(text) + "</w:hyperlink>";
    }

    public static String picture(String relId, String descr) {
        return "<w:r><w:drawing><wp:inline><wp:extent cx=\"9525\" cy=\"9525\"/><wp:docPr id=\"1\" name=\"Picture 1\""
                + (descr == null ? "" : " descr=\"" + escape(descr) + "\"") + "/><a:graphic>"
                + "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:blipFill>"
                + "<a:blip r:embed=\"" + relId + "\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline>"
                + "</w:drawing></w:r>";
    }

    /** A table: rows of cells, each cell's text one paragraph. */
    public static String table(String[]... rows) {
        StringBuilder sb = new StringBuilder("<w:tbl><w:tblPr/>");
        for (String[] row : rows) {
            sb.append("<w:tr>");
            for (String cell : row) {
                sb.append("<w:tc>").append(para(null, run(cell))).append("</w:tc>");
            }
            sb.append("</w:tr>");
        }
        return sb.append("</w:tbl>").toString();
    }

    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The content of word/styles.xml inside {@code <w:styles>}. */
    public TestDocx styles(String inner) {
        styles = inner;
        return this;
    }

    public TestDocx numbering(String inner) {
        numbering = inner;
        return this;
    }

    /** The notes of word/footnotes.xml (the separators Word writes are added). */
    public TestDocx footnotes(String inner) {
        footnotes = inner;
        return this;
    }

    public TestDocx rel(String id, String type, String target, boolean external) {
        rels.put(id, "<Relationship Id=\"" + id + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + type + "\" Target=\"" + escape(target) + "\"" + (external ? " TargetMode=\"External\"" : "") + "/>");
        return this;
    }

    public TestDocx media(String name, byte[] bytes) {
        media.put(name, bytes);
        return this;
    }

    /** Any other part, such as word/comments.xml, as full XML. */
    public TestDocx part(String name, String xml) {
        extra.put(name, xml);
        return this;
    }

    /** The document's Title property (docProps/core.xml). */
    public TestDocx title(String t) {
        title = t;
        return this;
    }

    public byte[] bytes() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>"
                + "<Override PartName=\"/word/document.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                + "Target=\"word/document.xml\"/></Relationships>");
        parts.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document " + NS
                + "><w:body>" + body + "<w:sectPr/></w:body></w:document>");
        StringBuilder r = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        rels.values().forEach(r::append);
        parts.put("word/_rels/document.xml.rels", r.append("</Relationships>").toString());
        if (styles != null) {
            parts.put("word/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles " + NS + ">" + styles + "</w:styles>");
        }
        if (numbering != null) {
            parts.put("word/numbering.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering " + NS + ">" + numbering
                    + "</w:numbering>");
        }
        if (footnotes != null) {
            parts.put("word/footnotes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:footnotes " + NS + ">"
                    + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                    + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
                    + footnotes + "</w:footnotes>");
        }
        if (title != null) {
            parts.put("docProps/core.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties "
                    + "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                    + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + escape(title) + "</dc:title></cp:coreProperties>");
        }
        parts.putAll(extra);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : media.entrySet()) {
                zip.putNextEntry(new ZipEntry("word/media/" + e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
