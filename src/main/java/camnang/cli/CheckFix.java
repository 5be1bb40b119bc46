package camnang.cli;

import camnang.content.Hygiene;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code check --fix}: rewrites what text hygiene can repair safely, then reports what it changed (issue 6). */
final class CheckFix {
    private CheckFix() {
    }

    /** Returns the exit code. */
    static int run(Path source, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(source)) {
            // check itself says the folder is missing.
            return Main.OK;
        }
        Hygiene.Result r = Hygiene.fix(source);
        for (Hygiene.Change c : r.changes()) {
            out.println(c.file() + ":" + c.line() + ": đã sửa: " + c.what());
        }
        for (Hygiene.Refusal x : r.refused()) {
            err.println(x.file() + ":" + x.line() + ": không sửa tệp này: " + x.reason());
        }
        if (r.files() > 0) {
            out.println("Đã sửa " + r.files() + " tệp.");
        } else if (r.refused().isEmpty()) {
            out.println("Không có gì cần sửa tự động.");
        }
        if (!r.refused().isEmpty()) {
            err.println("Để nguyên " + r.refused().size() + " tệp có chỗ không sửa tự động an toàn được; sửa tay rồi chạy lại.");
        }
        return Main.OK;
    }
}
