package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5: one content tree, the city's site and every ward's, in one run. */
class PortalsTest {
    static final List<String> PORTALS = List.of("sa-dec", "phuong-1", "phuong-2", "phuong-3", "phuong-4", "an-hoa",
            "tan-quy-dong", "tan-khanh-dong", "tan-quy-tay", "tan-phu-dong");
    @TempDir
    static Path tmp;
    static Path out;
    static TestSites.Run run;

    @BeforeAll
    static void build() {
        out = tmp.resolve("site");
        run = TestSites.run("build", "--all-portals", "--out", out.toString());
    }

    @Test
    void theSampleSiteGivesTenCompleteSitesAndAnIndexOfThem() throws Exception {
        assertEquals(0, run.exit(), run.err());
        for (String id : PORTALS) {
            for (String f : List.of("index.html", "404.html", "robots.txt", "tim-kiem.html", "search/manifest.js",
                    "van-ban-phap-luat/index.html")) {
                assertTrue(Files.isRegularFile(out.resolve(id).resolve(f)), id + "/" + f);
            }
        }
        Document index = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertEquals(PORTALS.stream().map(id -> id + "/index.html").toList(), index.select("li a").eachAttr("href"));
        assertEquals("Thành phố Sa Đéc", index.selectFirst("li a").text());
        assertTrue(run.out().contains("Đã build 10 cổng thông tin"), run.out());
    }

    @Test
    void aWardOnlyPageIsOnlyInThatWardsSiteAndSearchIndex() throws Exception {
        assertEquals(0, run.exit(), run.err());
        for (String id : PORTALS) {
            boolean own = id.equals("phuong-1");
            assertEquals(own, Files.isRegularFile(out.resolve(id).resolve("phuong-1/lien-he-hoa-giai.html")), id);
            TestSites.Run s = TestSites.run("search", "--site", out.resolve(id).toString(), "--json", "--limit", "3",
                    "liên hệ hòa giải ở Phường 1");
            assertEquals(0, s.exit(), s.err());
            assertEquals(own, s.out().contains("\"url\": \"phuong-1/lien-he-hoa-giai.html"), id + ": " + s.out());
        }
    }

    @Test
    void aWardsOwnVersionReplacesTheSharedPageThereOnly() throws Exception {
        assertEquals(0, run.exit(), run.err());
        for (String id : PORTALS) {
            String html = Files.readString(out.resolve(id).resolve("nguoi-dan/cach-yeu-cau-hoa-giai.html"));
            assertEquals(id.equals("an-hoa"), html.contains("Trang này là bản của phường An Hòa"), id);
            assertFalse(Files.exists(out.resolve(id).resolve("nguoi-dan/cach-yeu-cau-hoa-giai-an-hoa.html")), id);
        }
    }

    @Test
    void wardsLinkBackToTheCityWhichListsThemAndEveryLinkResolves() throws Exception {
        assertEquals(0, run.exit(), run.err());
        Document ward = Jsoup.parse(out.resolve("phuong-1/nguoi-dan/hoi-dap.html").toFile(), "UTF-8");
        assertEquals("../../sa-dec/index.html", ward.select("footer .cong a").attr("href"));
        Document city = Jsoup.parse(out.resolve("sa-dec/index.html").toFile(), "UTF-8");
        assertEquals(PORTALS.subList(1, PORTALS.size()).stream().map(id -> "../" + id + "/index.html").toList(),
                city.select("#xa-phuong + ul a").eachAttr("href"));
        for (String id : PORTALS) {
            // Each site's own links resolve inside it; links to the other portals leave it, to their folders beside it.
            List<String> outside = TestSites.brokenLinks(out.resolve(id)).stream()
                    .filter(l -> !(l.matches(".*: \\.\\./(\\.\\./)*[a-z0-9-]+/index\\.html \\(leaves the output folder\\)")
                            && Files.isRegularFile(out.resolve(l.replaceAll(".*?((\\.\\./)+)([a-z0-9-]+)/index.html.*", "$3/index.html")))))
                    .toList();
            assertEquals(List.of(), outside, id);
        }
    }

    @Test
    void badPortalIdsAreErrorsWithTheirLines(@TempDir Path dir) {
        TestSites.write(dir, Map.of("site.yaml", """
                title: Thử
                portals:
                  - id: sa-dec
                    name: Thành phố
                  - id: Phường 2
                    name: Phường 2
                  - id: sa-dec
                    name: Trùng
                  - id: an-hoa
                    nam: An Hòa
                """, "a.md", "---\ntitle: A\nportals: [phuong-1]\n---\n", "b.md", "---\ntitle: B\n---\n"));
        TestSites.Run r = TestSites.run("check", "--source", dir.toString());
        assertEquals(1, r.exit());
        assertEquals(List.of(
                dir + "/a.md:3: lỗi: không có cổng thông tin \"phuong-1\" trong site.yaml",
                dir + "/site.yaml:5: lỗi: mã cổng \"Phường 2\" không hợp lệ",
                dir + "/site.yaml:7: lỗi: mã cổng \"sa-dec\" bị trùng",
                dir + "/site.yaml:9: lỗi: cổng thông tin cần có cả id và name",
                dir + "/site.yaml:10: lỗi: khóa \"nam\" không dùng được cho một cổng thông tin"), TestSites.problemLines(r.err()));
        TestSites.Run p = TestSites.run("build", "--source", dir.toString(), "--out", dir.resolveSibling(dir.getFileName() + "-out").toString(),
                "--portal", "phuong-9");
        // (the output folder lies outside the content folder)
        assertEquals(1, p.exit());
        assertTrue(p.err().contains("site.yaml: lỗi: không có cổng thông tin \"phuong-9\" trong site.yaml"), p.err());
        TestSites.Run both = TestSites.run("build", "--source", dir.toString(), "--portal", "sa-dec", "--all-portals");
        assertEquals(2, both.exit());
    }

    @Test
    void checkChecksEveryPortalAndReportsEachProblemOnce(@TempDir Path dir) {
        TestSites.write(dir, Map.of("site.yaml", """
                title: Thử
                portals:
                  - id: sa-dec
                    name: Thành phố
                    city: true
                  - id: phuong-1
                    name: Phường 1
                """, "chung.md", "---\ntitle: Chung\n---\n[hỏng](khong-co.md)\n",
                "rieng.md", "---\ntitle: Riêng\nportals: [phuong-1]\n---\n[hỏng](cung-khong-co.md)\n"));
        TestSites.Run r = TestSites.run("check", "--source", dir.toString());
        assertEquals(1, r.exit());
        assertEquals(List.of(
                dir + "/chung.md:4: lỗi: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào",
                dir + "/rieng.md:5: lỗi: liên kết tới \"cung-khong-co.md\" không tìm thấy trang hoặc tệp nào"),
                TestSites.problemLines(r.err()));
    }

    @Test
    void allPortalsReportsAnErrorOnceAndReplacesNoPortal(@TempDir Path dir) throws Exception {
        TestSites.write(dir.resolve("src"), Map.of("site.yaml", """
                title: Thử
                portals:
                  - id: sa-dec
                    name: Thành phố
                  - id: phuong-1
                    name: Phường 1
                """, "chung.md", "---\ntitle: Chung\n---\nNội dung.\n"));
        Path site = dir.resolve("out");
        assertEquals(0, TestSites.run("build", "--source", dir.resolve("src").toString(), "--out", site.toString(),
                "--all-portals", "--no-search").exit());
        String before = Files.readString(site.resolve("phuong-1/chung.html"));
        Files.writeString(dir.resolve("src/rieng.md"), "---\ntitle: Riêng\nportals: [phuong-1]\n---\n[hỏng](khong-co.md)\n");
        Files.writeString(dir.resolve("src/chung.md"), "---\ntitle: Chung\n---\nĐã sửa.\n");
        TestSites.Run r = TestSites.run("build", "--source", dir.resolve("src").toString(), "--out", site.toString(),
                "--all-portals", "--no-search");
        assertEquals(1, r.exit());
        assertEquals(List.of(dir.resolve("src") + "/rieng.md:5: lỗi: liên kết tới \"khong-co.md\" không tìm thấy trang hoặc tệp nào"),
                TestSites.problemLines(r.err()));
        assertEquals(before, Files.readString(site.resolve("phuong-1/chung.html")));
        String city = Files.readString(site.resolve("sa-dec/chung.html"));
        assertTrue(city.contains("Nội dung.") && !city.contains("Đã sửa."), "the city's site is not replaced either");
    }

    @Test
    void markdownLinksToGeneratedPagesResolve(@TempDir Path dir) {
        TestSites.write(dir, Map.of("site.yaml", """
                title: Thử
                portals:
                  - id: sa-dec
                    name: Thành phố
                    city: true
                  - id: phuong-1
                    name: Phường 1
                  - id: phuong-2
                    name: Phường 2
                """, "_du-lieu/to-hoa-giai.csv", "cong,to_hoa_giai,dia_ban,to_truong,thanh_vien,dien_thoai\n"
                        + "phuong-1,Tổ hòa giải khóm 1,Khóm 1,(đang cập nhật),,\n",
                "luat.md", "---\ntitle: Luật\ntype: law\nso_hieu: 1/2020/QH14\nloai_van_ban: Luật\nco_quan_ban_hanh: Quốc hội\n"
                        + "ngay_ban_hanh: 01/01/2020\ntinh_trang: còn hiệu lực\n---\n",
                "a.md", "---\ntitle: A\ntags: [thủ tục]\n---\n[văn bản](van-ban-phap-luat/) [tổ](to-hoa-giai.html) "
                        + "[tìm](tim-kiem.html) [chủ đề](chu-de/thu-tuc.html)\n"));
        TestSites.Run ok = TestSites.run("build", "--source", dir.toString(), "--out", dir.resolveSibling(dir.getFileName() + "-1").toString(),
                "--portal", "phuong-1", "--no-search");
        assertEquals(0, ok.exit(), ok.err());
        TestSites.Run ward2 = TestSites.run("build", "--source", dir.toString(), "--out", dir.resolveSibling(dir.getFileName() + "-2").toString(),
                "--portal", "phuong-2", "--no-search");
        assertEquals(1, ward2.exit());
        assertEquals(List.of(dir + "/a.md:5: lỗi: liên kết tới \"to-hoa-giai.html\" không tìm thấy trang hoặc tệp nào"),
                TestSites.problemLines(ward2.err()));
    }

    static long count(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.count();
        }
    }
}
