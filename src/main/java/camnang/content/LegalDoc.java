package camnang.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The metadata of a legal document a page holds (Nghị định 42/2022/NĐ-CP, Art. 4): read from
 * front matter under any of the spellings imported files use ({@code so_hieu}, {@code sohieu},
 * {@code signer} …) and from a metadata table in the body ({@code | **Số hiệu** | 35/2013/QH13 |}).
 * Every field may be empty except that a page with a legal document has a number or is
 * {@code type: law}.
 *
 * @param number     số hiệu, as written ({@code 35/2013/QH13})
 * @param form       loại văn bản ({@code Luật}, {@code Nghị định}); inferred from the number when not given
 * @param issuer     cơ quan ban hành
 * @param signer     người ký
 * @param issued     ngày ban hành, or null
 * @param effective  ngày hiệu lực, or null
 * @param status     tình trạng hiệu lực, or null when not stated (or stated in words camnang cannot read)
 * @param summary    trích yếu
 * @param names      common names that cite it without its number ({@code Luật Hòa giải ở cơ sở})
 * @param replaces   the documents it replaces (numbers or names)
 * @param replacedBy the documents that replace it
 * @param amends     the documents it amends
 * @param source     the official source: an address, or the name of a source
 * @param line       the line of the page where the metadata starts (its first key or its table)
 * @param tableFrom  the first line of the body's metadata table, or 0 when there is none
 * @param tableTo    its last line
 */
public record LegalDoc(
        String number,
        String form,
        String issuer,
        String signer,
        LocalDate issued,
        LocalDate effective,
        Status status,
        String summary,
        List<String> names,
        List<String> replaces,
        List<String> replacedBy,
        List<String> amends,
        String source,
        int line,
        int tableFrom,
        int tableTo) {

    /** Tình trạng hiệu lực, in the words of the national legal database. */
    public enum Status {
        IN_FORCE("Còn hiệu lực"),
        PARTLY_EXPIRED("Hết hiệu lực một phần"),
        EXPIRED("Hết hiệu lực"),
        NOT_YET("Chưa có hiệu lực");

        public final String label;

        Status(String label) {
            this.label = label;
        }

        /** For ids and CSS classes: {@code con-hieu-luc}. */
        public String slug() {
            return camnang.Slug.of(label);
        }

        /** Whether a citation of a document in this state deserves a warning. */
        public boolean outOfForce() {
            return this == EXPIRED;
        }

        /**
         * The status a text states, or null: the four labels, and the words imported files
         * use for them ({@code Đang có hiệu lực}, {@code active}, {@code Sắp có hiệu lực}).
         */
        public static Status parse(String text) {
            String s = camnang.Slug.of(text);
            if (s.isEmpty()) {
                return null;
            }
            if (s.contains("het-hieu-luc-mot-phan") || s.contains("hieu-luc-mot-phan") || s.equals("partly-expired")) {
                return PARTLY_EXPIRED;
            }
            if (s.contains("chua-co-hieu-luc") || s.contains("sap-co-hieu-luc") || s.equals("not-yet-effective")) {
                return NOT_YET;
            }
            if (s.contains("het-hieu-luc") || s.equals("expired") || s.equals("repealed") || s.equals("bi-bai-bo")
                    || s.equals("da-bi-thay-the")) {
                return EXPIRED;
            }
            if (s.equals("con-hieu-luc") || s.equals("dang-co-hieu-luc") || s.equals("da-co-hieu-luc")
                    || s.equals("co-hieu-luc") || s.equals("hieu-luc") || s.equals("active") || s.equals("in-force")
                    || s.equals("dang-hieu-luc")) {
                return IN_FORCE;
            }
            return null;
        }
    }

    /**
     * A document number as pages write it: {@code 35/2013/QH13}, {@code 15/2014/NĐ-CP},
     * {@code 01/2014/NQLT/CP-UBTƯMTTQVN}, {@code 315/QĐ-TTg}, {@code 27-NQ/TW}. A date
     * ({@code 20/06/2013}) is not one: the symbol starts with a capital letter.
     */
    public static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\d/])\\d{1,4}[a-z]?(?:/(?:\\d{4}/)?|-)\\p{Lu}[\\p{L}\\d]*(?:[-/][\\p{L}\\d]+)*");

    /** Whether a table's label names a field of this record ({@code Số hiệu}, {@code **Nơi ban hành**}). */
    public static boolean isField(String label) {
        String l = label.replace("*", "").strip();
        return !l.isEmpty() && l.length() <= 40 && LegalFields.field(l) != null;
    }

    /** The number as the registry compares it: folded, without spaces ({@code 15/2014/nd-cp}). */
    public static String key(String number) {
        String f = camnang.Slug.fold(number);
        StringBuilder sb = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (!Character.isWhitespace(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The document's usual name: {@code Nghị định số 15/2014/NĐ-CP}, or its form and summary. */
    public String label() {
        if (!number.isEmpty()) {
            return (form.isEmpty() ? "Văn bản" : form) + " số " + number;
        }
        if (!names.isEmpty()) {
            return names.get(0);
        }
        return form.isEmpty() ? summary : form + " " + summary;
    }
}
