package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Chromium;
import camnang.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * search-ui.js in real headless Chromium, with a stand-in engine whose answers are known
 * and hostile (markup in titles and snippets): the header combobox (ARIA attributes, keys,
 * the live region, the engine loaded only when needed), the search page (address, filters,
 * "more", no results, errors), and that no query or result text ever becomes HTML.
 * A script injected into a copy of the built page ({@link PageDriver}) types into the boxes
 * and records what it sees.
 */
class SearchUiTest {
    @TempDir
    static Path tmp;
    static Path site;
    static final AtomicInteger RUNS = new AtomicInteger();

    /** Follows the engine's contract (camnang.search, camnang.facets) and records every call. */
    static final String STUB_ENGINE = """
            (function () {
              var root = document.currentScript.src.replace(/assets\\/[^\\/]*$/, "");
              var calls = [];
              function hit(i) {
                return {url: "nguoi-dan/hoi-dap.html#muc-" + i, href: root + "nguoi-dan/hoi-dap.html#muc-" + i,
                  title: "Kết quả " + i + " <img src=x onerror=alert(1)>", heading: "Mục " + i, score: 10 - i / 10,
                  snippet: "… về <mark>hòa</mark> <mark>giải</mark> &lt;b&gt;đậm&lt;/b&gt; <img src=x onerror=alert(2)>ở cơ sở …",
                  section: "nguoi-dan", type: "faq", audience: "nguoi-dan"};
              }
              window.camnang = {
                calls: calls,
                search: function (query, options) {
                  calls.push({query: query, options: options});
                  if (query.indexOf("lỗi") >= 0) return Promise.reject(new Error("Không tải được chỉ mục tìm kiếm (thử)."));
                  if (query.indexOf("không có") >= 0) return Promise.resolve([]);
                  var out = [];
                  for (var i = 0; i < Math.min(25, options.limit); i++) out.push(hit(i));
                  return new Promise(function (resolve) { setTimeout(function () { resolve(out); }, 20); });
                },
                facets: function () {
                  return Promise.resolve({
                    section: [{value: "nguoi-dan", label: "Người dân"}, {value: "van-ban", label: "Văn bản"}],
                    type: [{value: "faq", label: "Hỏi đáp"}, {value: "law", label: "Văn bản pháp luật"}],
                    audience: []});
                }
              };
            })();
            """;

    @BeforeAll
    static void build() throws IOException {
        Path templates = TestSites.copyTree(Path.of("site-templates"), tmp.resolve("giao-dien"));
        Files.writeString(templates.resolve("assets/camnang.js"), STUB_ENGINE);
        Path src = TestSites.write(tmp.resolve("content"), Map.of(
                "site.yaml", "title: Cẩm nang thử\n",
                "nguoi-dan/_index.md", "---\ntitle: Người dân\n---\n",
                "nguoi-dan/hoi-dap.md", "---\ntitle: Hỏi đáp\n---\n## Câu một\n\nNội dung về hòa giải.\n"));
        site = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--source", src.toString(), "--out", site.toString(),
                "--templates", templates.toString());
        assertEquals(0, r.exit(), r.err());
    }

    private static Path withDriver(Path built, String page, String test) {
        return PageDriver.copyWith(built, tmp.resolve("run-" + RUNS.incrementAndGet()), page, test);
    }

    private static Map<String, String> run(String url) throws IOException, InterruptedException {
        return PageDriver.run(url, tmp.resolve("profile-" + RUNS.incrementAndGet()));
    }

    static final String COMBOBOX_TEST = """
            async function test() {
              var input = document.getElementById("tk_o");
              var list = document.getElementById(input.getAttribute("aria-controls"));
              var live = document.querySelector(".tim-nhanh [role=status]");
              rec("combobox", attrs(input, ["role", "aria-autocomplete", "aria-expanded", "aria-controls"]));
              rec("listbox", attrs(list, ["role", "aria-label"]) + " hidden=" + list.closest(".goi-y").hidden);
              rec("engineBefore", String(document.querySelectorAll("script[src*='camnang.']").length));
              await type(input, "hòa gi");
              rec("engineAfter", String(document.querySelectorAll("script[src*='camnang.']").length));
              rec("calls", camnang.calls);
              rec("open", attrs(input, ["aria-expanded"]) + " options=" + list.querySelectorAll("[role=option]").length);
              rec("live", live.textContent);
              rec("firstOption", list.querySelector("[role=option]").outerHTML.replace(/href="[^"]*\\/nguoi-dan/, 'href=".../nguoi-dan'));
              var chosen = function () {
                var id = input.getAttribute("aria-activedescendant");
                return id + " " + (id && document.getElementById(id).getAttribute("aria-selected"));
              };
              rec("down", key(input, "ArrowDown") + " " + chosen());
              key(input, "ArrowDown");
              rec("down2", chosen());
              key(input, "ArrowUp");
              rec("up", chosen());
              key(input, "ArrowUp");
              rec("wrap", chosen());
              var clicked = "none";
              list.addEventListener("click", function (e) {
                clicked = e.target.closest("a").href.replace(/^.*\\/nguoi-dan\\//, "nguoi-dan/");
                e.preventDefault();
              });
              rec("enterOnOption", key(input, "Enter") + " " + clicked + " " + attrs(input, ["aria-expanded"]));
              await type(input, "hòa giải");
              rec("left", key(input, "ArrowDown") + " " + key(input, "ArrowLeft") + " " + chosen());
              rec("escape", key(input, "Escape") + " " + attrs(input, ["aria-expanded"]) + " value=" + input.value);
              rec("escape2", key(input, "Escape") + " " + attrs(input, ["aria-expanded"]) + " value=" + input.value);
              await type(input, "không có gì");
              rec("none", attrs(input, ["aria-expanded"]) + " | " + text(".goi-y-loi-nhan") + " | " + live.textContent);
              rec("enterWithoutOption", String(key(input, "Enter")));
              await type(input, "<img src=x onerror=alert(1)>");
              rec("hostileQuery", lastCall().query);
              rec("hostileOption", list.querySelector("[role=option]").textContent);
              await type(input, "lỗi");
              rec("failure", text(".goi-y-loi-nhan") + " | " + live.textContent + " | " + attrs(input, ["aria-expanded"]));
              await sleep(300);
            }
            """;

    private static void checkCombobox(Map<String, String> r) {
        assertEquals("role=combobox aria-autocomplete=list aria-expanded=false aria-controls=tk_o_goi_y", r.get("combobox"));
        assertEquals("role=listbox aria-label=Kết quả tìm nhanh hidden=true", r.get("listbox"));
        assertEquals("0", r.get("engineBefore"), "the engine is not loaded before the reader types");
        assertEquals("1", r.get("engineAfter"));
        assertEquals("[{\"query\":\"hòa gi\",\"options\":{\"limit\":8,\"prefix\":true}}]", r.get("calls"),
                "one search after the pause, the last word as a prefix");
        assertEquals("aria-expanded=true options=8", r.get("open"));
        assertEquals("8 kết quả gợi ý. Dùng phím mũi tên lên, xuống để chọn; Enter để xem tất cả kết quả.", r.get("live"));
        assertEquals("<li class=\"goi-y-muc\" id=\"tk_o_goi_y_0\" role=\"option\" aria-selected=\"false\">"
                + "<a href=\".../nguoi-dan/hoi-dap.html#muc-0\" tabindex=\"-1\"><span class=\"goi-y-tieu-de\">"
                + "Kết quả 0 &lt;img src=x onerror=alert(1)&gt;</span><span class=\"goi-y-phan\">Mục 0</span></a></li>",
                r.get("firstOption"));
        assertEquals("true tk_o_goi_y_0 true", r.get("down"));
        assertEquals("tk_o_goi_y_1 true", r.get("down2"));
        assertEquals("tk_o_goi_y_0 true", r.get("up"));
        assertEquals("tk_o_goi_y_7 true", r.get("wrap"), "up from the first option wraps to the last");
        assertEquals("true nguoi-dan/hoi-dap.html#muc-7 aria-expanded=false", r.get("enterOnOption"));
        assertEquals("true false null null", r.get("left"), "moving the caret leaves the options");
        assertEquals("true aria-expanded=false value=hòa giải", r.get("escape"));
        assertEquals("true aria-expanded=false value=", r.get("escape2"), "a second Escape clears the box");
        assertEquals("aria-expanded=false | Không tìm thấy kết quả cho «không có gì». Nhấn Enter để tìm trên trang kết quả."
                + " | Không tìm thấy kết quả cho «không có gì». Nhấn Enter để tìm trên trang kết quả.", r.get("none"));
        assertEquals("false", r.get("enterWithoutOption"), "Enter without a chosen option submits the form");
        assertEquals("<img src=x onerror=alert(1)>", r.get("hostileQuery"));
        assertEquals("Kết quả 0 <img src=x onerror=alert(1)>Mục 0", r.get("hostileOption"));
        assertEquals("Không tải được chỉ mục tìm kiếm (thử). | Không tải được chỉ mục tìm kiếm (thử). | aria-expanded=false",
                r.get("failure"));
    }

    @Test
    void headerBoxIsAComboboxWithInstantResultsFromDisk() throws Exception {
        Path dir = withDriver(site, "nguoi-dan/hoi-dap.html", COMBOBOX_TEST);
        checkCombobox(run(dir.resolve("nguoi-dan/hoi-dap.html").toUri().toString()));
    }

    @Test
    void headerBoxWorksServedAtASubPath() throws Exception {
        Path dir = withDriver(site, "nguoi-dan/hoi-dap.html", COMBOBOX_TEST);
        try (Chromium.Served s = Chromium.serve(dir, "/phuong-1/tai-lieu/")) {
            checkCombobox(run(s.url() + "nguoi-dan/hoi-dap.html"));
        }
    }

    @Test
    void searchPageFollowsTheAddressFiltersAndShowsMore() throws Exception {
        Path dir = withDriver(site, "tim-kiem.html", """
                async function test() {
                  await sleep(500);
                  var input = document.getElementById("tk_q");
                  var list = document.getElementById("tk_ket_qua");
                  var more = document.getElementById("tk_xem_them");
                  var filters = function () {
                    return Array.from(document.querySelectorAll("#tk_bo_loc select")).map(function (s) {
                      var l = document.querySelector("label[for=" + s.id + "]").textContent;
                      return l + ": " + s.name + "=" + s.value + " [" + Array.from(s.options).map(function (o) {
                        return o.value + ":" + o.textContent; }).join(", ") + "]";
                    }).join("; ");
                  };
                  rec("input", input.value);
                  rec("filters", filters());
                  rec("call", lastCall());
                  rec("status", text("#tk_trang_thai"));
                  rec("results", list.children.length + " hidden=" + list.hidden + " more=" + !more.hidden
                      + " allPages=" + !document.getElementById("tk_tat_ca").hidden);
                  rec("first", list.firstElementChild.outerHTML.replace(/href="[^"]*\\/nguoi-dan/, 'href=".../nguoi-dan'));
                  more.click();
                  await sleep(300);
                  rec("more", list.children.length + " more=" + !more.hidden + " | " + text("#tk_trang_thai")
                      + " | focus=" + document.activeElement.textContent + " | limit=" + lastCall().options.limit);
                  var section = document.getElementById("tk_loc_section");
                  section.value = "";
                  section.dispatchEvent(new Event("change"));
                  await sleep(300);
                  rec("unfiltered", location.search + " | " + document.title + " | " + JSON.stringify(lastCall().options));
                  var type = document.getElementById("tk_loc_type");
                  type.value = "law";
                  input.value = "không có gì";
                  input.form.requestSubmit();
                  await sleep(300);
                  rec("none", location.search + " | " + text("#tk_trang_thai") + " | " + text("#tk_goi_y_sua")
                      + " | results hidden=" + list.hidden + " allPages=" + !document.getElementById("tk_tat_ca").hidden);
                  document.querySelector("#tk_goi_y_sua button").click();
                  await sleep(300);
                  rec("cleared", location.search + " | " + filters() + " | " + JSON.stringify(lastCall().options)
                      + " | " + text("#tk_goi_y_sua"));
                  input.value = "";
                  input.form.requestSubmit();
                  await sleep(300);
                  rec("empty", location.search + " | status=" + text("#tk_trang_thai") + " | results hidden=" + list.hidden
                      + " allPages=" + !document.getElementById("tk_tat_ca").hidden + " | " + document.title);
                }
                """);
        Map<String, String> r = run(dir.resolve("tim-kiem.html").toUri() + "?q=h%C3%B2a+gi%E1%BA%A3i&section=nguoi-dan");
        assertEquals("hòa giải", r.get("input"));
        assertEquals("Mục: section=nguoi-dan [:Tất cả, nguoi-dan:Người dân, van-ban:Văn bản]; "
                + "Loại tài liệu: type= [:Tất cả, faq:Hỏi đáp, law:Văn bản pháp luật]", r.get("filters"),
                "a filter without values (audience) is left out");
        assertEquals("{\"query\":\"hòa giải\",\"options\":{\"limit\":20,\"filters\":{\"section\":\"nguoi-dan\"}}}", r.get("call"));
        assertEquals("Hiện 20 kết quả đầu tiên cho «hòa giải» (đã lọc).", r.get("status"));
        assertEquals("20 hidden=false more=true allPages=false", r.get("results"));
        assertEquals("<li class=\"ket-qua-muc\"><h2 class=\"ket-qua-tieu-de\"><a href=\".../nguoi-dan/hoi-dap.html#muc-0\">"
                + "<span>Kết quả 0 &lt;img src=x onerror=alert(1)&gt;</span><span class=\"ket-qua-phan\">Mục 0</span></a></h2>"
                + "<p class=\"ket-qua-trich\">… về <mark>hòa giải</mark> &lt;b&gt;đậm&lt;/b&gt; ở cơ sở …</p>"
                + "<p class=\"phu\">Người dân · Hỏi đáp</p></li>", r.get("first"),
                "text as text, <mark> kept (two marked words as one), the snippet's stray <img> dropped");
        assertEquals("25 more=false | Có 25 kết quả cho «hòa giải» (đã lọc). | focus=Kết quả 20 <img src=x onerror=alert(1)>Mục 20"
                + " | limit=40", r.get("more"), "after more, focus moves to the first new result");
        assertEquals("?q=h%C3%B2a+gi%E1%BA%A3i | «hòa giải» – Tìm kiếm · Cẩm nang thử | {\"limit\":20,\"filters\":{}}",
                r.get("unfiltered"));
        assertEquals("?q=kh%C3%B4ng+c%C3%B3+g%C3%AC&type=law | Không tìm thấy kết quả cho «không có gì» với bộ lọc đã chọn."
                + " | Gợi ý:Kiểm tra lại chính tả.Dùng ít từ hơn, hoặc từ khác cùng nghĩa.Thử gõ không dấu, ví dụ: hoa giai."
                + "Bỏ bớt bộ lọc. Bỏ mọi bộ lọc | results hidden=true allPages=true", r.get("none"));
        assertTrue(r.get("cleared").startsWith("?q=kh%C3%B4ng+c%C3%B3+g%C3%AC | Mục: section= ["), r.get("cleared"));
        assertTrue(r.get("cleared").contains("Loại tài liệu: type= [") && r.get("cleared").contains("| {\"limit\":20,\"filters\":{}} | "
                + "Gợi ý:Kiểm tra lại chính tả.Dùng ít từ hơn, hoặc từ khác cùng nghĩa.Thử gõ không dấu, ví dụ: hoa giai."),
                r.get("cleared"));
        assertTrue(!r.get("cleared").contains("Bỏ mọi bộ lọc"), r.get("cleared"));
        assertEquals(" | status= | results hidden=true allPages=true | Tìm kiếm · Cẩm nang thử", r.get("empty"));
    }

    @Test
    void hostileQueryInTheAddressIsShownAsText() throws Exception {
        Path dir = withDriver(site, "tim-kiem.html", """
                async function test() {
                  await sleep(500);
                  rec("input", document.getElementById("tk_q").value);
                  rec("status", text("#tk_trang_thai"));
                  rec("title", document.title);
                }
                """);
        Map<String, String> r = run(dir.resolve("tim-kiem.html").toUri() + "?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        assertEquals("<img src=x onerror=alert(1)>", r.get("input"));
        assertEquals("Hiện 20 kết quả đầu tiên cho «<img src=x onerror=alert(1)>».", r.get("status"));
        assertEquals("«<img src=x onerror=alert(1)>» – Tìm kiếm · Cẩm nang thử", r.get("title"));
    }

    @Test
    void aMissingEngineIsReportedAndThePageListRemains() throws Exception {
        Path broken = tmp.resolve("no-engine");
        TestSites.tree(site).forEach((rel, bytes) -> {
            if (!rel.startsWith("assets/camnang.")) {
                TestSites.writeBytes(broken, rel, bytes);
            }
        });
        Path dir = withDriver(broken, "tim-kiem.html", """
                async function test() {
                  await sleep(500);
                  rec("status", text("#tk_trang_thai") + " | " + document.getElementById("tk_trang_thai").className);
                  rec("page", "results hidden=" + document.getElementById("tk_ket_qua").hidden
                      + " allPages=" + !document.getElementById("tk_tat_ca").hidden + " filters hidden=" + document.getElementById("tk_bo_loc").hidden);
                  var input = document.getElementById("tk_o");
                  await type(input, "hòa giải");
                  rec("box", text(".goi-y-loi-nhan") + " | " + attrs(input, ["aria-expanded"]));
                }
                """);
        Map<String, String> r = run(dir.resolve("tim-kiem.html").toUri() + "?q=h%C3%B2a");
        assertEquals("Không tải được công cụ tìm kiếm (tệp camnang.js). Bạn vẫn có thể chọn trang trong danh sách dưới đây."
                + " | tk-thong-bao loi", r.get("status"));
        assertEquals("results hidden=true allPages=true filters hidden=true", r.get("page"));
        assertEquals("Không tải được công cụ tìm kiếm (tệp camnang.js). | aria-expanded=false", r.get("box"));
    }
}
