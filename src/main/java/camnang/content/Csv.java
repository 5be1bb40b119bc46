package camnang.content;

import camnang.Problems;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as Excel writes it (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes),
 * keeping the line each record starts on, which error messages need and which the common CSV
 * libraries do not report. Written here since it is forty lines and camnang has no CSV dependency.
 */
final class Csv {
    private Csv() {
    }

    /** A record and the line of the file it starts on; fields are stripped of surrounding spaces. */
    record Record(int line, List<String> fields) {
    }

    /**
     * The non-blank records of {@code text}, or null after reporting a quote left open. The
     * separator is a comma, or a semicolon when the first line has no comma and one (as
     * Excel writes CSV on computers set to Vietnamese number format).
     */
    static List<Record> parse(String text, String rel, Problems problems) {
        int firstEnd = text.indexOf('\n');
        String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
        char sep = first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
        List<Record> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    if (c != '\r') {
                        field.append(c);
                    }
                }
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == sep) {
                fields.add(field.toString().strip());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\n') {
                fields.add(field.toString().strip());
                field.setLength(0);
                add(out, start, fields);
                fields = new ArrayList<>();
                fieldStart = true;
                line++;
                start = line;
            } else if (c != '\r') {
                field.append(c);
                // A field may open with spaces before its quote: " ""x""" is still quoted.
                fieldStart = fieldStart && c == ' ';
            }
        }
        if (quoted) {
            problems.error(rel, start, "dấu ngoặc kép (\") mở ở dòng này không được đóng",
                    "Mỗi ô đặt trong ngoặc kép cần có ngoặc kép đóng; dấu ngoặc kép bên trong ô viết thành hai dấu (\"\").");
            return null;
        }
        fields.add(field.toString().strip());
        add(out, start, fields);
        return out;
    }

    private static void add(List<Record> out, int line, List<String> fields) {
        if (fields.stream().anyMatch(f -> !f.isEmpty())) {
            out.add(new Record(line, List.copyOf(fields)));
        }
    }
}
