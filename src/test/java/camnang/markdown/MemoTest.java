package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Problem;
import camnang.Problems;
import camnang.TestSites;
import camnang.content.Content;
import camnang.content.Page;
import camnang.content.Site;
import camnang.content.SiteConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page rendered for one portal is reused by the next only while its links lead to the same places. */
class MemoTest {
    @TempDir
    Path tmp;

    @Test
    void aSharedPageIsRenderedOnceUnlessItsLinksDiffer() {
        TestSites.write(tmp, Map.of("site.yaml", """
                title: Thử
                portals:
                  - id: a
                    name: A
                    city: true
                  - id: b
                    name: B
                """,
                "chung.md", "---\ntitle: Chung\n---\nKhông có liên kết.\n\n![](anh.png)\n",
                "dan-chieu.md", "---\ntitle: Dẫn chiếu\n---\n[Riêng của A](rieng.md)\n",
                "rieng.md", "---\ntitle: Riêng\nportals: [a]\n---\nChỉ A có.\n",
                "anh.png", "x"));
        Memo memo = new Memo();
        Problems pa = new Problems("content");
        Site a = Content.load(tmp, SiteConfig.BrokenLinks.WARN, pa, "a");
        Map<String, RenderedPage> ra = render(a, memo, pa);
        Problems pb = new Problems("content");
        Site b = Content.load(tmp, SiteConfig.BrokenLinks.WARN, pb, "b");
        Map<String, RenderedPage> rb = render(b, memo, pb);
        // The page without links is the same rendering, and its warning is repeated for B.
        assertSame(ra.get("chung.md").html(), rb.get("chung.md").html());
        assertEquals(List.of("content/chung.md:6: cảnh báo: ảnh không có mô tả (alt)"), lines(pb).subList(0, 1));
        // The page linking to A's own page is rendered again for B, where the link leads nowhere.
        assertTrue(ra.get("dan-chieu.md").html().contains("<a href=\"rieng.html\">"), ra.get("dan-chieu.md").html());
        assertTrue(rb.get("dan-chieu.md").html().contains("class=\"lien-ket-hong\""), rb.get("dan-chieu.md").html());
        assertEquals(List.of("content/chung.md:6: cảnh báo: ảnh không có mô tả (alt)",
                "content/dan-chieu.md:4: cảnh báo: liên kết tới \"rieng.md\" không tìm thấy trang hoặc tệp nào"), lines(pb));
    }

    private static Map<String, RenderedPage> render(Site site, Memo memo, Problems problems) {
        Map<String, RenderedPage> out = new java.util.TreeMap<>();
        for (Page p : site.pages()) {
            out.put(p.source(), Markdown.render(p, site, SiteConfig.BrokenLinks.WARN, problems, true, null, memo));
        }
        return out;
    }

    private static List<String> lines(Problems p) {
        return p.sorted().stream().map(Problem::format).map(s -> s.lines().findFirst().orElse("")).toList();
    }
}
