package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Chromium;
import camnang.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Văn bản pháp luật" pages: every legal document in a plain table (the whole list
 * without JavaScript), newest first, a page per issuing body and per type, and in headless
 * Chromium the headers that sort and the filter that hides rows with a live count.
 */
class DocumentsIndexTest {
    @TempDir
    static Path tmp;
    static Path out;
    static final AtomicInteger RUNS = new AtomicInteger();

    private static String doc(String title, String number, String issuer, String date, String status, String extra) {
        return "---\ntitle: " + title + "\nso_hieu: " + number + "\nco_quan_ban_hanh: " + issuer
                + (date.isEmpty() ? "" : "\nngay_ban_hanh: " + date) + "\ntinh_trang: " + status + extra + "\n---\nNội dung.\n";
    }

    @BeforeAll
    static void build() {
        Path src = TestSites.write(tmp.resolve("content"), Map.of(
                "site.yaml", "title: Cẩm nang thử\n",
                "van-ban/luat.md", doc("Luật Hòa giải ở cơ sở", "35/2013/QH13", "Quốc hội", "20/06/2013", "còn hiệu lực",
                        "\ntrich_yeu: Hòa giải ở cơ sở\nloai_van_ban: Luật"),
                "van-ban/nd15.md", doc("Nghị định 15", "15/2014/NĐ-CP", "Chính phủ", "27/02/2014", "còn hiệu lực",
                        "\ntrich_yeu: Quy định chi tiết Luật Hòa giải ở cơ sở"),
                "van-ban/nd160.md", doc("Nghị định 160", "160/1999/NĐ-CP", "Chính phủ", "18/10/1999", "hết hiệu lực", ""),
                "van-ban/tt.md", doc("Thông tư hai", "2/2015/TT-BTP", "Bộ Tư pháp", "", "còn hiệu lực", ""),
                "van-ban/qd.md", doc("Quyết định mười", "10/2015/QĐ-BTP", "Bộ Tư pháp", "", "hết hiệu lực một phần", ""),
                "huong-dan.md", "---\ntitle: Hướng dẫn\n---\nNội dung.\n"));
        out = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }

    private static Document page(Path site, String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    /** Each row as "number | title [href] summary | type | issuer | date <iso> | status". */
    private static List<String> rows(Document d) {
        List<String> out = new ArrayList<>();
        for (Element tr : d.select("table.bang-van-ban tbody tr")) {
            Element name = tr.selectFirst("th[scope=row]");
            Element a = name.selectFirst("a");
            Element time = tr.selectFirst("time");
            out.add(tr.child(0).text() + " | " + a.text() + " [" + a.attr("href") + "]"
                    + (name.select(".phu").isEmpty() ? "" : " " + name.selectFirst(".phu").text()) + " | "
                    + tr.child(2).text() + " | " + tr.child(3).text() + " | "
                    + (time == null ? "" : time.text() + " <" + time.attr("datetime") + ">") + " | " + tr.child(5).text());
        }
        return out;
    }

    static final List<String> ALL = List.of(
            "15/2014/NĐ-CP | Nghị định 15 [../van-ban/nd15.html] Quy định chi tiết Luật Hòa giải ở cơ sở | Nghị định | Chính phủ"
                    + " | 27/02/2014 <2014-02-27> | Còn hiệu lực",
            "35/2013/QH13 | Luật Hòa giải ở cơ sở [../van-ban/luat.html] | Luật | Quốc hội | 20/06/2013 <2013-06-20> | Còn hiệu lực",
            "160/1999/NĐ-CP | Nghị định 160 [../van-ban/nd160.html] | Nghị định | Chính phủ | 18/10/1999 <1999-10-18> | Hết hiệu lực",
            "2/2015/TT-BTP | Thông tư hai [../van-ban/tt.html] | Thông tư | Bộ Tư pháp |  | Còn hiệu lực",
            "10/2015/QĐ-BTP | Quyết định mười [../van-ban/qd.html] | Quyết định | Bộ Tư pháp |  | Hết hiệu lực một phần");

    @Test
    void indexListsEveryDocumentNewestFirstUndatedLastByNumber() throws IOException {
        Document d = page(out, "van-ban-phap-luat/index.html");
        assertEquals("Văn bản pháp luật", d.selectFirst("h1").text());
        assertEquals("Văn bản pháp luật · Cẩm nang thử", d.title());
        assertEquals(ALL, rows(d));
        Element table = d.selectFirst("table.bang-van-ban");
        assertEquals("Danh sách 5 văn bản", table.selectFirst("caption").text());
        assertEquals(List.of("Số hiệu", "Tên, trích yếu", "Loại", "Cơ quan ban hành", "Ngày ban hành", "Tình trạng"),
                table.select("thead th[scope=col]").eachText());
        assertEquals(List.of("Ngày ban hành"), table.select("thead th[aria-sort=descending]").eachText(), "the order it is in");
        assertEquals(List.of("nghi-dinh", "luat", "nghi-dinh", "thong-tu", "quyet-dinh"), table.select("tbody tr").eachAttr("data-loai"));
        assertEquals(List.of("con-hieu-luc", "con-hieu-luc", "het-hieu-luc", "con-hieu-luc", "het-hieu-luc-mot-phan"),
                table.select("tbody tr").eachAttr("data-tinh-trang"));
        assertEquals(List.of("Trang chủ", "Văn bản pháp luật"), d.select(".duong-dan li").eachText());
    }

    @Test
    void indexLinksToEveryIssuerAndTypeWithCounts() throws IOException {
        Document d = page(out, "van-ban-phap-luat/index.html");
        assertEquals(List.of("Bộ Tư pháp (2) co-quan/bo-tu-phap.html", "Chính phủ (2) co-quan/chinh-phu.html",
                "Quốc hội (1) co-quan/quoc-hoi.html"), facets(d, "#vb_theo_co_quan + ul li"));
        assertEquals(List.of("Nghị định (2) loai/nghi-dinh.html", "Luật (1) loai/luat.html", "Quyết định (1) loai/quyet-dinh.html",
                "Thông tư (1) loai/thong-tu.html"), facets(d, "#vb_theo_loai + ul li"));
    }

    private static List<String> facets(Document d, String selector) {
        return d.select(selector).stream().map(li -> li.text() + " " + li.selectFirst("a").attr("href")).toList();
    }

    @Test
    void pagePerIssuerAndPerTypeHoldOnlyTheirDocuments() throws IOException {
        Document gov = page(out, "van-ban-phap-luat/co-quan/chinh-phu.html");
        assertEquals("Cơ quan ban hành: Chính phủ", gov.selectFirst("h1").text());
        assertEquals(List.of(ALL.get(0).replace("../van-ban/", "../../van-ban/"), ALL.get(2).replace("../van-ban/", "../../van-ban/")),
                rows(gov));
        assertEquals(List.of("chinh-phu.html"), gov.select(".vb-nhom a[aria-current=page]").eachAttr("href"));
        assertEquals(List.of("Trang chủ", "Văn bản pháp luật", "Cơ quan ban hành: Chính phủ"), gov.select(".duong-dan li").eachText());
        assertEquals(List.of("../index.html"), gov.select("main a:contains(Xem tất cả 5 văn bản)").eachAttr("href"));

        Document decrees = page(out, "van-ban-phap-luat/loai/nghi-dinh.html");
        assertEquals("Loại văn bản: Nghị định", decrees.selectFirst("h1").text());
        assertEquals(List.of("15/2014/NĐ-CP", "160/1999/NĐ-CP"), decrees.select("tbody td.vb-so").eachText());
        assertTrue(decrees.select("#vb_loai").isEmpty(), "no type filter on a page of one type");
        assertEquals(List.of(":Tất cả", "con-hieu-luc:Còn hiệu lực (1)", "het-hieu-luc:Hết hiệu lực (1)"),
                decrees.select("#vb_tinh_trang option").stream().map(o -> o.val() + ":" + o.text()).toList());
        assertEquals(List.of("2/2015/TT-BTP"), page(out, "van-ban-phap-luat/loai/thong-tu.html").select("tbody td.vb-so").eachText());
        assertEquals(List.of("2/2015/TT-BTP", "10/2015/QĐ-BTP"),
                page(out, "van-ban-phap-luat/co-quan/bo-tu-phap.html").select("tbody td.vb-so").eachText());
    }

    @Test
    void readableWithoutJavaScriptAndScriptOnlyWhereNeeded() throws IOException {
        Document d = page(out, "van-ban-phap-luat/index.html");
        assertTrue(d.selectFirst("#vb_loc").hasAttr("hidden"), "the filter shows only when its script runs");
        assertEquals(5, d.select("tbody tr").size());
        assertEquals(1, d.select("script[src*=van-ban.]").size());
        assertEquals(List.of(":Tất cả", "nghi-dinh:Nghị định (2)", "luat:Luật (1)", "quyet-dinh:Quyết định (1)", "thong-tu:Thông tư (1)"),
                d.select("#vb_loai option").stream().map(o -> o.val() + ":" + o.text()).toList());
        Document plain = page(out, "huong-dan.html");
        assertTrue(plain.select("script[src*=van-ban.]").isEmpty());
        assertEquals(List.of("van-ban-phap-luat/index.html"), plain.select(".chan-trang a:contains(Văn bản pháp luật)").eachAttr("href"));
    }

    @Test
    void siteWithoutLegalDocumentsHasNoIndexNorLink() throws IOException {
        Path src = TestSites.write(tmp.resolve("plain"), Map.of("a.md", "---\ntitle: A\n---\nNội dung.\n"));
        Path site = tmp.resolve("plain-site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", site.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(site.resolve("van-ban-phap-luat")));
        assertTrue(page(site, "a.html").select(".chan-trang a:contains(Văn bản pháp luật)").isEmpty());
    }

    @Test
    void sampleSiteListsItsThreeLawPages() throws IOException {
        Path site = tmp.resolve("sample");
        TestSites.Run r = TestSites.run("build", "--out", site.toString(), "--no-search");
        assertEquals(0, r.exit(), r.err());
        Document d = page(site, "van-ban-phap-luat/index.html");
        assertEquals(List.of("15/2014/NĐ-CP", "35/2013/QH13", "160/1999/NĐ-CP"), d.select("tbody td.vb-so").eachText());
        assertEquals(List.of("../van-ban/nghi-dinh-15-2014-nd-cp.html", "../van-ban/luat-hoa-giai-o-co-so.html",
                "../van-ban/nghi-dinh-160-1999-nd-cp.html"), d.select("tbody th[scope=row] > a").eachAttr("href"));
        assertEquals(List.of("Còn hiệu lực", "Còn hiệu lực", "Hết hiệu lực"), d.select("tbody td:last-child").eachText());
        Element banner = page(site, "van-ban/nghi-dinh-160-1999-nd-cp.html").selectFirst(".bao-hieu-luc");
        assertEquals("Văn bản này đã hết hiệu lực. Văn bản thay thế: Nghị định số 15/2014/NĐ-CP.", banner.text());
        assertEquals(List.of("nghi-dinh-15-2014-nd-cp.html"), banner.select("a").eachAttr("href"));
        assertEquals(List.of(), TestSites.brokenLinks(site));
    }

    // ---- In the browser ---------------------------------------------------------------------

    static final String TABLE_TEST = """
            async function test() {
              var table = document.querySelector("table.bang-van-ban");
              var numbers = function () {
                return Array.from(table.tBodies[0].rows).filter(function (r) { return !r.hidden; })
                    .map(function (r) { return r.cells[0].textContent; }).join(" ");
              };
              var sorted = function () {
                return Array.from(table.tHead.rows[0].cells).map(function (th) {
                  return (th.querySelector("button") ? "button:" : "") + th.textContent.trim() + "=" + th.getAttribute("aria-sort");
                }).join(" | ");
              };
              var live = document.getElementById("vb_dem");
              var clear = function (input) {
                input.value = "";
                input.dispatchEvent(new Event("input", {bubbles: true}));
              };
              rec("form", "hidden=" + document.getElementById("vb_loc").hidden + " " + attrs(live, ["role", "aria-live"]));
              rec("headers", sorted());
              var byNumber = table.tHead.rows[0].cells[0].querySelector("button");
              byNumber.click();
              rec("ascending", numbers() + " | " + table.tHead.rows[0].cells[0].getAttribute("aria-sort")
                  + " | " + table.tHead.rows[0].cells[4].getAttribute("aria-sort") + " | " + live.textContent);
              byNumber.click();
              rec("descending", numbers() + " | " + table.tHead.rows[0].cells[0].getAttribute("aria-sort"));
              table.tHead.rows[0].cells[4].querySelector("button").click();
              rec("byDate", numbers() + " | " + table.tHead.rows[0].cells[4].getAttribute("aria-sort"));
              var box = document.getElementById("vb_tu");
              await type(box, "chinh phu", 50);
              rec("filtered", numbers() + " | " + live.textContent + " | none=" + !document.getElementById("vb_khong_co").hidden);
              await type(box, "nd-cp 160", 50);
              rec("folded", numbers() + " | " + live.textContent);
              clear(box);
              var type_ = document.getElementById("vb_loai");
              type_.value = "thong-tu";
              type_.dispatchEvent(new Event("change", {bubbles: true}));
              rec("byType", numbers() + " | " + live.textContent);
              type_.value = "";
              var status = document.getElementById("vb_tinh_trang");
              status.value = "het-hieu-luc";
              status.dispatchEvent(new Event("change", {bubbles: true}));
              rec("byStatus", numbers() + " | " + live.textContent);
              await type(box, "không có gì", 50);
              rec("nothing", numbers() + " | " + live.textContent + " | none=" + !document.getElementById("vb_khong_co").hidden);
              status.value = "";
              clear(box);
              rec("all", numbers() + " | " + live.textContent);
            }
            """;

    private static void checkTable(Map<String, String> r) {
        assertEquals("hidden=false role=status aria-live=polite", r.get("form"));
        assertEquals("button:Số hiệu=null | button:Tên, trích yếu=null | button:Loại=null | button:Cơ quan ban hành=null"
                + " | button:Ngày ban hành=descending | button:Tình trạng=null", r.get("headers"));
        assertEquals("160/1999/NĐ-CP 35/2013/QH13 15/2014/NĐ-CP 2/2015/TT-BTP 10/2015/QĐ-BTP | ascending | null"
                + " | Đã xếp theo «Số hiệu», tăng dần. Hiện tất cả 5 văn bản.", r.get("ascending"), "by year, then by number");
        assertEquals("10/2015/QĐ-BTP 2/2015/TT-BTP 15/2014/NĐ-CP 35/2013/QH13 160/1999/NĐ-CP | descending", r.get("descending"));
        assertEquals("160/1999/NĐ-CP 35/2013/QH13 15/2014/NĐ-CP 2/2015/TT-BTP 10/2015/QĐ-BTP | ascending", r.get("byDate"),
                "undated last either way");
        assertEquals("160/1999/NĐ-CP 15/2014/NĐ-CP | Hiện 2 trong 5 văn bản. | none=false", r.get("filtered"));
        assertEquals("160/1999/NĐ-CP | Hiện 1 trong 5 văn bản.", r.get("folded"));
        assertEquals("2/2015/TT-BTP | Hiện 1 trong 5 văn bản.", r.get("byType"));
        assertEquals("160/1999/NĐ-CP | Hiện 1 trong 5 văn bản.", r.get("byStatus"));
        assertEquals(" | Không có văn bản nào phù hợp. | none=true", r.get("nothing"));
        assertEquals("160/1999/NĐ-CP 35/2013/QH13 15/2014/NĐ-CP 2/2015/TT-BTP 10/2015/QĐ-BTP | Hiện tất cả 5 văn bản.", r.get("all"));
    }

    @Test
    void headersSortAndTheFilterHidesRowsFromDisk() throws Exception {
        Path dir = PageDriver.copyWith(out, tmp.resolve("run-" + RUNS.incrementAndGet()), "van-ban-phap-luat/index.html", TABLE_TEST);
        checkTable(PageDriver.run(dir.resolve("van-ban-phap-luat/index.html").toUri().toString(),
                tmp.resolve("profile-" + RUNS.incrementAndGet())));
    }

    @Test
    void headersSortAndTheFilterHidesRowsServedAtASubPath() throws Exception {
        Path dir = PageDriver.copyWith(out, tmp.resolve("run-" + RUNS.incrementAndGet()), "van-ban-phap-luat/index.html", TABLE_TEST);
        try (Chromium.Served s = Chromium.serve(dir, "/phuong-1/tai-lieu/")) {
            checkTable(PageDriver.run(s.url() + "van-ban-phap-luat/index.html", tmp.resolve("profile-" + RUNS.incrementAndGet())));
        }
    }
}
