package camnang.wordimport;

import camnang.wordimport.Docx.Dom;
import camnang.wordimport.Docx.Rel;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walks {@code word/document.xml} into {@link Block}s: paragraphs with their runs merged into
 * formatted text, links, footnote references and images; tables; Word's table of contents.
 * Whatever has no Markdown form (charts, embedded objects, equations, shapes) is noted with
 * the paragraph it was in; a text box's paragraphs follow the paragraph that holds it.
 */
final class Reader {
    private static final Locale VI = Locale.forLanguageTag("vi");

    /** A footnote or endnote in the order the page refers to it. */
    record Note(int number, List<Block.Para> paras) {
    }

    /** An image to write: where it is in the package and the name it gets next to the page. */
    record Media(String part, String file) {
    }

    private final Docx docx;
    private final Styles styles;
    private final Numbering numbering;
    private final Notes notes;
    private final String stem;
    private Map<String, Rel> rels;
    private final Map<String, Rel> bodyRels;
    private final Map<String, Element> footnoteXml = new HashMap<>();
    private final Map<String, Element> endnoteXml = new HashMap<>();
    private final Map<String, Integer> noteNumbers = new HashMap<>();
    private final List<String> noteOrder = new ArrayList<>();
    final List<Note> footnotes = new ArrayList<>();
    final Map<String, Media> media = new LinkedHashMap<>();
    private int paragraphs;
    private int tables;
    private int pictures;
    private boolean tracked;
    private boolean tocNoted;
    /** While reading an entry of Word's table of contents, whose links the page's own contents replace. */
    private boolean quiet;

    /** Word's complex fields, which may span runs and paragraphs ({@code HYPERLINK}, {@code TOC}). */
    private static final class Field {
        final StringBuilder instr = new StringBuilder();
        boolean result;
        String link;
        boolean toc;
    }

    private final Deque<Field> fields = new ArrayDeque<>();

    Reader(Docx docx, Styles styles, Numbering numbering, Notes notes, String stem) throws Docx.Unreadable {
        this.docx = docx;
        this.styles = styles;
        this.numbering = numbering;
        this.notes = notes;
        this.stem = stem;
        this.bodyRels = docx.rels("word/document.xml");
        this.rels = bodyRels;
        index(docx.xml("word/footnotes.xml"), "footnote", footnoteXml);
        index(docx.xml("word/endnotes.xml"), "endnote", endnoteXml);
    }

    private static void index(Document d, String name, Map<String, Element> into) {
        if (d != null) {
            for (Element e : Dom.children(d.getDocumentElement(), Docx.W, name)) {
                String type = Dom.w(e, "type");
                if (type.isEmpty() || type.equals("normal")) {
                    into.put(Dom.w(e, "id"), e);
                }
            }
        }
    }

    /** The document's blocks, then its footnotes (read in the order of their references). */
    List<Block> read(Element body) throws Docx.Unreadable {
        List<Block> out = new ArrayList<>();
        blocks(body, out);
        if (tracked) {
            notes.add(0, "tài liệu còn thay đổi chưa chấp nhận (Theo dõi thay đổi): đã lấy nội dung như khi chấp nhận mọi thay đổi",
                    "Kiểm tra lại trang; trong Word có thể chọn Xem lại → Chấp nhận tất cả thay đổi rồi nhập lại.");
        }
        for (int i = 0; i < noteOrder.size(); i++) {
            String key = noteOrder.get(i);
            Element e = (key.startsWith("f") ? footnoteXml : endnoteXml).get(key.substring(1));
            String part = key.startsWith("f") ? "word/footnotes.xml" : "word/endnotes.xml";
            rels = docx.rels(part);
            notes.place = "chú thích " + (i + 1);
            List<Block> content = new ArrayList<>();
            int saved = paragraphs;
            blocks(e, content);
            paragraphs = saved;
            List<Block.Para> paras = new ArrayList<>();
            for (Block b : content) {
                if (b instanceof Block.Para p) {
                    paras.add(p);
                } else if (b instanceof Block.Table t) {
                    notes.add(0, "bảng trong chú thích được chuyển thành chữ", "Kiểm tra lại chú thích trong trang.");
                    paras.addAll(flatten(t));
                }
            }
            if (paras.isEmpty()) {
                // A reference to a note the file lacks, or an empty note: the page still needs its definition.
                notes.add(0, "chú thích trống hoặc không có trong tệp", "Viết nội dung chú thích vào dòng [^" + (i + 1) + "]: cuối trang.");
                paras.add(new Block.Para(0, List.of(new Inline.Text("(chú thích trống)", 0, null)), "(chú thích trống)", 0, null));
            }
            footnotes.add(new Note(i + 1, List.copyOf(paras)));
        }
        notes.place = null;
        rels = bodyRels;
        return out;
    }

    private void blocks(Element parent, List<Block> out) throws Docx.Unreadable {
        if (parent == null) {
            return;
        }
        for (Element e : Dom.elements(parent)) {
            String ns = e.getNamespaceURI();
            String name = e.getLocalName();
            if (Docx.W.equals(ns)) {
                switch (name) {
                    case "p" -> paragraph(e, out);
                    case "tbl" -> out.add(table(e));
                    case "sdt" -> {
                        Element pr = Dom.child(e, Docx.W, "sdtPr");
                        Element gallery = pr == null ? null : Dom.find(pr, Docx.W, "docPartGallery");
                        Element content = Dom.child(e, Docx.W, "sdtContent");
                        if (gallery != null && Dom.w(gallery, "val").contains("Table of Contents")) {
                            toc(out, paragraphs + 1);
                            countParagraphs(content);
                        } else if (content != null) {
                            blocks(content, out);
                        }
                    }
                    case "customXml", "smartTag" -> blocks(e, out);
                    case "ins", "moveTo" -> {
                        tracked = true;
                        blocks(e, out);
                    }
                    case "del", "moveFrom" -> tracked = true;
                    case "altChunk" -> notes.add(paragraphs + 1, "nội dung nhúng từ tệp khác (altChunk) không chuyển được",
                            "Mở tài liệu bằng Word, lưu lại thành .docx (Word sẽ gộp nội dung nhúng) rồi nhập lại.");
                    default -> {
                        // Section properties, bookmarks, proofing marks: layout, not content.
                    }
                }
            } else if (Docx.MC.equals(ns) && name.equals("AlternateContent")) {
                Element choice = Dom.child(e, Docx.MC, "Choice");
                blocks(choice != null ? choice : Dom.child(e, Docx.MC, "Fallback"), out);
            } else if (Docx.M.equals(ns) && name.equals("oMathPara")) {
                notes.add(++paragraphs, "công thức toán (equation) không chuyển được", "Viết lại công thức bằng chữ trong trang.");
            }
        }
    }

    private void countParagraphs(Element e) {
        if (e != null) {
            for (Element c : Dom.elements(e)) {
                if (Dom.is(c, Docx.W, "p")) {
                    paragraphs++;
                } else {
                    countParagraphs(c);
                }
            }
        }
    }

    private void toc(List<Block> out, int at) {
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Block.Toc) {
            return;
        }
        out.add(new Block.Toc(at));
        if (!tocNoted) {
            tocNoted = true;
            notes.add(at, "mục lục của Word được thay bằng [TOC] (mục lục tự động của trang)",
                    "Không cần làm gì; xóa dòng [TOC] nếu không muốn có mục lục trong trang.");
        }
    }

    // ---- paragraphs

    private void paragraph(Element p, List<Block> out) throws Docx.Unreadable {
        int number = ++paragraphs;
        Element pPr = Dom.child(p, Docx.W, "pPr");
        String styleId = styles.paragraphStyle(Dom.w(Dom.child(pPr, Docx.W, "pStyle"), "val"));
        int style = styles.level(styleId);
        Element outline = Dom.child(pPr, Docx.W, "outlineLvl");
        if (style == 0 && outline != null) {
            int o = Styles.parse(Dom.w(outline, "val"), 9);
            style = o >= 0 && o <= 8 ? o + 1 : 0;
        }
        boolean inToc = fields.stream().anyMatch(f -> f.toc) || styles.isToc(styleId);
        Line line = new Line();
        List<Block> after = new ArrayList<>();
        quiet = inToc;
        inlines(p, line, number, after, 0, null);
        quiet = false;
        if (inToc || fields.stream().anyMatch(f -> f.toc)) {
            toc(out, number);
            return;
        }
        Numbering.Label label = null;
        Element numPr = Dom.child(pPr, Docx.W, "numPr");
        String numId = null;
        int ilvl = 0;
        if (numPr != null) {
            numId = Dom.w(Dom.child(numPr, Docx.W, "numId"), "val");
            ilvl = Styles.parse(Dom.w(Dom.child(numPr, Docx.W, "ilvl"), "val"), 0);
        } else {
            String[] fromStyle = styles.numbering(styleId);
            if (fromStyle != null) {
                numId = fromStyle[0];
                ilvl = Styles.parse(fromStyle[1], 0);
            }
        }
        List<Inline> content = line.finish();
        String text = Line.plain(content);
        if (numId != null && !numId.equals("0") && !(content.isEmpty())) {
            label = numbering.next(numId, ilvl);
        }
        if (!content.isEmpty()) {
            out.add(new Block.Para(number, content, text, style, label));
        }
        out.addAll(after);
    }

    /** Format bits and link of the runs being read. */
    private void inlines(Element parent, Line line, int number, List<Block> after, int format, String link)
            throws Docx.Unreadable {
        if (parent == null) {
            return;
        }
        for (Element e : Dom.elements(parent)) {
            String ns = e.getNamespaceURI();
            String name = e.getLocalName();
            if (Docx.W.equals(ns)) {
                switch (name) {
                    case "r" -> run(e, line, number, after, link);
                    case "hyperlink" -> inlines(e, line, number, after, format, hyperlink(e, number));
                    case "fldSimple" -> {
                        String instr = e.getAttributeNS(Docx.W, "instr").strip();
                        String url = link;
                        if (instr.startsWith("HYPERLINK")) {
                            url = fieldLink(instr, number);
                        }
                        inlines(e, line, number, after, format, url);
                    }
                    case "smartTag", "customXml", "dir", "bdo" -> inlines(e, line, number, after, format, link);
                    case "sdt" -> {
                        Element content = Dom.child(e, Docx.W, "sdtContent");
                        if (content != null) {
                            inlines(content, line, number, after, format, link);
                        }
                    }
                    case "ins", "moveTo" -> {
                        tracked = true;
                        inlines(e, line, number, after, format, link);
                    }
                    case "del", "moveFrom" -> tracked = true;
                    default -> {
                        // pPr, bookmarks, comment ranges, proofing marks.
                    }
                }
            } else if (Docx.MC.equals(ns) && name.equals("AlternateContent")) {
                Element choice = Dom.child(e, Docx.MC, "Choice");
                inlines(choice != null ? choice : Dom.child(e, Docx.MC, "Fallback"), line, number, after, format, link);
            } else if (Docx.M.equals(ns) && (name.equals("oMath") || name.equals("oMathPara"))) {
                notes.add(number, "công thức toán (equation) không chuyển được", "Viết lại công thức bằng chữ trong trang.");
            }
        }
    }

    private String hyperlink(Element e, int number) {
        String id = e.getAttributeNS(Docx.R, "id");
        String anchor = Dom.w(e, "anchor");
        Rel rel = id.isEmpty() ? null : rels.get(id);
        if (rel != null && rel.external()) {
            return anchor.isEmpty() ? rel.target() : rel.target() + "#" + anchor;
        }
        internalLink(number, anchor);
        return null;
    }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|(\\\\[a-z])|(\\S+)");

    /** The URL of a {@code HYPERLINK "url" \l "anchor"} field, or null for a link inside the document. */
    private String fieldLink(String instr, int number) {
        Matcher m = QUOTED.matcher(instr.substring("HYPERLINK".length()));
        String url = null;
        boolean local = false;
        String anchor = "";
        boolean nextIsAnchor = false;
        while (m.find()) {
            if (m.group(2) != null) {
                nextIsAnchor = m.group(2).equals("\\l");
                local |= nextIsAnchor;
                continue;
            }
            String v = m.group(1) != null ? m.group(1) : m.group(3);
            if (nextIsAnchor) {
                anchor = v;
            } else if (url == null) {
                url = v;
            }
            nextIsAnchor = false;
        }
        if (url != null && !url.isEmpty()) {
            return anchor.isEmpty() ? url : url + "#" + anchor;
        }
        if (local) {
            internalLink(number, anchor);
        }
        return null;
    }

    private void internalLink(int number, String anchor) {
        if (quiet || fields.stream().anyMatch(f -> f.toc)) {
            return;
        }
        notes.add(number, "liên kết tới một chỗ trong tài liệu Word" + (anchor.isEmpty() ? "" : " (" + anchor + ")")
                        + " được chuyển thành chữ thường",
                "Nếu cần, viết lại thành liên kết tới mã mục trong trang, ví dụ [chữ](#ma-muc).");
    }

    private void run(Element r, Line line, int number, List<Block> after, String link) throws Docx.Unreadable {
        Element rPr = Dom.child(r, Docx.W, "rPr");
        int format = styles.format(Dom.w(Dom.child(rPr, Docx.W, "rStyle"), "val"));
        format = set(format, Inline.BOLD, Dom.toggle(rPr, "b"));
        format = set(format, Inline.ITALIC, Dom.toggle(rPr, "i"));
        Boolean strike = Dom.toggle(rPr, "strike");
        Boolean dstrike = Dom.toggle(rPr, "dstrike");
        format = set(format, Inline.STRIKE, strike == null && dstrike == null ? null
                : Boolean.TRUE.equals(strike) || Boolean.TRUE.equals(dstrike));
        String va = Dom.w(Dom.child(rPr, Docx.W, "vertAlign"), "val");
        if (va.equals("superscript")) {
            format |= Inline.SUP;
        } else if (va.equals("subscript")) {
            format |= Inline.SUB;
        }
        boolean caps = Boolean.TRUE.equals(Dom.toggle(rPr, "caps"));
        boolean hidden = Boolean.TRUE.equals(Dom.toggle(rPr, "vanish")) || Boolean.TRUE.equals(Dom.toggle(rPr, "specVanish"));
        Field field = fields.peek();
        String url = link;
        for (Field f : fields) {
            if (f.result && f.link != null) {
                url = f.link;
                break;
            }
        }
        boolean inInstruction = field != null && !field.result;
        for (Element e : Dom.elements(r)) {
            String ns = e.getNamespaceURI();
            String name = e.getLocalName();
            if (Docx.MC.equals(ns) && name.equals("AlternateContent")) {
                Element choice = Dom.child(e, Docx.MC, "Choice");
                Element branch = choice != null ? choice : Dom.child(e, Docx.MC, "Fallback");
                if (branch != null) {
                    for (Element c : Dom.elements(branch)) {
                        object(c, line, number, after);
                    }
                }
                continue;
            }
            if (!Docx.W.equals(ns)) {
                continue;
            }
            switch (name) {
                case "fldChar" -> {
                    String type = Dom.w(e, "fldCharType");
                    if (type.equals("begin")) {
                        fields.push(new Field());
                    } else if (type.equals("separate") && !fields.isEmpty()) {
                        Field f = fields.peek();
                        f.result = true;
                        String instr = f.instr.toString().strip();
                        if (instr.startsWith("HYPERLINK")) {
                            f.link = fieldLink(instr, number);
                        } else if (instr.startsWith("TOC")) {
                            f.toc = true;
                        }
                    } else if (type.equals("end") && !fields.isEmpty()) {
                        fields.pop();
                    }
                    field = fields.peek();
                    inInstruction = field != null && !field.result;
                    url = link;
                    for (Field f : fields) {
                        if (f.result && f.link != null) {
                            url = f.link;
                            break;
                        }
                    }
                }
                case "instrText" -> {
                    if (field != null) {
                        field.instr.append(e.getTextContent());
                    }
                }
                case "t" -> {
                    if (inInstruction) {
                        continue;
                    }
                    if (hidden) {
                        notes.once("hidden", number, "chữ ẩn (hidden) không được chuyển",
                                "Nếu chữ ẩn là nội dung cần đăng, bỏ ẩn trong Word (Phông chữ → bỏ chọn Ẩn) rồi nhập lại.");
                        continue;
                    }
                    String t = e.getTextContent();
                    line.text(caps ? t.toUpperCase(VI) : t, format, url);
                }
                case "tab", "ptab" -> line.text(" ", format, url);
                case "br" -> {
                    String type = Dom.w(e, "type");
                    if (type.isEmpty() || type.equals("textWrapping")) {
                        line.add(new Inline.Break());
                    } else {
                        line.text(" ", format, url);
                    }
                }
                case "cr" -> line.add(new Inline.Break());
                case "noBreakHyphen" -> line.text("-", format, url);
                case "sym" -> {
                    if (line.isEmpty()) {
                        // A Wingdings or Symbol bullet typed at the start of the paragraph.
                        line.text("• ", format, url);
                    } else {
                        notes.once("sym", number, "ký hiệu chèn từ phông Symbol/Wingdings không chuyển được",
                                "Thay ký hiệu bằng chữ hoặc ký tự Unicode tương ứng trong trang.");
                    }
                }
                case "footnoteReference" -> line.add(new Inline.NoteRef(noteNumber("f" + Dom.w(e, "id"))));
                case "endnoteReference" -> line.add(new Inline.NoteRef(noteNumber("e" + Dom.w(e, "id"))));
                case "drawing", "pict", "object" -> object(e, line, number, after);
                case "ruby" -> {
                    Element base = Dom.child(e, Docx.W, "rubyBase");
                    if (base != null) {
                        inlines(base, line, number, after, format, url);
                    }
                }
                default -> {
                    // delText, softHyphen, footnoteRef, page-break marks, comment references.
                }
            }
        }
    }

    private static int set(int format, int bit, Boolean on) {
        return on == null ? format : on ? format | bit : format & ~bit;
    }

    private int noteNumber(String key) {
        Integer n = noteNumbers.get(key);
        if (n == null) {
            n = noteOrder.size() + 1;
            noteNumbers.put(key, n);
            noteOrder.add(key);
        }
        return n;
    }

    // ---- drawings, pictures, objects

    private void object(Element e, Line line, int number, List<Block> after) throws Docx.Unreadable {
        if (Dom.is(e, Docx.W, "drawing")) {
            drawing(e, line, number, after);
        } else if (Dom.is(e, Docx.W, "pict")) {
            vml(e, line, number, after);
        } else if (Dom.is(e, Docx.W, "object")) {
            notes.add(number, "đối tượng nhúng (OLE: bảng tính Excel, trang PowerPoint…) không chuyển được",
                    "Chép nội dung của đối tượng vào trang, hoặc chụp thành ảnh PNG, đặt cạnh trang và chèn ![mô tả](tên-ảnh.png).");
        }
    }

    private void drawing(Element drawing, Line line, int number, List<Block> after) throws Docx.Unreadable {
        Element docPr = Dom.find(drawing, Docx.WP, "docPr");
        Element data = Dom.find(drawing, Docx.A, "graphicData");
        String uri = data == null ? "" : data.getAttribute("uri");
        if (uri.endsWith("/picture")) {
            Element blip = Dom.find(data, Docx.A, "blip");
            String embed = blip == null ? "" : blip.getAttributeNS(Docx.R, "embed");
            String linked = blip == null ? "" : blip.getAttributeNS(Docx.R, "link");
            picture(embed.isEmpty() ? linked : embed, embed.isEmpty() && !linked.isEmpty(),
                    docPr == null ? "" : docPr.getAttribute("descr"), docPr == null ? "" : docPr.getAttribute("title"),
                    line, number);
        } else if (uri.endsWith("/chart")) {
            notes.add(number, "biểu đồ (chart) không chuyển được",
                    "Chụp biểu đồ thành ảnh PNG (hoặc chép số liệu thành bảng), đặt cạnh trang và chèn ![mô tả](tên-ảnh.png).");
        } else if (uri.endsWith("/diagram")) {
            notes.add(number, "sơ đồ SmartArt không chuyển được",
                    "Viết lại sơ đồ thành danh sách, hoặc chụp thành ảnh PNG, đặt cạnh trang và chèn ![mô tả](tên-ảnh.png).");
        } else {
            Element box = Dom.find(drawing, Docx.W, "txbxContent");
            if (box != null) {
                textBox(box, number, after);
            } else {
                notes.add(number, "hình vẽ (shape) không chuyển được",
                        "Nếu hình có nội dung cần đăng, chụp thành ảnh PNG, đặt cạnh trang và chèn ![mô tả](tên-ảnh.png).");
            }
        }
    }

    /** Old documents draw with VML: {@code v:imagedata} is a picture, {@code v:textbox} a text box. */
    private void vml(Element pict, Line line, int number, List<Block> after) throws Docx.Unreadable {
        Element image = Dom.find(pict, Docx.V, "imagedata");
        Element box = Dom.find(pict, Docx.W, "txbxContent");
        Element rect = Dom.find(pict, Docx.V, "rect");
        if (image != null) {
            Element shape = (Element) image.getParentNode();
            picture(image.getAttributeNS(Docx.R, "id"), false, shape.getAttribute("alt"),
                    image.getAttributeNS(Docx.O, "title"), line, number);
        } else if (box != null) {
            textBox(box, number, after);
        } else if (rect != null && "t".equals(rect.getAttributeNS(Docx.O, "hr"))) {
            // A horizontal rule: decoration.
        } else if (pict.getTextContent().isBlank() && Dom.elements(pict).isEmpty()) {
            // Nothing drawn.
        } else {
            notes.add(number, "hình vẽ (shape) không chuyển được",
                    "Nếu hình có nội dung cần đăng, chụp thành ảnh PNG, đặt cạnh trang và chèn ![mô tả](tên-ảnh.png).");
        }
    }

    private void textBox(Element content, int number, List<Block> after) throws Docx.Unreadable {
        notes.add(number, "khung chữ (text box) được chuyển thành đoạn văn thường, đặt sau đoạn chứa nó",
                "Kiểm tra vị trí của đoạn văn này trong trang.");
        int saved = paragraphs;
        List<Block> inside = new ArrayList<>();
        blocks(content, inside);
        after.addAll(inside);
        paragraphs = Math.max(saved, paragraphs);
    }

    private static final java.util.Set<String> WEB_IMAGES = java.util.Set.of("png", "jpg", "jpeg", "gif", "webp", "svg", "bmp");

    private void picture(String relId, boolean external, String descr, String title, Line line, int number) {
        Rel rel = relId.isEmpty() ? null : rels.get(relId);
        if (rel == null || external || rel.external()) {
            notes.add(number, "ảnh liên kết tới tệp ngoài tài liệu" + (rel == null ? "" : " (" + rel.target() + ")")
                            + " không chuyển được",
                    "Chép tệp ảnh vào cạnh trang và chèn ![mô tả](tên-ảnh.png).");
            return;
        }
        String part = rel.target();
        String name = part.substring(part.lastIndexOf('/') + 1);
        String ext = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!docx.has(part)) {
            notes.add(number, "ảnh " + name + " không có trong tệp .docx", "Chèn lại ảnh trong Word rồi nhập lại.");
            return;
        }
        if (!WEB_IMAGES.contains(ext)) {
            notes.add(number, "ảnh dạng " + ext.toUpperCase(Locale.ROOT) + " (" + name + ") không hiển thị được trên trình duyệt, không chuyển",
                    "Trong Word, bấm chuột phải vào ảnh → Lưu thành ảnh (PNG), đặt cạnh trang và chèn ![mô tả](tên-ảnh.png).");
            return;
        }
        Media m = media.get(part);
        if (m == null) {
            m = new Media(part, stem + "-" + (media.size() + 1) + "." + (ext.equals("jpeg") ? "jpg" : ext));
            media.put(part, m);
        }
        pictures++;
        String alt = Line.clean(descr).strip();
        if (alt.isEmpty()) {
            alt = Line.clean(title).strip();
        }
        if (alt.isEmpty()) {
            alt = "Ảnh " + pictures;
            notes.add(number, "ảnh " + m.file() + " không có mô tả: tạm ghi “" + alt + "”",
                    "Sửa chữ trong ![" + alt + "](" + m.file() + ") thành mô tả nội dung ảnh (người khiếm thị nghe đọc mô tả này).");
        }
        line.add(new Inline.Picture(alt, m.file()));
    }

    // ---- tables

    private Block.Table table(Element tbl) throws Docx.Unreadable {
        int index = ++tables;
        int first = paragraphs + 1;
        List<List<Block.Cell>> rows = new ArrayList<>();
        boolean merged = false;
        boolean nested = false;
        for (Element tr : rowsOf(tbl)) {
            List<Block.Cell> row = new ArrayList<>();
            for (Element tc : cellsOf(tr)) {
                Element tcPr = Dom.child(tc, Docx.W, "tcPr");
                int span = Math.max(1, Styles.parse(Dom.w(Dom.child(tcPr, Docx.W, "gridSpan"), "val"), 1));
                Element vMerge = Dom.child(tcPr, Docx.W, "vMerge");
                boolean continued = vMerge != null && !Dom.w(vMerge, "val").equals("restart");
                List<Block> content = new ArrayList<>();
                blocks(tc, content);
                List<Block.Para> paras = new ArrayList<>();
                for (Block b : content) {
                    if (b instanceof Block.Para p) {
                        paras.add(p);
                    } else if (b instanceof Block.Table t) {
                        nested = true;
                        paras.addAll(flatten(t));
                    }
                }
                if (continued) {
                    merged = true;
                    paras.clear();
                }
                row.add(new Block.Cell(List.copyOf(paras)));
                for (int i = 1; i < span; i++) {
                    merged = true;
                    row.add(new Block.Cell(List.of()));
                }
            }
            rows.add(List.copyOf(row));
        }
        if (merged) {
            notes.add(first, "bảng " + index + " có ô gộp: nội dung ô gộp nằm ở ô đầu, các ô còn lại để trống",
                    "Kiểm tra bảng trong trang; Markdown không gộp được ô.");
        }
        if (nested) {
            notes.add(first, "bảng lồng trong bảng " + index + " được chuyển thành chữ trong ô",
                    "Kiểm tra bảng trong trang; nếu cần, tách bảng lồng thành một bảng riêng.");
        }
        return new Block.Table(first, index, List.copyOf(rows));
    }

    private static List<Element> rowsOf(Element tbl) {
        return wrapped(tbl, "tr", new ArrayList<>());
    }

    private static List<Element> cellsOf(Element tr) {
        return wrapped(tr, "tc", new ArrayList<>());
    }

    /** The children named {@code name}, also inside content controls and custom XML that wrap them. */
    private static List<Element> wrapped(Element parent, String name, List<Element> out) {
        for (Element e : Dom.elements(parent)) {
            if (Dom.is(e, Docx.W, name)) {
                out.add(e);
            } else if (Dom.is(e, Docx.W, "sdt") || Dom.is(e, Docx.W, "customXml")) {
                Element c = Dom.is(e, Docx.W, "sdt") ? Dom.child(e, Docx.W, "sdtContent") : e;
                if (c != null) {
                    wrapped(c, name, out);
                }
            }
        }
        return out;
    }

    /** A table as paragraphs: each row's cells joined by " – " in one paragraph. */
    static List<Block.Para> flatten(Block.Table t) {
        List<Block.Para> out = new ArrayList<>();
        for (List<Block.Cell> row : t.rows()) {
            List<Inline> inl = new ArrayList<>();
            int number = t.number();
            for (Block.Cell c : row) {
                for (Block.Para p : c.paras()) {
                    if (!inl.isEmpty()) {
                        inl.add(new Inline.Text(" – ", 0, null));
                    }
                    inl.addAll(p.inlines());
                    number = p.number();
                }
            }
            if (!inl.isEmpty()) {
                out.add(new Block.Para(number, List.copyOf(inl), Line.plain(inl), 0, null));
            }
        }
        return out;
    }

    // ---- text of one paragraph

    /** Collects a paragraph's pieces, merging runs of the same format that Word splits apart. */
    static final class Line {
        private final List<Inline> items = new ArrayList<>();

        boolean isEmpty() {
            for (Inline i : items) {
                if (!(i instanceof Inline.Text t) || !t.text().isBlank()) {
                    return false;
                }
            }
            return true;
        }

        void text(String s, int format, String link) {
            s = clean(s);
            if (s.isEmpty()) {
                return;
            }
            if (!items.isEmpty() && items.get(items.size() - 1) instanceof Inline.Text last && last.format() == format
                    && java.util.Objects.equals(last.link(), link)) {
                items.set(items.size() - 1, new Inline.Text(last.text() + s, format, link));
            } else {
                items.add(new Inline.Text(s, format, link));
            }
        }

        void add(Inline i) {
            items.add(i);
        }

        /** The pieces, NFC, with spaces collapsed and none at the ends of the paragraph or around breaks. */
        List<Inline> finish() {
            List<Inline> out = new ArrayList<>();
            boolean space = true;
            for (Inline i : items) {
                if (i instanceof Inline.Text t) {
                    String s = Normalizer.normalize(t.text(), Normalizer.Form.NFC);
                    StringBuilder sb = new StringBuilder();
                    for (int k = 0; k < s.length(); k++) {
                        char c = s.charAt(k);
                        if (c == ' ') {
                            if (!space) {
                                sb.append(c);
                            }
                            space = true;
                        } else {
                            sb.append(c);
                            space = false;
                        }
                    }
                    if (sb.length() > 0) {
                        out.add(new Inline.Text(sb.toString(), t.format(), t.link()));
                    }
                } else {
                    if (i instanceof Inline.Break) {
                        trimEnd(out);
                        space = true;
                    } else {
                        space = false;
                    }
                    out.add(i);
                }
            }
            trimEnd(out);
            while (!out.isEmpty() && out.get(0) instanceof Inline.Break) {
                out.remove(0);
            }
            while (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Break) {
                out.remove(out.size() - 1);
                trimEnd(out);
            }
            return List.copyOf(out);
        }

        private static void trimEnd(List<Inline> out) {
            while (!out.isEmpty() && out.get(out.size() - 1) instanceof Inline.Text t && t.text().endsWith(" ")) {
                String s = t.text().stripTrailing();
                if (s.isEmpty()) {
                    out.remove(out.size() - 1);
                } else {
                    out.set(out.size() - 1, new Inline.Text(s, t.format(), t.link()));
                }
            }
        }

        static String plain(List<Inline> inlines) {
            StringBuilder sb = new StringBuilder();
            for (Inline i : inlines) {
                if (i instanceof Inline.Text t) {
                    sb.append(t.text());
                } else if (i instanceof Inline.Break) {
                    sb.append(' ');
                }
            }
            return sb.toString().strip();
        }

        /**
         * Word's invisible and special characters made plain: non-breaking and other fixed
         * spaces become spaces, tabs and line separators too; soft hyphens, zero-width
         * characters and control characters go.
         */
        static String clean(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\u00A0', '\u2007', '\u202F', '\u2002', '\u2003', '\u2009', '\u200A', '\u3000', '\t', '\n', '\r',
                            '\u2028', '\u2029', '\u000B', '\u000C' -> sb.append(' ');
                    case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF' -> {
                    }
                    default -> {
                        if (c >= ' ' && c != '\u007F') {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.toString();
        }
    }

    /** Whether a part of the package (a header, a footer) shows text other than page numbers. */
    static String visibleText(Document d) {
        if (d == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        collect(d.getDocumentElement(), sb);
        return Normalizer.normalize(Line.clean(sb.toString()), Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    private static void collect(Node n, StringBuilder sb) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (Dom.is(c, Docx.W, "t")) {
                sb.append(c.getTextContent());
            } else if (Dom.is(c, Docx.W, "p")) {
                collect(c, sb);
                sb.append(' ');
            } else if (!Dom.is(c, Docx.W, "instrText") && !Dom.is(c, Docx.W, "delText")) {
                collect(c, sb);
            }
        }
    }
}
