package camnang.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code new}: writes a new page with the right front matter (issue 6). */
@Command(name = "new", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n", optionListHeading = "%nTùy chọn:%n",
        description = "Tạo một trang mới với phần thông tin đầu trang đúng mẫu.")
final class NewCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Main.Build.err.println("Lệnh new chưa có.");
        return Main.USAGE;
    }
}
