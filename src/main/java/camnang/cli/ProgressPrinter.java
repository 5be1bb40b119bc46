package camnang.cli;

import camnang.Camnang;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how far a long build got: on a terminal one line rewritten in place, elsewhere (a log,
 * a scheduled task) plain lines at each stage and every tenth of the pages. Small sites build
 * in a moment and show nothing.
 */
final class ProgressPrinter implements Camnang.Progress {
    /** Builds of more pages than this show progress. */
    static final int FROM = 300;
    private static final Locale VI = Locale.forLanguageTag("vi");

    private final PrintStream err;
    private final boolean terminal;
    private boolean on;
    private String stage = "";
    private int lastTenth = -1;
    private long lastDraw;
    private int width;

    ProgressPrinter(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void at(String stage, int done, int total) {
        if (!on) {
            if (total <= FROM) {
                return;
            }
            on = true;
        }
        boolean pages = total > 0;
        boolean newStage = !stage.equals(this.stage);
        this.stage = stage;
        if (terminal) {
            long now = System.nanoTime();
            if (newStage || done == total || now - lastDraw > 100_000_000L) {
                lastDraw = now;
                // Formatted only when drawn: every page of a build reports here.
                String text = pages ? String.format(VI, "Đang dựng trang: %,d/%,d (%d%%)", done, total, done * 100L / total)
                        : "Đang " + words(stage) + "…";
                String padded = text + " ".repeat(Math.max(0, width - text.length()));
                width = text.length();
                err.print("\r" + padded);
                err.flush();
            }
            return;
        }
        if (pages) {
            // Threads report out of order: every tenth passed is printed once, in order.
            for (int tenth = (int) (done * 10L / total); lastTenth < tenth; ) {
                lastTenth++;
                err.println(String.format(VI, "Đang dựng trang: %d%% của %,d trang", lastTenth * 10, total));
            }
        } else if (newStage) {
            err.println("Đang " + words(stage) + "…");
        }
    }

    /** Clears the terminal's line before the summary is printed. */
    synchronized void done() {
        if (on && terminal) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }

    private static String words(String stage) {
        return switch (stage) {
            case "chỉ mục tìm kiếm" -> "làm chỉ mục tìm kiếm";
            case "trang tổng hợp và ghi tệp" -> "làm trang tổng hợp và ghi tệp";
            case "nén zip" -> "nén zip";
            default -> stage;
        };
    }
}
