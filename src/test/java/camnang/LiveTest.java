package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's rebuilds: after any sequence of changes the folder equals a full build of the same content. */
class LiveTest {
    @TempDir
    Path tmp;
    private Path templates;

    private static final String LAW = """
            ---
            title: Luật Hòa giải ở cơ sở
            type: law
            so_hieu: 35/2013/QH13
            loai_van_ban: Luật
            co_quan_ban_hanh: Quốc hội
            ngay_ban_hanh: 20/06/2013
            tinh_trang: còn hiệu lực
            ---
            Chương I
            NHỮNG QUY ĐỊNH CHUNG

            Điều 1. Phạm vi điều chỉnh

            Luật này quy định về hòa giải ở cơ sở.

            Điều 7. Tiêu chuẩn hòa giải viên

            Người có uy tín trong gia đình và cộng đồng dân cư.
            """;

    private Path site() {
        return TestSites.write(tmp.resolve("content"), Map.of(
                "site.yaml", "title: Cẩm nang thử\n",
                "_index.md", "---\ntitle: Trang chủ\n---\nXin chào.\n",
                "van-ban/luat-hoa-giai.md", LAW,
                "huong-dan/_index.md", "---\ntitle: Hướng dẫn\n---\nCác bài hướng dẫn.\n",
                "huong-dan/yeu-cau.md", """
                        ---
                        title: Cách yêu cầu hòa giải
                        weight: 1
                        tags: [thủ tục]
                        ---
                        ## Ai được yêu cầu

                        Theo Điều 7 Luật Hòa giải ở cơ sở, hòa giải viên phải có uy tín
                        ([tiêu chuẩn](../van-ban/luat-hoa-giai.md#dieu-7-tieu-chuan-hoa-giai-vien), an old anchor, mended).
                        Xem [các bước](cac-buoc.md#chuan-bi).
                        """,
                "huong-dan/cac-buoc.md", """
                        ---
                        title: Các bước hòa giải
                        weight: 2
                        ---
                        ## Chuẩn bị

                        Tìm hiểu vụ việc trước khi gặp các bên.
                        """,
                "huong-dan/anh.png", "not really a png",
                "khoa-hoc/_index.md", "---\ntitle: Khóa tự học\ncourse: true\n---\nHọc trên điện thoại.\n",
                "khoa-hoc/hoc-phan-1/_index.md", "---\ntitle: Học phần 1\n---\nPháp luật.\n",
                "khoa-hoc/hoc-phan-1/bai-1.md", "---\ntitle: Bài 1\ntype: lesson\ngoals: [Hiểu luật]\nminutes: 10\n---\n"
                        + "Theo Điều 7 Luật Hòa giải ở cơ sở.\n"));
    }

    @Test
    void editsAdditionsRenamesAndDeletionsEndAsAFullBuild() throws IOException {
        Path src = site();
        Path served = tmp.resolve("served");
        templates = TestSites.copyTree(Path.of("site-templates"), tmp.resolve("templates"));
        Camnang.Live live = new Camnang.Live(new Camnang.Options(src, served, null, null, templates, true, true));
        List<String> steps = new ArrayList<>();
        step(live, src, served, "first build", steps);

        Path page = src.resolve("huong-dan/cac-buoc.md");
        Files.writeString(page, Files.readString(page).replace("trước khi gặp", "kỹ trước khi gặp"));
        step(live, src, served, "edit a body", steps);

        Files.writeString(page, Files.readString(page).replace("title: Các bước hòa giải", "title: Các bước của hòa giải"));
        step(live, src, served, "edit a title (every sidebar changes)", steps);

        TestSites.write(src, Map.of("huong-dan/moi.md", "---\ntitle: Trang mới\nweight: 3\n---\n## Nội dung\n\nHòa giải viên giúp các bên.\n"));
        step(live, src, served, "add a page", steps);

        Files.move(src.resolve("huong-dan/moi.md"), src.resolve("huong-dan/doi-ten.md"));
        step(live, src, served, "rename a page", steps);

        Files.writeString(src.resolve("van-ban/luat-hoa-giai.md"), LAW.replace("Điều 7. Tiêu chuẩn hòa giải viên", "Điều 7. Tiêu chuẩn của hòa giải viên"));
        step(live, src, served, "edit a cited article", steps);

        Files.delete(src.resolve("huong-dan/doi-ten.md"));
        Files.delete(src.resolve("huong-dan/anh.png"));
        step(live, src, served, "delete a page and a file", steps);

        Files.createDirectories(src.resolve("hoi-dap"));
        Files.writeString(src.resolve("hoi-dap/phi.md"), "---\ntitle: Có mất phí không?\ntype: faq\n---\nKhông mất phí.\n");
        step(live, src, served, "add a section", steps);

        Path layout = templates.resolve("layout.jte");
        Files.writeString(layout, Files.readString(layout).replace("</footer>", "<p>Bản thử nghiệm</p>\n</footer>"));
        live.forget();
        step(live, src, served, "edit a template", steps);

        Files.writeString(src.resolve("site.yaml"), "title: Cẩm nang hòa giải\nfooter: Phòng Tư pháp\n");
        live.forget();
        step(live, src, served, "edit the site's settings", steps);

        assertEquals(10, steps.size());
        assertTrue(Files.readString(served.resolve("index.html")).contains("<p>Bản thử nghiệm</p>"));
        assertTrue(Files.isRegularFile(served.resolve("sw.js")), "the course's offline worker is kept up to date too");
    }

    @Test
    void aBrokenEditLeavesTheLastGoodSite() throws IOException {
        Path src = site();
        Path served = tmp.resolve("served");
        Camnang.Live live = new Camnang.Live(new Camnang.Options(src, served, null, null, null, true, true));
        assertTrue(live.pages().ok());
        assertTrue(live.search(() -> false));
        Map<String, byte[]> before = TestSites.tree(served);
        Path page = src.resolve("huong-dan/cac-buoc.md");
        Files.writeString(page, Files.readString(page).replace("Tìm hiểu vụ việc", "Tìm hiểu vụ việc, [xem](khong-co.md)"));
        Camnang.Report r = live.pages();
        assertFalse(r.ok());
        assertEquals(List.of(src + "/huong-dan/cac-buoc.md:7: lỗi: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào"),
                r.problems().stream().map(p -> p.format().lines().findFirst().orElseThrow()).toList());
        assertTrue(equal(before, TestSites.tree(served)), "the served folder did not change");
    }

    private void step(Camnang.Live live, Path src, Path served, String what, List<String> steps) {
        Camnang.Report r = live.pages();
        assertTrue(r.ok(), what + ": " + r.problems());
        assertTrue(live.search(() -> false), what);
        Path full = tmp.resolve("full-" + steps.size());
        Camnang.Report f = Camnang.build(new Camnang.Options(src, full, null, null, templates, false, true));
        assertTrue(f.ok(), what + ": " + f.problems());
        Map<String, byte[]> a = TestSites.withoutLucene(TestSites.tree(served));
        Map<String, byte[]> b = TestSites.withoutLucene(TestSites.tree(full));
        assertEquals(b.keySet(), a.keySet(), what + ": the same files");
        for (String k : b.keySet()) {
            assertEquals(new String(b.get(k), java.nio.charset.StandardCharsets.UTF_8),
                    new String(a.get(k), java.nio.charset.StandardCharsets.UTF_8), what + ": " + k);
            assertTrue(java.util.Arrays.equals(b.get(k), a.get(k)), what + ": bytes of " + k);
        }
        steps.add(what);
    }

    private static boolean equal(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), b.get(k)));
    }
}
