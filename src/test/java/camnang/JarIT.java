package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run with {@code java -jar} as the README says: its launcher, its built-in templates. */
class JarIT {
    static final Path JAR = Path.of("target/camnang.jar").toAbsolutePath();

    @TempDir
    Path tmp;

    private TestSites.Run java(Path cwd, String... args) throws IOException, InterruptedException {
        return java("0", cwd, args);
    }

    /**
     * The jar's command in {@code cwd} with CAMNANG_DAEMON set to {@code daemon}, and a temporary
     * folder of its own, where its daemons' sockets live: the developer's daemons are neither
     * used nor stopped.
     */
    private ProcessBuilder jar(String daemon, Path cwd, String... args) throws IOException {
        Path tmpdir = Files.createDirectories(tmp.resolve("t"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmpdir, "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("CAMNANG_DAEMON", daemon);
        return pb;
    }

    private TestSites.Run java(String daemon, Path cwd, String... args) throws IOException, InterruptedException {
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        Process p = jar(daemon, cwd, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new TestSites.Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void buildsTheSampleSiteAsTheReadmeSays() throws Exception {
        Path site = tmp.resolve("_site");
        TestSites.Run r = java(Path.of("").toAbsolutePath(), "build", "--out", site.toString());
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("index.html", "404.html", "robots.txt")) {
            assertTrue(Files.isRegularFile(site.resolve(f)), f);
        }
        assertTrue(r.out().contains("Đã xây dựng "), r.out());
        assertEquals(List.of(), TestSites.brokenLinks(site));
    }

    @Test
    void usesItsBuiltInTemplatesOutsideTheProject() throws Exception {
        Path src = TestSites.write(tmp.resolve("noi-dung"), java.util.Map.of("a.md", "# Trang một\n\nNội dung.\n"));
        Path site = tmp.resolve("site");
        TestSites.Run r = java(tmp, "build", "--source", src.toString(), "--out", site.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(site.resolve("a.html")).contains("<h1>Trang một</h1>"));
    }

    @Test
    void usageErrorsAndContentErrorsHaveTheirExitCodes() throws Exception {
        assertEquals(2, java(tmp, "build", "--khong-co").exit());
        Path src = TestSites.write(tmp.resolve("loi"), java.util.Map.of("a.md", "---\ntittle: A\n---\n"));
        TestSites.Run r = java(tmp, "check", "--source", src.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(src + "/a.md:2: lỗi: khóa \"tittle\""), r.err());
    }

    @Test
    void aDaemonServesLaterBuildsOfTheSameFolderWithTheSameOutput() throws Exception {
        Path project = tmp.resolve("du-an");
        TestSites.copyTree(Path.of("content").toAbsolutePath(), project.resolve("content"));
        try {
            TestSites.Run first = java("1", project, "build", "--out", "a");
            assertEquals(0, first.exit(), first.err());
            assertTrue(first.out().contains("Đã xây dựng "), first.out());
            long pid = daemonOf(project);
            java.time.Duration cpu = ProcessHandle.of(pid).orElseThrow().info().totalCpuDuration().orElseThrow();

            TestSites.Run second = java("1", project, "build", "--out", "b");
            assertEquals(0, second.exit(), second.err());
            assertEquals(pid, daemonOf(project));
            // The daemon, not a JVM of the client's, did the build.
            java.time.Duration used = ProcessHandle.of(pid).orElseThrow().info().totalCpuDuration().orElseThrow().minus(cpu);
            assertTrue(used.toMillis() > 300, "the daemon used " + used.toMillis() + " ms");
            // The daemon keeps the size of the Markdown for the next launcher, which sizes the heap
            // from it instead of walking the folder; a wrong size only sends the launcher to walk it.
            Path size = knownSize();
            assertEquals(markdownBytes(project.resolve("content")) + "\n", Files.readString(size));
            Files.writeString(size, "999999999999\n");
            TestSites.Run third = java("1", project, "build", "--out", "b");
            assertEquals(0, third.exit(), third.err());
            assertEquals(pid, daemonOf(project));
            long until = System.nanoTime() + 20_000_000_000L;
            while (Files.readString(size).startsWith("9") && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertEquals(markdownBytes(project.resolve("content")) + "\n", Files.readString(size));
            TestSites.Run alone = java("0", project, "build", "--out", "c");
            assertEquals(0, alone.exit(), alone.err());
            Map<String, byte[]> a = TestSites.withoutLucene(TestSites.tree(project.resolve("a")));
            assertTrue(a.containsKey("index.html") && a.keySet().stream().anyMatch(k -> k.endsWith("/t.js")), "built with search");
            assertEquals(List.of(), TestSites.differences(a, TestSites.withoutLucene(TestSites.tree(project.resolve("b")))));
            assertEquals(List.of(), TestSites.differences(a, TestSites.withoutLucene(TestSites.tree(project.resolve("c")))));

            // Its errors, exit codes and untouched previous output are a fresh JVM's.
            Files.writeString(project.resolve("content/loi.md"), "---\ntittle: A\n---\n");
            TestSites.Run failed = java("1", project, "build", "--out", "b");
            assertEquals(1, failed.exit());
            assertTrue(failed.err().contains("content/loi.md:2: lỗi: khóa \"tittle\""), failed.err());
            assertTrue(failed.err().contains("Build thất bại: 1 lỗi"), failed.err());
            assertEquals(List.of(), TestSites.differences(a, TestSites.withoutLucene(TestSites.tree(project.resolve("b")))));
            TestSites.Run usage = java("1", project, "build", "--khong-co");
            assertEquals(2, usage.exit());
            assertTrue(usage.err().startsWith("Lỗi cách dùng: không hiểu --khong-co"), usage.err());
            assertEquals(pid, daemonOf(project));

            TestSites.Run stop = java("1", project, "daemon", "--stop");
            assertEquals("Dừng: tiến trình " + pid + " cho thư mục " + project + "\n", stop.out());
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "daemon " + pid + " stopped");
            assertEquals("Không có tiến trình nền nào của camnang.\n", java("1", project, "daemon").out());
        } finally {
            java("1", project, "daemon", "--stop");
        }
    }

    @Test
    void aBuildInterruptedInItsClientStopsTheDaemonAndKeepsThePreviousSite() throws Exception {
        Map<String, String> pages = new java.util.TreeMap<>();
        for (int i = 0; i < 600; i++) {
            pages.put("muc-" + i % 10 + "/trang-" + i + ".md",
                    "# Trang " + i + "\n\n" + "Hòa giải viên ở cơ sở giúp các bên tự thỏa thuận. ".repeat(150) + "\n");
        }
        Path project = tmp.resolve("lon");
        TestSites.write(project.resolve("content"), pages);
        try {
            assertEquals(0, java("1", project, "build", "--out", "a").exit());
            long pid = daemonOf(project);
            Map<String, byte[]> before = TestSites.tree(project.resolve("a"));
            Files.writeString(project.resolve("content/muc-0/trang-0.md"), "# Trang đã sửa\n");

            Path err = tmp.resolve("interrupted.txt");
            Process client = jar("1", project, "build", "--out", "a").redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.readString(err).contains("Đang dựng trang") && client.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(client.isAlive(), "the build was still running when interrupted: " + Files.readString(err));
            client.destroy();
            client.waitFor();
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "daemon " + pid + " stopped with its client");
            assertEquals(List.of(), TestSites.differences(before, TestSites.tree(project.resolve("a"))));
            // The half-built copy beside it, if the dying JVM could not delete it all, goes with the next build.
            TestSites.Run next = java("1", project, "build", "--out", "a");
            assertEquals(0, next.exit(), next.err());
            assertTrue(Files.readString(project.resolve("a/muc-0/trang-0.html")).contains("<h1>Trang đã sửa</h1>"));
            try (java.util.stream.Stream<Path> left = Files.list(project)) {
                assertEquals(List.of("a", "content"), left.map(p -> p.getFileName().toString()).sorted().toList());
            }
        } finally {
            java("1", project, "daemon", "--stop");
        }
    }

    /** The one file where the test's daemons keep the size of a folder's Markdown. */
    private Path knownSize() throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(tmp.resolve("t"))) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(".size")).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    private static long markdownBytes(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(folder)) {
            long sum = 0;
            for (Path p : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                sum += Files.size(p);
            }
            return sum;
        }
    }

    /** The process id of the one daemon that the {@code daemon} command lists, for {@code folder}. */
    private long daemonOf(Path folder) throws Exception {
        TestSites.Run r = java("1", folder, "daemon");
        assertEquals(0, r.exit(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Đang chạy: tiến trình (\\d+) cho thư mục (.*)\n").matcher(r.out());
        assertTrue(m.matches(), r.out());
        assertEquals(folder.toString(), m.group(2));
        return Long.parseLong(m.group(1));
    }
}
