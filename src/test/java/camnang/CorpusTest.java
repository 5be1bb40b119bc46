package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legal corpus (568 real pages written for another generator) builds without edits
 * when broken links are warnings, and every link written into the output resolves.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("../shared/corpus/phap-dien");

    @TempDir
    Path tmp;

    @Test
    void legalCorpusBuildsAndEveryWrittenLinkResolves() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "skipped: " + CORPUS.toAbsolutePath() + " is absent");
        long markdown;
        long indexes;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            List<Path> md = walk.filter(p -> p.toString().endsWith(".md")).toList();
            markdown = md.size();
            indexes = md.stream().filter(p -> p.getFileName().toString().matches("_?index\\.md")).count();
        }
        Path out = tmp.resolve("corpus");
        TestSites.Run r = TestSites.run("build", "--source", CORPUS.toString(), "--out", out.toString(),
                "--broken-links=warn", "--verbose");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Đã xây dựng " + (markdown - indexes) + " trang, "), r.out());
        // Links to pages the corpus lacks are reported with file and line …
        assertTrue(r.err().contains(CORPUS + "/an-ninh-xuat-nhap-canh/thong-tu-70-2026-tt-bca-sua-doi-giay-to-nguoi-nuoc-ngoai.md:49: "
                + "cảnh báo: liên kết tới \"/van-ban/xuat-nhap-canh/thong-tu-04-2015-tt-bca-bo-cong-an-92285-d1.html\" "
                + "không tìm thấy trang hoặc tệp nào"), r.err().lines().limit(20).toList().toString());
        // … migrated keys get one notice each …
        assertEquals(1, r.err().lines().filter(l -> l.contains("lưu ý: bỏ qua khóa \"layout\"")).count());
        // … permalinks and folder links find the pages the corpus holds …
        String hub = Files.readString(out.resolve("thuong-mai-dau-tu-chung-khoan/nghi-dinh-145-2026-nd-cp-co-che-quan-ly-tai-chinh-vnx-vsdc.html"));
        assertTrue(hub.contains("href=\"chung-khoan.html\""), "permalink /van-ban/thuong-mai-dau-tu-chung-khoan/chung-khoan/");
        assertTrue(Files.readString(out.resolve("hinh-su.html")).contains("href=\"hinh-su/hinh-su.html\""), "folder link hinh-su/hinh-su/");
        // … and nothing written into the output leads nowhere.
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }
}
