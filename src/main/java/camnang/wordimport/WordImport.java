package camnang.wordimport;

import camnang.Problem;
import camnang.Slug;
import camnang.wordimport.Docx.Dom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The {@code wordimport} stage: a Word document (.docx) becomes one Markdown page, with its
 * images beside it. Reads the package with the JDK alone (zip and XML); headings come from
 * Word's styles and from administrative numbering ({@code I.}, {@code 1.}, {@code a)}); the front
 * matter from what the document shows (its title, and for an administrative document its
 * number, date and issuing body). Whatever has no Markdown form is listed, never dropped
 * silently.
 */
public final class WordImport {
    /**
     * @param page     the page written, or null when nothing was written (then {@code problems} has the error)
     * @param images   the images written next to it
     * @param problems what could not be converted (notices), or why nothing was written (an error)
     */
    public record Result(Path page, List<Path> images, List<Problem> problems) {
        public Result {
            images = List.copyOf(images);
            problems = List.copyOf(problems);
        }

        public boolean written() {
            return page != null;
        }
    }

    private WordImport() {
    }

    /**
     * Converts {@code docx} into {@code <contentRoot>/<section>/<name>.md}, where the name is the
     * file's name as a slug; never overwrites a file.
     *
     * @param section a folder inside the content, {@code ""} for the content root
     */
    public static Result convert(Path docx, Path contentRoot, String section) {
        String shown = docx.toString();
        if (!isInside(section)) {
            throw new IllegalArgumentException("section must be a relative folder inside the content: " + section);
        }
        if (!Files.isRegularFile(docx)) {
            return failed(Problem.error(shown, 0, "không tìm thấy tệp",
                    "Kiểm tra đường dẫn và tên tệp .docx (tên có dấu cách thì đặt trong ngoặc kép)."));
        }
        if (!Files.isDirectory(contentRoot)) {
            return failed(Problem.error(contentRoot.toString(), 0, "không tìm thấy thư mục nội dung",
                    "Chạy lệnh trong thư mục chứa content/, hoặc chỉ rõ thư mục bằng --source."));
        }
        String file = docx.getFileName().toString();
        String stem = Slug.of(file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file);
        if (stem.isEmpty()) {
            stem = "tai-lieu";
        }
        Path dir = section.isEmpty() ? contentRoot : contentRoot.resolve(section);
        Path page = dir.resolve(stem + ".md");
        if (Files.exists(page)) {
            return failed(exists(page));
        }
        Notes notes = new Notes();
        Converted c;
        try {
            c = read(Docx.open(docx), notes, stem, file);
        } catch (Docx.Unreadable e) {
            return failed(Problem.error(shown, 0, e.getMessage(), e.hint));
        }
        List<Path> images = new ArrayList<>();
        for (Reader.Media m : c.media) {
            Path p = dir.resolve(m.file());
            if (Files.exists(p)) {
                return failed(exists(p));
            }
            images.add(p);
        }
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < c.media.size(); i++) {
                Files.write(images.get(i), c.docx.bytes(c.media.get(i).part()), StandardOpenOption.CREATE_NEW);
            }
            Files.writeString(page, c.markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            return failed(exists(Path.of(e.getFile())));
        } catch (IOException e) {
            return failed(Problem.error(dir.toString(), 0, "không ghi được trang vào thư mục này (" + e.getClass().getSimpleName() + ")",
                    "Kiểm tra thư mục có tồn tại và được phép ghi."));
        }
        List<Problem> problems = notes.problems(shown, c.headingBefore);
        return new Result(page, images, problems);
    }

    private static boolean isInside(String section) {
        if (section == null) {
            return false;
        }
        if (section.startsWith("/") || section.startsWith("\\") || section.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : section.split("[/\\\\]")) {
            if (part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static Problem exists(Path p) {
        return Problem.error(p.toString(), 0, "tệp đã có, không ghi đè",
                "Đổi tên tệp .docx, nhập vào mục khác bằng --section, hoặc đổi tên (xóa) tệp cũ rồi nhập lại.");
    }

    private static Result failed(Problem p) {
        return new Result(null, List.of(), List.of(p));
    }

    private record Converted(Docx docx, String markdown, List<Reader.Media> media,
                             java.util.function.IntFunction<String> headingBefore) {
    }

    private static Converted read(Docx docx, Notes notes, String stem, String file) throws Docx.Unreadable {
        Document document = docx.xml("word/document.xml");
        Element root = document.getDocumentElement();
        if (Docx.W_STRICT.equals(root.getNamespaceURI())) {
            throw new Docx.Unreadable("tài liệu lưu ở dạng Strict Open XML, chưa đọc được",
                    "Mở tệp bằng Word, chọn Lưu thành → Tài liệu Word (*.docx) rồi nhập lại.");
        }
        Element body = Dom.child(root, Docx.W, "body");
        if (!Docx.W.equals(root.getNamespaceURI()) || body == null) {
            throw new Docx.Unreadable("không phải tài liệu Word (.docx)",
                    "Mở tệp bằng Word rồi chọn Lưu thành → Tài liệu Word (*.docx).");
        }
        Styles styles = Styles.read(docx.xml("word/styles.xml"));
        Numbering numbering = Numbering.read(docx.xml("word/numbering.xml"));
        Reader reader = new Reader(docx, styles, numbering, notes, stem);
        List<Block> blocks = reader.read(body);
        furniture(docx, notes);

        AdminHeader.Split split = AdminHeader.read(blocks, notes);
        AdminHeader.Header header = split.header();
        String headerTitle = header == null ? null : header.title();
        Outline.Result outline = Outline.arrange(split.body(), headerTitle);
        String title = headerTitle != null ? headerTitle : outline.title();
        if (title == null || title.isBlank()) {
            title = coreTitle(docx);
        }
        if (title == null || title.isBlank()) {
            String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            title = AdminHeader.capitalize(name.replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip());
            notes.add(0, "không thấy tên của tài liệu (kiểu Title, đầu đề hay thuộc tính Title của tệp): tạm lấy tên tệp làm title",
                    "Sửa dòng title ở đầu trang cho đúng tên tài liệu.");
        }

        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", Normalizer.normalize(title.strip(), Normalizer.Form.NFC));
        if (header != null) {
            if (header.date() != null) {
                front.put("date", header.date());
            }
            if (header.normative()) {
                front.put("type", "law");
            } else if (header.plan()) {
                front.put("type", "plan");
            }
            if (header.number() != null) {
                front.put("so_hieu", header.number());
                if (header.form() != null) {
                    front.put("loai_van_ban", AdminHeader.sentence(header.form()));
                }
            }
            if (header.issuer() != null) {
                front.put("co_quan_ban_hanh", header.issuer());
            }
            if (header.date() != null) {
                front.put("ngay_ban_hanh", header.date());
            }
            if (header.normative()) {
                if (header.subject() != null) {
                    front.put("trich_yeu", AdminHeader.capitalize(header.subject().replaceFirst("^(?i)v/v\\s*", "")));
                }
                notes.warn(0, "văn bản pháp luật (type: law) cần tình trạng hiệu lực, tài liệu Word không ghi: "
                                + "trang chưa build được cho đến khi thêm tinh_trang",
                        "Thêm vào phần đầu trang: tinh_trang: còn hiệu lực (hoặc hết hiệu lực một phần, hết hiệu lực, "
                                + "chưa có hiệu lực), đối chiếu trên vbpl.vn.");
            }
        }
        String markdown = frontMatter(front) + "\n" + MarkdownText.body(outline.outs(), reader.footnotes);
        List<Outline.Heading> headings = outline.headings();
        java.util.function.IntFunction<String> headingBefore = paragraph -> {
            String found = null;
            for (Outline.Heading h : headings) {
                if (h.number() > paragraph) {
                    break;
                }
                found = Reader.Line.plain(h.inlines());
            }
            return found;
        };
        return new Converted(docx, markdown, List.copyOf(reader.media.values()), headingBefore);
    }

    /** Comments, headers and footers are not part of the page; say so when they hold text. */
    private static void furniture(Docx docx, Notes notes) throws Docx.Unreadable {
        Document comments = docx.xml("word/comments.xml");
        if (comments != null) {
            int n = Dom.children(comments.getDocumentElement(), Docx.W, "comment").size();
            if (n > 0) {
                notes.add(0, n + " ghi chú (comment) của người xem lại không được chuyển",
                        "Xem các ghi chú trong Word; sửa nội dung trang theo ghi chú nếu cần.");
            }
        }
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            for (String kind : new String[] {"header", "footer"}) {
                String t = Reader.visibleText(docx.xml("word/" + kind + i + ".xml"));
                if (t.chars().anyMatch(Character::isLetter) && !texts.contains(t)) {
                    texts.add(t);
                }
            }
        }
        if (!texts.isEmpty()) {
            notes.add(0, "đầu trang, chân trang của Word không được chuyển: “" + Notes.shorten(String.join(" / ", texts)) + "”",
                    "Nếu đó là nội dung cần đăng, chép vào trang.");
        }
    }

    private static String coreTitle(Docx docx) throws Docx.Unreadable {
        Document core = docx.xml("docProps/core.xml");
        if (core == null) {
            return null;
        }
        Element t = Dom.find(core.getDocumentElement(), Docx.DC, "title");
        if (t == null) {
            return null;
        }
        return Normalizer.normalize(Reader.Line.clean(t.getTextContent()).replaceAll("\\s+", " ").strip(), Normalizer.Form.NFC);
    }

    // ---- front matter

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][^\\n\"]*");
    private static final Pattern RESOLVED = Pattern.compile(
            "(?i)[-+]?[0-9_.]+|true|false|yes|no|on|off|null|~|\\d{4}-\\d\\d-\\d\\d.*|[0-9:]+");

    static String frontMatter(Map<String, Object> front) {
        StringBuilder sb = new StringBuilder("---\n");
        front.forEach((k, v) -> sb.append(k).append(": ").append(v instanceof LocalDate d ? d.toString() : yaml((String) v)).append('\n'));
        return sb.append("---\n").toString();
    }

    /** A YAML scalar: plain when it reads back as the same string, else double-quoted. */
    static String yaml(String v) {
        if (PLAIN.matcher(v).matches() && !v.contains(": ") && !v.contains(" #") && !v.endsWith(":") && !v.endsWith(" ")
                && !RESOLVED.matcher(v).matches()) {
            return v;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
