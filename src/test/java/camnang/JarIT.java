package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run with {@code java -jar} as the README says: its launcher, its built-in templates. */
class JarIT {
    static final Path JAR = Path.of("target/camnang.jar").toAbsolutePath();

    @TempDir
    Path tmp;

    private TestSites.Run java(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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
}
