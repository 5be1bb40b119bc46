package camnang.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as staff write them: ISO ({@code 2024-06-24}, with or without a time) or {@code 24/06/2024}. */
final class Dates {
    private Dates() {
    }

    /** Vietnam's offset; times written without one are local time. */
    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern VN = Pattern.compile(
            "(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

    /** The date in Vietnam's local time, or null when the text is not a valid date. */
    static LocalDateTime parse(String text) {
        String s = text.trim();
        try {
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                LocalDate d = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
                LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT
                        : LocalTime.of(num(m, 4), num(m, 5), m.group(6) == null ? 0 : num(m, 6));
                LocalDateTime local = LocalDateTime.of(d, t);
                if (m.group(7) != null) {
                    ZoneOffset off = ZoneOffset.of(m.group(7).equals("Z") ? "Z" : normalizeOffset(m.group(7)));
                    return OffsetDateTime.of(local, off).withOffsetSameInstant(VIETNAM).toLocalDateTime();
                }
                return local;
            }
            m = VN.matcher(s);
            if (m.matches()) {
                LocalDate d = LocalDate.of(num(m, 3), num(m, 2), num(m, 1));
                LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT
                        : LocalTime.of(num(m, 4), num(m, 5), m.group(6) == null ? 0 : num(m, 6));
                return LocalDateTime.of(d, t);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static String normalizeOffset(String o) {
        return o.length() == 5 ? o.substring(0, 3) + ":" + o.substring(3) : o;
    }

    private static int num(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }
}
