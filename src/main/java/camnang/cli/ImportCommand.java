package camnang.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code import}: converts a Word document into a Markdown page (issue 6). */
@Command(name = "import", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n", optionListHeading = "%nTùy chọn:%n",
        description = "Chuyển một tài liệu Word (.docx) thành trang Markdown.")
final class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Main.Build.err.println("Lệnh import chưa có.");
        return Main.USAGE;
    }
}
