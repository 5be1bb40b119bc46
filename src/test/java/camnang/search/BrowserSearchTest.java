package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Camnang;
import camnang.Chromium;
import camnang.content.SiteConfig;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser's search (camnang.search in site-templates/assets/camnang.js, over the shards
 * the build writes) in real headless Chromium, against Lucene's searcher on the same site:
 * the same top 10 in the same order, with scores equal to 4 significant digits, over file://
 * and over HTTP at a portal's sub-path.
 */
class BrowserSearchTest {
    @TempDir
    Path tmp;

    /** A query for both sides: its text, whether its last word is a prefix, and filters. */
    record Q(String text, boolean prefix, Map<String, String> filters) {
        Q(String text) {
            this(text, false, Map.of());
        }

        static Q prefix(String text) {
            return new Q(text, true, Map.of());
        }
    }

    static final String QUESTION = "người dân có phải trả tiền khi nhờ tổ hòa giải không";

    static final List<Q> SAMPLE = List.of(
            new Q("hòa giải"), new Q("hoà giải"), new Q("hoa giai"), new Q("HÒA GIẢI"),
            new Q(Normalizer.normalize("hòa giải", Normalizer.Form.NFD)),
            new Q(Normalizer.normalize("tổ hoà giải ở cơ sở", Normalizer.Form.NFD)),
            new Q("hòa giải viên"), new Q("hoa giai vien"), new Q("tổ hòa giải"), new Q("to hoa giai"),
            new Q("315/QĐ-TTg"), new Q("315/qd-ttg"), new Q("15/2014/NĐ-CP"), new Q("15/2014/nd-cp"),
            new Q("35/2013/QH13"), new Q("Luật Hòa giải ở cơ sở"), new Q("luat hoa giai o co so"),
            new Q("điều 7"), new Q("dieu 7"), new Q("khoản 2 Điều 8"), new Q(QUESTION),
            new Q(QUESTION + " đúng hay sai?"), new Q("kinh phí"), new Q("kinh phi hoa giai"),
            new Q("thủy"), new Q("thuỷ"), new Q("ủy ban nhân dân"), new Q("uỷ ban nhân dân"), new Q("uy ban"),
            new Q("tranh chấp đất đai"), new Q("tranh chap dat dai"), new Q("mâu thuẫn vợ chồng"),
            new Q("mau thuan vo chong"), new Q("bạo lực gia đình"), new Q("quy định"), new Q("quy dinh"),
            new Q("điều"), new Q("dieu"), new Q("trách nhiệm"), new Q("tiêu chuẩn hòa giải viên"),
            new Q("bầu hòa giải viên"), new Q("công nhận hòa giải thành"), new Q("tòa án"), new Q("toà án"),
            new Q("kế hoạch"), new Q("tập huấn"), new Q("giai đoạn 2024 2026"), new Q("2030"), new Q("thù lao"),
            new Q("xyzzy"), Q.prefix("hòa gi"), Q.prefix("hoa gia"), Q.prefix("tranh ch"), Q.prefix("kinh p"),
            Q.prefix("tiêu chu"), Q.prefix("thù l"), Q.prefix("hoà giải v"), Q.prefix("hoa giai "),
            new Q("hòa giải", false, Map.of("section", "van-ban")),
            new Q("hoa giai", false, Map.of("type", "faq")),
            new Q("hòa giải viên", false, Map.of("audience", "nguoi-dan")),
            // Legal documents: numbers typed in part, citations, and the filters form and status
            // (by value or by label, as a person types it).
            new Q("nđ 15/2014"), new Q("nghị định 15/2014"), new Q("điều 9 luật hòa giải ở cơ sở"),
            new Q("dieu 9 luat hoa giai o co so"), new Q("Điều 9 của Luật Hòa giải ở cơ sở"), new Q("quyền của hòa giải viên"),
            new Q("điều 5 nghị định 15/2014/nđ-cp"), new Q("điều 9"), Q.prefix("điều 9 luật hòa gi"), Q.prefix("nđ 15/20"),
            new Q("nghị định", false, Map.of("status", "het-hieu-luc")),
            new Q("hòa giải", false, Map.of("form", "Luật")),
            new Q("hòa giải", false, Map.of("form", "nghi-dinh", "status", "Còn hiệu lực")),
            new Q(""), new Q("!!! ??? ..."), new Q("<img src=x onerror=alert(1)>"),
            new Q("hòa giải ".repeat(300)));

    @Test
    void browserTopTenEqualsLuceneOnTheSampleSite() throws Exception {
        Path out = build(Path.of("content"), tmp.resolve("site"));
        String page = out.resolve("parity.html").toUri().toString();
        List<List<Hit>> browser = browser(page, out, SAMPLE);
        compare(out, SAMPLE, browser);
        checkSample(out, browser, page.substring(0, page.length() - "parity.html".length()));
    }

    /** The same test as from disk, every query and every check, with the site at a portal's sub-path. */
    @Test
    void sameResultsOverHttpAtASubPath() throws Exception {
        Path out = build(Path.of("content"), tmp.resolve("site"));
        HttpServer server = serve(out, "/phuong-1/tai-lieu/");
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/phuong-1/tai-lieu/";
            List<List<Hit>> browser = browser(base + "parity.html", out, SAMPLE);
            compare(out, SAMPLE, browser);
            checkSample(out, browser, base);
        } finally {
            server.stop(0);
        }
    }

    /**
     * What the issue asks of the sample site's results, wherever the site is opened from
     * ({@code base}, the folder's address): each result links to its page and section there.
     */
    static void checkSample(Path out, List<List<Hit>> browser, String base) throws IOException {
        for (List<Hit> hits : browser) {
            for (Hit h : hits) {
                assertEquals(base + h.url(), h.href());
            }
        }
        Map<String, List<Hit>> by = new java.util.HashMap<>();
        for (int i = 0; i < SAMPLE.size(); i++) {
            by.put(SAMPLE.get(i).text() + (SAMPLE.get(i).prefix() ? "*" : "") + SAMPLE.get(i).filters(), browser.get(i));
        }
        // Both tone styles, and NFD, find the same.
        assertEquals(by.get("hòa giải{}"), by.get("hoà giải{}"));
        assertEquals(by.get("hòa giải{}"), by.get(Normalizer.normalize("hòa giải", Normalizer.Form.NFD) + "{}"));
        assertEquals(by.get("thủy{}"), by.get("thuỷ{}"));
        assertFalse(by.get("hoa giai{}").isEmpty());
        // The plan by its number, typed either way, among the first three.
        for (String q : List.of("315/QĐ-TTg{}", "315/qd-ttg{}")) {
            assertTrue(by.get(q).stream().limit(3).anyMatch(h -> h.url().startsWith("ke-hoach/ke-hoach-trien-khai-de-an-2024.html")),
                    q + " → " + by.get(q));
        }
        // A citizen's question of ten words finds the section that answers it, and the anchor exists.
        Hit top = by.get(QUESTION + "{}").get(0);
        assertEquals("nguoi-dan/hoi-dap.html#nguoi-dan-co-phai-tra-tien-khi-nho-to-hoa-giai-khong", top.url());
        assertEquals(1, Jsoup.parse(out.resolve("nguoi-dan/hoi-dap.html").toFile(), "UTF-8")
                .select("#nguoi-dan-co-phai-tra-tien-khi-nho-to-hoa-giai-khong").size());
        assertEquals(top.url(), by.get(QUESTION + " đúng hay sai?{}").get(0).url());
        // Filters keep only what they name.
        assertTrue(by.get("hòa giải{section=van-ban}").stream().allMatch(h -> h.url().startsWith("van-ban/")));
        // Nothing, punctuation, markup and a 2,000-character query return cleanly.
        assertEquals(List.of(), by.get("{}"));
        assertEquals(List.of(), by.get("!!! ??? ...{}"));
        assertEquals(List.of(), by.get("xyzzy{}"));
        assertTrue(by.get("<img src=x onerror=alert(1)>{}").stream().allMatch(h -> !h.snippet().contains("<img")));
        assertFalse(by.get("hòa giải ".repeat(300) + "{}").isEmpty());
        // Snippets mark the words, escaped.
        assertTrue(by.get("hòa giải{}").get(0).snippet().contains("<mark>"), by.get("hòa giải{}").get(0).snippet());
    }

    @Test
    void exactWordsRankAboveFoldedOnlyMatches() throws Exception {
        Path src = camnang.TestSites.write(tmp.resolve("src"), Map.of(
                "a.md", "---\ntitle: Một\n---\nNói về hóa giái trong thôn.\n",
                "b.md", "---\ntitle: Hai\n---\nNói về hòa giải trong thôn.\n",
                "c.md", "---\ntitle: Ba\n---\nNói về việc khác trong thôn.\n"));
        Path out = build(src, tmp.resolve("site"));
        List<Q> queries = List.of(new Q("hòa giải"), new Q("hoa giai"));
        HttpServer server = serve(out, "/phuong-1/tai-lieu/");
        try {
            for (String page : List.of(out.resolve("parity.html").toUri().toString(),
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/phuong-1/tai-lieu/parity.html")) {
                List<List<Hit>> browser = browser(page, out, queries);
                compare(out, queries, browser);
                assertEquals(List.of("b.html", "a.html"), browser.get(0).stream().map(Hit::url).toList(), page);
                assertTrue(browser.get(0).get(0).score() > browser.get(0).get(1).score(), page);
            }
        } finally {
            server.stop(0);
        }
    }

    /** A slice of the legal corpus: common words, document numbers and prefixes over real legal text. */
    @Test
    void browserTopTenEqualsLuceneOnALegalCorpusSlice() throws Exception {
        Path corpus = Path.of("../shared/corpus/phap-dien");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus) || System.getenv("CI") != null,
                "skipped: ../shared/corpus/phap-dien is absent");
        Path slice = tmp.resolve("slice");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (int i = 0; i < files.size(); i += 19) {
            Path to = slice.resolve(corpus.relativize(files.get(i)).toString());
            Files.createDirectories(to.getParent());
            Files.copy(files.get(i), to);
        }
        Path out = build(slice, tmp.resolve("site"));
        List<Q> queries = List.of(new Q("điều"), new Q("dieu"), new Q("quy định"), new Q("quy dinh"), new Q("hòa giải"),
                new Q("hoa giai"), new Q("đất đai"), new Q("dat dai"), new Q("thuế"), new Q("35/2013/QH13"),
                new Q("luật đất đai"), new Q("bảo hiểm xã hội"), new Q("xử phạt vi phạm hành chính"),
                new Q("trách nhiệm của cơ quan nhà nước"), new Q("nghị định"), new Q("quyền và nghĩa vụ"),
                new Q("phạt tiền từ"), new Q("có hiệu lực thi hành"), Q.prefix("quy đ"), Q.prefix("xử ph"),
                Q.prefix("bảo hi"), Q.prefix("thu"), new Q("ủy ban nhân dân cấp tỉnh"), new Q("uỷ ban nhân dân cấp tỉnh"));
        compare(out, queries, browser(out.resolve("parity.html").toUri().toString(), out, queries));
        // Long articles are cut in their fragments: the rest of their text (g/) must be read and
        // scored by the browser exactly as Lucene scores the whole section.
        assertTrue(restsRead > 0, "no query read the rest of a cut section (g/): the path is not tested");
        // Sections too long for g/ are scored from the chunks of their term file (k/) that hold the
        // query's terms, instead of from the lists they lie far down of (none read without that path);
        // a key's chunk is its hash's (Shards.termChunk), which camnang.js must compute alike.
        assertEquals(14, termsRead, "chunks of long sections' term files (k/) read");
        // A list's blocks after the first give each posting's level, not its tuple: the parity check
        // holds the browser's bounds from them (it fails if the browser reads them as tuples), and the
        // bytes read are theirs (shard format 5, each posting with its tuple: 129 files, fewer of them
        // first blocks in files of their own). A word of one spelling has one list for both its
        // forms (shard format 7): 209 files and 123,804 bytes, not 216 and 128,409.
        assertEquals(209, blockFiles.size(), "posting blocks (p/, q/) read");
        assertEquals(123_804L, bytes(blockFiles), "bytes of the posting blocks (p/, q/) read");
        // Once no unseen section can enter the top 10, the engine reads first the lists that take
        // most off the contenders' bounds per posting, not those of the highest bound: here the
        // common words' next blocks, which every contender is missing from, settle them, where the
        // rarer words' longer blocks did not (read by the highest bound: 17 blocks).
        List<Q> pair = List.of(new Q("hiệu lực"), new Q("có hiệu lực thi hành"));
        compare(out, pair, browser(out.resolve("parity.html").toUri().toString(), out, pair));
        assertEquals(15, blocksRead, "posting blocks read");
        // A contender that no 10 others can pass is shown: its fragment is read first, and only
        // then those of contenders that may not be shown, only as many as the top 10 has places
        // left, since their scores may put the rest out of it (10 + 13 fragments when a batch of
        // 10 was read by the highest upper bound). Files, not sections: 19 before two neighbours'
        // fragments could share one (shard format 8), which these results' do once.
        List<Q> shown = List.of(new Q("bảo hiểm"), new Q("bảo hiểm xã hội"));
        compare(out, shown, browser(out.resolve("parity.html").toUri().toString(), out, shown));
        assertEquals(18, fragmentsRead, "fragments (f/) read");
        // Such a contender whose fragment is cut is settled (from the rest of its text or the lists
        // it is missing from) before any fragment of a contender that may not be shown is read:
        // what that reads also lowers their bounds (10 + 6 fragments when it came after, one of them of 67 KB: a
        // heading that holds its whole article). 17 with shard format 6 (15 with format 5, whose
        // blocks gave every posting's exact share, so tighter lower bounds).
        List<Q> settled = List.of(new Q("đất đai"), new Q("đất đai hành chính"));
        compare(out, settled, browser(out.resolve("parity.html").toUri().toString(), out, settled));
        assertEquals(17, fragmentsRead, "fragments (f/) read");
        // Before reading the fragment of a contender that may not be shown (about a thousand
        // characters), a list's next block is read where it costs less than the fragments of the
        // contenders it may put out (about three characters a posting): 16 fragments and 22 blocks
        // here, 18 and 18 without.
        List<Q> cheap = List.of(new Q("xử phạt"), new Q("vi phạm hành chính"));
        compare(out, cheap, browser(out.resolve("parity.html").toUri().toString(), out, cheap));
        assertEquals(16, fragmentsRead, "fragments (f/) read");
        assertEquals(22, blocksRead, "posting blocks read");
        // Reading lists only to settle contenders stops once a wave no longer takes out a fragment's
        // worth of them (about 2,000 characters) for the postings it reads (about 2 a posting), but
        // not before the fourth such wave, nor while the contenders' fragments would cost more than
        // the rest of the lists: on this slice's short lists they would, and the lists are read to
        // 42 blocks and 11 fragments (35 and 13 without those two conditions; CorpusSearchTest shows
        // the rule at work on the whole corpus; 44 blocks before a word of one spelling had one list
        // for both forms).
        List<Q> settle = List.of(new Q("cơ quan nhà nước có thẩm quyền"));
        compare(out, settle, browser(out.resolve("parity.html").toUri().toString(), out, settle));
        assertEquals(11, fragmentsRead, "fragments (f/) read");
        assertEquals(42, blocksRead, "posting blocks read");
        // Citizens' questions of many words, most of them common, with and without a filter: their
        // lists name thousands of sections, of which a step looks only at the k best and those named
        // since the step before while an unseen section can still enter the top 10.
        List<Q> questions = List.of(new Q("người dân có phải trả tiền khi nhờ tổ hòa giải không"),
                new Q("thu tuc dang ky ket hon can giay to gi"),
                new Q("người lao động bị sa thải trái pháp luật được bồi thường gì"),
                new Q("người lao động bị sa thải trái pháp luật được bồi thường gì", false, Map.of("section", "lao-dong")));
        List<List<Hit>> answers = browser(out.resolve("parity.html").toUri().toString(), out, questions);
        compare(out, questions, answers);
        assertEquals(10, answers.get(2).size());
        assertFalse(answers.get(3).isEmpty(), "the filtered question finds nothing: the filter is not tested");
        assertNotEquals(answers.get(2), answers.get(3));
    }

    /** The bytes of these files. */
    static long bytes(List<Path> files) {
        return files.stream().mapToLong(p -> {
            try {
                return Files.size(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sum();
    }

    /** How many files of the rest of cut sections (g/) the last {@link #browser} run loaded. */
    static volatile int restsRead;

    /** The posting blocks' files ({@code p/}, {@code q/}) the last {@link #browser} run loaded. */
    static volatile List<Path> blockFiles = List.of();

    /** How many chunks of long sections' term files (k/) the last {@link #browser} run loaded. */
    static volatile int termsRead;

    /** How many posting blocks ({@code p/}, {@code q/}) the last {@link #browser} run loaded. */
    static volatile int blocksRead;

    /** How many fragments ({@code f/}) the last {@link #browser} run loaded. */
    static volatile int fragmentsRead;

    /** One result as both sides give it. */
    record Hit(String url, float score, String href, String snippet) {
    }

    static Path build(Path source, Path out) throws IOException {
        Camnang.Report r = Camnang.build(new Camnang.Options(source, out, null, SiteConfig.BrokenLinks.WARN, null, true, true));
        assertTrue(r.ok(), r.problems().toString());
        return out;
    }

    private List<List<Hit>> browser(String url, Path out, List<Q> queries) throws Exception {
        return browser(url, out, queries, tmp);
    }

    /**
     * Runs the queries through camnang.search in headless Chromium (a profile under
     * {@code profiles}); one list of hits per query.
     */
    static List<List<Hit>> browser(String url, Path out, List<Q> queries, Path profiles) throws Exception {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><meta charset=utf-8><pre id=out></pre><pre id=g></pre><pre id=b></pre>"
                + "<script src=\"search/camnang.js\"></script><script>\n"
                // The engine loads each shard by a script element: count those of the rest of cut sections (g/),
                // of posting blocks and of fragments.
                + "var rests = 0, blocks = 0, fragments = 0, terms = 0, blockSrcs = [];\nnew MutationObserver(function (ms) { ms.forEach(function (m) { m.addedNodes.forEach(function (n) {"
                + " if (n.src && /\\/g\\/[0-9]+\\/[0-9]+\\.js$/.test(n.src)) rests++;"
                + " if (n.src && /\\/[pq]\\/[0-9]+\\/[0-9]+\\.js$/.test(n.src)) { blocks++; blockSrcs.push(n.src); }"
                + " if (n.src && /\\/f\\/[0-9]+\\/[0-9]+\\.js$/.test(n.src)) fragments++;"
                + " if (n.src && /\\/k\\/[0-9]+\\/[0-9]+\\.js$/.test(n.src)) terms++; }); }); })"
                + ".observe(document.head, {childList: true});\nvar queries = [");
        for (int i = 0; i < queries.size(); i++) {
            Q q = queries.get(i);
            StringBuilder filters = new StringBuilder("{");
            q.filters().forEach((k, v) -> filters.append(filters.length() > 1 ? "," : "").append(k).append(':')
                    .append(AnalyzerTwinTest.json(v)));
            page.append(i == 0 ? "" : ",").append("{q:").append(AnalyzerTwinTest.json(q.text())).append(",prefix:")
                    .append(q.prefix()).append(",filters:").append(filters).append("}}");
        }
        page.append("];\n(async function () {\n  var lines = [];\n  for (var q of queries) {\n    try {\n"
                + "      var r = await camnang.search(q.q, {limit: 10, prefix: q.prefix, filters: q.filters});\n"
                + "      lines.push(r.map(function (h) { return [h.url, h.score, h.href, h.snippet].join('\\u0001'); }).join('\\u0002'));\n"
                + "    } catch (e) { lines.push('ERROR ' + e.message); }\n  }\n"
                + "  document.getElementById('out').textContent = lines.join('\\n');\n"
                + "  document.getElementById('g').textContent = rests + ' ' + blocks + ' ' + fragments + ' ' + terms;\n"
                + "  document.getElementById('b').textContent = blockSrcs.join('\\n');\n})();\n</script>");
        Files.writeString(out.resolve("parity.html"), page, StandardCharsets.UTF_8);
        String dom = Chromium.dumpDom(url, profiles.resolve("profile-" + System.nanoTime()));
        String text = Jsoup.parse(dom).getElementById("out").wholeText();
        String[] counts = Jsoup.parse(dom).getElementById("g").text().split(" ");
        restsRead = counts[0].isEmpty() ? 0 : Integer.parseInt(counts[0]);
        blocksRead = counts.length < 2 ? 0 : Integer.parseInt(counts[1]);
        fragmentsRead = counts.length < 3 ? 0 : Integer.parseInt(counts[2]);
        termsRead = counts.length < 4 ? 0 : Integer.parseInt(counts[3]);
        List<Path> srcs = new ArrayList<>();
        for (String src : Jsoup.parse(dom).getElementById("b").wholeText().split("\n")) {
            // Over HTTP the files are not looked at.
            if (src.startsWith("file:")) {
                srcs.add(Path.of(java.net.URI.create(src)));
            }
        }
        blockFiles = srcs;
        String[] lines = text.split("\n", -1);
        assertEquals(queries.size(), lines.length, "one line per query: " + text.substring(0, Math.min(500, text.length())));
        List<List<Hit>> all = new ArrayList<>();
        for (String line : lines) {
            assertFalse(line.startsWith("ERROR"), line);
            List<Hit> hits = new ArrayList<>();
            if (!line.isEmpty()) {
                for (String h : line.split("\u0002")) {
                    String[] f = h.split("\u0001", -1);
                    hits.add(new Hit(f[0], Float.parseFloat(f[1]), f[2], f[3]));
                }
            }
            all.add(hits);
        }
        return all;
    }

    /** The browser's top 10 against Lucene's: same URLs in the same order, scores to 4 significant digits. */
    static void compare(Path out, List<Q> queries, List<List<Hit>> browser) {
        StringBuilder report = new StringBuilder();
        int nonEmpty = 0;
        for (int i = 0; i < queries.size(); i++) {
            Q q = queries.get(i);
            List<Search.Hit> lucene = Search.search(out, new Search.Request(q.text(), 10, q.prefix(), q.filters()));
            List<String> expected = lucene.stream().map(h -> h.url() + " " + String.format("%.4g", h.score())).toList();
            List<String> got = browser.get(i).stream().map(h -> h.url() + " " + String.format("%.4g", h.score())).toList();
            if (!expected.equals(got)) {
                report.append("\n").append(q).append("\n  lucene  ").append(expected).append("\n  browser ").append(got);
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertEquals("", report.toString());
        assertTrue(nonEmpty >= queries.size() * 3 / 4, "most queries find something: " + nonEmpty);
    }

    /** A plain static server, as a portal is: the folder {@code root} at {@code prefix}. */
    static HttpServer serve(Path root, String prefix) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(prefix, ex -> {
            String rel = java.net.URLDecoder.decode(ex.getRequestURI().getRawPath().substring(prefix.length()), StandardCharsets.UTF_8);
            Path f = root.resolve(rel).normalize();
            byte[] body = f.startsWith(root) && Files.isRegularFile(f) ? Files.readAllBytes(f) : null;
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                String type = rel.endsWith(".js") ? "text/javascript" : rel.endsWith(".html") ? "text/html" : "application/octet-stream";
                ex.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
            }
            ex.close();
        });
        server.start();
        return server;
    }
}
