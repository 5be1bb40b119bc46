package camnang.content;

import camnang.Problems;
import camnang.Slug;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link LegalDoc}: the canonical front-matter keys ({@code so_hieu}, {@code loai_van_ban} …),
 * the many spellings imported files use for the same fields, and the metadata tables of the
 * legal corpus. A field's spellings are compared without case, accents, {@code _} and {@code -}:
 * {@code so_hieu}, {@code sohieu}, {@code So-Hieu} and a table's {@code **Số hiệu**} are one field.
 */
final class LegalFields {
    static final String NUMBER = "so_hieu";
    static final String FORM = "loai_van_ban";
    static final String ISSUER = "co_quan_ban_hanh";
    static final String SIGNER = "nguoi_ky";
    static final String ISSUED = "ngay_ban_hanh";
    static final String EFFECTIVE = "ngay_hieu_luc";
    static final String STATUS = "tinh_trang";
    static final String SUMMARY = "trich_yeu";
    static final String NAMES = "ten_goi";
    static final String REPLACES = "thay_the";
    static final String REPLACED_BY = "bi_thay_the";
    static final String AMENDS = "sua_doi";
    static final String SOURCE = "nguon";

    /** The canonical keys, as staff write them in front matter. */
    static final List<String> CANONICAL = List.of(NUMBER, FORM, ISSUER, SIGNER, ISSUED, EFFECTIVE, STATUS, SUMMARY,
            NAMES, REPLACES, REPLACED_BY, AMENDS, SOURCE);

    /** What a missing required field is called in an error. */
    private static final Map<String, String> LABELS = Map.of(NUMBER, "số hiệu", FORM, "loại văn bản",
            ISSUER, "cơ quan ban hành", ISSUED, "ngày ban hành", STATUS, "tình trạng hiệu lực");

    /** Fields a {@code type: law} page must state. */
    static final List<String> REQUIRED = List.of(NUMBER, FORM, ISSUER, ISSUED, STATUS);

    /** Squeezed spelling → canonical key; squeezed = folded, letters and digits only. */
    private static final Map<String, String> SPELLINGS = new LinkedHashMap<>();

    static {
        spell(NUMBER, "sohieu", "sokyhieu", "number", "docnumber", "documentnumber", "sovanban");
        spell(FORM, "loaivanban", "loaivb", "doctype", "hinhthucvanban");
        spell(ISSUER, "coquanbanhanh", "noibanhanh", "coquan", "issuer", "issuingbody", "issuedby",
                "issuingagency", "cquanbanhanh", "coquanbh", "authority");
        spell(SIGNER, "nguoiky", "signer", "signername", "nguoikyso");
        spell(ISSUED, "ngaybanhanh", "ngayky", "ngaythongqua", "issueddate", "dateissued", "issuedate",
                "promulgateddate", "signdate");
        spell(EFFECTIVE, "ngayhieuluc", "ngaycohieuluc", "effectivedate", "dateeffective", "effdate",
                "takingeffectdate");
        spell(STATUS, "tinhtrang", "tinhtranghieuluc", "trangthai", "trangthaihieuluc", "hieuluc", "status");
        spell(SUMMARY, "trichyeu", "abstract", "digest");
        spell(NAMES, "tengoi", "tenthuonggoi", "tenvanban", "shorttitle");
        spell(REPLACES, "thaythe", "replaces", "vanbanbithaythe", "vbbithaythe");
        spell(REPLACED_BY, "bithaythe", "bithaythebang", "bithaytheboi", "duocthaythe", "duocthaythebang",
                "duocthaytheboi", "vanbanthaythe", "replacedby", "thaythebang");
        spell(AMENDS, "suadoi", "suadoibosung", "amends");
        spell(SOURCE, "nguon", "source", "sourceurl", "urlnguon", "sourcelink", "nguonchinh", "urlgoc");
    }

    private static void spell(String key, String... spellings) {
        SPELLINGS.put(squeeze(key), key);
        for (String s : spellings) {
            SPELLINGS.put(s, key);
        }
    }

    /** A value as written, where: from front matter (a string or a list) or a table cell. */
    record Raw(String key, Object value, int line, boolean canonical) {
    }

    private LegalFields() {
    }

    static String squeeze(String key) {
        StringBuilder sb = new StringBuilder();
        String f = Slug.fold(key);
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The canonical field a front-matter key or a table label names, or null. */
    static String field(String key) {
        return SPELLINGS.get(squeeze(key));
    }

    /** A metadata table opens the page: it is looked for in the body's first lines only. */
    static final int TABLE_WITHIN = 40;

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)[^)]*\\)");

    /**
     * The body's metadata table: the first Markdown table, starting in the body's first
     * {@link #TABLE_WITHIN} lines, in which at least two rows open with
     * a label of a legal field ({@code | **Số hiệu** | 35/2013/QH13 |}). Fields by canonical key;
     * {@code tableLines[0..1]} receive its first and last line.
     */
    static Map<String, Raw> table(String body, int bodyLine, int[] tableLines) {
        Map<String, Raw> out = new LinkedHashMap<>();
        int pos = 0;
        int line = bodyLine;
        int start = -1;
        boolean fence = false;
        Map<String, Raw> rows = new LinkedHashMap<>();
        while (pos <= body.length()) {
            int nl = body.indexOf('\n', pos);
            int end = nl < 0 ? body.length() : nl;
            int first = pos;
            while (first < end && (body.charAt(first) == ' ' || body.charAt(first) == '\t')) {
                first++;
            }
            char c0 = first < end ? body.charAt(first) : '\n';
            if ((c0 == '`' || c0 == '~') && body.startsWith(String.valueOf(c0).repeat(3), first)) {
                fence = !fence;
            }
            boolean row = !fence && c0 == '|';
            String l = row ? body.substring(first, end).strip() : "";
            if (row) {
                if (start < 0) {
                    start = line;
                    rows.clear();
                }
                String[] cells = l.substring(1).split("\\|", -1);
                if (cells.length >= 2) {
                    String label = cells[0].replace("*", "").strip();
                    String key = label.isEmpty() || label.length() > 40 ? null : field(label);
                    if (key != null && !rows.containsKey(key)) {
                        rows.put(key, new Raw(label, cells[1].strip(), line, false));
                    }
                }
            }
            if (!row || nl < 0) {
                if (start >= 0 && rows.size() >= 2) {
                    tableLines[0] = start;
                    tableLines[1] = row ? line : line - 1;
                    out.putAll(rows);
                    return out;
                }
                start = -1;
            }
            if (nl < 0 || (start < 0 && line - bodyLine >= TABLE_WITHIN)) {
                break;
            }
            pos = nl + 1;
            line++;
        }
        return out;
    }

    /**
     * The page's legal document, or null when it has none: neither a number nor
     * {@code type: law}. Errors for a {@code type: law} page that lacks a required field, and
     * for values written under the canonical keys that cannot be read; values under imported
     * spellings that do not fit (a {@code status: complete} about the file, not the law) are
     * left out quietly.
     *
     * @param typeLine the line of {@code type: law}, or 0 when the page did not write it
     * @param typeText the {@code type} value as written, used as the form when it names one
     */
    static LegalDoc build(Map<String, Raw> front, Map<String, Raw> table, int[] tableLines, String title,
                          String typeText, int typeLine, String rel, Problems problems) {
        Map<String, Raw> all = new LinkedHashMap<>(table);
        all.putAll(front);
        boolean law = typeLine > 0;
        if (all.isEmpty() && !law) {
            return null;
        }
        String number = text(all.get(NUMBER));
        String form = text(all.get(FORM));
        if (form.isEmpty()) {
            form = formOfType(typeText);
        }
        if (form.isEmpty()) {
            form = formOfNumber(number);
        }
        LocalDate issued = date(all.get(ISSUED), rel, problems);
        LocalDate effective = date(all.get(EFFECTIVE), rel, problems);
        LegalDoc.Status status = null;
        Raw st = all.get(STATUS);
        if (st != null) {
            String s = text(st);
            status = LegalDoc.Status.parse(s);
            if (status == null && effective == null && Slug.of(st.key()).equals("hieu-luc")) {
                // "hieu_luc: 01/07/2026": the date it takes effect, not a state.
                LocalDateTime d = Dates.parse(s);
                effective = d == null ? null : d.toLocalDate();
            }
            if (status == null && st.canonical() && !s.isEmpty()) {
                problems.error(rel, st.line(), "tình trạng hiệu lực \"" + s + "\" không hợp lệ",
                        "Chỉ dùng: còn hiệu lực, hết hiệu lực một phần, hết hiệu lực, chưa có hiệu lực.");
            }
        }
        if (number.isEmpty() && !law) {
            // A table of "Trạng thái" and "Nguồn" alone is not a legal document.
            return null;
        }
        String source = text(all.get(SOURCE));
        Matcher link = LINK.matcher(source);
        if (link.find()) {
            source = link.group(2);
        }
        List<String> names = list(all.get(NAMES));
        if (names.isEmpty() && !title.isEmpty() && isNamedByTitle(form)) {
            String t = title.replaceAll("\\s*\\(.*\\)\\s*$", "").strip();
            names = List.of(Slug.fold(t).startsWith(Slug.fold(form) + " ") ? t : form + " " + t);
        }
        if (law) {
            List<String> missing = new ArrayList<>();
            for (String k : REQUIRED) {
                boolean given = switch (k) {
                    case NUMBER -> !number.isEmpty();
                    case FORM -> !form.isEmpty();
                    default -> all.containsKey(k) && !text(all.get(k)).isEmpty();
                };
                if (!given) {
                    missing.add(LABELS.get(k) + " (" + k + ")");
                }
            }
            if (!missing.isEmpty()) {
                problems.error(rel, typeLine, "văn bản pháp luật (type: law) thiếu " + String.join(", ", missing),
                        "Thêm vào phần đầu trang, ví dụ: so_hieu: 35/2013/QH13, loai_van_ban: Luật, "
                                + "co_quan_ban_hanh: Quốc hội, ngay_ban_hanh: 20/06/2013, tinh_trang: còn hiệu lực.");
            }
        }
        int line = Math.min(all.values().stream().mapToInt(Raw::line).min().orElse(typeLine),
                typeLine > 0 ? typeLine : Integer.MAX_VALUE);
        return new LegalDoc(number, form, text(all.get(ISSUER)), text(all.get(SIGNER)), issued, effective, status,
                text(all.get(SUMMARY)), names, list(all.get(REPLACES)), list(all.get(REPLACED_BY)),
                list(all.get(AMENDS)), source, line, tableLines[0], tableLines[1]);
    }

    /** Laws are cited by name ("Luật Hòa giải ở cơ sở"); decrees and circulars by number. */
    private static boolean isNamedByTitle(String form) {
        String f = Slug.of(form);
        return f.equals("luat") || f.equals("bo-luat") || f.equals("phap-lenh") || f.equals("hien-phap");
    }

    private static final Map<String, String> FORMS = Map.ofEntries(
            Map.entry("luat", "Luật"), Map.entry("bo-luat", "Bộ luật"), Map.entry("hien-phap", "Hiến pháp"),
            Map.entry("nghi-dinh", "Nghị định"), Map.entry("nghi-quyet", "Nghị quyết"),
            Map.entry("thong-tu", "Thông tư"), Map.entry("thong-tu-lien-tich", "Thông tư liên tịch"),
            Map.entry("nghi-quyet-lien-tich", "Nghị quyết liên tịch"), Map.entry("quyet-dinh", "Quyết định"),
            Map.entry("chi-thi", "Chỉ thị"), Map.entry("phap-lenh", "Pháp lệnh"), Map.entry("lenh", "Lệnh"),
            Map.entry("cong-van", "Công văn"));

    private static String formOfType(String typeText) {
        return typeText == null ? "" : FORMS.getOrDefault(Slug.of(typeText), "");
    }

    /** The form a number's symbol names: {@code 15/2014/NĐ-CP} is a Nghị định. */
    static String formOfNumber(String number) {
        String n = Slug.fold(number).toUpperCase(java.util.Locale.ROOT);
        int slash = n.lastIndexOf('/');
        String symbol = slash < 0 ? n : n.substring(slash + 1);
        if (symbol.startsWith("TTLT")) {
            return "Thông tư liên tịch";
        }
        if (symbol.startsWith("NQLT")) {
            return "Nghị quyết liên tịch";
        }
        if (symbol.startsWith("ND-")) {
            return "Nghị định";
        }
        if (symbol.startsWith("TT-")) {
            return "Thông tư";
        }
        if (symbol.startsWith("QD-")) {
            return "Quyết định";
        }
        if (symbol.startsWith("NQ")) {
            return "Nghị quyết";
        }
        if (symbol.startsWith("CT-")) {
            return "Chỉ thị";
        }
        if (symbol.startsWith("KH-")) {
            return "Kế hoạch";
        }
        return "";
    }

    private static String text(Raw r) {
        if (r == null || r.value() == null) {
            return "";
        }
        String s = r.value() instanceof List<?> l ? String.join("; ", l.stream().map(String::valueOf).toList())
                : String.valueOf(r.value());
        if (!r.canonical()) {
            s = s.replace("**", "");
        }
        if (!SOURCE.equals(field(r.key()))) {
            s = LINK.matcher(s).replaceAll("$1");
        }
        s = java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC);
        // Imported files fill unknown fields with a placeholder: an unknown field is an empty one.
        return PLACEHOLDERS.contains(Slug.of(s)) ? "" : s;
    }

    private static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("dang-cap-nhat", "chua-cap-nhat",
            "chua-ro", "khong-ro", "n-a", "na", "tbd", "unknown", "null", "none", "khong-co");

    private static List<String> list(Raw r) {
        if (r == null || r.value() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (r.value() instanceof List<?> l) {
            for (Object o : l) {
                String s = LINK.matcher(String.valueOf(o)).replaceAll("$1").strip();
                if (!s.isEmpty()) {
                    out.add(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC));
                }
            }
        } else {
            for (String part : text(r).split(";")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    private static final Pattern DATE_IN_WORDS = Pattern.compile("(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})");

    private static LocalDate date(Raw r, String rel, Problems problems) {
        String s = text(r);
        if (s.isEmpty()) {
            return null;
        }
        LocalDateTime d = Dates.parse(s);
        if (d == null) {
            // Tables write "20/6/2013"; Dates reads it. Words ("ngày 20 tháng 6 năm 2013") are read here.
            Matcher m = DATE_IN_WORDS.matcher(s);
            if (m.find()) {
                d = Dates.parse(m.group(1) + "/" + m.group(2) + "/" + m.group(3));
            }
        }
        if (d == null && r.canonical()) {
            problems.error(rel, r.line(), "ngày \"" + s + "\" không hợp lệ ở khóa \"" + r.key() + "\"",
                    "Viết ngày có thật theo dạng 24/06/2024 (ngày/tháng/năm) hoặc 2024-06-24.");
        }
        return d == null ? null : d.toLocalDate();
    }
}
