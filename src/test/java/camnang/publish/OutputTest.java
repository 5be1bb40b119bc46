package camnang.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {
    @TempDir
    Path tmp;

    @Test
    void replacesTheOldSiteOnlyOnCommit() throws IOException {
        Path site = tmp.resolve("_site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("cu.html"), "cũ");
        try (Output out = Output.open(site)) {
            out.write("moi/index.html", "mới");
            assertTrue(Files.exists(site.resolve("cu.html")), "untouched while building");
        }
        assertTrue(Files.exists(site.resolve("cu.html")), "untouched after a build that did not commit");
        try (Output out = Output.open(site)) {
            out.write("moi/index.html", "mới");
            out.commit();
        }
        assertFalse(Files.exists(site.resolve("cu.html")));
        assertEquals("mới", Files.readString(site.resolve("moi/index.html")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(1, left.count(), "no temporary folders left behind");
        }
    }

    @Test
    void refusesPathsOutsideTheOutput() {
        try (Output out = Output.open(tmp.resolve("_site"))) {
            assertThrows(IllegalArgumentException.class, () -> out.write("../ra-ngoai.html", "x"));
        }
    }

    @Test
    void assetsCarryAContentHash() throws IOException {
        Path dir = tmp.resolve("assets");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("style.css"), "body{}");
        Assets a = Assets.scan(dir);
        assertEquals("assets/style.7c98040a54.css", a.outputs().get("style.css"));
        Files.writeString(dir.resolve("style.css"), "body{color:red}");
        assertFalse(Assets.scan(dir).outputs().get("style.css").equals("assets/style.7c98040a54.css"));
    }

    @Test
    void robotsNamesTheSitemapOnlyWithABaseUrl() {
        assertEquals("User-agent: *\nAllow: /\n", Feeds.robots(null));
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://x.gov.vn/sitemap.xml\n", Feeds.robots("https://x.gov.vn/"));
    }
}
