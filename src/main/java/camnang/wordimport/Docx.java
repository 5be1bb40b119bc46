package camnang.wordimport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The parts of a .docx package, read with the JDK alone: the zip's entries into memory (with
 * limits, since a docx is a zip anyone can craft) and its XML parts into namespace-aware DOM
 * trees with DTDs and external entities refused.
 */
final class Docx {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    static final String V = "urn:schemas-microsoft-com:vml";
    static final String O = "urn:schemas-microsoft-com:office:office";
    static final String M = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    /** Word files are a few MB; these bounds only stop a crafted zip from filling memory. */
    private static final long MAX_PART = 64L << 20;
    private static final long MAX_TOTAL = 512L << 20;
    private static final int MAX_ENTRIES = 10_000;

    /** Why a file could not be opened as a Word document; the message is for staff. */
    static final class Unreadable extends Exception {
        final String hint;

        Unreadable(String message, String hint) {
            super(message);
            this.hint = hint;
        }
    }

    /** One relationship of a part: where it points, and whether outside the package. */
    record Rel(String target, boolean external) {
    }

    private final Map<String, byte[]> entries;
    private final DocumentBuilder builder;

    private Docx(Map<String, byte[]> entries) {
        this.entries = entries;
        this.builder = newBuilder();
    }

    static Docx open(Path file) throws Unreadable {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                    && (head[3] & 0xff) == 0xE0) {
                throw new Unreadable("đây là tệp Word cũ (.doc) hoặc tài liệu có mật khẩu, không phải .docx",
                        "Mở tệp bằng Word, bỏ mật khẩu nếu có, rồi chọn Lưu thành → Tài liệu Word (*.docx) và nhập lại.");
            }
            if (n < 4 || head[0] != 'P' || head[1] != 'K') {
                throw notDocx();
            }
        } catch (IOException e) {
            throw new Unreadable("không đọc được tệp (" + e.getClass().getSimpleName() + ")",
                    "Kiểm tra tệp có tồn tại và đang không bị chương trình khác khóa.");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw notDocx();
            }
            long total = 0;
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] bytes = readLimited(in, MAX_PART);
                    total += bytes.length;
                    if (total > MAX_TOTAL) {
                        throw new Unreadable("tài liệu quá lớn sau khi giải nén (hơn 512 MB)",
                                "Tách tài liệu thành nhiều tệp nhỏ hơn hoặc giảm dung lượng ảnh trong Word.");
                    }
                    entries.put(e.getName(), bytes);
                }
            }
        } catch (ZipException e) {
            throw notDocx();
        } catch (IOException e) {
            throw new Unreadable("không đọc được tệp (" + e.getClass().getSimpleName() + ")",
                    "Kiểm tra tệp có tồn tại và đang không bị chương trình khác khóa.");
        }
        if (!entries.containsKey("word/document.xml")) {
            throw notDocx();
        }
        return new Docx(entries);
    }

    private static Unreadable notDocx() {
        return new Unreadable("không phải tài liệu Word (.docx)",
                "Mở tệp bằng Word rồi chọn Lưu thành → Tài liệu Word (*.docx); tệp .doc, .pdf, .odt cần lưu lại thành .docx trước.");
    }

    private static byte[] readLimited(InputStream in, long max) throws IOException, Unreadable {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > max) {
                throw new Unreadable("một phần của tài liệu quá lớn sau khi giải nén (hơn 64 MB)",
                        "Tách tài liệu thành nhiều tệp nhỏ hơn hoặc giảm dung lượng ảnh trong Word.");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // The default handler prints "[Fatal Error]" to the terminal; the exception says enough.
            b.setErrorHandler(new org.xml.sax.ErrorHandler() {
                @Override
                public void warning(org.xml.sax.SAXParseException e) {
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean has(String part) {
        return entries.containsKey(part);
    }

    byte[] bytes(String part) {
        return entries.get(part);
    }

    /** The part's XML, or null when the package has no such part. */
    Document xml(String part) throws Unreadable {
        byte[] b = entries.get(part);
        if (b == null) {
            return null;
        }
        try {
            return builder.parse(new ByteArrayInputStream(b));
        } catch (SAXException | IOException e) {
            throw new Unreadable("phần " + part + " của tài liệu bị hỏng, không đọc được",
                    "Mở tệp bằng Word (Word thường tự sửa được), lưu lại thành .docx rồi nhập lại.");
        }
    }

    /** The relationships of {@code part} ({@code word/document.xml} → {@code word/_rels/document.xml.rels}), by id. */
    Map<String, Rel> rels(String part) throws Unreadable {
        int slash = part.lastIndexOf('/');
        String dir = part.substring(0, slash + 1);
        Document d = xml(dir + "_rels/" + part.substring(slash + 1) + ".rels");
        Map<String, Rel> out = new HashMap<>();
        if (d == null) {
            return out;
        }
        for (Element e : Dom.children(d.getDocumentElement(), RELS, "Relationship")) {
            boolean external = "External".equals(e.getAttribute("TargetMode"));
            String target = e.getAttribute("Target");
            out.put(e.getAttribute("Id"), new Rel(external ? target : resolve(dir, target), external));
        }
        return out;
    }

    /** A package-internal target, relative to the folder of the part that names it, as a zip entry name. */
    static String resolve(String dir, String target) {
        String path = target.startsWith("/") ? target.substring(1) : dir + target;
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    /** Small DOM helpers: Word's XML is walked by element, by namespace and local name. */
    static final class Dom {
        private Dom() {
        }

        static boolean is(Node n, String ns, String local) {
            return n instanceof Element && local.equals(n.getLocalName()) && ns.equals(n.getNamespaceURI());
        }

        static java.util.List<Element> children(Node parent, String ns, String local) {
            java.util.List<Element> out = new java.util.ArrayList<>();
            for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (is(c, ns, local)) {
                    out.add((Element) c);
                }
            }
            return out;
        }

        static java.util.List<Element> elements(Node parent) {
            java.util.List<Element> out = new java.util.ArrayList<>();
            for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e) {
                    out.add(e);
                }
            }
            return out;
        }

        static Element child(Node parent, String ns, String local) {
            if (parent == null) {
                return null;
            }
            for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (is(c, ns, local)) {
                    return (Element) c;
                }
            }
            return null;
        }

        /** The first descendant with that name, depth first, or null. */
        static Element find(Node parent, String ns, String local) {
            for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (is(c, ns, local)) {
                    return (Element) c;
                }
                Element d = find(c, ns, local);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }

        /** A {@code w:}-namespaced attribute, such as {@code w:val}; empty when absent. */
        static String w(Element e, String local) {
            return e == null ? "" : e.getAttributeNS(W, local);
        }

        /** {@code <w:b/>}, {@code <w:b w:val="1"/>} are on; {@code w:val="0|false|off"} is off. */
        static Boolean toggle(Element props, String local) {
            Element e = child(props, W, local);
            if (e == null) {
                return null;
            }
            String v = w(e, "val");
            return !(v.equals("0") || v.equals("false") || v.equals("off") || v.equals("none"));
        }
    }
}
