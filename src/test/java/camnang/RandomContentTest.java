package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff make every mistake an editor allows. The sample site, damaged at random (bytes cut,
 * repeated or inserted, fragments of Markdown, YAML and HTML dropped into its files), must
 * still build or fail as a content error: exit 0 or 1, never a stack trace, every reported
 * problem as {@code path:line: severity: message}, the previous site left in place by a build
 * that fails, {@code check} reporting at least what {@code build} does, and a site that builds
 * has no broken link.
 * Every eighth seed damages one of the default templates too. The seeds are fixed, so a
 * failure is repeatable; {@code -Dcamnang.randomBuilds=N} runs more, {@code -Dcamnang.randomSeed=N}
 * only seed N, keeping its folders (their paths are printed).
 */
class RandomContentTest {
    @TempDir
    static Path tmp;
    static Map<String, byte[]> sample;

    /** What staff type or paste that means something to one of the parsers. */
    static final String[] PIECES = {
            "---\n", "---", ":", ": ", "\n", "\n\n", "\r\n", "\t", "  ", "- ", "* ", "1. ", "> ", "# ", "## ", "### ",
            "#### Điều 5. Quyền", "Điều 12.", "Khoản 3 Điều 8", "điểm a khoản 2 Điều 7 Luật Hòa giải ở cơ sở",
            "Nghị định số 15/2014/NĐ-CP", "315/QĐ-TTg", "35/2013/QH13", "[", "]", "](", ")", "[x](", "[x](#",
            "[x](a.md)", "[x](../khong-co.md#muc)", "[x](/van-ban/)", "[x](<>)", "[](", "![", "![ảnh](anh.png)",
            "![](", "<", ">", "&", "&#0;", "&#xD800;", "&amp;", "<div>", "</div>", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "<!--", "-->", "`", "```", "```\n", "~~~", "    code", "|", "| a | b |\n",
            "|---|---|\n", "[^1]", "[^1]: chú thích\n", "!!! note \"Lưu ý\"\n    ", "> [!NOTE]\n", ":   định nghĩa\n",
            "{#id}", "{#}", "{.lop}", "*", "**", "_", "__", "~~", "\\", "\\\n", "title:", "title: ", "tittle: x\n",
            "date: 31/13/2024\n", "date: 2024-02-30\n", "updated: hôm qua\n", "weight: abc\n", "weight: 99999999999999999999\n",
            "tags: [\n", "tags:\n  - ", "audience: người dân\n", "audience: [khách]\n", "type: law\n", "type: xyz\n",
            "draft: true\n", "draft: có\n", "layout: x\n", "permalink: /van-ban/a/\n", "aliases: [\n", "description: |\n",
            "&", "'", "\"", "{{", "}}", "@", "#", "%", "hòa", "hoà", "ho\u0300a", "\u0300", "\u0301\u0301", "\u00A0",
            "\u200B", "\uFEFF", "\u2028", "\uD800", "\uFFFD", "đ", "Đ", "𝐀", "http://", "https://example.gov.vn/a",
            "www.", "mailto:", "?", "=", "?quiz", "Câu 1.", "- [ ] ", "- [x] ", "Đáp án:", "::: ", ":::",
    };

    @BeforeAll
    static void readSample() {
        sample = TestSites.tree(Path.of("content"));
        assertTrue(sample.size() > 40, "the sample site in content/");
    }

    @Test
    void damagedSampleSitesBuildOrFailCleanly() {
        int builds = Integer.getInteger("camnang.randomBuilds", 40);
        List<String> failures = new ArrayList<>();
        int[] exits = new int[2];
        for (int seed = ONLY > 0 ? ONLY : 1; seed <= (ONLY > 0 ? ONLY : builds); seed++) {
            String failure = buildDamaged(seed, exits);
            if (failure != null) {
                failures.add("seed " + seed + ": " + failure);
            }
        }
        assertEquals(List.of(), failures);
        if (ONLY > 0) {
            return;
        }
        System.err.println("built " + exits[0] + ", failed " + exits[1]);
        // Damage that every build survives, or that none does, would test one path only.
        assertTrue(exits[0] >= builds / 5 && exits[1] >= builds / 5, exits[0] + " built, " + exits[1] + " failed");
    }

    /** The one seed to run and keep, or 0. */
    static final int ONLY = Integer.getInteger("camnang.randomSeed", 0);

    static final Pattern PROBLEM = Pattern.compile("[^:\\n]+:\\d+: (lỗi|cảnh báo|lưu ý): .+");

    /** Builds the sample site damaged by {@code seed}; what went wrong, or null. */
    private static String buildDamaged(int seed, int[] exits) {
        Random random = new Random(seed);
        // A single seed's folders stay in target/ to be looked at; the temporary folder goes.
        Path root = ONLY > 0 ? Path.of("target", "random-content") : tmp;
        Path src = root.resolve("c" + seed);
        Path out = root.resolve("o" + seed);
        deleteTree(src);
        deleteTree(out);
        List<String> names = new ArrayList<>(sample.keySet());
        sample.forEach((rel, bytes) -> TestSites.writeBytes(src, rel, bytes));
        int damages = 1 + random.nextInt(2);
        List<String> what = new ArrayList<>();
        for (int i = 0; i < damages; i++) {
            String rel = names.get(random.nextInt(names.size()));
            byte[] damaged = damage(read(src.resolve(rel)), random);
            TestSites.writeBytes(src, rel, damaged);
            what.add(rel);
        }
        List<String> args = new ArrayList<>(List.of("build", "--source", src.toString(), "--out", out.toString()));
        // Every eighth seed also damages a template, as staff who edit site-templates/ may.
        Path templates = root.resolve("t" + seed);
        deleteTree(templates);
        if (seed % 8 == 0) {
            Map<String, byte[]> all = TestSites.tree(Path.of("site-templates"));
            all.forEach((rel, bytes) -> TestSites.writeBytes(templates, rel, bytes));
            List<String> jte = all.keySet().stream().filter(n -> n.endsWith(".jte")).toList();
            String rel = jte.get(random.nextInt(jte.size()));
            TestSites.writeBytes(templates, rel, damage(all.get(rel), random));
            what.add("site-templates/" + rel);
            args.addAll(List.of("--templates", templates.toString()));
        }
        if (random.nextInt(3) == 0) {
            args.add("--no-search");
        }
        // Most damage breaks a link somewhere; as errors they would stop most builds before rendering.
        if (random.nextInt(4) != 0) {
            args.add("--broken-links=warn");
        }
        if (ONLY > 0) {
            System.err.println("damaged " + what + "; " + args);
        }
        // The site a failed build must leave as it was.
        TestSites.write(out, Map.of("index.html", "<p>Trang cũ</p>"));
        TestSites.Run r;
        TestSites.Run checked;
        try {
            r = TestSites.run(args.toArray(String[]::new));
            List<String> check = new ArrayList<>(List.of("check", "--source", src.toString()));
            args.stream().filter(a -> a.startsWith("--broken-links")).forEach(check::add);
            if (seed % 8 == 0) {
                check.addAll(List.of("--templates", templates.toString()));
            }
            checked = seed % 4 == 0 ? TestSites.run(check.toArray(String[]::new)) : null;
        } catch (RuntimeException | StackOverflowError e) {
            return "thrown " + e + " (damaged " + what + ")";
        }
        String err = r.err();
        if (r.exit() != 0 && r.exit() != 1) {
            return "exit " + r.exit() + " (damaged " + what + ")\n" + err;
        }
        if (err.contains("Exception") || err.contains("\tat ")) {
            return "stack trace (damaged " + what + ")\n" + err;
        }
        for (String line : err.lines().toList()) {
            // A template that crashes jte's parser can only be named by its folder.
            if ((line.contains(": lỗi: ") || line.contains(": cảnh báo: ") || line.contains(": lưu ý: "))
                    && !PROBLEM.matcher(line).matches() && !line.startsWith(templates + ": lỗi: ")) {
                return "not path:line: " + line;
            }
        }
        if (r.exit() == 1 && TestSites.problemLines(err).stream().noneMatch(l -> l.contains(": lỗi: "))) {
            return "exit 1 without an error line (damaged " + what + ")\n" + err;
        }
        exits[r.exit()]++;
        boolean oldSite = read(out.resolve("index.html")).length == "<p>Trang cũ</p>".getBytes(StandardCharsets.UTF_8).length;
        if (oldSite != (r.exit() == 1)) {
            return (r.exit() == 1 ? "failed build replaced the site" : "built site not in place") + " (damaged " + what + ")";
        }
        // check looks at every portal of site.yaml, a build at one: it reports at least what the build does.
        if (checked != null) {
            List<String> byBuild = new ArrayList<>(TestSites.problemLines(err));
            byBuild.removeAll(TestSites.problemLines(checked.err()));
            if (checked.exit() < r.exit() || !byBuild.isEmpty()) {
                return "check missed what build found (damaged " + what + "): exit " + checked.exit() + " against "
                        + r.exit() + "; only build: " + byBuild;
            }
        }
        if (r.exit() == 0) {
            List<String> broken = TestSites.brokenLinks(out);
            if (!broken.isEmpty()) {
                return "broken links (damaged " + what + "): " + broken.subList(0, Math.min(5, broken.size()));
            }
        }
        if (ONLY > 0) {
            System.err.println("kept " + src + " and " + out);
            return null;
        }
        deleteTree(src);
        deleteTree(out);
        deleteTree(templates);
        return null;
    }

    /** One or two cuts, repeats or insertions at random places of a file. */
    static byte[] damage(byte[] bytes, Random random) {
        byte[] b = bytes;
        int edits = 1 + random.nextInt(2);
        for (int i = 0; i < edits; i++) {
            // A third of the damage falls where front matter lies.
            int at = b.length == 0 ? 0 : random.nextInt(random.nextInt(3) == 0 ? Math.min(b.length, 300) + 1 : b.length + 1);
            byte[] insert;
            int cut = 0;
            switch (random.nextInt(24)) {
                case 0 -> { // cut a stretch
                    cut = Math.min(b.length - at, 1 + random.nextInt(200));
                    insert = new byte[0];
                }
                case 1 -> { // repeat a stretch, as a paste twice over
                    int len = Math.min(b.length - at, 1 + random.nextInt(300));
                    insert = java.util.Arrays.copyOfRange(b, at, at + len);
                }
                case 2 -> { // bytes no text has: invalid UTF-8
                    insert = new byte[1 + random.nextInt(4)];
                    random.nextBytes(insert);
                }
                case 3, 4, 5 -> { // any characters: controls, marks, other scripts, emoji
                    StringBuilder s = new StringBuilder();
                    for (int k = 1 + random.nextInt(5); k > 0; k--) {
                        int cp = switch (random.nextInt(4)) {
                            case 0 -> random.nextInt(0x20);
                            case 1 -> 0x300 + random.nextInt(0x70);
                            case 2 -> 0x1F300 + random.nextInt(0x300);
                            default -> random.nextInt(0x10000);
                        };
                        if (cp < 0xD800 || cp > 0xDFFF) {
                            s.appendCodePoint(cp);
                        }
                    }
                    insert = s.toString().getBytes(StandardCharsets.UTF_8);
                }
                default -> { // pieces of syntax
                    StringBuilder s = new StringBuilder();
                    int n = 1 + random.nextInt(6);
                    for (int k = 0; k < n; k++) {
                        s.append(PIECES[random.nextInt(PIECES.length)]);
                    }
                    insert = s.toString().getBytes(StandardCharsets.UTF_8);
                }
            }
            byte[] next = new byte[b.length - cut + insert.length];
            System.arraycopy(b, 0, next, 0, at);
            System.arraycopy(insert, 0, next, at, insert.length);
            System.arraycopy(b, at + cut, next, at + insert.length, b.length - at - cut);
            b = next;
        }
        return b;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            fail(e);
        }
    }
}
