package camnang.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of content error: the exact {@code path:line: message}, exit code 1, no stack
 * trace, and the previous output left as it was.
 */
class ErrorsTest {
    @TempDir
    Path tmp;
    Path src;
    Path out;
    Map<String, byte[]> before;

    static final String A = """
            ---
            title: Trang một
            date: 2024-06-24
            ---
            Xem [trang hai](b.md#muc-hai).
            """;
    static final String B = """
            ---
            title: Trang hai
            ---
            ## Mục hai
            Nội dung.
            """;

    @BeforeEach
    void goodBuild() {
        src = tmp.resolve("content");
        out = tmp.resolve("site");
        TestSites.write(src, Map.of("a.md", A, "b.md", B));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        before = TestSites.tree(out);
        assertTrue(before.containsKey("a.html"));
    }

    private List<String> failingBuild(String... expectedLines) {
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        List<String> lines = TestSites.problemLines(r.err());
        assertEquals(List.of(expectedLines), lines, r.err());
        Map<String, byte[]> after = TestSites.tree(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
        return lines;
    }

    private String s(String rel) {
        return src + "/" + rel;
    }

    @Test
    void brokenYaml() {
        TestSites.write(src, Map.of("a.md", """
                ---
                title: Trang một
                  description: thụt lề sai
                ---
                Nội dung.
                """));
        failingBuild(s("a.md") + ":3: lỗi: YAML không hợp lệ: có dấu hai chấm ở chỗ không được phép");
    }

    @Test
    void misspelledKeyWithHint() {
        TestSites.write(src, Map.of("a.md", A.replace("title:", "tittle:")));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertTrue(r.err().contains(s("a.md") + ":2: lỗi: khóa \"tittle\" không có trong danh sách khóa của camnang\n"
                + "    → Có phải ý bạn là \"title\"? Sửa lại tên khóa."), r.err());
        failingBuild(s("a.md") + ":2: lỗi: khóa \"tittle\" không có trong danh sách khóa của camnang");
    }

    @Test
    void otherMisspellings() {
        TestSites.write(src, Map.of("a.md", """
                ---
                title: Trang một
                weigth: 2
                audiance: người dân
                Title: Trùng
                ---
                Nội dung.
                """));
        failingBuild(
                s("a.md") + ":3: lỗi: khóa \"weigth\" không có trong danh sách khóa của camnang",
                s("a.md") + ":4: lỗi: khóa \"audiance\" không có trong danh sách khóa của camnang",
                s("a.md") + ":5: lỗi: khóa \"Title\" không có trong danh sách khóa của camnang");
    }

    @Test
    void wrongType() {
        TestSites.write(src, Map.of("a.md", A.replace("2024-06-24", "31/13/2024")));
        failingBuild(s("a.md") + ":3: lỗi: ngày \"31/13/2024\" không hợp lệ ở khóa \"date\"");
    }

    @Test
    void wrongWeightAndAudience() {
        TestSites.write(src, Map.of("a.md", """
                ---
                title: Trang một
                weight: đầu tiên
                audience: [người dân, học sinh]
                type: guid
                ---
                Nội dung.
                """));
        failingBuild(
                s("a.md") + ":3: lỗi: khóa \"weight\" phải là số nguyên, không phải \"đầu tiên\"",
                s("a.md") + ":4: lỗi: đối tượng \"học sinh\" không hợp lệ",
                s("a.md") + ":5: lỗi: loại trang \"guid\" không hợp lệ");
    }

    @Test
    void invalidUtf8() {
        byte[] bytes = ("---\ntitle: Trang một\n---\nDòng bốn: ").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xC3;
        bad[bytes.length + 1] = (byte) 0x28;
        TestSites.writeBytes(src, "a.md", bad);
        failingBuild(s("a.md") + ":4: lỗi: tệp không phải UTF-8 hợp lệ (byte 0xC3)");
    }

    @Test
    void notText() {
        TestSites.writeBytes(src, "c.md", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        failingBuild(s("c.md") + ":1: lỗi: tệp không phải văn bản: đây là ảnh PNG");
    }

    @Test
    void missingPage() {
        TestSites.write(src, Map.of("a.md", A + "\nXem [trang ba](ba.md).\n"));
        failingBuild(s("a.md") + ":7: lỗi: liên kết tới \"ba.md\" không tìm thấy trang hoặc tệp nào");
    }

    @Test
    void missingAnchorWithSuggestion() {
        TestSites.write(src, Map.of("a.md", A.replace("#muc-hai", "#muc-2")));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertTrue(r.err().contains("có phải ý bạn là \"#muc-hai\"?"), r.err());
        failingBuild(s("a.md") + ":5: lỗi: liên kết tới \"b.md#muc-2\": trang đích không có mục \"#muc-2\"");
    }

    @Test
    void duplicateOutputPath() {
        TestSites.write(src, Map.of("c.md", "---\ntitle: Trang ba\nslug: a\n---\nNội dung.\n"));
        failingBuild(s("c.md") + ":1: lỗi: trùng đường dẫn đầu ra \"a.html\" với " + s("a.md"));
    }

    @Test
    void allErrorsTogetherInOrder() {
        TestSites.write(src, Map.of(
                "a.md", A.replace("2024-06-24", "32/01/2024") + "\n[x](khong-co.md)\n",
                "b.md", B.replace("title:", "titel:")));
        failingBuild(
                s("a.md") + ":3: lỗi: ngày \"32/01/2024\" không hợp lệ ở khóa \"date\"",
                s("a.md") + ":7: lỗi: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào",
                s("b.md") + ":2: lỗi: khóa \"titel\" không có trong danh sách khóa của camnang");
    }

    @Test
    void brokenLinksAsWarningsLeaveNoDeadLink() {
        TestSites.write(src, Map.of("a.md", A + "\nXem [trang ba](ba.md).\n"));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--broken-links=warn");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(s("a.md") + ":7: cảnh báo: liên kết tới \"ba.md\" không tìm thấy trang hoặc tệp nào"),
                TestSites.problemLines(r.err()));
        assertTrue(new String(TestSites.tree(out).get("a.html"), StandardCharsets.UTF_8)
                .contains("<a class=\"lien-ket-hong\" title=\"Văn bản được dẫn chiếu chưa có trong bộ tài liệu này\">trang ba</a>"));
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }

    @Test
    void missingImagesAsWarningsLeaveNoDeadSource() {
        TestSites.write(src, Map.of("a.md", A + "\n![Sơ đồ tổ hòa giải](so-do.png)\n\n![Ảnh lớp][anh]\n\n[anh]: lop.jpg\n"));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--broken-links=warn");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(s("a.md") + ":7: cảnh báo: ảnh tới \"so-do.png\" không tìm thấy trang hoặc tệp nào",
                // A reference is reported where its address is written.
                s("a.md") + ":11: cảnh báo: liên kết tới \"lop.jpg\" không tìm thấy trang hoặc tệp nào"),
                TestSites.problemLines(r.err()));
        String html = new String(TestSites.tree(out).get("a.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<img alt=\"Sơ đồ tổ hòa giải\" class=\"anh-thieu\" title=\"Ảnh chưa có trong bộ tài liệu này\""), html);
        assertTrue(html.contains("<img alt=\"Ảnh lớp\" class=\"anh-thieu\" title=\"Ảnh chưa có trong bộ tài liệu này\""), html);
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }

    @Test
    void brokenLinksInQuizzesAsWarningsLeaveNoDeadLink() {
        // A quiz's texts are rendered apart from the page (markdown/QuizRenderer), and once more in its answer.
        TestSites.write(src, Map.of("a.md", A + """

                ```quiz
                ? Theo [văn bản thiếu](thieu.md), ai bầu hòa giải viên?
                - [x] Nhân dân ở [thôn](thon.md)
                - [ ] Chủ tịch xã
                > Xem [điều thiếu](thieu.md#dieu-8).
                ```
                """));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--broken-links=warn");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(
                s("a.md") + ":8: cảnh báo: liên kết tới \"thieu.md\" không tìm thấy trang hoặc tệp nào",
                s("a.md") + ":9: cảnh báo: liên kết tới \"thon.md\" không tìm thấy trang hoặc tệp nào",
                s("a.md") + ":11: cảnh báo: liên kết tới \"thieu.md#dieu-8\" không tìm thấy trang hoặc tệp nào"),
                TestSites.problemLines(r.err()));
        String html = new String(TestSites.tree(out).get("a.html"), StandardCharsets.UTF_8);
        assertEquals(4, html.split("<a class=\"lien-ket-hong\" title=\"Văn bản được dẫn chiếu chưa có trong bộ tài liệu này\">",
                -1).length - 1, html);
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }

    @Test
    void aMessageQuotingInvisibleCharactersStaysOnItsLine() {
        // A line separator pasted into an address (U+2028), as from Word: named, not printed.
        TestSites.write(src, Map.of("a.md", A + "\nXem [trang hai](b\u2028.md).\n"));
        failingBuild(s("a.md") + ":7: lỗi: liên kết tới \"b[U+2028].md\" không tìm thấy trang hoặc tệp nào");
    }

    @Test
    void anUnclosedHtmlCommentIsClosedWhereMarkdownEndsIt() {
        TestSites.write(src, Map.of("a.md", A + "\n> <!-- ghi chú chưa đóng\n> vẫn trong khung\n\nSau khung.\n"));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(s("a.md") + ":7: cảnh báo: chú thích HTML \"<!--\" không có \"-->\" đóng: "
                + "mọi nội dung phía sau nó trong khối này bị ẩn"), TestSites.problemLines(r.err()));
        String html = new String(TestSites.tree(out).get("a.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<blockquote>\n<!-- ghi chú chưa đóng\nvẫn trong khung -->\n</blockquote>\n<p>Sau khung.</p>"),
                html);
    }

    @Test
    void anUnclosedScriptKeepsTheRestOfThePage() {
        TestSites.write(src, Map.of("a.md", A + "\nChữ <script>còn mở, <style>cũng vậy.\n\n## Mục sau\n\nNội dung sau.\n"));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(s("a.md") + ":7: cảnh báo: mã HTML không an toàn (script, style, iframe, thuộc tính on…) đã bị lọc bỏ",
                s("a.md") + ":7: cảnh báo: mã HTML không an toàn (script, style, iframe, thuộc tính on…) đã bị lọc bỏ"),
                TestSites.problemLines(r.err()));
        String html = new String(TestSites.tree(out).get("a.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<p>Chữ còn mở, cũng vậy.</p>\n<h2 id=\"muc-sau\">Mục sau</h2>\n<p>Nội dung sau.</p>"), html);
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }

    @Test
    void brokenLinkInRawHtml() {
        TestSites.write(src, Map.of("a.md", A + "\n<p>Xem <a href=\"khong-co.md\">trang khác</a>.</p>\n"));
        failingBuild(s("a.md") + ":7: lỗi: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào");
    }

    @Test
    void rawHtmlLinksAreResolvedOrLoseTheirAddress() {
        TestSites.write(src, Map.of("anh.png", "PNG", "a.md", A + """

                Xem <a href="b.md#muc-hai">mục hai</a>, <a href='khong-co.md'>trang thiếu</a>, <a href=b.md>trang hai</a>.

                <div class="khung">
                <p><img src="x" alt="ảnh thiếu"> <img alt="ảnh có" src="anh.png"></p>
                <a href="https://example.gov.vn/">ngoài</a> <a href="#muc-2">neo thiếu</a> <a href='#muc-3'>neo 3</a>
                </div>
                """));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--broken-links=warn");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(
                s("a.md") + ":7: cảnh báo: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào",
                s("a.md") + ":10: cảnh báo: ảnh tới \"x\" không tìm thấy trang hoặc tệp nào",
                s("a.md") + ":11: cảnh báo: liên kết tới \"#muc-2\": trang đích không có mục \"#muc-2\"",
                s("a.md") + ":11: cảnh báo: liên kết tới \"#muc-3\": trang đích không có mục \"#muc-3\""),
                TestSites.problemLines(r.err()));
        String html = new String(TestSites.tree(out).get("a.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<p>Xem <a href=\"b.html#muc-hai\">mục hai</a>, <a>trang thiếu</a>, "
                + "<a href=\"b.html\">trang hai</a>.</p>"), html);
        assertTrue(html.contains("<p><img alt=\"ảnh thiếu\"> <img alt=\"ảnh có\" src=\"anh.png\"></p>"), html);
        assertTrue(html.contains("<a href=\"https://example.gov.vn/\">ngoài</a>"), html);
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }

    @Test
    void rawHtmlAllowedStillLeavesNoDeadAnchor() {
        // Not cleaned, single quotes stay as written, where the mend of a broken anchor looks for href="…".
        TestSites.write(src, Map.of("site.yaml", "raw_html: allow\n", "a.md", A + "\n<p><a href='#muc-3'>neo 3</a></p>\n"));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--broken-links=warn");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(s("a.md") + ":7: cảnh báo: liên kết tới \"#muc-3\": trang đích không có mục \"#muc-3\""),
                TestSites.problemLines(r.err()));
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }

    @Test
    void aRebuildFromTheCacheReportsTheSameWarnings() {
        TestSites.write(src, Map.of("a.md", A + "\nXem [trang ba](ba.md).\n"));
        List<String> first = null;
        for (int i = 0; i < 2; i++) {
            TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--broken-links=warn");
            assertEquals(0, r.exit(), r.err());
            if (first == null) {
                first = TestSites.problemLines(r.err());
            } else {
                assertEquals(first, TestSites.problemLines(r.err()));
            }
        }
        assertEquals(List.of(s("a.md") + ":7: cảnh báo: liên kết tới \"ba.md\" không tìm thấy trang hoặc tệp nào"), first);
    }

    @Test
    void brokenLinksSettingInSiteYaml() {
        TestSites.write(src, Map.of("a.md", A + "\nXem [trang ba](ba.md).\n", "site.yaml", "broken_links: warn\n"));
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void unknownSiteSetting() {
        TestSites.write(src, Map.of("site.yaml", "title: Cẩm nang\nbaseurl: https://example.gov.vn/\nmenus: []\n"));
        failingBuild(
                s("site.yaml") + ":2: lỗi: khóa cấu hình \"baseurl\" không được hỗ trợ",
                s("site.yaml") + ":3: lỗi: khóa cấu hình \"menus\" không được hỗ trợ");
    }

    @Test
    void checkWritesNothing() {
        Path other = tmp.resolve("khong-ghi");
        TestSites.Run r = TestSites.run("check", "--source", src.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Kiểm tra xong 2 trang, 1 mục: 0 lỗi, 0 cảnh báo, 0 lưu ý."), r.out());
        assertFalse(other.toFile().exists());
        TestSites.write(src, Map.of("a.md", A.replace("title:", "tittle:")));
        assertEquals(1, TestSites.run("check", "--source", src.toString()).exit());
    }
}
