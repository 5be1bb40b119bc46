package camnang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import camnang.wordimport.TestDocx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path tmp;

    private Path docx() {
        return new TestDocx()
                .rel("rIdImg", "image", "media/image1.png", false)
                .media("image1.png", TestDocx.PNG)
                .p("KẾ HOẠCH")
                .p("Tuyên truyền pháp luật về hòa giải năm 2025")
                .p("I. MỤC ĐÍCH")
                .xml(TestDocx.para(null, TestDocx.picture("rIdImg", null)))
                .p("II. YÊU CẦU")
                .p("Đúng tiến độ.")
                .write(tmp.resolve("Kế hoạch 2025.docx"));
    }

    @Test
    void importsAPageAndItsImageAndListsWhatToCheck() throws IOException {
        Path docx = docx();
        Path content = Files.createDirectories(tmp.resolve("content"));
        TestSites.Run r = TestSites.run("import", docx.toString(), "--source", content.toString(), "--section", "ke-hoach/");
        assertEquals(0, r.exit(), r.err());
        Path page = content.resolve("ke-hoach/ke-hoach-2025.md");
        assertEquals("Đã ghi trang " + page + "\n"
                + "Đã ghi ảnh " + content.resolve("ke-hoach/ke-hoach-2025-1.png") + "\n"
                + "Có 1 chỗ không chuyển được hoặc cần xem lại (các dòng lưu ý); sửa trong trang nếu cần.\n"
                + "Xem lại trang rồi kiểm tra: java -jar target/camnang.jar check --source " + content + "\n", r.out());
        assertEquals(docx + ": lưu ý: đoạn 4, mục “I. MỤC ĐÍCH”: ảnh ke-hoach-2025-1.png không có mô tả: tạm ghi “Ảnh 1”\n"
                + "    → Sửa chữ trong ![Ảnh 1](ke-hoach-2025-1.png) thành mô tả nội dung ảnh (người khiếm thị nghe đọc mô tả này).\n",
                r.err());
        assertTrue(Files.readString(page).startsWith("---\ntitle: Kế hoạch tuyên truyền pháp luật về hòa giải năm 2025\ntype: plan\n---\n"),
                Files.readString(page));

        // A second import of the same file refuses to overwrite and changes nothing.
        String before = Files.readString(page);
        TestSites.Run again = TestSites.run("import", docx.toString(), "--source", content.toString(), "--section", "ke-hoach");
        assertEquals(1, again.exit());
        assertEquals("", again.out());
        assertEquals(page + ": lỗi: tệp đã có, không ghi đè\n    → Đổi tên tệp .docx, nhập vào mục khác bằng --section, "
                + "hoặc đổi tên (xóa) tệp cũ rồi nhập lại.\n", again.err());
        assertEquals(before, Files.readString(page));
    }

    @Test
    void aFileThatIsNotADocxExitsWithOneAndNoStackTrace() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path pdf = Files.writeString(tmp.resolve("ke-hoach.pdf"), "%PDF-1.7\n");
        TestSites.Run r = TestSites.run("import", pdf.toString(), "--source", content.toString());
        assertEquals(1, r.exit());
        assertEquals(pdf + ": lỗi: không phải tài liệu Word (.docx)\n    → Mở tệp bằng Word rồi chọn Lưu thành → Tài liệu Word "
                + "(*.docx); tệp .doc, .pdf, .odt cần lưu lại thành .docx trước.\n", r.err());
        TestSites.Run missing = TestSites.run("import", tmp.resolve("khong-co.docx").toString(), "--source", content.toString());
        assertEquals(1, missing.exit());
        assertEquals(tmp.resolve("khong-co.docx") + ": lỗi: không tìm thấy tệp\n    → Kiểm tra đường dẫn và tên tệp .docx "
                + "(tên có dấu cách thì đặt trong ngoặc kép).\n", missing.err());
        TestSites.Run noContent = TestSites.run("import", docx().toString(), "--source", tmp.resolve("khong-co").toString());
        assertEquals(1, noContent.exit());
        assertTrue(noContent.err().startsWith(tmp.resolve("khong-co") + ": lỗi: không tìm thấy thư mục nội dung\n"), noContent.err());
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        TestSites.Run outside = TestSites.run("import", docx().toString(), "--source", content.toString(), "--section", "../ngoai");
        assertEquals(2, outside.exit());
        assertEquals("Lỗi cách dùng: --section phải là một thư mục bên trong thư mục nội dung, ví dụ ke-hoach, không phải "
                + "\"../ngoai\"\n", outside.err());
        assertFalse(Files.exists(tmp.resolve("ngoai")));
        assertEquals(2, TestSites.run("import").exit());
        assertEquals(2, TestSites.run("import", "a.docx", "--khong-co").exit());
    }

    @Test
    void helpIsInVietnamese() {
        TestSites.Run r = TestSites.run("import", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Cách dùng: java -jar target/camnang.jar import [-h] [--section=THƯ_MỤC]\n"
                + "           [--source=THƯ_MỤC] TỆP.docx\n"), r.out());
        assertTrue(r.out().contains("\nChuyển một tài liệu Word (.docx) thành trang Markdown; ảnh trong tài liệu được\n"), r.out());
        assertTrue(r.out().contains("\nKhông bao giờ ghi đè tệp đã có.\n"), r.out());
        assertTrue(r.out().contains("\nMã thoát: 0 đã ghi trang, 1 tệp không đọc được hoặc trang đã có, 2 sai cách\ndùng.\n"), r.out());
        assertTrue(r.out().contains("\nTham số:\n      TỆP.docx            Tài liệu Word cần nhập.\n"), r.out());
        assertTrue(r.out().contains("      --source=THƯ_MỤC    Thư mục nội dung Markdown (mặc định: content).\n"), r.out());
    }
}
