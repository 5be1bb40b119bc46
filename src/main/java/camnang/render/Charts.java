package camnang.render;

import java.util.List;

/**
 * Charts drawn at build time as small inline SVG, so that they need no script and no library
 * in the browser, print, and are the same bytes for the same figures. Each chart is an image
 * with a title and a description that read out its figures; the table beside it holds them too.
 */
final class Charts {
    /** The plan's settlement-rate target for the city by 2030, in percent. */
    static final int TARGET = 85;
    /** The plan's target for communes of the advanced or model new-rural standard: above this. */
    static final int MODEL_TARGET = 90;

    private static final int WIDTH = 460;
    private static final int LABELS = 160;
    /** Tenths of a pixel per percent (2.4 px): 100% ends at 400, leaving the right edge for the figures. */
    private static final int SCALE = 24;
    private static final int TOP = 20;
    private static final int ROW = 24;
    private static final int BAR = 16;
    private static final int LABEL_CHARS = 24;
    private static final String MET = "#2f6f3e";
    private static final String NOT_MET = "#b3541e";

    private Charts() {
    }

    /** A bar: what it stands for and its figures; {@code total} draws it as the sum of the others. */
    record Bar(String label, int received, int settled, boolean total) {
    }

    /** The settlement rate in tenths of a percent, rounded half up; -1 when no case was received. */
    static int tenths(int settled, int received) {
        if (received == 0) {
            return -1;
        }
        return (int) ((2000L * settled + received) / (2L * received));
    }

    /** {@code 87,5%}: one decimal, with the Vietnamese decimal comma. */
    static String percent(int tenths) {
        return tenths / 10 + "," + tenths % 10 + "%";
    }

    /** Whether a rate (as shown, in tenths) meets the plan's target of 85% or more. */
    static boolean met(int tenths) {
        return tenths >= TARGET * 10;
    }

    /**
     * Horizontal bars of the settlement rate, one per row, with a solid line at the 85% target
     * and a dashed one at 90%.
     *
     * @param id    a prefix for the ids of the title and description, unique in the page
     * @param title what the chart shows, read first by screen readers
     */
    static String rates(String id, String title, List<Bar> bars) {
        int bottom = TOP + bars.size() * ROW;
        int height = bottom + 20;
        StringBuilder desc = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int t = tenths(b.settled(), b.received());
            int y = TOP + i * ROW;
            desc.append(b.label()).append(": ").append(t < 0 ? "không có vụ việc" : percent(t)).append(i + 1 < bars.size() ? "; " : ". ");
            String label = b.label().length() > LABEL_CHARS ? b.label().substring(0, LABEL_CHARS - 1) + "…" : b.label();
            body.append("<text x=\"").append(LABELS - 6).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\"")
                    .append(b.total() ? " font-weight=\"bold\"" : "").append('>').append(escape(label)).append("</text>\n");
            if (t < 0) {
                body.append("<text x=\"").append(LABELS + 4).append("\" y=\"").append(y + 17)
                        .append("\" fill=\"#555\">không có vụ việc</text>\n");
                continue;
            }
            body.append("<rect class=\"cot ").append(met(t) ? "dat" : "chua-dat").append(b.total() ? " tong" : "")
                    .append("\" x=\"").append(LABELS).append("\" y=\"").append(y + 4).append("\" width=\"").append(hundredths(t * SCALE))
                    .append("\" height=\"").append(BAR).append("\" fill=\"").append(met(t) ? MET : NOT_MET).append('"')
                    .append(b.total() ? " stroke=\"#000\"" : "").append("/>\n");
            body.append("<text x=\"").append(WIDTH - 2).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\"")
                    .append(b.total() ? " font-weight=\"bold\"" : "").append('>').append(percent(t)).append("</text>\n");
        }
        desc.append("Mục tiêu của Kế hoạch: từ ").append(TARGET).append("% trở lên (đường kẻ liền); xã đạt chuẩn nông thôn mới "
                + "nâng cao, kiểu mẫu: trên ").append(MODEL_TARGET).append("% (đường kẻ đứt).");
        int x85 = LABELS + TARGET * SCALE / 10;
        int x90 = LABELS + MODEL_TARGET * SCALE / 10;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"bieu-do\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-ten ").append(id).append("-mo-ta\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"14\">\n");
        sb.append("<title id=\"").append(id).append("-ten\">").append(escape(title)).append("</title>\n");
        sb.append("<desc id=\"").append(id).append("-mo-ta\">").append(escape(desc.toString())).append("</desc>\n");
        sb.append(body);
        sb.append("<line x1=\"").append(LABELS).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(LABELS)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#555\"/>\n");
        sb.append("<line class=\"muc-tieu\" x1=\"").append(x85).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(x85)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#000\" stroke-width=\"2\"/>\n");
        sb.append("<text x=\"").append(x85).append("\" y=\"").append(height - 4).append("\" text-anchor=\"middle\">Mục tiêu ")
                .append(TARGET).append("%</text>\n");
        sb.append("<line class=\"muc-tieu-90\" x1=\"").append(x90).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(x90)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>\n");
        sb.append("<text x=\"").append(x90).append("\" y=\"").append(TOP - 6).append("\" text-anchor=\"middle\">")
                .append(MODEL_TARGET).append("%</text>\n");
        sb.append("</svg>");
        return sb.toString();
    }

    /** {@code 208.08} from 20808: a coordinate in hundredths of a pixel, written the same way on every machine. */
    private static String hundredths(int h) {
        String frac = String.format(java.util.Locale.ROOT, "%02d", h % 100).replaceFirst("0$", "");
        return h % 100 == 0 ? Integer.toString(h / 100) : h / 100 + "." + frac;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
