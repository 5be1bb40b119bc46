package camnang.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code serve}: builds, serves on 127.0.0.1, rebuilds on change and reloads the browser (issue 6). */
@Command(name = "serve", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n", optionListHeading = "%nTùy chọn:%n",
        description = "Xem trước trang web khi đang soạn: build, phục vụ trên máy này và tự tải lại khi sửa.")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Main.Build.err.println("Lệnh serve chưa có.");
        return Main.USAGE;
    }
}
