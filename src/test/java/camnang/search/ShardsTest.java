package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pieces of the browser's shards that the parity tests in Chromium do not isolate. */
class ShardsTest {
    /**
     * A term file's chunk holds the keys whose hash, Java's String.hashCode over UTF-16 code units,
     * is the chunk's number modulo the number of chunks, taken as unsigned: camnang.js computes the
     * same (the legal slice's parity in BrowserSearchTest reads such chunks).
     */
    @Test
    void aKeysTermChunkIsItsUnsignedHashModuloTheChunks() {
        // "quy dinh".hashCode() is -670416022: unsigned, 3624551274.
        assertEquals(1, Shards.termChunk("quy dinh", 7));
        assertEquals(174, Shards.termChunk("quy dinh", 300));
        assertEquals(4, Shards.termChunk("xu phat", 7));
        assertEquals(47, Shards.termChunk("nghia vu cua", 300));
        // A character outside the BMP counts as its two UTF-16 code units, as in JavaScript.
        assertEquals(250, Shards.termChunk("x\uD835\uDC00y", 300));
        assertEquals(0, Shards.termChunk("quy dinh", 1));
    }

    /**
     * Far down a common word's list a block's postings have tuples of their own: in the order of
     * documents, each with its tuple, after a 0 that no group of tuples begins with.
     */
    @Test
    void aBlockInTheOrderOfDocumentsGivesGapsAndTuples() {
        Shards.Block b = new Shards.Block();
        Shards.Tuple text = new Shards.Tuple(0, 0, 2, 0, 0, 60);
        Shards.Tuple title = new Shards.Tuple(1, 0, 1, 9, 0, 70);
        b.add(text, new int[] {99_100, 100_000}, 0, 2);
        b.add(title, new int[] {99_000}, 0, 1);
        Digits expected = new Digits().add(0)
                .add(99_000).add(1).add(9).add(0).add(1).add(70)
                .add(100).add(0).add(0).add(2).add(60)
                .add(900).add(0).add(0).add(2).add(60);
        assertEquals(expected.toString(), b.byDoc().toString());
        assertEquals('#', b.byDoc().toString().charAt(0));
        // Five postings a tuple: grouping is shorter, whatever the documents.
        Shards.Block grouped = new Shards.Block();
        grouped.add(text, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 0, 9);
        grouped.add(title, new int[] {9}, 0, 1);
        assertEquals(null, grouped.byDoc());
    }

    /**
     * A block after a list's first gives, for the runs of its postings in the order of what they add,
     * the first tuple of each run but the first and the block's last tuple; then each document's gap
     * times the number of runs plus its run. Three postings in four runs lie in runs 1, 2 and 3 (run
     * 0 is empty).
     */
    @Test
    void aLeveledBlockGivesItsRunsBoundsThenGapsAndRuns() {
        assertEquals(4, Shards.LEVELS);
        Shards.Block b = new Shards.Block();
        Shards.Tuple title = new Shards.Tuple(1, 0, 1, 9, 0, 70);
        Shards.Tuple text = new Shards.Tuple(0, 0, 2, 0, 0, 60);
        b.add(title, new int[] {99_000}, 0, 1);
        b.add(text, new int[] {99_100, 100_000}, 0, 2);
        Digits expected = new Digits();
        // Runs 1 to 3 begin at postings 0, 1 and 2; then the last posting's tuple.
        for (Shards.Tuple t : new Shards.Tuple[] {title, text, text, text}) {
            t.encode(expected);
        }
        expected.add(99_000 * 4 + 1).add(100 * 4 + 2).add(900 * 4 + 3);
        b.next(0);
        b.next(1);
        b.next(2);
        assertEquals(expected.toString(), b.leveled().toString());
    }

    /**
     * The list gives a block its postings' order of documents (it walks the list in that order
     * once): here the posting that adds most has the last document.
     */
    @Test
    void aLeveledBlockWritesItsDocumentsInTheOrderItIsGiven() {
        Shards.Block b = new Shards.Block();
        Shards.Tuple title = new Shards.Tuple(1, 0, 1, 9, 0, 70);
        Shards.Tuple text = new Shards.Tuple(0, 0, 2, 0, 0, 60);
        b.add(title, new int[] {100_000}, 0, 1);
        b.add(text, new int[] {99_000, 99_100}, 0, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, b::leveled);
        assertEquals("the block knows the order of 0 of its 3 postings", e.getMessage());
        b.next(1);
        b.next(2);
        b.next(0);
        Digits expected = new Digits();
        for (Shards.Tuple t : new Shards.Tuple[] {title, text, text, text}) {
            t.encode(expected);
        }
        // 99,000 is the second posting (run 2), 99,100 the third (run 3), 100,000 the first (run 1).
        expected.add(99_000 * 4 + 2).add(100 * 4 + 3).add(900 * 4 + 1);
        assertEquals(expected.toString(), b.leveled().toString());
    }

    /**
     * A word's chunk gives the folded key's list, then each spelling's flag (bit 1: a spelling
     * other than the key, bit 2: the key's own list, not written again) and list. A word with one
     * spelling, with or without diacritics, shares its key's list; a word with two does not.
     */
    @Test
    void aWordWithOneSpellingSharesItsFoldedList(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.util.Map<String, String> pages = new java.util.TreeMap<>();
        for (int i = 0; i < 40; i++) {
            pages.put("trang-" + i + ".md", "---\ntitle: Trang " + i + "\n---\n"
                    + "Khoản " + i + " nói về xe" + " xe".repeat(i % 3) + (i % 2 == 0 ? " và hòa giải" : " và hoa") + ".\n");
        }
        java.nio.file.Path src = camnang.TestSites.write(tmp.resolve("noi-dung"), pages);
        java.nio.file.Path out = tmp.resolve("site");
        camnang.TestSites.Run r = camnang.TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        java.util.Map<String, List<Integer>> flags = new java.util.TreeMap<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(out.resolve("search"))) {
            for (java.nio.file.Path f : files.filter(f -> f.toString().contains("/w/") && f.toString().endsWith(".js")).toList()) {
                wordFlags(java.nio.file.Files.readString(f), flags);
            }
        }
        assertEquals(List.of(3), flags.get("khoan"));
        assertEquals(List.of(2), flags.get("xe"));
        assertEquals(List.of(3), flags.get("giai"), "giải: one spelling, not the key");
        // hoa (typed so) and hòa: two spellings, each its own list.
        assertEquals(List.of(0, 1), flags.get("hoa"));
    }

    /** Each key of a word chunk with its spellings' flags, read as camnang.js reads the chunk. */
    private static void wordFlags(String js, java.util.Map<String, List<Integer>> flags) {
        int[] at = {js.indexOf(',') + 1};
        List<String> suffixes = strings(js, at);
        at[0]++;
        strings(js, at);
        at[0]++;
        String meta = string(js, at);
        int[] m = {0};
        String key = "";
        for (String suffix : suffixes) {
            key = key.substring(0, digit(meta, m)) + suffix;
            int spellings = digit(meta, m);
            skipList(meta, m);
            List<Integer> mine = new java.util.ArrayList<>();
            for (int j = 0; j < spellings; j++) {
                int flag = digit(meta, m);
                mine.add(flag);
                if ((flag & 2) == 0) {
                    skipList(meta, m);
                }
            }
            flags.put(key, mine);
        }
    }

    private static void skipList(String meta, int[] m) {
        for (int i = 0; i < 3; i++) {
            digit(meta, m);
        }
        for (int b = digit(meta, m); b > 0; b--) {
            digit(meta, m);
            for (int i = 0; i < 3; i++) {
                if (digit(meta, m) > 0) {
                    digit(meta, m);
                }
            }
            digit(meta, m);
        }
    }

    private static int digit(String s, int[] at) {
        int v = 0;
        int scale = 1;
        while (true) {
            int c = Digits.ALPHABET.indexOf(s.charAt(at[0]++));
            if (c < Digits.BASE) {
                return v + c * scale;
            }
            v += (c - Digits.BASE) * scale;
            scale *= Digits.BASE;
        }
    }

    private static List<String> strings(String js, int[] at) {
        List<String> out = new java.util.ArrayList<>();
        at[0]++; // [
        while (js.charAt(at[0]) != ']') {
            out.add(string(js, at));
            if (js.charAt(at[0]) == ',') {
                at[0]++;
            }
        }
        at[0]++;
        return out;
    }

    private static String string(String js, int[] at) {
        StringBuilder sb = new StringBuilder();
        at[0]++; // "
        for (char c; (c = js.charAt(at[0]++)) != '"';) {
            if (c == '\\') {
                char e = js.charAt(at[0]++);
                if (e == 'u') {
                    sb.append((char) Integer.parseInt(js.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                } else {
                    sb.append(e == 'n' ? '\n' : e);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Blocks of 128, 256, 512, 1,024, 2,048 and 4,096 postings, then 4,096 each. */
    @Test
    void blocksGrowThenKeepTheirLastSize() {
        assertEquals(List.of(0, 128, 384, 896, 1920, 3968, 8064, 12160),
                java.util.stream.IntStream.range(0, 8).map(Shards::blockStart).boxed().toList());
        int[] at = {0, 127, 128, 383, 384, 895, 896, 1919, 1920, 3967, 3968, 8063, 8064, 12159, 12160, 100_000};
        int[] block = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 6 + (100_000 - 8064) / 4096};
        for (int i = 0; i < at.length; i++) {
            assertEquals(block[i], Shards.blockOf(at[i]), "posting " + at[i]);
        }
        // Every posting lies in the block that begins at or before it and ends after it.
        for (int a = 0; a < 30_000; a++) {
            int b = Shards.blockOf(a);
            assertTrue(Shards.blockStart(b) <= a && a < Shards.blockStart(b + 1), "posting " + a + " in block " + b);
        }
    }

    /**
     * The shards' folder is named by the sum of its files' fingerprints, so the order the threads
     * wrote them in does not matter; what does: a byte of a file, a file's name, two files'
     * contents swapped, a file more.
     */
    @Test
    void aFileFingerprintMixesItsNameAndItsContent() {
        byte[] x = "camnang.shard(\"p0\",\"#abc\");\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = "camnang.shard(\"p1\",\"#abd\");\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long written = Shards.fingerprint("p/0.js", x) + Shards.fingerprint("p/1.js", y);
        assertEquals(Shards.fingerprint("p/0.js", x), Shards.fingerprint("p/0.js", x.clone()));
        assertTrue(written != Shards.fingerprint("p/0.js", y) + Shards.fingerprint("p/1.js", x), "contents swapped");
        assertTrue(written != Shards.fingerprint("p/2.js", x) + Shards.fingerprint("p/1.js", y), "a file renamed");
        byte[] edited = x.clone();
        edited[edited.length - 6] = 'd';
        assertTrue(written != Shards.fingerprint("p/0.js", edited) + Shards.fingerprint("p/1.js", y), "a byte edited");
        assertTrue(written != written + Shards.fingerprint("p/2.js", new byte[0]), "an empty file more");
    }

    /**
     * Runs of pairs alike, alternately sharing a file and not, the first sharing (a first run may
     * be empty); or six pairs a digit where that is shorter.
     */
    @Test
    void pairsAreRunsOrBitsWhicheverIsShorter() {
        assertEquals("#", Shards.runs(new boolean[0]));
        assertEquals("#%$", Shards.runs(new boolean[] {false, false, true}));
        assertEquals("&", Shards.runs(new boolean[] {true, true, true}));
        boolean[] one = new boolean[50];
        one[0] = true;
        assertEquals("$" + new Digits().add(49), Shards.runs(one));
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        Shards.pairs(one, m);
        assertEquals(java.util.Map.of("pairs", "$" + new Digits().add(49)), m);
        // Alternate pairs: 13 runs of one, against three digits of bits.
        boolean[] alternate = new boolean[13];
        for (int i = 0; i < alternate.length; i += 2) {
            alternate[i] = true;
        }
        m.clear();
        Shards.pairs(alternate, m);
        String d = Digits.ALPHABET;
        assertEquals(java.util.Map.of("pairBits", "" + d.charAt(0b010101) + d.charAt(0b010101) + d.charAt(1)), m);
    }

    /**
     * Sections 2k and 2k + 1 share the file of 2k when it holds at most {@link Shards#PAIR} bytes: the
     * first two here do; the fourth is too long to share, so the third and fourth have a file each;
     * the fifth, last, has no neighbour.
     */
    @Test
    void smallNeighboursShareAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws java.io.IOException {
        String page = "---\ntitle: Trang\n---\n## Một\n\nXe một.\n\n## Hai\n\nXe hai.\n\n## Ba\n\nXe ba.\n\n"
                + "## Bốn\n\n" + "Xe bốn ". repeat(300) + "\n\n## Năm\n\nXe năm.\n";
        java.nio.file.Path src = camnang.TestSites.write(tmp.resolve("noi-dung"), java.util.Map.of("trang.md", page));
        java.nio.file.Path out = tmp.resolve("site");
        camnang.TestSites.Run r = camnang.TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String manifest = java.nio.file.Files.readString(out.resolve("search/manifest.js"));
        java.util.regex.Matcher dir = java.util.regex.Pattern.compile("\"dir\":\"([0-9a-f]+)\"").matcher(manifest);
        assertTrue(dir.find(), manifest);
        // Two pairs, the first shared: one digit of bits, shorter than two runs.
        assertTrue(manifest.contains("\"docs\":5,\"pairBits\":\"" + Digits.ALPHABET.charAt(0b01) + "\""), manifest);
        java.nio.file.Path f = out.resolve("search").resolve(dir.group(1)).resolve("f/0");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(f)) {
            assertEquals(List.of("0.js", "2.js", "3.js", "4.js"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("camnang.shard(\"f0\","
                + "{\"u\":\"trang.html#mot\",\"t\":\"Trang\",\"h\":\"Một\",\"x\":\"Xe một.\",\"ti\":1,\"s\":\"\",\"a\":[]},"
                + "{\"u\":\"trang.html#hai\",\"t\":\"Trang\",\"h\":\"Hai\",\"x\":\"Xe hai.\",\"s\":\"\",\"a\":[]});\n",
                java.nio.file.Files.readString(f.resolve("0.js")));
        assertTrue(java.nio.file.Files.readString(f.resolve("2.js")).startsWith("camnang.shard(\"f2\",{\"u\":\"trang.html#ba\""));
        assertTrue(java.nio.file.Files.readString(f.resolve("4.js")).startsWith("camnang.shard(\"f4\",{\"u\":\"trang.html#nam\""));
    }

    /**
     * Only sections of one page share a file: a page's text before its first heading (its URL
     * without an anchor) with its first section, never the last section of a page with the first
     * of the next, however small.
     */
    @Test
    void onlySectionsOfOnePageShareAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws java.io.IOException {
        java.nio.file.Path src = camnang.TestSites.write(tmp.resolve("noi-dung"), java.util.Map.of(
                "a.md", "---\ntitle: A\n---\nXe mở đầu.\n\n## Một\n\nXe một.\n",
                "b.md", "---\ntitle: B\n---\nXe bê.\n",
                "c.md", "---\ntitle: C\n---\nXe xê.\n"));
        java.nio.file.Path out = tmp.resolve("site");
        camnang.TestSites.Run r = camnang.TestSites.run("build", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String manifest = java.nio.file.Files.readString(out.resolve("search/manifest.js"));
        java.util.regex.Matcher dir = java.util.regex.Pattern.compile("\"dir\":\"([0-9a-f]+)\"").matcher(manifest);
        assertTrue(dir.find(), manifest);
        java.nio.file.Path f = out.resolve("search").resolve(dir.group(1)).resolve("f/0");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(f)) {
            assertEquals(List.of("0.js", "2.js", "3.js"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(java.nio.file.Files.readString(f.resolve("0.js")).matches(
                "(?s)camnang\\.shard\\(\"f0\",\\{\"u\":\"a\\.html\",.*\\},\\{\"u\":\"a\\.html#mot\",.*\\}\\);\n"),
                java.nio.file.Files.readString(f.resolve("0.js")));
        assertTrue(java.nio.file.Files.readString(f.resolve("2.js")).startsWith("camnang.shard(\"f2\",{\"u\":\"b.html\""));
        assertTrue(java.nio.file.Files.readString(f.resolve("3.js")).startsWith("camnang.shard(\"f3\",{\"u\":\"c.html\""));
    }
}
