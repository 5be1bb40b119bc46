package camnang.cli;

import camnang.Problem;
import camnang.wordimport.WordImport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import}: converts a Word document into a Markdown page (issue 6). */
@Command(name = "import", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n", optionListHeading = "%nTùy chọn:%n",
        parameterListHeading = "%nTham số:%n",
        description = {"Chuyển một tài liệu Word (.docx) thành trang Markdown; ảnh trong tài liệu được lưu cạnh trang.",
                "Tiêu đề lấy theo kiểu Heading của Word và theo cách đánh số của văn bản hành chính (I., 1., a)); "
                        + "phần thông tin đầu trang lấy từ tài liệu (tên, số, ngày, cơ quan ban hành). Những gì không "
                        + "chuyển được (biểu đồ, đối tượng nhúng, công thức…) được liệt kê để sửa tay.",
                "Không bao giờ ghi đè tệp đã có.",
                "Mã thoát: 0 đã ghi trang, 1 tệp không đọc được hoặc trang đã có, 2 sai cách dùng."})
final class ImportCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này rồi thoát.")
    boolean help;

    @Parameters(index = "0", paramLabel = "TỆP.docx", description = "Tài liệu Word cần nhập.")
    Path file;

    @Option(names = "--section", paramLabel = "THƯ_MỤC", defaultValue = "",
            description = "Mục đặt trang: thư mục bên trong thư mục nội dung, ví dụ ke-hoach (mặc định: chính thư mục nội dung).")
    String section;

    @Option(names = "--source", paramLabel = "THƯ_MỤC", defaultValue = "content",
            description = "Thư mục nội dung Markdown (mặc định: ${DEFAULT-VALUE}).")
    Path source;

    @Override
    public Integer call() {
        String s = section.replace('\\', '/').replaceAll("/{2,}", "/").replaceAll("^(\\./)+|/$", "");
        if (s.equals(".")) {
            s = "";
        }
        if (s.startsWith("/") || s.matches("^[A-Za-z]:.*") || ("/" + s + "/").contains("/../")) {
            Main.Build.err.println("Lỗi cách dùng: --section phải là một thư mục bên trong thư mục nội dung, ví dụ ke-hoach, "
                    + "không phải \"" + section + "\"");
            return Main.USAGE;
        }
        WordImport.Result r = WordImport.convert(file, source, s);
        if (!r.written()) {
            r.problems().forEach(p -> Main.Build.err.println(p.format()));
            return Main.CONTENT_ERRORS;
        }
        Main.Build.out.println("Đã ghi trang " + r.page());
        for (Path image : r.images()) {
            Main.Build.out.println("Đã ghi ảnh " + image);
        }
        for (Problem p : r.problems()) {
            Main.Build.err.println(p.format());
        }
        if (!r.problems().isEmpty()) {
            Main.Build.out.println("Có " + r.problems().size() + " chỗ không chuyển được hoặc cần xem lại (các dòng lưu ý); sửa trong trang nếu cần.");
        }
        Main.Build.out.println("Xem lại trang rồi kiểm tra: java -jar target/camnang.jar check"
                + (source.toString().equals("content") ? "" : " --source " + source));
        return Main.OK;
    }
}
