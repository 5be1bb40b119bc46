package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index of the sample site, searched as the CLI does. */
class SearchTest {
    static final String PLAN = "ke-hoach/ke-hoach-trien-khai-de-an-2024.html";
    @TempDir
    static Path tmp;
    static Path site;

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        TestSites.Run r = TestSites.run("build", "--out", site.toString(), "--search");
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(site.resolve(SearchIndex.DIR).resolve("write.lock")));
    }

    private static List<String> urls(String q, int n) {
        return Search.search(site, q, n).stream().map(Search.Hit::url).toList();
    }

    @Test
    void documentNumbersInAnyCaseFindThePlan() {
        for (String q : List.of("315/QĐ-TTg", "315/qd-ttg", "315/QD-TTG")) {
            assertTrue(urls(q, 3).stream().anyMatch(u -> u.startsWith(PLAN)), q + " → " + urls(q, 3));
        }
    }

    @Test
    void bothToneStylesAndNfdGiveTheSameResults() {
        List<String> old = urls("hòa giải", 10);
        assertFalse(old.isEmpty());
        assertEquals(old, urls("hoà giải", 10));
        assertEquals(old, urls(Normalizer.normalize("hòa giải", Normalizer.Form.NFD), 10));
        assertFalse(urls("hoa giai", 10).isEmpty());
    }

    @Test
    void aQuestionOfTenWordsFindsTheSectionThatAnswersIt() {
        assertEquals("nguoi-dan/hoi-dap.html#nguoi-dan-co-phai-tra-tien-khi-nho-to-hoa-giai-khong",
                urls("người dân có phải trả tiền khi nhờ tổ hòa giải không", 1).get(0));
        assertEquals("nguoi-dan/hoi-dap.html#nguoi-dan-co-phai-tra-tien-khi-nho-to-hoa-giai-khong",
                urls("nguoi dan co phai tra tien khi nho to hoa giai khong", 1).get(0));
    }

    @Test
    void resultsPointAtTheSectionThatMatches() {
        List<String> top = urls("tiêu chuẩn hòa giải viên", 3);
        assertEquals("van-ban/luat-hoa-giai-o-co-so.html#dieu-7", top.get(0));
        assertTrue(top.contains("hoa-giai-vien/tieu-chuan-va-bau-hoa-giai-vien.html#tieu-chuan-hoa-giai-vien"), top.toString());
    }

    @Test
    void oddQueriesReturnCleanly() {
        assertEquals(List.of(), urls("", 10));
        assertEquals(List.of(), urls("?!… — ;", 10));
        urls("hòa giải ".repeat(250), 10);
        urls("<img src=x onerror=alert(1)>", 10);
    }

    @Test
    void commandLineSearch() {
        TestSites.Run r = TestSites.run("search", "--site", site.toString(), "--json", "--limit", "1", "Điều 7 tiêu chuẩn");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("[\n  {\"url\": \"van-ban/luat-hoa-giai-o-co-so.html#dieu-7\", "
                + "\"title\": \"Luật Hòa giải ở cơ sở số 35/2013/QH13 (tóm tắt từng điều)\", \"heading\": \"Điều 7. Tiêu chuẩn hòa giải viên\", \"score\": "),
                r.out());
        assertEquals(3, r.out().lines().count(), r.out());
        TestSites.Run none = TestSites.run("search", "--site", tmp.resolve("khong-co").toString(), "hòa giải");
        assertEquals(1, none.exit());
    }
}
