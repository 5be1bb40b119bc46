package camnang.cli;

import camnang.Problem;
import camnang.content.PageType;
import camnang.content.Scaffold;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code new}: writes a new page with the right front matter (issue 6). */
@Command(name = "new", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n", optionListHeading = "%nTùy chọn:%n",
        parameterListHeading = "%n",
        customSynopsis = {"java -jar target/camnang.jar new LOẠI \"TIÊU ĐỀ\" [--section THƯ_MỤC]",
                "           [--slug TÊN_TỆP] [--source THƯ_MỤC]"},
        description = {"Tạo một trang mới với phần thông tin đầu trang đúng mẫu và dàn ý để viết tiếp.",
                "Tên tệp lấy từ tiêu đề, viết thường không dấu:",
                "  \"Cách yêu cầu hòa giải\" → cach-yeu-cau-hoa-giai.md.",
                "Không bao giờ ghi đè tệp đã có.",
                "",
                "Loại trang:",
                "  guide   hướng dẫn (cho người dân)",
                "  lesson  bài học (cho hòa giải viên)",
                "  law     văn bản pháp luật (điền số hiệu, cơ quan, ngày, tình trạng)",
                "  faq     hỏi đáp (cho người dân)",
                "  news    tin tức",
                "  plan    kế hoạch (cho cán bộ)",
                "",
                "Ví dụ:",
                "  java -jar target/camnang.jar new faq \"Hỏi đáp về thủ tục\" --section nguoi-dan",
                "",
                "Mã thoát: 0 đã tạo, 1 đã có trang cùng tên (không ghi đè), 2 sai cách dùng."})
final class NewCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này rồi thoát.")
    boolean help;

    @Option(names = "--section", paramLabel = "THƯ_MỤC",
            description = "Thư mục (mục) đặt trang, tính từ trong thư mục nội dung, ví dụ nguoi-dan; chưa có thì được tạo.")
    String section;

    @Option(names = "--slug", paramLabel = "TÊN_TỆP",
            description = "Tên tệp (không có .md) dùng thay cho tên lấy từ tiêu đề, ví dụ cach-yeu-cau-hoa-giai-2.")
    String slug;

    @Option(names = "--source", paramLabel = "THƯ_MỤC", defaultValue = "content",
            description = "Thư mục nội dung Markdown (mặc định: ${DEFAULT-VALUE}).")
    Path source;

    @Parameters(index = "0", arity = "0..1", paramLabel = "LOẠI", hideParamSyntax = true,
            description = "Loại trang: guide, lesson, law, faq, news, plan.")
    String type;

    // The rest of the line: a title typed without quotes still arrives whole.
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "TIÊU_ĐỀ", hideParamSyntax = true,
            description = "Tiêu đề của trang, trong dấu ngoặc kép.")
    List<String> title;

    @Override
    public Integer call() {
        if (type == null) {
            return usage("thiếu loại trang và tiêu đề", "Ví dụ: new guide \"Cách yêu cầu hòa giải\".");
        }
        Scaffold.Result r = Scaffold.create(source, type, title == null ? "" : String.join(" ", title), section, slug,
                LocalDate.now());
        Problem p = r.problem();
        switch (r.status()) {
            case INVALID -> {
                return usage(p.message(), p.hint());
            }
            case EXISTS, FAILED -> {
                Main.Build.err.println(p.format());
                return Main.CONTENT_ERRORS;
            }
            default -> {
            }
        }
        if (r.newFolder() != null) {
            Main.Build.out.println("Đã tạo thư mục mới " + r.newFolder() + ".");
        }
        Main.Build.out.println("Đã tạo trang " + r.file() + ".");
        String sourceOption = source.toString().equals("content") ? "" : " --source " + source;
        if (r.type() == PageType.LAW) {
            Main.Build.out.println("Tiếp theo: mở tệp, điền so_hieu, loai_van_ban, co_quan_ban_hanh, ngay_ban_hanh, tinh_trang, "
                    + "chép nội dung văn bản, rồi chạy");
        } else {
            Main.Build.out.println("Tiếp theo: mở tệp, viết mô tả (description) và nội dung thay cho dàn ý, rồi chạy");
        }
        Main.Build.out.println("  java -jar target/camnang.jar check" + sourceOption + "    (kiểm tra)");
        Main.Build.out.println("  java -jar target/camnang.jar build" + sourceOption + "    (xây dựng trang web)");
        return Main.OK;
    }

    private static int usage(String message, String hint) {
        Main.Build.err.println("Lỗi cách dùng: " + message);
        if (hint != null && !hint.isEmpty()) {
            Main.Build.err.println("    → " + hint);
        }
        Main.Build.err.println("Xem hướng dẫn: java -jar target/camnang.jar new --help");
        return Main.USAGE;
    }
}
