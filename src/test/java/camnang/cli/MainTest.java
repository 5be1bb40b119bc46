package camnang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    @Test
    void helpIsInVietnamese() {
        TestSites.Run r = TestSites.run("build", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Cách dùng: java -jar target/camnang.jar build"), r.out());
        assertTrue(r.out().contains("Xây dựng trang web vào thư mục đầu ra."), r.out());
        assertTrue(r.out().contains("--base-url=ĐỊA_CHỈ"), r.out());
        assertTrue(r.out().contains("Mã thoát: 0 thành công, 1 nội dung có lỗi"), r.out());
        TestSites.Run check = TestSites.run("check", "--help");
        assertTrue(check.out().contains("Kiểm tra nội dung như khi build, nhưng không ghi tệp nào."), check.out());
        TestSites.Run top = TestSites.run("--help");
        assertTrue(top.out().contains("Lệnh:") && top.out().contains("build") && top.out().contains("check"), top.out());
    }

    @Test
    void wrongUsageExitsWithTwo() {
        TestSites.Run r = TestSites.run("build", "--khong-co");
        assertEquals(2, r.exit());
        assertEquals("Lỗi cách dùng: không hiểu --khong-co\nXem hướng dẫn: java -jar target/camnang.jar build --help\n", r.err());
        assertEquals(2, TestSites.run("xay-dung").exit());
        assertEquals(2, TestSites.run("build", "--base-url", "example.gov.vn").exit());
        assertEquals(2, TestSites.run("build", "--broken-links=maybe").exit());
        assertEquals(2, TestSites.run().exit());
    }

    @Test
    void aFolderOfMarkdownWithoutSettingsBuilds() {
        Path src = TestSites.write(tmp.resolve("tai-lieu"), Map.of(
                "gioi-thieu.md", "# Giới thiệu\n\nKhông có phần đầu trang.\n",
                "Hướng dẫn/Bước 1.md", "## Bước một\n\nNội dung.\n"));
        Path out = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("gioi-thieu.html")));
        assertTrue(Files.isRegularFile(out.resolve("huong-dan/buoc-1.html")));
        assertTrue(Files.isRegularFile(out.resolve("huong-dan/index.html")));
        assertEquals(java.util.List.of(), TestSites.brokenLinks(out));
    }

    @Test
    void refusesAnOutputFolderThatHoldsTheSources() {
        Path src = TestSites.write(tmp.resolve("content"), Map.of("a.md", "# A\n"));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", tmp.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("thư mục đầu ra chứa thư mục nội dung"), r.err());
        assertTrue(Files.isRegularFile(src.resolve("a.md")));
    }

    @Test
    void missingSourceFolder() {
        TestSites.Run r = TestSites.run("check", "--source", tmp.resolve("khong-co").toString());
        assertEquals(1, r.exit());
        assertEquals(tmp.resolve("khong-co") + ": lỗi: không tìm thấy thư mục nội dung", TestSites.problemLines(r.err()).get(0));
    }
}
