package camnang.cli;

import camnang.Camnang;
import camnang.Preview;
import camnang.Problem;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: builds, serves on 127.0.0.1, rebuilds on change and reloads the browser. */
@Command(name = "serve", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n", optionListHeading = "%nTùy chọn:%n",
        description = {"Xem trước trang web khi đang soạn: build, mở trang trên máy này (chỉ máy này truy cập được), "
                + "theo dõi thư mục nội dung và mẫu giao diện, sửa tệp nào thì dựng lại và tải lại trình duyệt ngay.",
                "Khi nội dung có lỗi, lỗi hiện ở đầu trang và ở đây; trang tốt trước đó vẫn được phục vụ. Dừng bằng Ctrl+C."})
final class ServeCommand extends Main.Common implements Callable<Integer> {
    /** Stops a serve started in-process (tests); the command line stops with Ctrl+C. */
    static volatile CountDownLatch stop;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Cổng (mặc định: ${DEFAULT-VALUE}; 0 là một cổng trống bất kỳ).")
    int port;

    @Option(names = "--out", paramLabel = "THƯ_MỤC",
            description = "Thư mục chứa trang xem trước (mặc định: một thư mục tạm của máy, không đụng tới _site).")
    Path output;

    @Option(names = "--search", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Dựng cả chỉ mục tìm kiếm (mặc định: có; làm sau khi trang đã tải lại).")
    boolean search;

    @Override
    public Integer call() {
        PrintStream out = Main.Build.out;
        PrintStream err = Main.Build.err;
        if (port < 0 || port > 65535) {
            err.println("Lỗi cách dùng: --port phải từ 0 đến 65535");
            return Main.USAGE;
        }
        Path dir = output != null ? output : Preview.defaultOut(source);
        Camnang.Options options = new Camnang.Options(source, dir, null, mode(), templates, true, search);
        Preview.Listener listener = new Preview.Listener() {
            @Override
            public void built(Camnang.Report r, boolean first) {
                for (Problem p : r.problems()) {
                    if (p.severity() == Problem.Severity.ERROR || verbose) {
                        err.println(p.format());
                    }
                }
                String time = String.format(Locale.forLanguageTag("vi"), "%.2f s", r.millis().getOrDefault("tổng",
                        r.millis().values().stream().mapToLong(Long::longValue).sum()) / 1000.0);
                if (!r.ok()) {
                    err.println("Build lỗi (" + r.count(Problem.Severity.ERROR) + " lỗi): trình duyệt hiện lỗi ở đầu trang, "
                            + "vẫn với trang web tốt trước đó. Sửa rồi lưu tệp để dựng lại.");
                } else {
                    out.println((first ? "Đã dựng " + r.pages() + " trang, " + r.sections() + " mục" : "Đã dựng lại")
                            + " trong " + time + " (" + r.count(Problem.Severity.WARNING) + " cảnh báo, "
                            + r.count(Problem.Severity.NOTICE) + " lưu ý)" + (first ? " vào " + dir + "." : "; trình duyệt tự tải lại."));
                }
            }

            @Override
            public void searchReady(long millis) {
                out.println(String.format(Locale.forLanguageTag("vi"), "Chỉ mục tìm kiếm đã cập nhật (%.2f s).", millis / 1000.0));
            }

            @Override
            public void failed(RuntimeException e) {
                err.println("Lỗi của chính camnang (không phải của nội dung), trang tốt trước đó vẫn được phục vụ; "
                        + "hãy báo lỗi này kèm các dòng sau:");
                e.printStackTrace(err);
            }

            @Override
            public void retrying(String why) {
                err.println("Tệp thay đổi trong lúc đang đọc (" + why + "); dựng lại.");
            }
        };
        Preview preview;
        try {
            preview = Preview.start(options, port, listener);
        } catch (BindException e) {
            err.println("Lỗi: cổng " + port + " đang được chương trình khác dùng\n    → Chọn cổng khác, ví dụ --port 8081, "
                    + "hoặc --port 0 để tự chọn.");
            return Main.CONTENT_ERRORS;
        } catch (IOException e) {
            err.println("Lỗi: không mở được trang xem trước: " + e.getMessage());
            return Main.CONTENT_ERRORS;
        }
        out.println("Đang xem trước tại http://127.0.0.1:" + preview.port() + "/ — mở địa chỉ này bằng trình duyệt. "
                + "Sửa và lưu tệp là trang tự cập nhật. Dừng bằng Ctrl+C.");
        CountDownLatch latch = stop != null ? stop : new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(preview::close));
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        preview.close();
        return Main.OK;
    }
}
