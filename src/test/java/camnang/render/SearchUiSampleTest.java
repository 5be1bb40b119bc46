package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Chromium;
import camnang.TestSites;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search UI with the real engine (camnang.js and the shards of {@code build --search})
 * on the sample site in content/, in headless Chromium, from disk and served over HTTP at a
 * portal's sub-path: results link to existing section anchors, snippets are marked, filters
 * come from the site's facets, and odd queries return cleanly.
 */
class SearchUiSampleTest {
    @TempDir
    static Path tmp;
    static Path site;
    static final AtomicInteger RUNS = new AtomicInteger();
    static final String PREFIX = "/phuong-1/tai-lieu/";

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--search", "--out", site.toString());
        assertEquals(0, r.exit(), r.err());
    }

    static final String SEARCH_PAGE_TEST = """
            async function test() {
              var status = function () { return text("#tk_trang_thai"); };
              // The next answer: a status other than the last one and than the loading message.
              var answer = async function (last) {
                await until(function () { return status() !== last && status().indexOf("Đang") !== 0; });
                await sleep(100);
              };
              await answer("");
              var input = document.getElementById("tk_q");
              var list = document.getElementById("tk_ket_qua");
              var hrefs = function () {
                return Array.from(list.querySelectorAll(".ket-qua-tieu-de a")).map(function (a) { return a.href; }).join("\\n");
              };
              rec("status", text("#tk_trang_thai"));
              rec("hrefs", hrefs());
              rec("snippets", list.querySelectorAll(".ket-qua-trich").length + " marked=" + list.querySelectorAll(".ket-qua-trich mark").length);
              rec("sections", Array.from(document.querySelectorAll("#tk_loc_section option")).map(function (o) {
                return o.value + ":" + o.textContent; }).join("|"));
              var section = document.getElementById("tk_loc_section");
              var last = status();
              section.value = "van-ban";
              section.dispatchEvent(new Event("change"));
              await answer(last);
              rec("vanBan", text("#tk_trang_thai") + "\\n" + hrefs());
              section.value = "";
              var queries = ["hoa giai", "hoà giải", "!!!", "", "hòa giải ".repeat(250), "<img src=x onerror=alert(1)>"];
              for (var i = 0; i < queries.length; i++) {
                last = status();
                input.value = queries[i];
                input.form.requestSubmit();
                await answer(last);
                rec("q" + i, text("#tk_trang_thai") + " | " + document.getElementById("tk_trang_thai").className
                    + " | " + list.children.length);
              }
            }
            """;

    /** Checks that {@code href}, a result's absolute link under {@code base}, names a page of the site and an id in it. */
    private static boolean checkTarget(String href, String base) throws IOException {
        assertTrue(href.startsWith(base), href + " is not under " + base);
        String rel = href.substring(base.length());
        int hash = rel.indexOf('#');
        Path page = site.resolve(URI.create(hash < 0 ? rel : rel.substring(0, hash)).getPath());
        assertTrue(Files.isRegularFile(page), href);
        if (hash < 0) {
            return false;
        }
        String id = URLDecoder.decode(rel.substring(hash + 1), StandardCharsets.UTF_8);
        assertFalse(Jsoup.parse(page.toFile(), "UTF-8").select("[id=" + id + "]").isEmpty(), href);
        return true;
    }

    private static void checkSearchPage(Map<String, String> r, String base) throws IOException {
        assertEquals("Hiện 20 kết quả đầu tiên cho «hòa giải».", r.get("status"));
        List<String> hrefs = r.get("hrefs").lines().toList();
        assertEquals(20, hrefs.size());
        int anchored = 0;
        for (String h : hrefs) {
            anchored += checkTarget(h, base) ? 1 : 0;
        }
        assertTrue(anchored >= 15, "results link inside pages: " + hrefs);
        assertTrue(r.get("snippets").matches("20 marked=\\d{2,}"), r.get("snippets"));
        assertTrue(r.get("sections").startsWith(":Tất cả|can-bo:Dành cho cán bộ|"), r.get("sections"));
        assertTrue(r.get("sections").contains("|van-ban:Văn bản pháp luật"), r.get("sections"));
        assertEquals(1, r.get("sections").split("\\|:").length, "one 'every section' choice: " + r.get("sections"));
        List<String> vanBan = r.get("vanBan").lines().toList();
        assertTrue(vanBan.get(0).endsWith("cho «hòa giải» (đã lọc)."), vanBan.get(0));
        assertTrue(vanBan.size() > 1 && vanBan.stream().skip(1).allMatch(h -> h.startsWith(base + "van-ban/")), vanBan.toString());
        assertTrue(r.get("q0").startsWith("Hiện 20 kết quả đầu tiên cho «hoa giai». | tk-thong-bao | 20"), r.get("q0"));
        assertTrue(r.get("q1").startsWith("Hiện 20 kết quả đầu tiên cho «hoà giải». | tk-thong-bao | 20"), r.get("q1"));
        assertEquals("Không tìm thấy kết quả cho «!!!». | tk-thong-bao | 0", r.get("q2"));
        assertEquals(" | tk-thong-bao | 0", r.get("q3"), "an empty query shows nothing, quietly");
        assertTrue(r.get("q4").matches("(Có \\d+|Hiện 20) kết quả (đầu tiên )?cho «(hòa giải ){8}hòa giải…»\\. \\| tk-thong-bao \\| \\d+"),
                r.get("q4"));
        assertTrue(r.get("q5").contains("cho «<img src=x onerror=alert(1)>»") && !r.get("q5").contains("loi"), r.get("q5"));
    }

    @Test
    void searchPageFromDisk() throws Exception {
        Path dir = PageDriver.copyWith(site, tmp.resolve("run-" + RUNS.incrementAndGet()), "tim-kiem.html", SEARCH_PAGE_TEST);
        String base = dir.toUri().toString();
        Map<String, String> r = PageDriver.run(base + "tim-kiem.html?q=h%C3%B2a+gi%E1%BA%A3i",
                tmp.resolve("profile-" + RUNS.incrementAndGet()));
        checkSearchPage(r, base);
    }

    @Test
    void searchPageServedAtASubPath() throws Exception {
        Path dir = PageDriver.copyWith(site, tmp.resolve("run-" + RUNS.incrementAndGet()), "tim-kiem.html", SEARCH_PAGE_TEST);
        try (Chromium.Served s = Chromium.serve(dir, PREFIX)) {
            Map<String, String> r = PageDriver.run(s.url() + "tim-kiem.html?q=h%C3%B2a+gi%E1%BA%A3i",
                    tmp.resolve("profile-" + RUNS.incrementAndGet()));
            checkSearchPage(r, s.url());
        }
    }

    @Test
    void headerBoxServedAtASubPath() throws Exception {
        Path dir = PageDriver.copyWith(site, tmp.resolve("run-" + RUNS.incrementAndGet()), "nguoi-dan/hoi-dap.html", """
                async function test() {
                  var input = document.getElementById("tk_o");
                  var list = document.getElementById("tk_o_goi_y");
                  var options = function () { return Array.from(list.querySelectorAll("[role=option] a")); };
                  await type(input, "hòa gi", 100);
                  await until(function () { return options().length > 0; });
                  await sleep(300);
                  var links = options();
                  rec("open", attrs(input, ["aria-expanded"]) + " options=" + links.length);
                  rec("hrefs", links.map(function (a) { return a.href; }).join("\\n"));
                  var clicked = "none";
                  list.addEventListener("click", function (e) { clicked = e.target.closest("a").href; e.preventDefault(); });
                  key(input, "ArrowDown");
                  key(input, "ArrowDown");
                  key(input, "Enter");
                  rec("opened", clicked === links[1].href ? "second" : clicked);
                  await type(input, "315/qđ-ttg", 100);
                  await until(function () { return options().length > 0 && options()[0].href !== links[0].href; });
                  await sleep(300);
                  rec("docno", Array.from(list.querySelectorAll("[role=option] a")).slice(0, 3).map(function (a) {
                    return a.getAttribute("href").replace(/^.*tai-lieu\\//, ""); }).join("\\n"));
                }
                """);
        try (Chromium.Served s = Chromium.serve(dir, PREFIX)) {
            Map<String, String> r = PageDriver.run(s.url() + "nguoi-dan/hoi-dap.html", tmp.resolve("profile-" + RUNS.incrementAndGet()));
            assertEquals("aria-expanded=true options=8", r.get("open"));
            for (String h : r.get("hrefs").lines().toList()) {
                checkTarget(h, s.url());
            }
            assertEquals("second", r.get("opened"));
            assertTrue(r.get("docno").lines().anyMatch(h -> h.startsWith("ke-hoach/ke-hoach-trien-khai-de-an-2024.html")),
                    r.get("docno"));
        }
    }
}
