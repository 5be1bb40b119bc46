package camnang.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camnang new} on the command line: what it prints and its exit codes. */
class NewCommandTest {
    @TempDir
    Path tmp;
    Path src;
    String s;

    @BeforeEach
    void site() {
        src = TestSites.write(tmp.resolve("noi-dung"), Map.of(
                "nguoi-dan/_index.md", "---\ntitle: Người dân\n---\n",
                "nguoi-dan/hoi-dap.md", "---\ntitle: Hỏi đáp\nweight: 4\ntype: faq\n---\nNội dung.\n"));
        s = src.toString();
    }

    @Test
    void writesThePageAndSaysWhatNext() throws IOException {
        TestSites.Run r = TestSites.run("new", "guide", "Cách yêu cầu hòa giải", "--section", "nguoi-dan", "--source", s);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertEquals("Đã tạo trang " + src.resolve("nguoi-dan/cach-yeu-cau-hoa-giai.md") + ".\n"
                + "Tiếp theo: mở tệp, viết mô tả (description) và nội dung thay cho dàn ý, rồi chạy\n"
                + "  java -jar target/camnang.jar check --source " + s + "    (kiểm tra)\n"
                + "  java -jar target/camnang.jar build --source " + s + "    (xây dựng trang web)\n", r.out());
        String text = Files.readString(src.resolve("nguoi-dan/cach-yeu-cau-hoa-giai.md"), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("---\ntitle: \"Cách yêu cầu hòa giải\"\n"
                + "description: \"\"  # một câu giới thiệu trang, hiện dưới tiêu đề và trong kết quả tìm kiếm\n"
                + "date: " + LocalDate.now() + "\n"
                + "weight: 5  # thứ tự trong mục: số nhỏ đứng trước\n"), text);

        // The page checks clean at once.
        TestSites.Run check = TestSites.run("check", "--source", s);
        assertEquals(0, check.exit(), check.err());
        assertEquals("", check.err());
    }

    @Test
    void aTitleTypedWithoutQuotesAndANewFolder() {
        TestSites.Run r = TestSites.run("new", "--source", s, "--section", "van-ban/luat", "law", "Luật", "Hòa", "giải", "ở", "cơ", "sở");
        assertEquals(0, r.exit(), r.err());
        assertEquals("Đã tạo thư mục mới " + src.resolve("van-ban") + ".\n"
                + "Đã tạo trang " + src.resolve("van-ban/luat/luat-hoa-giai-o-co-so.md") + ".\n"
                + "Tiếp theo: mở tệp, điền so_hieu, loai_van_ban, co_quan_ban_hanh, ngay_ban_hanh, tinh_trang, "
                + "chép nội dung văn bản, rồi chạy\n"
                + "  java -jar target/camnang.jar check --source " + s + "    (kiểm tra)\n"
                + "  java -jar target/camnang.jar build --source " + s + "    (xây dựng trang web)\n", r.out());
        assertTrue(Files.isRegularFile(src.resolve("van-ban/luat/luat-hoa-giai-o-co-so.md")));
    }

    @Test
    void anExistingPageIsLeftAloneWithExit1() {
        Map<String, byte[]> before = TestSites.tree(src);
        TestSites.Run r = TestSites.run("new", "faq", "Hỏi đáp", "--section", "nguoi-dan", "--source", s);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(src.resolve("nguoi-dan/hoi-dap.md") + ": lỗi: đã có tệp này; camnang không ghi đè\n"
                + "    → Chọn tiêu đề khác, hoặc đặt tên tệp khác bằng --slug, ví dụ --slug hoi-dap-2.\n", r.err());
        Map<String, byte[]> after = TestSites.tree(src);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));

        r = TestSites.run("new", "faq", "Hỏi đáp", "--section", "nguoi-dan", "--slug", "hoi-dap-2", "--source", s);
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isRegularFile(src.resolve("nguoi-dan/hoi-dap-2.md")));
    }

    @Test
    void usageErrorsExit2() {
        Map<String, byte[]> before = TestSites.tree(tmp);
        assertUsage(new String[] {"new", "gude", "Cách yêu cầu hòa giải", "--source", s},
                "Lỗi cách dùng: loại trang \"gude\" không có\n"
                        + "    → Có phải ý bạn là \"guide\"? Các loại trang: guide (hướng dẫn), lesson (bài học), "
                        + "law (văn bản pháp luật), faq (hỏi đáp), news (tin tức), plan (kế hoạch).\n");
        assertUsage(new String[] {"new", "guide", "--source", s},
                "Lỗi cách dùng: tiêu đề trống\n"
                        + "    → Viết tiêu đề sau loại trang, trong dấu ngoặc kép, ví dụ: new guide \"Cách yêu cầu hòa giải\".\n");
        assertUsage(new String[] {"new", "guide", "???", "--source", s},
                "Lỗi cách dùng: tiêu đề \"???\" không cho ra tên tệp (cần ít nhất một chữ cái hoặc chữ số)\n"
                        + "    → Thêm chữ vào tiêu đề, hoặc đặt tên tệp bằng --slug, ví dụ --slug hoi-dap.\n");
        assertUsage(new String[] {"new", "--source", s},
                "Lỗi cách dùng: thiếu loại trang và tiêu đề\n"
                        + "    → Ví dụ: new guide \"Cách yêu cầu hòa giải\".\n");
        assertUsage(new String[] {"new", "guide", "A", "--section", "../ngoai", "--source", s},
                "Lỗi cách dùng: thư mục \"../ngoai\" ra ngoài thư mục nội dung (có \"..\")\n"
                        + "    → Viết đường dẫn của thư mục tính từ trong thư mục nội dung, ví dụ --section nguoi-dan.\n");
        assertUsage(new String[] {"new", "guide", "A", "--sectoin", "nguoi-dan", "--source", s},
                "Lỗi cách dùng: không hiểu --sectoin\n");
        assertEquals(before.keySet(), TestSites.tree(tmp).keySet());
    }

    private static void assertUsage(String[] args, String expected) {
        TestSites.Run r = TestSites.run(args);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        assertEquals(expected + "Xem hướng dẫn: java -jar target/camnang.jar new --help\n", r.err());
    }

    @Test
    void aMissingContentFolderExits1() {
        TestSites.Run r = TestSites.run("new", "guide", "A", "--source", tmp.resolve("khong-co").toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(tmp.resolve("khong-co") + ": lỗi: không tìm thấy thư mục nội dung\n"
                + "    → Chạy lệnh trong thư mục dự án, hoặc chỉ rõ thư mục bằng --source.\n", r.err());
        assertFalse(Files.exists(tmp.resolve("khong-co")));
    }

    @Test
    void helpListsTheTypesInVietnamese() {
        TestSites.Run r = TestSites.run("new", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Cách dùng: java -jar target/camnang.jar new LOẠI \"TIÊU ĐỀ\" [--section THƯ_MỤC]\n"), r.out());
        assertTrue(r.out().contains("""
                Loại trang:
                  guide   hướng dẫn (cho người dân)
                  lesson  bài học (cho hòa giải viên)
                  law     văn bản pháp luật (điền số hiệu, cơ quan, ngày, tình trạng)
                  faq     hỏi đáp (cho người dân)
                  news    tin tức
                  plan    kế hoạch (cho cán bộ)
                """), r.out());
        assertTrue(r.out().contains("Mã thoát: 0 đã tạo, 1 đã có trang cùng tên (không ghi đè), 2 sai cách dùng.\n"), r.out());
        assertTrue(r.out().contains("--section=THƯ_MỤC"), r.out());
        assertTrue(r.out().contains("--slug=TÊN_TỆP"), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 80), r.out());
    }
}
