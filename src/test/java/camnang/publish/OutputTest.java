package camnang.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void theNextBuildDeletesWhatAKilledBuildLeftButNotWhatARunningOneUses() throws IOException {
        Path site = tmp.resolve("_site");
        // A build killed mid-way leaves its staging folder, with its lock file (no longer locked) or without.
        Files.createDirectories(tmp.resolve("._site.camnang-1/sub"));
        Files.writeString(tmp.resolve("._site.camnang-1/sub/a.html"), "x");
        Files.writeString(tmp.resolve("._site.camnang-1.lock"), "");
        Files.createDirectories(tmp.resolve("._site.camnang-2"));
        Files.createDirectories(tmp.resolve("._khac.camnang-3"));
        try (Output running = Output.open(site)) {
            assertEquals(List.of("._khac.camnang-3", "._site.camnang-N", "._site.camnang-N.lock"), names());
            running.write("a.html", "a");
            try (Output second = Output.open(site)) {
                second.write("b.html", "b");
                assertEquals(List.of("._khac.camnang-3", "._site.camnang-N", "._site.camnang-N", "._site.camnang-N.lock",
                        "._site.camnang-N.lock"), names());
            }
            assertEquals(List.of("._khac.camnang-3", "._site.camnang-N", "._site.camnang-N.lock"), names());
            running.commit();
        }
        assertEquals(List.of("._khac.camnang-3", "_site"), names());
        assertEquals("a", Files.readString(site.resolve("a.html")));
    }

    /** The names in the temporary folder, sorted, with the random part of staging names as N. */
    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString().replaceAll("^(\\._site\\.camnang-)\\d+", "$1N")).sorted().toList();
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
