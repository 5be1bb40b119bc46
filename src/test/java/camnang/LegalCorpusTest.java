package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 on real legal text: the folder of the legal corpus that holds Luật Hòa giải ở cơ sở
 * (35/2013/QH13), built as a site. Skips when the corpus is not beside the project.
 */
class LegalCorpusTest {
    static final Path FOLDER = Path.of("../shared/corpus/phap-dien/to-tung-va-cac-phuong-thuc-giai-quyet-tranh-chap");
    @TempDir
    static Path tmp;
    static Path out;
    static TestSites.Run run;

    @BeforeAll
    static void build() {
        if (!Files.isDirectory(FOLDER)) {
            return;
        }
        Path src = TestSites.copyTree(FOLDER, tmp.resolve("src").resolve("to-tung"));
        out = tmp.resolve("out");
        run = TestSites.run("build", "--source", src.getParent().toString(), "--out", out.toString(),
                "--broken-links=warn", "--no-search");
    }

    private static Document page() throws Exception {
        assumeTrue(run != null, "the legal corpus is not beside the project (" + FOLDER + "): skipped");
        assertEquals(0, run.exit(), run.err());
        return Jsoup.parse(out.resolve("to-tung/hoa-giai-o-co-so.html").toFile(), "UTF-8");
    }

    @Test
    void allThirtyThreeArticlesOfTheLawHaveAnchorsAndTableOfContentsEntries() throws Exception {
        Document d = page();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 33; i++) {
            expected.add("#dieu-37-1-lq-" + i);
        }
        List<String> toc = d.select(".muc-luc a[href^=#dieu-37-1-lq-]").eachAttr("href");
        assertEquals(expected, toc);
        for (String id : List.of("dieu-37-1-lq-1", "dieu-37-1-lq-9", "dieu-37-1-lq-33")) {
            assertEquals("h4", d.getElementById(id).tagName(), id);
        }
        assertEquals("Điều 37.1.LQ.9. Quyền của hòa giải viên", d.getElementById("dieu-37-1-lq-9").text());
        assertEquals("Chương I. NHỮNG QUY ĐỊNH CHUNG", d.getElementById("chuong-1").text());
    }

    @Test
    void itsMetadataTableBecomesTheMetadataBox() throws Exception {
        Document d = page();
        assertEquals("Số hiệu 35/2013/QH13", d.selectFirst("section.van-ban dl div").text());
        assertTrue(d.select(".noi-dung table").stream().noneMatch(t -> t.text().contains("Số hiệu")), "table left out");
        Document index = Jsoup.parse(out.resolve("van-ban-phap-luat/index.html").toFile(), "UTF-8");
        assertTrue(index.select("a[href=../to-tung/hoa-giai-o-co-so.html]").size() == 1, "listed in the documents index");
    }

    @Test
    void crossReferencesBetweenArticlesAreLinks() throws Exception {
        Document d = page();
        // "(Điều này có nội dung liên quan đến Điều 37.1.LQ.8. …)" under Điều 37.1.LQ.7.
        assertTrue(d.select("a[href=#dieu-37-1-lq-8]").size() >= 2, "links to Điều 37.1.LQ.8");
        // "khoản 4 và khoản 5 Điều 10 của Luật này" inside the law's articles.
        assertTrue(d.select("a[href=#dieu-37-1-lq-10]").stream().anyMatch(a -> a.text().equals("Điều 10 của Luật này")),
                "Điều 10 của Luật này");
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }
}
