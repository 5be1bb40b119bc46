package camnang;

import java.util.Comparator;

/**
 * One thing wrong with the content, at a place staff can open: a file and a line.
 * Problems are collected, never thrown, so a build reports all of them at once.
 */
public record Problem(Severity severity, String file, int line, String message, String hint) {

    public enum Severity {
        ERROR("lỗi"), WARNING("cảnh báo"), NOTICE("lưu ý");

        public final String label;

        Severity(String label) {
            this.label = label;
        }
    }

    /** Sorted the way staff read them: file, then line, then errors before warnings. */
    public static final Comparator<Problem> ORDER = Comparator
            .comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public static Problem error(String file, int line, String message, String hint) {
        return new Problem(Severity.ERROR, file, line, message, hint);
    }

    public static Problem warning(String file, int line, String message, String hint) {
        return new Problem(Severity.WARNING, file, line, message, hint);
    }

    public static Problem notice(String file, int line, String message, String hint) {
        return new Problem(Severity.NOTICE, file, line, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * A message quoting the content, with what would break or blank its line on a terminal
     * (line and paragraph separators, control characters: a paste from Word) named by code.
     */
    static String visible(String message) {
        StringBuilder sb = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                if (sb == null) {
                    sb = new StringBuilder(message.length() + 16).append(message, 0, i);
                }
                sb.append(String.format("[U+%04X]", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? message : sb.toString();
    }

    /** {@code path:line: lỗi: message} and, on the next line, the hint. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ").append(severity.label).append(": ").append(visible(message));
        if (hint != null && !hint.isEmpty()) {
            sb.append("\n    → ").append(hint);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
