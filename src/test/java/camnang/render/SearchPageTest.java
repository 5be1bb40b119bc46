package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search box in every header and the search page as written by the build: plain forms
 * that work without JavaScript, and the list of every page a reader browses when it is off.
 */
class SearchPageTest {
    @TempDir
    Path tmp;

    private Path build(Map<String, String> files) {
        Path src = TestSites.write(tmp.resolve("content"), files);
        Path out = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), TestSites.brokenLinks(out));
        return out;
    }

    private static Map<String, String> smallSite() {
        Map<String, String> files = new HashMap<>();
        files.put("site.yaml", "title: Cẩm nang thử\n");
        files.put("gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nVề cẩm nang.\n");
        files.put("nguoi-dan/_index.md", "---\ntitle: Người dân\n---\n");
        files.put("nguoi-dan/hoi-dap.md", "---\ntitle: Hỏi <đáp> & trả lời\nweight: 1\n---\nNội dung.\n");
        files.put("nguoi-dan/cach-yeu-cau.md", "---\ntitle: Cách yêu cầu\nweight: 2\n---\nNội dung.\n");
        files.put("nguoi-dan/mau/_index.md", "---\ntitle: Biểu mẫu\n---\n");
        files.put("nguoi-dan/mau/don.md", "---\ntitle: Đơn yêu cầu\n---\nMẫu đơn.\n");
        return files;
    }

    /** The text of {@code html} from {@code start} up to and including {@code end}. */
    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in\n" + html);
        return html.substring(from, html.indexOf(end, from) + end.length());
    }

    private static String assetPath(Path out, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("assets"))) {
            return "assets/" + files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    @Test
    void everyHeaderHoldsAPlainSearchFormLeadingToTheSearchPage() throws IOException {
        Path out = build(smallSite());
        String engine = assetPath(out, "camnang.");
        String ui = assetPath(out, "search-ui.");
        String nested = Files.readString(out.resolve("nguoi-dan/mau/don.html"));
        assertEquals("""
                <form class="tim-nhanh" role="search" aria-label="Tìm nhanh" action="../../tim-kiem.html" method="get" \
                data-engine="../../%s">
                  <label class="an-chu" for="tk_o">Từ cần tìm</label>
                  <input id="tk_o" type="search" name="q" placeholder="Tìm kiếm…" autocomplete="off" spellcheck="false">
                  <button type="submit">Tìm</button>
                </form>""".formatted(engine).replace("\n", "\n    "), between(nested, "<form class=\"tim-nhanh\"", "</form>"));
        // Only the search page loads the engine up front; every page loads the UI script.
        assertTrue(nested.contains("<script src=\"../../" + ui + "\" defer></script>"), nested);
        assertTrue(!nested.contains("<script src=\"../../" + engine + "\""), nested);
        String search = Files.readString(out.resolve("tim-kiem.html"));
        assertTrue(search.contains("<script src=\"" + engine + "\" defer></script>\n<script src=\"" + ui + "\" defer></script>"),
                search);
        for (String page : List.of("index.html", "gioi-thieu.html", "nguoi-dan/index.html", "nguoi-dan/hoi-dap.html",
                "moi-cap-nhat.html", "chu-de/index.html", "tim-kiem.html", "404.html")) {
            Document d = Jsoup.parse(out.resolve(page).toFile(), "UTF-8");
            var form = d.select("header form[role=search]");
            assertEquals(1, form.size(), page);
            Path action = out.resolve(page).resolveSibling(form.attr("action")).normalize();
            assertEquals(out.resolve("tim-kiem.html"), action, page);
            assertTrue(Files.isRegularFile(out.resolve(page).resolveSibling(form.attr("data-engine")).normalize()), page);
            assertEquals("tk_o", d.select("header label[for]").attr("for"), page);
            assertEquals(1, d.select("#tk_o[name=q]").size(), page);
        }
    }

    @Test
    void searchPageHasAFormAndListsEveryPageBySection() throws IOException {
        Path out = build(smallSite());
        String html = Files.readString(out.resolve("tim-kiem.html"));
        assertTrue(html.contains("<title>Tìm kiếm · Cẩm nang thử</title>"), html);
        assertEquals("""
                <form class="tim-lon" role="search" aria-label="Tìm kiếm" action="tim-kiem.html" method="get">
                  <label for="tk_q">Từ cần tìm</label>
                  <div class="tim-lon-hang">
                    <input id="tk_q" type="search" name="q" autocomplete="off" spellcheck="false">
                    <button type="submit">Tìm</button>
                  </div>
                  <div id="tk_bo_loc" class="bo-loc" role="group" aria-label="Lọc kết quả" hidden></div>
                </form>""", between(html, "<form class=\"tim-lon\"", "</form>"));
        // Nested sections carry their parents' titles; titles are escaped as everywhere else.
        assertEquals("""
                <section id="tk_tat_ca" class="tat-ca-trang" aria-labelledby="tk_tat_ca_tieu_de">
                <h2 id="tk_tat_ca_tieu_de">Tất cả các trang</h2>
                <h3><a href="index.html">Trang chủ</a></h3>
                <ul class="tat-ca">
                <li><a href="gioi-thieu.html">Giới thiệu</a></li>
                </ul>
                <h3><a href="nguoi-dan/index.html">Người dân</a></h3>
                <ul class="tat-ca">
                <li><a href="nguoi-dan/hoi-dap.html">Hỏi &lt;đáp&gt; &amp; trả lời</a></li>
                <li><a href="nguoi-dan/cach-yeu-cau.html">Cách yêu cầu</a></li>
                </ul>
                <h3><a href="nguoi-dan/mau/index.html">Người dân › Biểu mẫu</a></h3>
                <ul class="tat-ca">
                <li><a href="nguoi-dan/mau/don.html">Đơn yêu cầu</a></li>
                </ul>
                </section>""", between(html, "<section id=\"tk_tat_ca\"", "</section>"));
        // What the scripts fill: a live status, results and suggestions, hidden until used.
        Document d = Jsoup.parse(html);
        assertEquals("status", d.select("#tk_trang_thai").attr("role"));
        assertEquals("polite", d.select("#tk_trang_thai").attr("aria-live"));
        assertTrue(d.select("#tk_ket_qua").hasAttr("hidden") && d.select("#tk_goi_y_sua").hasAttr("hidden"));
        assertEquals("Tìm kiếm cần JavaScript. Hãy bật JavaScript trong trình duyệt, hoặc chọn trang trong danh sách dưới đây.",
                d.select("noscript").text().replaceAll("<[^>]+>", ""));
        assertEquals(List.of("Trang chủ", "Tìm kiếm"), d.select(".duong-dan li").eachText());
    }

    @Test
    void aVeryLargeSectionIsLinkedRatherThanListed() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < Views.SEARCH_LIST_PAGES + 3; i++) {
            files.put("van-ban/trang-%03d.md".formatted(i), "---\ntitle: Trang %03d\n---\nNội dung.\n".formatted(i));
        }
        Path out = build(files);
        Document d = Jsoup.parse(out.resolve("tim-kiem.html").toFile(), "UTF-8");
        assertEquals(Views.SEARCH_LIST_PAGES, d.select("#tk_tat_ca li").size());
        assertEquals("Xem đủ " + (Views.SEARCH_LIST_PAGES + 3) + " trang của mục này", d.select("#tk_tat_ca p a").text());
        assertEquals("van-ban/index.html", d.select("#tk_tat_ca p a").attr("href"));
    }

    @Test
    void aPageMayNotTakeTheSearchPagesName() {
        Path src = TestSites.write(tmp.resolve("content"), Map.of("tim-kiem.md", "---\ntitle: Tìm\n---\n"));
        TestSites.Run r = TestSites.run("check", "--source", src.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of(src + "/tim-kiem.md:1: lỗi: đường dẫn đầu ra \"tim-kiem.html\" trùng với trang do camnang tự tạo"),
                TestSites.problemLines(r.err()));
    }
}
