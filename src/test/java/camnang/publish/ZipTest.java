package camnang.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Chromium;
import camnang.TestSites;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5, packages to upload: {@code build --zip} writes one zip per built site, the same
 * bytes for the same input, holding exactly the site's files (but Lucene's own, which differ
 * from build to build) under one top folder; unpacked, the site searches from disk.
 */
class ZipTest {
    static final List<String> PORTALS = List.of("sa-dec", "phuong-1", "phuong-2", "phuong-3", "phuong-4", "an-hoa",
            "tan-quy-dong", "tan-khanh-dong", "tan-quy-tay", "tan-phu-dong");
    @TempDir
    static Path tmp;
    static Path out;
    static TestSites.Run run;

    @BeforeAll
    static void build() {
        out = tmp.resolve("a");
        run = TestSites.run("build", "--all-portals", "--zip", "--out", out.toString());
    }

    /** The zip's entries in order, name → bytes (directories as empty arrays), checking each entry's fixed fields. */
    static Map<String, byte[]> entries(Path zip, List<String> order) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                order.add(e.getName());
                assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                assertNull(e.getExtra(), e.getName());
                assertNull(e.getComment(), e.getName());
                assertEquals(e.isDirectory() ? ZipEntry.STORED : ZipEntry.DEFLATED, e.getMethod(), e.getName());
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }

    @Test
    void twoRunsGiveByteIdenticalZips() throws Exception {
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Đã nén mỗi cổng thành một tệp <mã cổng>.zip trong " + out + "."), run.out());
        // Another folder, no fragment cache: nothing of the first run can leak into the second.
        Path other = tmp.resolve("b");
        TestSites.Run again = TestSites.run("build", "--all-portals", "--zip", "--no-cache", "--out", other.toString());
        assertEquals(0, again.exit(), again.err());
        for (String id : PORTALS) {
            assertArrayEquals(Files.readAllBytes(out.resolve(id + ".zip")), Files.readAllBytes(other.resolve(id + ".zip")), id);
        }
        // The same folder built again replaces the zip with the same bytes and leaves nothing beside it.
        byte[] before = Files.readAllBytes(out.resolve("phuong-1.zip"));
        TestSites.Run third = TestSites.run("build", "--all-portals", "--zip", "--out", out.toString());
        assertEquals(0, third.exit(), third.err());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("phuong-1.zip")));
        List<String> names = new ArrayList<>();
        try (var s = Files.list(out)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        TreeSet<String> expected = new TreeSet<>(List.of("index.html"));
        PORTALS.forEach(id -> expected.addAll(List.of(id, id + ".zip")));
        assertEquals(expected, new TreeSet<>(names));
    }

    @Test
    void theZipListsExactlyTheFilesOfTheFolder() throws Exception {
        assertEquals(0, run.exit(), run.err());
        for (String id : PORTALS) {
            List<String> order = new ArrayList<>();
            Map<String, byte[]> zip = entries(out.resolve(id + ".zip"), order);
            assertEquals(order.stream().sorted().toList(), order, id + ": entries sorted by name");
            Map<String, byte[]> files = new TreeMap<>();
            TreeSet<String> dirs = new TreeSet<>(List.of(id + "/"));
            TestSites.tree(out.resolve(id)).forEach((rel, bytes) -> {
                if (!rel.startsWith("search/lucene/")) {
                    files.put(id + "/" + rel, bytes);
                    for (int i = rel.indexOf('/'); i >= 0; i = rel.indexOf('/', i + 1)) {
                        dirs.add(id + "/" + rel.substring(0, i + 1));
                    }
                }
            });
            assertTrue(files.containsKey(id + "/search/manifest.js"), id);
            assertEquals(dirs, new TreeSet<>(zip.keySet().stream().filter(n -> n.endsWith("/")).toList()), id);
            zip.keySet().removeIf(n -> n.endsWith("/"));
            assertEquals(files.keySet(), zip.keySet(), id);
            files.forEach((name, bytes) -> assertArrayEquals(bytes, zip.get(name), name));
        }
    }

    @Test
    void aSingleBuildZipsBesideItsFolderUnderItsName() throws Exception {
        Path site = tmp.resolve("mot/_site");
        TestSites.Run r = TestSites.run("build", "--portal", "phuong-1", "--zip", "--out", site.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Đã nén trang vào " + site.toAbsolutePath() + ".zip để tải lên."), r.out());
        List<String> order = new ArrayList<>();
        Map<String, byte[]> zip = entries(tmp.resolve("mot/_site.zip"), order);
        assertEquals("_site/", order.get(0));
        assertArrayEquals(Files.readAllBytes(site.resolve("phuong-1/lien-he-hoa-giai.html")),
                zip.get("_site/phuong-1/lien-he-hoa-giai.html"));
        // The same portal's site as in --all-portals, only its top folder named otherwise.
        Map<String, byte[]> ward = entries(out.resolve("phuong-1.zip"), new ArrayList<>());
        assertEquals(ward.keySet().stream().map(n -> n.replaceFirst("^phuong-1/", "_site/")).toList(), List.copyOf(zip.keySet()));
    }

    @Test
    void aFailedBuildWritesNoZipAndKeepsTheOldOne(@TempDir Path dir) throws Exception {
        Path src = TestSites.write(dir.resolve("src"), Map.of("a.md", "---\ntitle: A\n---\nXem [B](b.md).\n",
                "b.md", "---\ntitle: B\n---\nNội dung.\n"));
        Path site = dir.resolve("out/_site");
        TestSites.Run ok = TestSites.run("build", "--source", src.toString(), "--zip", "--out", site.toString());
        assertEquals(0, ok.exit(), ok.err());
        byte[] old = Files.readAllBytes(dir.resolve("out/_site.zip"));
        Files.delete(src.resolve("b.md"));
        TestSites.Run bad = TestSites.run("build", "--source", src.toString(), "--zip", "--out", site.toString());
        assertEquals(1, bad.exit(), bad.err());
        assertFalse(bad.out().contains("Đã nén"), bad.out());
        assertArrayEquals(old, Files.readAllBytes(dir.resolve("out/_site.zip")));
        try (var s = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("_site", "_site.zip"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // Without --zip, no zip; a failed first build writes none either.
        Path fresh = dir.resolve("fresh/_site");
        assertEquals(1, TestSites.run("build", "--source", src.toString(), "--zip", "--out", fresh.toString()).exit());
        assertFalse(Files.exists(dir.resolve("fresh/_site.zip")));
        Files.writeString(src.resolve("b.md"), "---\ntitle: B\n---\n");
        assertEquals(0, TestSites.run("build", "--source", src.toString(), "--out", fresh.toString()).exit());
        assertFalse(Files.exists(dir.resolve("fresh/_site.zip")));
    }

    /** Unpacks {@code zip} into {@code dir} as a person would; returns {@code dir}. */
    static Path unpack(Path zip, Path dir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path p = dir.resolve(e.getName()).normalize();
                assertTrue(p.startsWith(dir), e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    Files.write(p, in.readAllBytes());
                }
            }
        }
        return dir;
    }

    /** The result links of the search page of the unpacked site {@code root} for {@code query}, from file://. */
    static List<String> searchFromDisk(Path root, String query, Path profile) throws Exception {
        String url = root.resolve("tim-kiem.html").toUri() + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        Document dom = Jsoup.parse(Chromium.dumpDom(url, profile));
        String base = root.toUri().toString();
        List<String> hrefs = new ArrayList<>();
        for (String h : dom.select("#tk_ket_qua .ket-qua-tieu-de a").eachAttr("href")) {
            assertTrue(h.startsWith(base), h);
            hrefs.add(h.substring(base.length()));
        }
        return hrefs;
    }

    @Test
    void anUnpackedWardZipSearchesFromDisk() throws Exception {
        assertEquals(0, run.exit(), run.err());
        Chromium.binary();
        Path ward = unpack(out.resolve("phuong-1.zip"), tmp.resolve("unpacked-ward")).resolve("phuong-1");
        List<String> hits = searchFromDisk(ward, "liên hệ hòa giải ở Phường 1", tmp.resolve("profile-ward"));
        assertFalse(hits.isEmpty());
        assertEquals("phuong-1/lien-he-hoa-giai.html", hits.get(0));
        for (String h : hits) {
            assertTrue(Files.isRegularFile(ward.resolve(h.replaceFirst("#.*", ""))), h);
        }
        // The shared pages are searched too; the city's package has no page of Phường 1's own.
        assertEquals(20, searchFromDisk(ward, "hòa giải", tmp.resolve("profile-ward-2")).size());
        Path city = unpack(out.resolve("sa-dec.zip"), tmp.resolve("unpacked-city")).resolve("sa-dec");
        List<String> cityHits = searchFromDisk(city, "liên hệ hòa giải ở Phường 1", tmp.resolve("profile-city"));
        assertFalse(cityHits.isEmpty());
        assertTrue(cityHits.stream().noneMatch(h -> h.startsWith("phuong-1/")), cityHits.toString());
    }
}
