package camnang;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The text of each page of a PDF that Chromium printed, without a PDF library: the page tree,
 * each page's content streams (FlateDecode, inflated with the JDK), and its fonts' ToUnicode
 * maps to turn the glyph codes of {@code Tj}/{@code TJ} back into text. A line break is put
 * where the text matrix moves to another line. Enough for Chromium's (Skia's) output, which
 * writes plain objects, Type0 fonts with two-byte codes and Type3 fonts with one-byte codes.
 */
public final class PdfText {
    private static final Pattern OBJ = Pattern.compile("(?m)^(\\d+) 0 obj\\b");
    private static final Pattern REF = Pattern.compile("(\\d+) 0 R");

    private final String pdf;
    private final byte[] bytes;
    private final Map<Integer, Integer> objects = new HashMap<>();

    private PdfText(byte[] bytes) {
        this.bytes = bytes;
        // Latin-1 keeps one char per byte, so string offsets are byte offsets.
        this.pdf = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher m = OBJ.matcher(pdf);
        while (m.find()) {
            objects.put(Integer.parseInt(m.group(1)), m.end());
        }
    }

    /** The text of every page, in page order. */
    public static List<String> pages(byte[] pdf) {
        return new PdfText(pdf).pages();
    }

    /** How many pages the document has, by its page tree. */
    public static int pageCount(byte[] pdf) {
        PdfText t = new PdfText(pdf);
        return t.kids(t.root()).size();
    }

    /** The root of the page tree: the Pages object without a parent. */
    private int root() {
        List<Integer> roots = new ArrayList<>();
        for (int id : objects.keySet()) {
            String d = dict(id);
            if (d.matches("(?s).*/Type\\s*/Pages\\b.*") && !d.matches("(?s).*/Parent\\s+\\d+ 0 R.*")) {
                roots.add(id);
            }
        }
        if (roots.size() != 1) {
            throw new IllegalArgumentException("no single page tree in the PDF: " + roots);
        }
        return roots.get(0);
    }

    private List<Integer> kids(int node) {
        String d = dict(node);
        List<Integer> out = new ArrayList<>();
        if (!d.matches("(?s).*/Type\\s*/Pages\\b.*")) {
            out.add(node);
            return out;
        }
        Matcher k = Pattern.compile("/Kids\\s*\\[([^\\]]*)\\]").matcher(d);
        if (k.find()) {
            Matcher r = REF.matcher(k.group(1));
            while (r.find()) {
                out.addAll(kids(Integer.parseInt(r.group(1))));
            }
        }
        return out;
    }

    private List<String> pages() {
        List<String> out = new ArrayList<>();
        for (int page : kids(root())) {
            String d = dict(page);
            Map<String, Map<Integer, String>> fonts = new HashMap<>();
            Map<String, Integer> widths = new HashMap<>();
            Matcher f = Pattern.compile("/Font\\s*<<(.*?)>>", Pattern.DOTALL).matcher(d);
            if (f.find()) {
                Matcher e = Pattern.compile("/(\\w+)\\s+(\\d+) 0 R").matcher(f.group(1));
                while (e.find()) {
                    String font = dict(Integer.parseInt(e.group(2)));
                    widths.put(e.group(1), font.contains("/Type0") ? 2 : 1);
                    Matcher u = Pattern.compile("/ToUnicode\\s+(\\d+) 0 R").matcher(font);
                    fonts.put(e.group(1), u.find() ? cmap(stream(Integer.parseInt(u.group(1)))) : Map.of());
                }
            }
            StringBuilder text = new StringBuilder();
            Matcher c = Pattern.compile("/Contents\\s*(\\[[^\\]]*\\]|\\d+ 0 R)").matcher(d);
            if (c.find()) {
                Matcher r = REF.matcher(c.group(1));
                while (r.find()) {
                    show(stream(Integer.parseInt(r.group(1))), fonts, widths, text);
                }
            }
            out.add(Normalizer.normalize(text.toString().strip(), Normalizer.Form.NFC));
        }
        return out;
    }

    private static final Pattern TOKEN = Pattern.compile("<([0-9A-Fa-f\\s]*)>|\\[|\\]|/(\\w+)|(-?[\\d.]+)|([A-Za-z*'\"]+)|\\((?:\\\\.|[^\\\\)])*\\)");

    /** Runs a content stream's text operators, appending what they show. */
    private static void show(String content, Map<String, Map<Integer, String>> fonts, Map<String, Integer> widths,
                             StringBuilder out) {
        List<String> operands = new ArrayList<>();
        String font = null;
        String lineY = null;
        Matcher t = TOKEN.matcher(content);
        while (t.find()) {
            if (t.group(4) != null) {
                String op = t.group(4);
                switch (op) {
                    case "Tf" -> font = operands.isEmpty() ? font : operands.get(0);
                    case "Tm" -> {
                        String y = operands.size() >= 6 ? operands.get(5) : null;
                        if (lineY != null && !lineY.equals(y) && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                            out.append('\n');
                        }
                        lineY = y;
                    }
                    case "Tj", "TJ", "'", "\"" -> {
                        for (String o : operands) {
                            if (o.startsWith("<")) {
                                out.append(decode(o.substring(1), fonts.getOrDefault(font, Map.of()), widths.getOrDefault(font, 1)));
                            }
                        }
                    }
                    default -> {
                        // Graphics and other text operators carry no text.
                    }
                }
                operands.clear();
            } else if (t.group(1) != null) {
                operands.add("<" + t.group(1).replaceAll("\\s", ""));
            } else if (t.group(2) != null) {
                operands.add(t.group(2));
            } else if (t.group(3) != null) {
                operands.add(t.group(3));
            }
        }
    }

    private static String decode(String hex, Map<Integer, String> cmap, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 2 * width <= hex.length(); i += 2 * width) {
            int code = Integer.parseInt(hex.substring(i, i + 2 * width), 16);
            sb.append(cmap.getOrDefault(code, "\uFFFD"));
        }
        return sb.toString();
    }

    /** A ToUnicode CMap: bfchar and bfrange entries, code → text. */
    private static Map<Integer, String> cmap(String text) {
        Map<Integer, String> map = new HashMap<>();
        Matcher chars = Pattern.compile("beginbfchar(.*?)endbfchar", Pattern.DOTALL).matcher(text);
        while (chars.find()) {
            Matcher e = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>").matcher(chars.group(1));
            while (e.find()) {
                map.put(Integer.parseInt(e.group(1), 16), utf16(e.group(2)));
            }
        }
        Matcher ranges = Pattern.compile("beginbfrange(.*?)endbfrange", Pattern.DOTALL).matcher(text);
        while (ranges.find()) {
            Matcher e = Pattern.compile("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>\\s*(<[0-9A-Fa-f]+>|\\[[^\\]]*\\])").matcher(ranges.group(1));
            while (e.find()) {
                int lo = Integer.parseInt(e.group(1), 16);
                int hi = Integer.parseInt(e.group(2), 16);
                String dst = e.group(3);
                if (dst.startsWith("[")) {
                    Matcher each = Pattern.compile("<([0-9A-Fa-f]+)>").matcher(dst);
                    for (int code = lo; code <= hi && each.find(); code++) {
                        map.put(code, utf16(each.group(1)));
                    }
                } else {
                    String base = utf16(dst.substring(1, dst.length() - 1));
                    for (int code = lo; code <= hi; code++) {
                        map.put(code, base.substring(0, base.length() - 1) + (char) (base.charAt(base.length() - 1) + code - lo));
                    }
                }
            }
        }
        return map;
    }

    private static String utf16(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(b, StandardCharsets.UTF_16BE);
    }

    /** An object's dictionary, up to its stream or its end. */
    private String dict(int id) {
        Integer at = objects.get(id);
        if (at == null) {
            throw new IllegalArgumentException("no object " + id + " in the PDF");
        }
        int end = pdf.indexOf("endobj", at);
        int stream = pdf.indexOf("stream", at);
        return pdf.substring(at, stream >= 0 && stream < end ? stream : end);
    }

    /** An object's stream, inflated when it is FlateDecode, as Latin-1 text. */
    private String stream(int id) {
        String d = dict(id);
        int start = objects.get(id) + d.length() + "stream".length();
        if (pdf.charAt(start) == '\r') {
            start++;
        }
        if (pdf.charAt(start) == '\n') {
            start++;
        }
        Matcher l = Pattern.compile("/Length\\s+(\\d+)(\\s+0 R)?").matcher(d);
        if (!l.find()) {
            throw new IllegalArgumentException("stream " + id + " has no length");
        }
        int length = l.group(2) == null ? Integer.parseInt(l.group(1)) : Integer.parseInt(dict(Integer.parseInt(l.group(1))).strip());
        byte[] raw = java.util.Arrays.copyOfRange(bytes, start, start + length);
        if (!d.contains("/FlateDecode")) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
        Inflater inflater = new Inflater();
        inflater.setInput(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("stream " + id + " is not valid FlateDecode", e);
        } finally {
            inflater.end();
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
