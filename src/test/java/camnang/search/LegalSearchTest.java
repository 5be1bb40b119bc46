package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Chromium;
import camnang.TestSites;
import camnang.search.BrowserSearchTest.Hit;
import camnang.search.BrowserSearchTest.Q;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search knows the law (issue 4, item 5), in headless Chromium and on the command line, on the
 * sample site and on a slice of the legal corpus: a document number in each of its forms finds
 * its document, a citation of an article or the article's title finds the article, and the
 * filters by form and status keep only what they name; the browser's top 10 equal Lucene's.
 */
class LegalSearchTest {
    static final Path CORPUS = Path.of("../shared/corpus/phap-dien");
    static final String DECREE = "van-ban/nghi-dinh-15-2014-nd-cp.html";
    static final String EXPIRED = "van-ban/nghi-dinh-160-1999-nd-cp.html";
    static final String ARTICLE_9 = "van-ban/luat-hoa-giai-o-co-so.html#dieu-9";

    @TempDir
    Path tmp;

    /** The queries of the acceptance, with what must come first. */
    static final List<Q> NUMBERS = List.of(new Q("15/2014/ND-CP"), new Q("15/2014/NĐ-CP"), new Q("15/2014/nd-cp"),
            new Q("nđ 15/2014"));
    static final List<Q> ARTICLE = List.of(new Q("điều 9 luật hòa giải ở cơ sở"), new Q("dieu 9 luat hoa giai o co so"),
            new Q("quyền của hòa giải viên"));

    @Test
    void sampleSiteFindsDocumentsByNumberAndArticlesByCitationOrTitle() throws Exception {
        Path out = BrowserSearchTest.build(Path.of("content"), tmp.resolve("site"));
        List<Q> queries = new ArrayList<>(NUMBERS);
        queries.addAll(ARTICLE);
        queries.addAll(List.of(new Q("Điều 9 của Luật Hòa giải ở cơ sở"), new Q("điều 5 nghị định 15/2014/nđ-cp"),
                new Q("nghị định 15/2014")));
        List<List<Hit>> browser = BrowserSearchTest.browser(out.resolve("parity.html").toUri().toString(), out, queries, tmp);
        BrowserSearchTest.compare(out, queries, browser);
        Map<String, String> first = firsts(queries, browser);
        // The number typed whole, in any case and with or without đ, finds the decree itself …
        for (Q q : NUMBERS.subList(0, 3)) {
            assertEquals(DECREE, first.get(q.text()), q.text());
        }
        // … and shortened, a section of it.
        assertEquals(DECREE, page(first.get("nđ 15/2014")), first.get("nđ 15/2014"));
        assertEquals(DECREE, page(first.get("nghị định 15/2014")), first.get("nghị định 15/2014"));
        // The article, by its citation with or without diacritics, and by its title.
        for (Q q : ARTICLE) {
            assertEquals(ARTICLE_9, first.get(q.text()), q.text());
        }
        assertEquals(ARTICLE_9, first.get("Điều 9 của Luật Hòa giải ở cơ sở"));
        assertEquals(DECREE + "#dieu-5", first.get("điều 5 nghị định 15/2014/nđ-cp"));
        // The anchors exist.
        assertEquals(1, Jsoup.parse(out.resolve("van-ban/luat-hoa-giai-o-co-so.html").toFile(), "UTF-8")
                .select("#dieu-9").size());
        // The command line agrees.
        for (Q q : queries) {
            assertEquals(first.get(q.text()), cliFirst(out, q.text()), "camnang search " + q.text());
        }
    }

    /**
     * A citation of an article the site holds is searched by its key alone (one short list),
     * not by the document's words that every article's title repeats; words around it still
     * count; a citation of an article or document the site does not hold is searched by its words.
     */
    @Test
    void aCitationIsSearchedByItsKey() throws Exception {
        Path out = BrowserSearchTest.build(Path.of("content"), tmp.resolve("site"));
        try (org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(
                org.apache.lucene.store.FSDirectory.open(out.resolve(SearchIndex.DIR)))) {
            for (String q : List.of("điều 9 luật hòa giải ở cơ sở", "dieu 9 luat hoa giai o co so",
                    "Điều 9 của Luật Hòa giải ở cơ sở", "điều 9 luật số 35/2013/QH13")) {
                String query = Search.query(q, r, false).toString();
                assertTrue(query.contains("title_cite:9#"), q + " → " + query);
                assertFalse(query.contains("_folded") || query.contains("_bigram") || query.contains("_exact"), q + " → " + query);
            }
            String decree = Search.query("điều 5 nghị định 15/2014/nđ-cp", r, false).toString();
            assertTrue(decree.contains("title_cite:5#nghi dinh 15/2014/nd-cp"), decree);
            String around = Search.query("thù lao điều 9 luật hòa giải ở cơ sở", r, false).toString();
            assertTrue(around.contains("title_cite:9#luat hoa giai o co so") && around.contains("text_folded:thu"), around);
            String missing = Search.query("điều 99 luật hòa giải ở cơ sở", r, false).toString();
            assertFalse(missing.contains("title_cite"), missing);
            assertTrue(missing.contains("title_folded:hoa"), missing);
        }
        List<Q> queries = List.of(new Q("điều 9 luật số 35/2013/QH13"), new Q("thù lao điều 9 luật hòa giải ở cơ sở"),
                new Q("điều 99 luật hòa giải ở cơ sở"));
        List<List<Hit>> browser = BrowserSearchTest.browser(out.resolve("parity.html").toUri().toString(), out, queries, tmp);
        BrowserSearchTest.compare(out, queries, browser);
        assertEquals(ARTICLE_9, browser.get(0).get(0).url());
        assertEquals(ARTICLE_9, browser.get(1).get(0).url());
    }

    @Test
    void filtersByFormAndStatusInTheBrowserAndOnTheCommandLine() throws Exception {
        Path out = BrowserSearchTest.build(Path.of("content"), tmp.resolve("site"));
        List<Q> queries = List.of(
                new Q("nghị định", false, Map.of("status", "Hết hiệu lực")),
                new Q("nghị định", false, Map.of("status", "het-hieu-luc")),
                new Q("nghi dinh", false, Map.of("status", "het hieu luc")),
                new Q("nghị định", false, Map.of("form", "Nghị định", "status", "còn hiệu lực")),
                new Q("hòa giải", false, Map.of("form", "luat")),
                new Q("hòa giải", false, Map.of("form", "nghi-dinh")),
                new Q("hòa giải", false, Map.of("status", "chưa có hiệu lực")));
        List<List<Hit>> browser = BrowserSearchTest.browser(out.resolve("parity.html").toUri().toString(), out, queries, tmp);
        BrowserSearchTest.compare(out, queries, browser);
        // With tình trạng "Hết hiệu lực", only the repealed decree, however the value is written.
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(EXPIRED), pages(browser.get(i)), queries.get(i).toString());
        }
        assertEquals(List.of(DECREE), pages(browser.get(3)));
        assertEquals(List.of("van-ban/luat-hoa-giai-o-co-so.html"), pages(browser.get(4)));
        assertEquals(List.of(DECREE), pages(browser.get(5)), "the repealed decree says less of hòa giải than the ten sections before it");
        assertEquals(List.of(), browser.get(6), "no document of the site is not yet in force");

        TestSites.Run r = TestSites.run("search", "--site", out.toString(), "--status", "Hết hiệu lực", "--json", "nghị định");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(EXPIRED), urls(r.out()).stream().map(LegalSearchTest::page).distinct().toList(), r.out());
        for (String status : List.of("het hieu luc", "HẾT HIỆU LỰC", "het-hieu-luc")) {
            assertEquals(r.out(), TestSites.run("search", "--site", out.toString(), "--status", status, "--json", "nghị định").out(),
                    status);
        }
        TestSites.Run both = TestSites.run("search", "--site", out.toString(), "--form", "nghi dinh", "--status", "còn hiệu lực",
                "--json", "nghị định");
        assertEquals(List.of(DECREE), urls(both.out()).stream().map(LegalSearchTest::page).distinct().toList(), both.out());
        assertTrue(TestSites.run("search", "--help").out().contains("--status=TÌNH_TRẠNG"));
    }

    /** The search page offers the two menus where the site has legal documents, and filters by them. */
    @Test
    void searchPageMenusForFormAndStatus() throws Exception {
        Path out = BrowserSearchTest.build(Path.of("content"), tmp.resolve("site"));
        String url = out.resolve("tim-kiem.html").toUri() + "?q=ngh%E1%BB%8B+%C4%91%E1%BB%8Bnh&status=het-hieu-luc";
        Document page = Jsoup.parse(Chromium.dumpDom(url, tmp.resolve("profile-page")));
        Element box = page.getElementById("tk_bo_loc");
        assertFalse(box.hasAttr("hidden"), box.outerHtml());
        assertEquals("group", box.attr("role"));
        assertEquals("Loại văn bản: form [:Tất cả, luat:Luật, nghi-dinh:Nghị định]", menu(page, "form"));
        assertEquals("Tình trạng hiệu lực: status [:Tất cả, con-hieu-luc:Còn hiệu lực, het-hieu-luc:Hết hiệu lực]",
                menu(page, "status"));
        List<String> results = page.select("#tk_ket_qua > li").stream()
                .map(li -> li.selectFirst("a").attr("href").replaceAll("^.*?/(van-ban/)", "$1") + " | " + li.selectFirst(".phu").text())
                .toList();
        assertFalse(results.isEmpty(), page.getElementById("tk_trang_thai").text());
        for (String r : results) {
            assertTrue(r.startsWith(EXPIRED) && r.endsWith("| Văn bản pháp luật · Nghị định · Hết hiệu lực"), r);
        }
        assertTrue(page.getElementById("tk_trang_thai").text().endsWith("(đã lọc)."), page.getElementById("tk_trang_thai").text());

        // A site without legal documents shows no such menus.
        Path plain = TestSites.write(tmp.resolve("plain"), Map.of("a.md", "---\ntitle: Một\ntype: guide\n---\nNói về hòa giải.\n"));
        Path plainOut = BrowserSearchTest.build(plain, tmp.resolve("plain-site"));
        Document p = Jsoup.parse(Chromium.dumpDom(plainOut.resolve("tim-kiem.html").toUri() + "?q=h%C3%B2a+gi%E1%BA%A3i",
                tmp.resolve("profile-plain")));
        assertEquals(0, p.select("#tk_loc_form, #tk_loc_status").size(), p.getElementById("tk_bo_loc").outerHtml());
        assertFalse(p.select("#tk_ket_qua > li").isEmpty(), p.getElementById("tk_trang_thai").text());
    }

    /**
     * A slice of the legal corpus: the folder of dispute resolution (the Bộ pháp điển's
     * "Hòa giải ở cơ sở" with its code-numbered articles among eleven other topics), two
     * documents of other folders, and the sample's two decrees, so that a number cited all over
     * the slice has a page of its own.
     */
    @Test
    void legalCorpusSliceFindsTheSame() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS) || System.getenv("CI") != null,
                "skipped: " + CORPUS.toAbsolutePath() + " is absent");
        Path slice = tmp.resolve("slice");
        TestSites.copyTree(CORPUS.resolve("to-tung-va-cac-phuong-thuc-giai-quyet-tranh-chap"),
                slice.resolve("to-tung-va-cac-phuong-thuc-giai-quyet-tranh-chap"));
        for (String f : List.of("289-2026-ND-CP.md", "97-2026-TT-BTC.md")) {
            TestSites.writeBytes(slice, f, Files.readAllBytes(CORPUS.resolve(f)));
        }
        for (String f : List.of("nghi-dinh-15-2014-nd-cp.md", "nghi-dinh-160-1999-nd-cp.md")) {
            TestSites.writeBytes(slice, "van-ban/" + f, Files.readAllBytes(Path.of("content/van-ban", f)));
        }
        Path out = BrowserSearchTest.build(slice, tmp.resolve("site"));
        List<Q> queries = new ArrayList<>(NUMBERS);
        queries.addAll(ARTICLE);
        queries.add(new Q("nghị định", false, Map.of("status", "Hết hiệu lực")));
        List<List<Hit>> browser = BrowserSearchTest.browser(out.resolve("parity.html").toUri().toString(), out, queries, tmp);
        BrowserSearchTest.compare(out, queries, browser);
        Map<String, String> first = firsts(queries, browser);
        for (Q q : NUMBERS) {
            assertEquals(DECREE, first.get(q.text()), q.text());
        }
        String article = "to-tung-va-cac-phuong-thuc-giai-quyet-tranh-chap/hoa-giai-o-co-so.html#dieu-37-1-lq-9";
        for (Q q : ARTICLE) {
            assertEquals(article, first.get(q.text()), q.text());
        }
        assertEquals(List.of(EXPIRED), pages(browser.get(queries.size() - 1)));
        for (Q q : queries.subList(0, NUMBERS.size() + ARTICLE.size())) {
            assertEquals(first.get(q.text()), cliFirst(out, q.text()), "camnang search " + q.text());
        }
    }

    private static Map<String, String> firsts(List<Q> queries, List<List<Hit>> browser) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            assertFalse(browser.get(i).isEmpty(), queries.get(i).toString());
            m.put(queries.get(i).text(), browser.get(i).get(0).url());
        }
        return m;
    }

    private static String cliFirst(Path out, String q) {
        TestSites.Run r = TestSites.run("search", "--site", out.toString(), "--json", "--limit", "1", q);
        assertEquals(0, r.exit(), r.err());
        List<String> urls = urls(r.out());
        return urls.isEmpty() ? null : urls.get(0);
    }

    /** The URLs of {@code camnang search --json}, in order. */
    private static List<String> urls(String json) {
        return json.lines().filter(l -> l.contains("\"url\": ")).map(l -> l.replaceAll("^.*?\"url\": \"([^\"]*)\".*$", "$1")).toList();
    }

    private static String page(String url) {
        return url == null ? null : url.replaceAll("#.*$", "");
    }

    private static List<String> pages(List<Hit> hits) {
        return hits.stream().map(h -> page(h.url())).distinct().collect(Collectors.toList());
    }

    /** A filter menu as "label: name [value:text, …]", its label found by its for attribute. */
    private static String menu(Document page, String name) {
        Element s = page.getElementById("tk_loc_" + name);
        if (s == null) {
            return "(none)";
        }
        Element label = page.selectFirst("label[for=tk_loc_" + name + "]");
        return label.text() + ": " + s.attr("name") + " [" + s.select("option").stream()
                .map(o -> o.val() + ":" + o.text()).collect(Collectors.joining(", ")) + "]";
    }
}
