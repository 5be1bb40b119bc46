package camnang.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, item 3: the mediation teams and the yearly results of each portal, read from
 * {@code _du-lieu/} and shown as tables with an inline SVG chart; bad data files as
 * {@code path:line} errors that fail the build and keep the previous output.
 */
class DataPagesTest {
    static final String SITE_YAML = """
            title: Cẩm nang thử
            portals:
              - id: tp
                name: Thành phố Thử
                city: true
              - id: phuong-1
                name: Phường 1
              - id: phuong-2
                name: Phường 2
              - id: xa-a
                name: Xã A
            """;
    /** With a byte-order mark, Windows line ends and quoted fields, as Excel saves "CSV UTF-8". */
    static final String TEAMS = "\uFEFFcong,to_hoa_giai,dia_ban,to_truong,thanh_vien,dien_thoai\r\n"
            + "phuong-1,Tổ hòa giải khóm 1,Khóm 1,Nguyễn Văn A,\"Trần Thị B; Lê Văn C\",0277 3861 234\r\n"
            + "phuong-1,\"Tổ hòa giải khóm 2, 3\",\"Khóm 2, khóm 3\",(đang cập nhật),,\"0277 111 222, +84 909 000 111\"\r\n"
            + "\r\n"
            + "phuong-2,Tổ hòa giải khóm 5,Khóm 5,Phạm Văn D,,\r\n";
    static final String RESULTS = """
            cong,nam,hoa_giai_vien_tap_huan,vu_viec_tiep_nhan,vu_viec_hoa_giai_thanh
            phuong-1,2023,40,18,15
            phuong-1,2024,1.250,20,18
            phuong-2,2024,30,10,10
            xa-a,2024,12,0,0
            """;

    @TempDir
    static Path tmp;
    static Path src;
    static Path out;
    static TestSites.Run run;

    @BeforeAll
    static void build() {
        src = TestSites.write(tmp.resolve("content"), Map.of(
                "site.yaml", SITE_YAML,
                "_du-lieu/to-hoa-giai.csv", TEAMS,
                "_du-lieu/ket-qua.csv", RESULTS,
                "_du-lieu/ghi-chu.md", "# Không phải một trang\n",
                "huong-dan.md", "---\ntitle: Hướng dẫn\n---\nNội dung.\n"));
        out = tmp.resolve("site");
        run = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--all-portals", "--no-search");
        assertEquals(0, run.exit(), run.err());
    }

    private static Document page(String portal, String path) throws IOException {
        return Jsoup.parse(out.resolve(portal).resolve(path).toFile(), "UTF-8");
    }

    /** Each row of a table as its cells' text joined by " | ", header cells included. */
    private static List<String> rows(Element table, String part) {
        List<String> out = new ArrayList<>();
        for (Element tr : table.select(part + " tr")) {
            out.add(String.join(" | ", tr.children().stream().map(Element::text).toList()));
        }
        return out;
    }

    @Test
    void aWardsTeamsPageListsItsTeamsOnlyWithPhoneLinks() throws IOException {
        Document d = page("phuong-1", "to-hoa-giai.html");
        assertEquals("Tổ hòa giải ở cơ sở", d.selectFirst("h1").text());
        assertEquals("Tổ hòa giải ở cơ sở · Cẩm nang thử", d.title());
        assertEquals("Danh sách tổ hòa giải ở cơ sở của Phường 1: địa bàn, tổ trưởng, thành viên và số điện thoại liên hệ.",
                d.selectFirst(".mo-ta").text());
        Element table = d.selectFirst("table.bang-to-hoa-giai");
        assertEquals("Các tổ hòa giải của Phường 1 (2 tổ)", table.selectFirst("caption").text());
        assertEquals(List.of("Tổ hòa giải | Địa bàn | Tổ trưởng | Thành viên | Điện thoại"), rows(table, "thead"));
        assertEquals(List.of("col"), table.select("thead th").eachAttr("scope").stream().distinct().toList());
        assertEquals(List.of(
                "Tổ hòa giải khóm 1 | Khóm 1 | Nguyễn Văn A | Trần Thị B, Lê Văn C | 0277 3861 234",
                "Tổ hòa giải khóm 2, 3 | Khóm 2, khóm 3 | (đang cập nhật) |  | 0277 111 222 +84 909 000 111"), rows(table, "tbody"));
        assertEquals(List.of("row", "row"), table.select("tbody th").eachAttr("scope"));
        assertEquals(List.of("tel:02773861234", "tel:0277111222", "tel:+84909000111"), table.select("a.dien-thoai").eachAttr("href"));
        assertTrue(d.select("main h2").isEmpty(), "a ward's own page has no group headings");
        assertEquals(List.of("Trang chủ", "Tổ hòa giải ở cơ sở"), d.select(".duong-dan li").eachText());
        assertEquals(List.of("Tổ hòa giải khóm 5 | Khóm 5 | Phạm Văn D |  | "),
                rows(page("phuong-2", "to-hoa-giai.html").selectFirst("table"), "tbody"));
    }

    @Test
    void theCitysTeamsPageGroupsEveryWardsTeamsUnderTheWardsName() throws IOException {
        Document d = page("tp", "to-hoa-giai.html");
        assertEquals("Danh sách tổ hòa giải ở cơ sở của các xã, phường thuộc thành phố Thử: địa bàn, tổ trưởng, thành viên "
                + "và số điện thoại liên hệ.", d.selectFirst(".mo-ta").text());
        assertEquals(List.of("Phường 1", "Phường 2"), d.select("main h2").eachText());
        assertEquals(List.of("to-phuong-1", "to-phuong-2"), d.select("main h2").eachAttr("id"));
        assertEquals(List.of("#to-phuong-1", "#to-phuong-2"), d.select(".so-lieu-nhom a").eachAttr("href"));
        assertEquals(List.of("Các tổ hòa giải của Phường 1 (2 tổ)", "Các tổ hòa giải của Phường 2 (1 tổ)"),
                d.select("table caption").eachText());
        assertEquals(List.of("Tổ hòa giải khóm 1", "Tổ hòa giải khóm 2, 3"),
                d.select("#to-phuong-1 ~ div tbody th").eachText());
        assertEquals(List.of("Tổ hòa giải khóm 5"), d.select("section:has(#to-phuong-2) tbody th").eachText());
        assertEquals("Chưa có danh sách tổ hòa giải của: Xã A.", d.selectFirst(".so-lieu-thieu").text());
    }

    @Test
    void aWardsResultsPageHasARowPerYearAndAChartOfTheSameFigures() throws IOException {
        Document d = page("phuong-1", "ket-qua-hoa-giai.html");
        assertEquals("Kết quả hòa giải ở cơ sở", d.selectFirst("h1").text());
        assertTrue(d.selectFirst(".so-lieu-muc-tieu").text().contains("đạt từ 85% trở lên"));
        assertTrue(d.selectFirst(".so-lieu-muc-tieu").text().contains("phải đạt trên 90%"));
        Element table = d.selectFirst("table.bang-ket-qua");
        assertEquals("Kết quả hòa giải ở cơ sở của Phường 1 theo năm", table.selectFirst("caption").text());
        assertEquals(List.of("Năm | Hòa giải viên được tập huấn | Vụ việc tiếp nhận | Vụ việc hòa giải thành | "
                + "Tỷ lệ hòa giải thành | So với mục tiêu 85%"), rows(table, "thead"));
        assertEquals(List.of("2023 | 40 | 18 | 15 | 83,3% | Chưa đạt", "2024 | 1.250 | 20 | 18 | 90,0% | Đạt"), rows(table, "tbody"));
        assertNull(table.selectFirst("tfoot"), "a ward's table has no total");

        Element svg = d.selectFirst("figure svg.bieu-do");
        assertEquals("img", svg.attr("role"));
        assertEquals("bd-theo-nam-ten bd-theo-nam-mo-ta", svg.attr("aria-labelledby"));
        assertEquals("Tỷ lệ hòa giải thành của Phường 1 qua các năm", svg.selectFirst("title").text());
        assertEquals("Năm 2023: 83,3%; Năm 2024: 90,0%. Mục tiêu của Kế hoạch: từ 85% trở lên (đường kẻ liền); xã đạt chuẩn "
                + "nông thôn mới nâng cao, kiểu mẫu: trên 90% (đường kẻ đứt).", svg.selectFirst("desc").text());
        assertEquals(List.of("cot chua-dat", "cot dat"), svg.select("rect").eachAttr("class"));
        // 2.4 px per percent from x = 160: 83,3% is 199.92 px wide, 90% is 216 px; the 85% line at 364.
        assertEquals(List.of("199.92", "216"), svg.select("rect").eachAttr("width"));
        assertEquals("364", svg.selectFirst("line.muc-tieu").attr("x1"));
        assertEquals("376", svg.selectFirst("line.muc-tieu-90").attr("x1"));
        assertTrue(svg.select("text").eachText().containsAll(List.of("Năm 2023", "83,3%", "Năm 2024", "90,0%", "Mục tiêu 85%")));
        assertTrue(d.select("script").stream().allMatch(s -> s.attr("src").contains("search-ui")), "no script of its own");
    }

    @Test
    void theCitysResultsPageHasATablePerYearWithARowPerWardAndTheTotal() throws IOException {
        Document d = page("tp", "ket-qua-hoa-giai.html");
        assertEquals(List.of("Năm 2024", "Năm 2023"), d.select("main h2").eachText());
        Element y2024 = d.selectFirst("section:has(#nam-2024)");
        Element table = y2024.selectFirst("table");
        assertEquals("Kết quả hòa giải ở cơ sở năm 2024 theo xã, phường", table.selectFirst("caption").text());
        assertEquals("Xã, phường", table.selectFirst("thead th").text());
        assertEquals(List.of(
                "Phường 1 | 1.250 | 20 | 18 | 90,0% | Đạt",
                "Phường 2 | 30 | 10 | 10 | 100,0% | Đạt (trên 90%)",
                "Xã A | 12 | 0 | 0 | không có vụ việc | "), rows(table, "tbody"));
        assertEquals(List.of("Toàn thành phố Thử | 1.292 | 30 | 28 | 93,3% | Đạt (trên 90%)"), rows(table, "tfoot"));
        assertEquals(List.of("row"), table.select("tfoot th").eachAttr("scope"));
        assertNull(y2024.selectFirst(".so-lieu-thieu"), "every ward reported for 2024");
        Element svg = y2024.selectFirst("svg");
        assertEquals("Tỷ lệ hòa giải thành năm 2024 của các xã, phường thuộc thành phố Thử", svg.selectFirst("title").text());
        assertTrue(svg.selectFirst("desc").text().startsWith(
                "Phường 1: 90,0%; Phường 2: 100,0%; Xã A: không có vụ việc; Toàn thành phố Thử: 93,3%. "), svg.selectFirst("desc").text());
        assertEquals(List.of("cot dat", "cot dat", "cot dat tong"), svg.select("rect").eachAttr("class"));
        assertEquals(List.of("216", "240", "223.92"), svg.select("rect").eachAttr("width"));

        Element y2023 = d.selectFirst("section:has(#nam-2023)");
        assertEquals(List.of("Phường 1 | 40 | 18 | 15 | 83,3% | Chưa đạt"), rows(y2023.selectFirst("table"), "tbody"));
        assertEquals(List.of("Toàn thành phố Thử | 40 | 18 | 15 | 83,3% | Chưa đạt"), rows(y2023.selectFirst("table"), "tfoot"));
        assertEquals("Chưa có số liệu năm này của: Phường 2, Xã A.", y2023.selectFirst(".so-lieu-thieu").text());
        assertEquals(List.of("cot chua-dat", "cot chua-dat tong"), y2023.select("svg rect").eachAttr("class"));
    }

    @Test
    void eachWardSeesOnlyItsOwnFiguresAndPagesExistOnlyWithData() throws IOException {
        assertEquals(List.of("2024 | 30 | 10 | 10 | 100,0% | Đạt (trên 90%)"),
                rows(page("phuong-2", "ket-qua-hoa-giai.html").selectFirst("table"), "tbody"));
        assertEquals(List.of("2024 | 12 | 0 | 0 | không có vụ việc | "),
                rows(page("xa-a", "ket-qua-hoa-giai.html").selectFirst("table"), "tbody"));
        assertEquals("không có vụ việc", page("xa-a", "ket-qua-hoa-giai.html").select("svg text").get(1).text());
        assertFalse(Files.exists(out.resolve("xa-a/to-hoa-giai.html")), "Xã A has no team in the data");
        assertEquals(List.of("Kết quả hòa giải"), page("xa-a", "index.html").select("footer a[href=\"ket-qua-hoa-giai.html\"]").eachText());
        assertTrue(page("xa-a", "index.html").select("footer a[href=\"to-hoa-giai.html\"]").isEmpty());
        Document p1 = page("phuong-1", "huong-dan.html");
        assertEquals(List.of("to-hoa-giai.html", "ket-qua-hoa-giai.html"),
                p1.select("footer a[href~=(to-hoa-giai|ket-qua-hoa-giai).html]").eachAttr("href"));
    }

    @Test
    void theDataFolderIsNeitherPublishedNorASection() throws IOException {
        for (String portal : List.of("tp", "phuong-1", "xa-a")) {
            assertFalse(Files.exists(out.resolve(portal).resolve("_du-lieu")), portal);
            assertFalse(Files.exists(out.resolve(portal).resolve("_du-lieu/ghi-chu.html")), portal);
            assertTrue(page(portal, "index.html").select("a[href*=du-lieu]").isEmpty(), portal);
            // Every link of the site resolves but those to the other portals' folders beside it.
            List<String> broken = TestSites.brokenLinks(out.resolve(portal)).stream()
                    .filter(l -> !l.matches(".*: (\\.\\./)+[a-z0-9-]+/index\\.html \\(leaves the output folder\\)")).toList();
            assertEquals(List.of(), broken, portal);
        }
        assertTrue(run.err().contains(src + "/_du-lieu/ghi-chu.md: lưu ý: tệp này không được dùng và không được đăng lên trang"),
                run.err());
    }

    @Test
    void theSameDataGivesTheSameBytes(@TempDir Path again) throws IOException {
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", again.toString(), "--portal", "tp",
                "--no-search");
        assertEquals(0, r.exit(), r.err());
        // --portal writes no sibling links, --all-portals does: compare the chart, which is the same in both.
        for (String f : List.of("ket-qua-hoa-giai.html")) {
            String a = Jsoup.parse(out.resolve("tp").resolve(f).toFile(), "UTF-8").select("svg").outerHtml();
            String b = Jsoup.parse(again.resolve(f).toFile(), "UTF-8").select("svg").outerHtml();
            assertEquals(a, b);
        }
        TestSites.Run twice = TestSites.run("build", "--source", src.toString(), "--out", again.resolve("2").toString(),
                "--portal", "tp", "--no-search");
        assertEquals(0, twice.exit(), twice.err());
        for (String f : List.of("ket-qua-hoa-giai.html", "to-hoa-giai.html")) {
            assertArrayEquals(Files.readAllBytes(again.resolve(f)), Files.readAllBytes(again.resolve("2").resolve(f)), f);
        }
    }

    @Test
    void yamlFilesVietnameseColumnNamesAndSitesWithoutPortals(@TempDir Path dir) throws IOException {
        Path s = TestSites.write(dir.resolve("content"), Map.of(
                "site.yaml", "title: Một xã\n",
                "a.md", "---\ntitle: A\n---\nA.\n",
                "_du-lieu/to-hoa-giai.yaml", """
                        - to_hoa_giai: Tổ hòa giải ấp 1
                          dia_ban: Ấp 1
                          to_truong: (đang cập nhật)
                          thanh_vien: [Người một, Người hai]
                          dien_thoai: ""
                          cong:
                        """,
                // Column names as staff type them in Excel, with Excel's row numbers; semicolons, as Excel
                // writes CSV on a computer set to Vietnamese number format.
                "_du-lieu/ket-qua.csv", "STT;Cổng;Năm;Hòa giải viên tập huấn;Vụ việc tiếp nhận;Vụ việc hòa giải thành\n"
                        + "1;;2024;5;8;7\n"));
        TestSites.Run r = TestSites.run("build", "--source", s.toString(), "--out", dir.resolve("out").toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        Document teams = Jsoup.parse(dir.resolve("out/to-hoa-giai.html").toFile(), "UTF-8");
        assertEquals("Các tổ hòa giải (1 tổ)", teams.selectFirst("caption").text());
        assertEquals(List.of("Tổ hòa giải ấp 1 | Ấp 1 | (đang cập nhật) | Người một, Người hai | "),
                rows(teams.selectFirst("table"), "tbody"));
        Document results = Jsoup.parse(dir.resolve("out/ket-qua-hoa-giai.html").toFile(), "UTF-8");
        assertEquals("Kết quả hòa giải ở cơ sở theo năm", results.selectFirst("caption").text());
        assertEquals(List.of("2024 | 5 | 8 | 7 | 87,5% | Đạt"), rows(results.selectFirst("table"), "tbody"));
    }

    // --- Bad data: exact path:line messages, exit 1, the previous output kept (as ErrorsTest does for pages).

    private record Failing(Path src, Path out, Map<String, byte[]> before) {
    }

    /** A good build of a small site with portals, to fail afterwards. */
    private static Failing goodBuild(Path dir) {
        Path s = TestSites.write(dir.resolve("content"), Map.of("site.yaml", SITE_YAML, "a.md", "---\ntitle: A\n---\nA.\n",
                "_du-lieu/ket-qua.csv", RESULTS, "_du-lieu/to-hoa-giai.csv", TEAMS));
        Path o = dir.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", s.toString(), "--out", o.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        Map<String, byte[]> before = TestSites.tree(o);
        assertTrue(before.containsKey("ket-qua-hoa-giai.html"));
        return new Failing(s, o, before);
    }

    /** Writes {@code files}, builds, and checks the exact problem lines, exit 1 and the untouched output; returns stderr. */
    private static String failingBuild(Failing f, Map<String, String> files, String... expected) {
        TestSites.write(f.src(), files);
        TestSites.Run r = TestSites.run("build", "--source", f.src().toString(), "--out", f.out().toString(), "--no-search");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        List<String> want = new ArrayList<>();
        for (String e : expected) {
            want.add(f.src() + "/" + e);
        }
        assertEquals(want, TestSites.problemLines(r.err()), r.err());
        Map<String, byte[]> after = TestSites.tree(f.out());
        assertEquals(f.before().keySet(), after.keySet());
        f.before().forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
        return r.err();
    }

    private static String results(String... rows) {
        return "cong,nam,hoa_giai_vien_tap_huan,vu_viec_tiep_nhan,vu_viec_hoa_giai_thanh\n" + String.join("\n", rows) + "\n";
    }

    @Test
    void missingColumnIsAnErrorOnLineOne(@TempDir Path dir) {
        Failing f = goodBuild(dir);
        String err = failingBuild(f, Map.of("_du-lieu/ket-qua.csv", "cong,nam,hoa_giai_vien_tap_huan,vu_viec_tiep_nhan\nphuong-1,2024,4,5\n"),
                "_du-lieu/ket-qua.csv:1: lỗi: thiếu cột \"vu_viec_hoa_giai_thanh\"");
        assertTrue(err.contains("\n    → Dòng đầu của tệp ghi tên các cột, cách nhau bằng dấu phẩy: cong, nam, hoa_giai_vien_tap_huan, "
                + "vu_viec_tiep_nhan, vu_viec_hoa_giai_thanh, ghi_chu.\n"), err);
        err = failingBuild(f, Map.of("_du-lieu/ket-qua.csv", results("phuong-1,2024,4,5,3").replace("_thanh,", "_than,")
                        .replace("vu_viec_hoa_giai_thanh\n", "vu_viec_hoa_giai_than\n") + "\n"),
                "_du-lieu/ket-qua.csv:1: lỗi: thiếu cột \"vu_viec_hoa_giai_thanh\"");
        assertTrue(err.contains("\n    → Có phải cột \"vu_viec_hoa_giai_than\" là cột này? Sửa tên thành \"vu_viec_hoa_giai_thanh\".\n"), err);
        failingBuild(f, Map.of("_du-lieu/ket-qua.csv", results("phuong-1,2024,4,5,3").replace("\n", ",so_hoa_giai_vien\n")
                        .replaceFirst("3,so_hoa_giai_vien", "3,9")),
                "_du-lieu/ket-qua.csv:1: lỗi: cột \"so_hoa_giai_vien\" không được dùng");
    }

    @Test
    void badNumbersAreErrorsAtTheirLines(@TempDir Path dir) {
        Failing f = goodBuild(dir);
        String err = failingBuild(f, Map.of("_du-lieu/ket-qua.csv", results(
                        "phuong-1,2023,40,18,15",
                        "phuong-1,2024,bốn mươi,20,18",
                        "phuong-2,2024,30,-3,0",
                        "xa-a,2024,12,10,12",
                        "xa-a,2023,12,10,",
                        "xa-a,24,1,1,1",
                        "phuong-1,2023,1,1,1")),
                "_du-lieu/ket-qua.csv:3: lỗi: cột hoa_giai_vien_tap_huan: \"bốn mươi\" không phải là số",
                "_du-lieu/ket-qua.csv:4: lỗi: cột vu_viec_tiep_nhan: số âm (-3)",
                "_du-lieu/ket-qua.csv:5: lỗi: số vụ việc hòa giải thành (12) lớn hơn số vụ việc tiếp nhận (10)",
                "_du-lieu/ket-qua.csv:6: lỗi: chưa ghi số ở cột vu_viec_hoa_giai_thanh",
                "_du-lieu/ket-qua.csv:7: lỗi: cột nam: \"24\" không phải là năm",
                "_du-lieu/ket-qua.csv:8: lỗi: số liệu năm 2023 của Phường 1 đã có ở dòng 2");
        assertTrue(err.contains("không phải là số\n    → Ghi số nguyên bằng chữ số, ví dụ 12 (không ghi chữ, không có phần thập phân).\n"), err);
        assertTrue(err.contains("số âm (-3)\n    → Số người, số vụ việc không thể âm; kiểm tra lại số liệu của dòng này.\n"), err);
        assertTrue(err.contains("(10)\n    → Vụ việc hòa giải thành là một phần của vụ việc tiếp nhận; kiểm tra lại hai cột "
                + "vu_viec_hoa_giai_thanh và vu_viec_tiep_nhan.\n"), err);
    }

    @Test
    void unknownPortalIsAnErrorWithDidYouMean(@TempDir Path dir) {
        Failing f = goodBuild(dir);
        String err = failingBuild(f, Map.of("_du-lieu/ket-qua.csv", results(
                        "phuong-1,2023,40,18,15",
                        "phuong-7,2024,1,1,1",
                        "Phường 2,2024,1,1,1",
                        "tp,2024,1,1,1",
                        ",2024,1,1,1")),
                "_du-lieu/ket-qua.csv:3: lỗi: không có cổng thông tin \"phuong-7\" trong site.yaml",
                "_du-lieu/ket-qua.csv:4: lỗi: không có cổng thông tin \"Phường 2\" trong site.yaml",
                "_du-lieu/ket-qua.csv:5: lỗi: \"tp\" là cổng của thành phố, kết quả của thành phố được cộng từ các xã, phường",
                "_du-lieu/ket-qua.csv:6: lỗi: chưa ghi cổng thông tin (cột cong)");
        assertTrue(err.contains("\"phuong-7\" trong site.yaml\n    → Có phải ý bạn là \"phuong-1\"? Ghi mã của xã, phường như trong "
                + "site.yaml: phuong-1, phuong-2, xa-a.\n"), err);
        assertTrue(err.contains("\"Phường 2\" trong site.yaml\n    → Có phải ý bạn là \"phuong-2\"?"), err);
    }

    @Test
    void rowWithTheWrongNumberOfFieldsAndOtherTeamErrors(@TempDir Path dir) {
        Failing f = goodBuild(dir);
        String err = failingBuild(f, Map.of("_du-lieu/to-hoa-giai.csv", """
                        cong,to_hoa_giai,dia_ban,to_truong,thanh_vien,dien_thoai
                        phuong-1,Tổ hòa giải khóm 1,Khóm 1,Nguyễn Văn A,Trần Thị B
                        phuong-1,Tổ hòa giải khóm 2,Khóm 2, khóm 3,Lê Văn C,,0277 111 222
                        phuong-1,,Khóm 4,,,
                        phuong-2,Tổ hòa giải khóm 5,Khóm 5,,,gọi ủy ban
                        phuong-2,tổ hòa giải khóm 5,Khóm 5,,,
                        phuong-2,"Tổ hòa giải
                        khóm 6",Khóm 6,,,
                        tp,Tổ của thành phố,,,,
                        """),
                "_du-lieu/to-hoa-giai.csv:2: lỗi: dòng có 5 ô, trong khi dòng đầu có 6 cột",
                "_du-lieu/to-hoa-giai.csv:3: lỗi: dòng có 7 ô, trong khi dòng đầu có 6 cột",
                "_du-lieu/to-hoa-giai.csv:4: lỗi: chưa ghi tên tổ hòa giải (cột to_hoa_giai)",
                "_du-lieu/to-hoa-giai.csv:5: lỗi: số điện thoại \"gọi ủy ban\" không hợp lệ",
                "_du-lieu/to-hoa-giai.csv:9: lỗi: \"tp\" là cổng của thành phố, tổ hòa giải thuộc xã, phường");
        assertTrue(err.contains("6 cột\n    → Mỗi dòng cần đủ 6 ô, cách nhau bằng dấu phẩy; ô có dấu phẩy bên trong thì đặt trong ngoặc kép, "
                + "ví dụ \"Khóm 1, khóm 2\".\n"), err);
        // (Line 6 repeats line 5's team, but line 5 was left out; lines 7-8 are one quoted cell, and fine.)
        failingBuild(f, Map.of("_du-lieu/to-hoa-giai.csv", """
                        cong,to_hoa_giai,dia_ban,to_truong,thanh_vien,dien_thoai
                        phuong-2,Tổ hòa giải khóm 5,Khóm 5,,,
                        phuong-2,tổ hòa giải khóm 5,Khóm 5,,,
                        """),
                "_du-lieu/to-hoa-giai.csv:3: lỗi: tổ hòa giải \"tổ hòa giải khóm 5\" của Phường 2 đã có ở dòng 2");
        failingBuild(f, Map.of("_du-lieu/to-hoa-giai.csv", """
                        cong,to_hoa_giai,dia_ban,to_truong,thanh_vien,dien_thoai
                        phuong-2,Tổ hòa giải khóm 5,Khóm 5,,,
                        phuong-2,"Tổ hòa giải khóm 6,Khóm 6,,,
                        """),
                "_du-lieu/to-hoa-giai.csv:3: lỗi: dấu ngoặc kép (\") mở ở dòng này không được đóng");
    }

    @Test
    void aFileThatIsNotCsvOrBothFormatsAtOnce(@TempDir Path dir) {
        Failing f = goodBuild(dir);
        TestSites.writeBytes(f.src(), "_du-lieu/ket-qua.csv", new byte[] {'P', 'K', 3, 4, 0, 0});
        failingBuild(f, Map.of("_du-lieu/to-hoa-giai.yaml", "- cong: phuong-1\n  to_hoa_giai: Tổ một\n"),
                "_du-lieu/ket-qua.csv:1: lỗi: đây là tệp Excel (.xlsx), không phải tệp CSV",
                "_du-lieu/to-hoa-giai.yaml: lỗi: có cả to-hoa-giai.csv và to-hoa-giai.yaml cho cùng một số liệu");
    }

    @Test
    void yamlErrorsNameTheKeysLine(@TempDir Path dir) {
        Failing f = goodBuild(dir);
        try {
            Files.delete(f.src().resolve("_du-lieu/ket-qua.csv"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        failingBuild(f, Map.of("_du-lieu/ket-qua.yaml", """
                        - cong: phuong-1
                          nam: 2024
                          hoa_giai_vien_tap_huan: 4
                          vu_viec_tiep_nhan: 5
                          vu_viec_hoa_giai_thanh: sáu
                        - cong: phuong-2
                          nam: 2024
                          vu_viec_tiep_nhan: 5
                          vu_viec_hoa_giai_thanh: 1
                        """),
                "_du-lieu/ket-qua.yaml:5: lỗi: khóa vu_viec_hoa_giai_thanh: \"sáu\" không phải là số",
                "_du-lieu/ket-qua.yaml:6: lỗi: thiếu khóa \"hoa_giai_vien_tap_huan\"");
    }

    // --- The sample site in content/

    @Test
    void theSampleSiteBuildsEveryPortalWithItsSampleFigures(@TempDir Path dir) throws IOException {
        Path o = dir.resolve("site");
        TestSites.Run r = TestSites.run("build", "--all-portals", "--out", o.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("_du-lieu"), "the sample's data files are all used and valid: " + r.err());
        Map<String, Boolean> withData = new LinkedHashMap<>();
        for (String id : List.of("sa-dec", "phuong-1", "phuong-2", "phuong-3", "an-hoa", "tan-khanh-dong")) {
            boolean has = Files.exists(o.resolve(id).resolve("ket-qua-hoa-giai.html"));
            withData.put(id, has);
            assertFalse(Files.exists(o.resolve(id).resolve("_du-lieu")), id);
            List<String> broken = TestSites.brokenLinks(o.resolve(id)).stream()
                    .filter(l -> !l.matches(".*: (\\.\\./)+[a-z0-9-]+/index\\.html \\(leaves the output folder\\)")).toList();
            assertEquals(List.of(), broken, id);
        }
        assertEquals(Map.of("sa-dec", true, "phuong-1", true, "phuong-2", true, "phuong-3", false, "an-hoa", true,
                "tan-khanh-dong", true), withData);
        assertFalse(Files.exists(o.resolve("phuong-2/to-hoa-giai.html")), "the sample lists no team of Phường 2");
        for (String f : List.of("sa-dec/ket-qua-hoa-giai.html", "sa-dec/to-hoa-giai.html", "phuong-1/ket-qua-hoa-giai.html",
                "an-hoa/to-hoa-giai.html")) {
            Document d = Jsoup.parse(o.resolve(f).toFile(), "UTF-8");
            assertTrue(d.selectFirst(".so-lieu-ghi-chu").text().startsWith("Ghi chú: Số liệu minh họa"), f);
        }
        Document city = Jsoup.parse(o.resolve("sa-dec/to-hoa-giai.html").toFile(), "UTF-8");
        assertEquals(List.of("Phường 1", "Phường An Hòa", "Xã Tân Khánh Đông"), city.select("main h2").eachText());
        assertTrue(city.select("a[href^=tel:]").isEmpty(), "no made-up phone numbers");
        String csv = Files.readString(Path.of("content/_du-lieu/to-hoa-giai.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.lines().skip(1).allMatch(l -> l.contains(",(đang cập nhật),(đang cập nhật),,")), "placeholders, not people");
    }
}
