package camnang.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import camnang.TestSites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --fix} on pages with decomposed text, TCVN3 and VNI text, invisible characters
 * and both tone styles: check reports each with file and line, the fix prints what it changed,
 * and a second check is clean; a file it cannot repair completely is named and left as it was.
 */
class CheckFixTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What was printed, without the timing line, which changes from run to run. */
    private static List<String> lines(String printed) {
        return printed.lines().filter(l -> !l.startsWith("Thời gian: ")).toList();
    }

    @Test
    void checkReportsEachProblemFixRepairsThemAndASecondCheckIsClean() throws IOException {
        Path src = tmp.resolve("content");
        TestSites.write(src, Map.of(
                "site.yaml", "title: Thử\ntone_marks: old\n",
                "nfd.md", "---\ntitle: Dạng tổ hợp\n---\nHo\u0300a gia\u0309i ở cơ sở.\n\nNgu\u031Bo\u031B\u0300i dân.\n",
                "tcvn3.md", "---\ntitle: Tuyªn bè\n---\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n",
                "vni.md", "---\ntitle: Ñieàu leä\n---\nVieät Nam\n\nÑieàu 1. Hoøa giaûi ôû cô sôû\n",
                "an.md", "---\ntitle: Ký tự ẩn\n---\nHòa giải\u200B ở cơ sở, kh\u200Boản 2.\n\nThông t\u00ADư, tr\u00A0ường hợp, hoà thuận.\n"));
        String s = src.toString();

        Run before = run("check", "--source", s);
        assertEquals(1, before.exit(), before.err());
        assertEquals(List.of(
                s + "/an.md:4: cảnh báo: 2 ký tự ẩn không có độ rộng (U+200B), từ dòng này",
                s + "/an.md:6: cảnh báo: dấu gạch nối ẩn (U+00AD) trong chữ",
                s + "/an.md:6: cảnh báo: khoảng trắng không ngắt (U+00A0) chia đôi một chữ: \"tr ường\"",
                s + "/an.md:6: lưu ý: trang dùng kiểu bỏ dấu mới 1 lần (\"hoà\"), khác kiểu cũ (tone_marks: old) đặt trong site.yaml",
                s + "/nfd.md:4: cảnh báo: chữ ở dạng tổ hợp (NFD: dấu tách rời chữ cái) (2 dòng, từ dòng này)",
                s + "/tcvn3.md:2: lỗi: chữ gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime), không phải Unicode: "
                        + "\"Tuyªn\" là \"Tuyên\" (3 dòng, từ dòng này)",
                s + "/vni.md:2: lỗi: chữ gõ bằng bảng mã cũ VNI (phông VNI-Times), không phải Unicode: "
                        + "\"Ñieàu\" là \"Điều\" (3 dòng, từ dòng này)"),
                TestSites.problemLines(before.err()));
        assertEquals(List.of(), lines(before.out()));

        Run fix = run("check", "--fix", "--source", s);
        assertEquals(0, fix.exit(), fix.err());
        assertEquals(List.of(
                s + "/an.md:4: đã sửa: xóa 2 ký tự ẩn không có độ rộng",
                s + "/an.md:6: đã sửa: xóa 1 dấu gạch nối ẩn",
                s + "/an.md:6: đã sửa: nối lại 1 chữ bị khoảng trắng không ngắt chia đôi",
                s + "/an.md:6: đã sửa: đổi 1 chữ sang kiểu bỏ dấu cũ (hòa, thủy)",
                s + "/nfd.md:4: đã sửa: chuyển chữ dạng tổ hợp (NFD) sang dạng dựng sẵn (NFC) trên 2 dòng",
                s + "/tcvn3.md:2: đã sửa: chuyển 14 từ gõ bằng bảng mã TCVN3 sang Unicode trên 3 dòng",
                s + "/tcvn3.md:4: đã sửa: đổi 1 chữ sang kiểu bỏ dấu cũ (hòa, thủy)",
                s + "/vni.md:2: đã sửa: chuyển 9 từ gõ bằng bảng mã VNI sang Unicode trên 3 dòng",
                "Đã sửa 4 tệp.",
                "Kiểm tra xong 4 trang, 1 mục: 0 lỗi, 0 cảnh báo, 0 lưu ý."),
                lines(fix.out()));
        assertEquals("", fix.err());
        assertEquals("---\ntitle: Tuyên bố\n---\nCộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n",
                Files.readString(src.resolve("tcvn3.md")));
        assertEquals("---\ntitle: Điều lệ\n---\nViệt Nam\n\nĐiều 1. Hòa giải ở cơ sở\n", Files.readString(src.resolve("vni.md")));
        assertEquals("---\ntitle: Dạng tổ hợp\n---\nHòa giải ở cơ sở.\n\nNgười dân.\n", Files.readString(src.resolve("nfd.md")));
        assertEquals("---\ntitle: Ký tự ẩn\n---\nHòa giải ở cơ sở, khoản 2.\n\nThông tư, trường hợp, hòa thuận.\n",
                Files.readString(src.resolve("an.md")));

        Run after = run("check", "--source", s);
        assertEquals(0, after.exit(), after.err());
        assertEquals("", after.err());
        assertEquals(List.of("Kiểm tra xong 4 trang, 1 mục: 0 lỗi, 0 cảnh báo, 0 lưu ý."), lines(after.out()));

        Run again = run("check", "--fix", "--source", s);
        assertEquals(List.of("Không có gì cần sửa tự động.", "Kiểm tra xong 4 trang, 1 mục: 0 lỗi, 0 cảnh báo, 0 lưu ý."),
                lines(again.out()));
    }

    @Test
    void aMissingFolderIsReportedOnceByCheck() {
        String missing = tmp.resolve("khong-co").toString();
        Run r = run("check", "--fix", "--source", missing);
        assertEquals(1, r.exit());
        assertEquals(List.of(), lines(r.out()));
        assertEquals(List.of(missing + ": lỗi: không tìm thấy thư mục nội dung"), TestSites.problemLines(r.err()));
    }

    @Test
    void aFileThatCannotBeRepairedCompletelyIsNamedAndLeftAsItWas() throws IOException {
        Path src = tmp.resolve("content");
        TestSites.write(src, Map.of(
                "a.md", "---\ntitle: Trang\n---\nHo\u0300a giải.\n\nCăn cứ c¸c mét quy định.\n",
                "b.md", "---\ntitle: Danh sách\n---\nHo\u0300a giải:\n\n\t- mục một\n\t- mục hai\n",
                "c.md", "---\ntitle: Tốt\n---\nThủy\u200B lợi.\n"));
        byte[] a = Files.readAllBytes(src.resolve("a.md"));
        byte[] b = Files.readAllBytes(src.resolve("b.md"));
        String s = src.toString();

        Run fix = run("check", "--fix", "--source", s);
        assertEquals(0, fix.exit(), fix.err());
        assertArrayEquals(a, Files.readAllBytes(src.resolve("a.md")));
        assertArrayEquals(b, Files.readAllBytes(src.resolve("b.md")));
        assertEquals("---\ntitle: Tốt\n---\nThủy lợi.\n", Files.readString(src.resolve("c.md")));
        assertEquals(List.of(
                s + "/c.md:4: đã sửa: xóa 1 ký tự ẩn không có độ rộng",
                "Đã sửa 1 tệp.",
                "Kiểm tra xong 3 trang, 1 mục: 0 lỗi, 4 cảnh báo, 0 lưu ý."),
                lines(fix.out()));
        assertEquals(List.of(
                s + "/a.md:6: không sửa tệp này: dòng trộn chữ Unicode với chữ mã TCVN3, và \"mét\" đọc được cả hai cách "
                        + "(có thể là \"một\"); sửa tay dòng này",
                s + "/b.md:6: không sửa tệp này: danh sách thụt lề bằng phím Tab (thường do dán từ Word): có thể hiện thành "
                        + "khối mã (2 dòng, từ dòng này); phải sửa tay",
                "Để nguyên 2 tệp có chỗ không sửa tự động an toàn được; sửa tay rồi chạy lại.",
                s + "/a.md:4: cảnh báo: chữ ở dạng tổ hợp (NFD: dấu tách rời chữ cái)",
                s + "/a.md:6: cảnh báo: có từ giống chữ gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime): \"c¸c\" là \"các\"",
                s + "/b.md:4: cảnh báo: chữ ở dạng tổ hợp (NFD: dấu tách rời chữ cái)",
                s + "/b.md:6: cảnh báo: danh sách thụt lề bằng phím Tab (thường do dán từ Word): có thể hiện thành khối mã "
                        + "(2 dòng, từ dòng này)"),
                fix.err().lines().filter(l -> !l.startsWith("    → ")).toList());
    }
}
