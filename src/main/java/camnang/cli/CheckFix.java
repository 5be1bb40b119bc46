package camnang.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code check --fix}: rewrites what text hygiene can repair safely, then reports what it changed (issue 6). */
final class CheckFix {
    private CheckFix() {
    }

    /** Returns the exit code. */
    static int run(Path source, PrintStream out, PrintStream err) {
        err.println("check --fix chưa có.");
        return Main.USAGE;
    }
}
