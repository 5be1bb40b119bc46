package camnang.wordimport;

import camnang.Slug;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header block of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): the
 * issuing body, the national motto, {@code Số: 123/KH-UBND}, {@code Sa Đéc, ngày 12 tháng 3
 * năm 2024}, the form ({@code KẾ HOẠCH}) and the subject line, as paragraphs or in the
 * usual two-column layout table. What it recognises becomes front matter and leaves the body;
 * a number or date left blank in a draft stays in the body, with a note.
 */
final class AdminHeader {
    private static final Locale VI = Locale.forLanguageTag("vi");

    /** What the header says; fields are null when the document does not show them. */
    record Header(String issuer, String number, LocalDate date, String form, String subject) {
        /** The page title: the form and the subject as one sentence ({@code Kế hoạch triển khai …}). */
        String title() {
            String f = form == null ? null : sentence(form);
            if (subject == null) {
                return f;
            }
            String s = subject.replaceFirst("^(?i)v/v\\s*", "").strip();
            if (isUpper(s)) {
                s = proper(s);
            }
            if (f == null) {
                return capitalize(s);
            }
            if (NAMED.contains(form)) {
                // "Luật Hòa giải ở cơ sở": a law's name begins with a capital.
                return f + " " + capitalize(s);
            }
            return f + " " + decapitalize(s);
        }

        /** A legal normative document: its number carries the year ({@code 15/2014/NĐ-CP}). */
        boolean normative() {
            return form != null && number != null && NORMATIVE.contains(form) && number.matches("\\d+/\\d{4}/\\S+");
        }

        boolean plan() {
            return "KẾ HOẠCH".equals(form);
        }
    }

    /** The header (null when the document has none) and the body without it. */
    record Split(Header header, List<Block> body) {
    }

    private static final Set<String> FORMS = Set.of("KẾ HOẠCH", "QUYẾT ĐỊNH", "THÔNG BÁO", "BÁO CÁO", "CHỈ THỊ",
            "NGHỊ QUYẾT", "NGHỊ ĐỊNH", "THÔNG TƯ", "THÔNG TƯ LIÊN TỊCH", "NGHỊ QUYẾT LIÊN TỊCH", "LUẬT", "BỘ LUẬT",
            "PHÁP LỆNH", "HIẾN PHÁP", "LỆNH", "HƯỚNG DẪN", "TỜ TRÌNH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "QUY CHẾ", "QUY ĐỊNH",
            "CÔNG VĂN", "BIÊN BẢN", "CÔNG ĐIỆN", "THÔNG CÁO", "KẾT LUẬN");
    private static final Set<String> NORMATIVE = Set.of("LUẬT", "BỘ LUẬT", "HIẾN PHÁP", "PHÁP LỆNH", "LỆNH",
            "NGHỊ ĐỊNH", "NGHỊ QUYẾT", "NGHỊ QUYẾT LIÊN TỊCH", "THÔNG TƯ", "THÔNG TƯ LIÊN TỊCH", "QUYẾT ĐỊNH", "CHỈ THỊ");
    private static final Set<String> NAMED = Set.of("LUẬT", "BỘ LUẬT", "HIẾN PHÁP", "PHÁP LỆNH");

    private static final Pattern NUMBER = Pattern.compile("(?:(?:Luật|Bộ luật|Pháp lệnh|LUẬT)\\s+)?[Ss]ố\\s*:\\s*(.*)");
    private static final Pattern NUMBER_VALUE = Pattern.compile("\\d+[^/\\s]*(?:/[^/\\s]+)+");
    private static final Pattern DATE = Pattern.compile(
            "([^,]{1,40}),\\s*ngày\\s+(\\d{1,2})\\s*(?:tháng\\s*|[/.\\-])\\s*(\\d{1,2})\\s*(?:năm\\s*|[/.\\-])\\s*(\\d{4})\\.?");
    private static final Pattern DATE_BLANK = Pattern.compile("[^,]{1,40},\\s*ngày\\b.*\\bnăm\\b.*");
    private static final Pattern SUBJECT = Pattern.compile("(?i)(?:v/v|về việc)\\b.*");
    private static final Pattern BODY = Pattern.compile("(?:[IVX]+\\.|\\d+\\.|[a-zđ]\\)|[-–+•]|Căn cứ|Thực hiện|Kính gửi)\\s.*");

    private AdminHeader() {
    }

    /** Reads the header from the first blocks; the header is null when none of number, motto, date or form is there. */
    static Split read(List<Block> blocks, Notes notes) {
        Scan s = new Scan(notes);
        List<Block> kept = new ArrayList<>();
        int i = 0;
        scan:
        for (; i < blocks.size() && i < 30; i++) {
            Block b = blocks.get(i);
            if (b instanceof Block.Para p) {
                switch (s.line(p)) {
                    case STOP -> {
                        break scan;
                    }
                    case KEEP -> kept.add(p);
                    default -> {
                    }
                }
            } else if (b instanceof Block.Table t && i <= 3 && s.subject == null && isHeaderTable(t)) {
                for (List<Block.Cell> row : t.rows()) {
                    for (Block.Cell c : row) {
                        for (Block.Para p : c.paras()) {
                            if (s.line(p) != Scan.Result.TAKEN) {
                                kept.add(p);
                            }
                        }
                    }
                }
            } else {
                break;
            }
        }
        if (!s.admin) {
            return new Split(null, blocks);
        }
        s.reportBlanks();
        List<Block> body = new ArrayList<>(kept);
        body.addAll(blocks.subList(i, blocks.size()));
        return new Split(new Header(s.issuer(), s.number, s.date, s.form, s.subject), List.copyOf(body));
    }

    private static boolean isHeaderTable(Block.Table t) {
        for (List<Block.Cell> row : t.rows()) {
            for (Block.Cell c : row) {
                for (Block.Para p : c.paras()) {
                    String x = p.text();
                    if (motto(x) || NUMBER.matcher(x).matches() || DATE.matcher(x).matches() || DATE_BLANK.matcher(x).matches()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final class Scan {
        enum Result { TAKEN, KEEP, STOP }

        final Notes notes;
        final List<String> issuerLines = new ArrayList<>();
        String number;
        LocalDate date;
        String form;
        String subject;
        boolean admin;
        boolean expectSubject;
        int blankNumber;
        String blankNumberText;
        int blankDate;
        String blankDateText;

        Scan(Notes notes) {
            this.notes = notes;
        }

        Result line(Block.Para p) {
            String t = p.text().strip();
            if (t.isEmpty() || separator(t)) {
                return Result.TAKEN;
            }
            if (p.style() == Styles.TITLE) {
                // A title paragraph before the header (as converters write it) is the outline's to judge.
                return Result.KEEP;
            }
            if (motto(t)) {
                admin = true;
                return Result.TAKEN;
            }
            if (subject != null) {
                return Result.STOP;
            }
            Matcher m = NUMBER.matcher(t);
            if (m.matches() && number == null) {
                admin = true;
                Matcher v = NUMBER_VALUE.matcher(m.group(1).strip());
                if (v.lookingAt()) {
                    number = v.group();
                    return Result.TAKEN;
                }
                blankNumber = p.number();
                blankNumberText = t;
                return Result.KEEP;
            }
            m = DATE.matcher(t);
            if (m.matches() && date == null) {
                admin = true;
                try {
                    date = LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)));
                    return Result.TAKEN;
                } catch (DateTimeException e) {
                    blankDate = p.number();
                    blankDateText = t;
                    return Result.KEEP;
                }
            }
            if (DATE_BLANK.matcher(t).matches() && date == null && blankDate == 0) {
                admin = true;
                blankDate = p.number();
                blankDateText = t;
                return Result.KEEP;
            }
            if (form == null && FORMS.contains(t.replaceAll("\\s+", " "))) {
                // A form line alone (a plan pasted without its header table) is enough to read form and subject.
                admin = true;
                form = t.replaceAll("\\s+", " ");
                expectSubject = true;
                return Result.TAKEN;
            }
            if (expectSubject) {
                expectSubject = false;
                if (!BODY.matcher(t).matches() && t.length() <= 400) {
                    subject = t;
                    return Result.TAKEN;
                }
                return Result.STOP;
            }
            if (SUBJECT.matcher(t).matches() && (admin || !issuerLines.isEmpty())) {
                subject = t;
                return Result.TAKEN;
            }
            if (form == null && number == null && date == null && isUpper(t) && t.length() <= 120) {
                issuerLines.add(t);
                return Result.TAKEN;
            }
            return Result.STOP;
        }

        /**
         * The issuing body: {@code ỦY BAN NHÂN DÂN} / {@code THÀNH PHỐ SA ĐÉC} is one body on two
         * lines; {@code UBND TỈNH ĐỒNG THÁP} / {@code SỞ TƯ PHÁP} is the body under its parent.
         */
        String issuer() {
            if (issuerLines.isEmpty()) {
                return null;
            }
            int n = issuerLines.size();
            String last = issuerLines.get(n - 1);
            String raw = n >= 2 && startsWithUnit(last) ? issuerLines.get(n - 2) + " " + last : last;
            return proper(raw);
        }

        void reportBlanks() {
            if (number == null && blankNumber > 0) {
                notes.add(blankNumber, "văn bản chưa có số (“" + blankNumberText + "”): chưa ghi so_hieu, dòng này được giữ trong trang",
                        "Khi văn bản có số, ghi so_hieu vào phần đầu trang và xóa dòng này.");
            }
            if (date == null && blankDate > 0) {
                notes.add(blankDate, "ngày ban hành chưa đủ (“" + blankDateText + "”): chưa ghi date, dòng này được giữ trong trang",
                        "Khi văn bản có ngày, ghi date và ngay_ban_hanh (ví dụ 2024-03-12) vào phần đầu trang và xóa dòng này.");
            }
        }
    }

    static boolean motto(String t) {
        String s = Slug.of(t);
        return s.equals("cong-hoa-xa-hoi-chu-nghia-viet-nam") || s.equals("doc-lap-tu-do-hanh-phuc");
    }

    static boolean separator(String t) {
        return t.length() >= 3 && t.chars().allMatch(c -> "-_=*~.–—…·".indexOf(c) >= 0 || c == ' ');
    }

    static boolean isUpper(String t) {
        return t.chars().anyMatch(Character::isLetter) && t.equals(t.toUpperCase(VI));
    }

    // ---- Vietnamese capitalisation of text written in capitals

    private static final List<String> UNITS = List.of("thành phố", "thị xã", "thị trấn", "tỉnh", "quận", "huyện", "xã",
            "phường", "ấp", "khóm");
    private static final Set<String> AGENCIES = Set.of("sở", "phòng", "bộ", "cục", "vụ", "ban", "tổng cục", "chi cục",
            "trung tâm", "văn phòng", "viện");
    private static final Set<String> STOP = Set.of("năm", "giai", "về", "và", "trên", "của", "theo", "tại", "đến", "từ",
            "cho", "với", "trong", "nhằm", "để", "ở");
    private static final Set<String> ACRONYMS = Set.of("UBND", "HĐND", "MTTQ", "TW", "TP", "VN", "QĐ", "KH", "CP", "TTG",
            "ĐT", "BCH", "TAND", "VKSND", "PBGDPL");
    private static final Map<String, String> NAMES = Map.of("việt nam", "Việt Nam", "chính phủ", "Chính phủ",
            "quốc hội", "Quốc hội", "mặt trận tổ quốc", "Mặt trận Tổ quốc", "thủ tướng", "Thủ tướng",
            "đồng tháp", "Đồng Tháp", "sa đéc", "Sa Đéc");

    private static boolean startsWithUnit(String upper) {
        String l = upper.toLowerCase(VI);
        for (String u : UNITS) {
            if (l.startsWith(u + " ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Capitals made sentence case the Vietnamese way: {@code ỦY BAN NHÂN DÂN THÀNH PHỐ SA ĐÉC}
     * → {@code Ủy ban nhân dân thành phố Sa Đéc}, {@code SỞ TƯ PHÁP} → {@code Sở Tư pháp}:
     * place names after an administrative unit and the field after an agency keep capitals.
     */
    static String proper(String upper) {
        String[] words = upper.strip().split("\\s+");
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = ACRONYMS.contains(words[i]) ? words[i] : words[i].toLowerCase(VI);
        }
        for (int i = 0; i < out.length; i++) {
            String one = out[i];
            String two = i + 1 < out.length ? one + " " + out[i + 1] : "";
            int len = UNITS.contains(two) ? 2 : UNITS.contains(one) ? 1 : 0;
            if (len > 0) {
                int k = i + len;
                for (int count = 0; k < out.length && count < 4 && !STOP.contains(out[k]); k++, count++) {
                    out[k] = capitalize(out[k]);
                }
                i = k - 1;
                continue;
            }
            int agency = i == 0 ? (AGENCIES.contains(two) ? 2 : AGENCIES.contains(one) ? 1 : 0) : 0;
            if (agency > 0 && i + agency < out.length && !UNITS.contains(out[i + agency])) {
                out[i + agency] = capitalize(out[i + agency]);
            }
        }
        String s = String.join(" ", out);
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            s = s.replaceAll("(?<![\\p{L}])" + Pattern.quote(e.getKey()) + "(?![\\p{L}])", e.getValue());
        }
        return capitalize(s);
    }

    static String sentence(String upper) {
        return capitalize(upper.toLowerCase(VI));
    }

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int cp = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(cp)).append(s.substring(Character.charCount(cp))).toString();
    }

    /** Lower-cases the first letter unless the first word is an abbreviation ({@code UBND}). */
    static String decapitalize(String s) {
        if (s.length() >= 2 && Character.isUpperCase(s.codePointAt(0))) {
            int next = s.offsetByCodePoints(0, 1);
            if (Character.isUpperCase(s.codePointAt(next))) {
                return s;
            }
        }
        if (s.isEmpty()) {
            return s;
        }
        int cp = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toLowerCase(cp)).append(s.substring(Character.charCount(cp))).toString();
    }
}
