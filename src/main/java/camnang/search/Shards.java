package camnang.search;

import camnang.Json;
import camnang.content.Audience;
import camnang.content.LegalDoc;
import camnang.content.Page;
import camnang.content.PageType;
import camnang.content.Section;
import camnang.content.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The browser's copy of the Lucene index: small files the JavaScript in {@code camnang.js}
 * loads with script tags (so it works from file:// too), only those a query needs.
 *
 * <ul>
 * <li>{@code search/manifest.js}: format version, the statistics BM25 needs (document count
 * and total length of each field), the boosts, facet labels, and the first key of each
 * dictionary chunk; everything else lies in {@code search/<hash>/}, named by a hash of all
 * of it, so a portal may cache those files for ever.</li>
 * <li>{@code w/N.js}, {@code b/N.js}: the dictionary cut by key range into chunks of about
 * {@link #CHUNK} characters. {@code w} holds the words under their folded form (what a query
 * without diacritics types) with each exact spelling found in the text; {@code b} the syllable
 * bigrams. Each key gives, per field, its document frequency, and its postings.</li>
 * <li>{@code p/…} (words), {@code q/…} (bigrams): postings, one list per key merged over
 * title, heading and text, each posting
 * a document with its frequency and norm in each field. A list is sorted by what it adds to
 * a document's score, highest first, and cut into blocks that double from 128 to 4,096
 * postings, so a query reads only the head of a common word's list. The first block gives each
 * posting's tuple (grouped by tuple, or in the order of documents where that is shorter), the
 * others only each posting's level, the run of the block it lies in, which bounds what it adds;
 * the dictionary gives the first posting of each block, a bound on all that follow. A short
 * list lies inline in its chunk.</li>
 * <li>{@code f/…}: a fragment per section, two neighbours' in one file when both are small
 * ({@link #PAIR}; the manifest's {@code pairs} or {@code pairBits} say which): URL, title, heading and the section's own text
 * (up to {@link #FRAGMENT_CAP} characters), and the title and heading it is searched with
 * where those differ ({@link LegalTitles}): the snippet, and the text the browser analyses to
 * learn a candidate's exact score without reading whole postings lists.</li>
 * <li>{@code g/…}: the rest of a cut section's text, when the whole is at most
 * {@link #TAIL_CAP} characters: a contender whose fragment is cut learns its exact score from
 * it instead of from the lists it is missing from, which for such a long section (its words
 * weigh little) are read far down.</li>
 * <li>{@code k/<doc>/…}: for a cut section longer than that, the frequency in its text of each
 * of its terms, in chunks by a hash of the key: such a contender (an article of 280,000 characters) learns its
 * exact score from the chunks of the query's terms instead of from the lists.</li>
 * <li>{@code t.js}: for each page, its number of sections and facets (section, type, audience,
 * form and status of its legal document), read only to filter.</li>
 * </ul>
 * Numbers are written as variable-length base-45 digits in printable ASCII ({@link Digits}).
 */
final class Shards {
    /**
     * 2: the facets form and status (manifest, page table, fragments), and the title and heading
     * a section is searched with ({@code ti}, {@code hs}) where they are not those shown.
     * 3: citation keys ({@code c/}, {@code r/}, {@code stats.cite}, {@code boost.cite}); the browser reads
     * their short lists whole, so fragments do not repeat them.
     * 4: a cut fragment's {@code cut} is the length of the text it keeps, and {@code g} the length
     * of the rest, written in {@code g/}, when there is such a file.
     * 5: a cut section too long for {@code g/} has a term file ({@code k/}) instead: its fragment's
     * {@code k} gives the separators of its chunks and {@code kn} the text's norm in each form.
     * 6: a list's blocks after the first give each posting's level in the block ({@link Block#leveled}),
     * not its tuple (a citation key's blocks are as before); directory pages of 64 separators; a
     * term file's chunk is chosen by a hash of the key, and a fragment's {@code k} is the number of
     * chunks.
     * 7: a spelling's list in a word's chunk may be the word's folded list (bit 2 of its flag), not repeated.
     * 8: sections 2k and 2k + 1 may share the file of 2k ({@link #PAIR}; the manifest's {@code pairs}
     * or {@code pairBits}).
     */
    static final int VERSION = 8;
    static final int FRAGMENT_CAP = 2000;
    /**
     * Two neighbouring sections of a page share a fragment file when it holds at most this many
     * bytes: on the disk each file costs a block of 4 KB and tens of microseconds of the kernel's
     * time, and 10,000 generated pages have 105,512 sections (66,616 files with pairs). More bytes,
     * or pairs across pages, took the legal corpus's second query of {@code quy định xử phạt} over
     * its 50 KB; see {@link #pairs}.
     */
    static final int PAIR = 2500;
    static final int TAIL_CAP = 16000;
    /**
     * A term file's chunk: each key of the query reads one ({@link #termChunk}). The
     * 281,966-character article of the legal corpus has about 130 KB of terms: for {@code quy định
     * xử phạt} (seven keys), chunks of 256 characters cost about 2.1 KB; chunks by key range cost
     * 2.9 KB (5 chunks of 512) and 1.6 KB of separators in its fragment, read whenever it is shown.
     */
    static final int TERM_CHUNK = 256;
    /**
     * A query word reads one chunk: 1,024 characters rather than 4,096 take about 6 KB off a
     * three-word query on the legal corpus, for 9% more files (legal corpus: 269,447 to 293,101).
     */
    static final int CHUNK = 1024;
    /**
     * A list's first block lies in its chunk when at most this long: every query of a word in the
     * chunk reads it, so a long one costs the queries of the chunk's other words (a common word's
     * rarer spellings). Legal corpus: the chunks of xử phạt 3.8 KB with 800, 3.0 with 400; 32 queries
     * other than the benchmark's read 3.7% less at first, 3.9% less next.
     */
    static final int INLINE = 400;
    /**
     * Postings per block. The first gives each posting's tuple, the others only its level
     * ({@link Block#leveled}); a first block of 64 took 4 KB off quy định xử phạt on the legal
     * corpus but made longer queries read far more (a first query of seven words 249 to 491 KB):
     * the exact head is what lifts the lower bounds that end the reading. Past 1,024 the blocks
     * keep growing to 4,096, the last size: far down a common word's list a query reads little, and
     * a block's bounds and file cost more than its postings' gaps save. Against blocks of 1,024 from
     * the fourth on, first queries of the legal corpus read 0.3-2.9 KB less, second ones as much or
     * up to 0.4 KB less (7 of the benchmark's pairs), and the 10,000 pages' shards are 17,136 files
     * fewer (BENCHMARKS.md, stop 23).
     */
    static final int[] BLOCKS = {128, 256, 512, 1024, 2048, 4096};
    /**
     * Runs of a block after a list's first ({@link Block#leveled}): 4 keep a document's gap times 4
     * within two digits in blocks of 512 and 1,024 postings of a common word (gaps of about 200 to
     * 400), where 8 take three in blocks of 512; a run's range is then about a quarter of the block's.
     */
    static final int LEVELS = 4;
    static final String[] FIELDS = SearchIndex.SEARCHED;

    /** What was written: sections, files, bytes, and the folder under {@code search/}. */
    public record Summary(int docs, int files, long bytes, String folder) {
    }

    private Shards() {
    }

    /** A frequency and norm for each field: postings with the same tuple score the same. */
    record Tuple(int f0, int f1, int f2, int n0, int n1, int n2) {
        void encode(Digits d) {
            field(d, f0, n0);
            field(d, f1, n1);
            field(d, f2, n2);
        }

        private static void field(Digits d, int f, int n) {
            d.add(f);
            if (f > 0) {
                d.add(n);
            }
        }
    }

    /** Ints without boxing: a block's documents, its groups' ends and order, the sizes of a list's tuples. */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    /** Open addressing from a packed tuple (never 0: some field holds the term) to its number. */
    private static final class LongIntMap {
        long[] keys = new long[16];
        int[] values = new int[16];
        int size;

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] == 0) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                long[] k = keys;
                int[] v = values;
                keys = new long[k.length * 2];
                values = new int[k.length * 2];
                size = 0;
                for (int i = 0; i < k.length; i++) {
                    if (k[i] != 0) {
                        put(k[i], v[i]);
                    }
                }
            }
            int mask = keys.length - 1;
            int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
            size++;
        }
    }

    /** Per form: statistics of the three fields, norms, BM25 caches and boosts. */
    private static final class Form {
        final String name;
        final String[] fields = new String[3];
        final Terms[] terms = new Terms[3];
        final long[] docCount = new long[3];
        final long[] sumTtf = new long[3];
        final byte[][] norms = new byte[3][];
        final float[][] normInverse = new float[3][];
        final float[] boost = new float[3];

        Form(Ranks ranks, String name, VietnameseAnalyzer.Form form) throws IOException {
            this.name = name;
            for (int i = 0; i < 3; i++) {
                fields[i] = FIELDS[i] + "_" + name;
                terms[i] = MultiTerms.getTerms(ranks.reader, fields[i]);
                boost[i] = form == null ? 1f : Search.boost(i, form);
                if (terms[i] != null) {
                    // As IndexSearcher's collection statistics: sums over the segments.
                    docCount[i] = terms[i].getDocCount();
                    sumTtf[i] = terms[i].getSumTotalTermFreq();
                    normInverse[i] = Bm25.normInverse(Bm25.avgdl(sumTtf[i], docCount[i]));
                }
                norms[i] = new byte[ranks.size()];
                for (int l = 0; l < ranks.leaves.size(); l++) {
                    NumericDocValues nv = ranks.leaves.get(l).getNormValues(fields[i]);
                    if (nv != null) {
                        for (int doc = nv.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = nv.nextDoc()) {
                            norms[i][ranks.rank[l][doc]] = (byte) nv.longValue();
                        }
                    }
                }
            }
        }
    }

    /**
     * The browser numbers documents in the site's order (the {@code order} value: page, then
     * section), whatever segments and order the threads left them in; Lucene's searcher breaks
     * ties in the same order ({@link Search}). So the shards are the same from build to build.
     */
    static final class Ranks {
        final IndexReader reader;
        final List<LeafReader> leaves = new ArrayList<>();
        final int[][] rank;
        final int[] leafOf;
        final int[] docOf;
        /** The page ordinal (in {@code Site.pages()}) of each rank. */
        final int[] pageOf;

        Ranks(IndexReader reader) throws IOException {
            this.reader = reader;
            int n = reader.maxDoc();
            long[] keys = new long[n];
            int[] leafOfDoc = new int[n];
            int[] docInLeaf = new int[n];
            rank = new int[reader.leaves().size()][];
            int k = 0;
            for (int l = 0; l < reader.leaves().size(); l++) {
                LeafReader leaf = reader.leaves().get(l).reader();
                leaves.add(leaf);
                rank[l] = new int[leaf.maxDoc()];
                NumericDocValues order = leaf.getNumericDocValues(SearchIndex.ORDER);
                for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                    if (order == null || !order.advanceExact(doc)) {
                        throw new IllegalStateException("a section without its order value");
                    }
                    keys[k] = order.longValue();
                    leafOfDoc[k] = l;
                    docInLeaf[k] = doc;
                    k++;
                }
            }
            Integer[] byOrder = new Integer[n];
            for (int i = 0; i < n; i++) {
                byOrder[i] = i;
            }
            Arrays.sort(byOrder, Comparator.comparingLong(i -> keys[i]));
            leafOf = new int[n];
            docOf = new int[n];
            pageOf = new int[n];
            for (int r = 0; r < n; r++) {
                int i = byOrder[r];
                rank[leafOfDoc[i]][docInLeaf[i]] = r;
                leafOf[r] = leafOfDoc[i];
                docOf[r] = docInLeaf[i];
                pageOf[r] = (int) (keys[i] >>> 24);
            }
        }

        int size() {
            return leafOf.length;
        }
    }

    /** Writes files in a folder of the output and sums a fingerprint of each, to name the folder. */
    private static final class Files2 {
        final Path dir;
        long bytes;
        int count;
        /**
         * The sum of every file's fingerprint (its name and content mixed): the same files give
         * the same sum in whatever order the threads wrote them. A sorted list of some 130,000
         * names digested at the end was the last 0.1-0.2 s of a build of the 10,000 pages, on one core.
         */
        private long sum;

        Files2(Path dir) {
            this.dir = dir;
        }

        /** Folders made; computeIfAbsent makes a second thread wait until the first has made it. */
        final Map<Path, Boolean> made = new ConcurrentHashMap<>();

        void write(String rel, String js) {
            write(rel, js.getBytes(StandardCharsets.UTF_8));
        }

        void write(String rel, byte[] b) {
            Path p = dir.resolve(rel);
            try {
                made.computeIfAbsent(p.getParent(), dir -> {
                    try {
                        Files.createDirectories(dir);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                });
                Files.write(p, b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long f = fingerprint(rel, b);
            synchronized (this) {
                bytes += b.length;
                count++;
                sum += f;
            }
        }

        /** The folder's name: 12 hexadecimal digits of a digest of the files' fingerprints. */
        String hash() {
            java.nio.ByteBuffer all = java.nio.ByteBuffer.allocate(20).putLong(sum).putLong(bytes).putInt(count);
            return camnang.Digests.hex(all.array()).substring(0, 12);
        }
    }

    /**
     * A file's name and content mixed into 64 bits (a name's hash and the content's
     * {@link camnang.Digests#checksums}: length, CRC-32C, CRC-32; each step through a 64-bit
     * finaliser), so that swapping two files' contents, or renaming one, changes the sum of the
     * fingerprints.
     */
    static long fingerprint(String name, byte[] content) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        java.nio.ByteBuffer sums = java.nio.ByteBuffer.wrap(camnang.Digests.checksums(content));
        long length = sums.getInt();
        long crc32c = sums.getInt() & 0xFFFFFFFFL;
        long crc32 = sums.getInt() & 0xFFFFFFFFL;
        long x = mix(h) + crc32c * 0x9E3779B97F4A7C15L;
        x = mix(x) + (length << 32 | crc32);
        return mix(x);
    }

    /** The finaliser of SplitMix64: every bit of the result depends on every bit of {@code z}. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static Summary write(IndexReader reader, Site site, Path searchDir, BiConsumer<String, byte[]> write)
            throws IOException {
        Path temp = searchDir.resolve("tmp");
        Files2 out = new Files2(temp);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("v", VERSION);
        int maxDoc = reader.maxDoc();
        manifest.put("docs", maxDoc);
        Map<String, Object> stats = new LinkedHashMap<>();
        Map<String, Object> dict = new LinkedHashMap<>();
        if (maxDoc > 0) {
            Ranks ranks = new Ranks(reader);
            Form exact = new Form(ranks, "exact", VietnameseAnalyzer.Form.EXACT);
            Form folded = new Form(ranks, "folded", VietnameseAnalyzer.Form.FOLDED);
            Form bigram = new Form(ranks, "bigram", VietnameseAnalyzer.Form.BIGRAM);
            // Citation keys: only title_cite exists (SearchIndex.CITE); its boosts are the query's.
            Form cite = new Form(ranks, "cite", null);
            for (Form f : List.of(exact, folded, bigram, cite)) {
                List<Object> s = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    s.add(List.of(f.docCount[i], f.sumTtf[i]));
                }
                stats.put(f.name, s);
            }
            // Words, bigrams and fragments are independent; fragments are mostly file creation,
            // which overlaps well with the dictionaries' computing.
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                java.util.concurrent.Future<Map<String, Object>> b = pool.submit(
                        () -> bigrams(ranks, bigram, new Blocks(out, "q"), out, "b"));
                // Even: a pair of sections is written by one thread.
                int half = ranks.size() / 4 * 2;
                // The text's norm in each form, for the term files of long sections (k/).
                byte[][] textNorms = {exact.norms[2], folded.norms[2], bigram.norms[2]};
                boolean[] paired = new boolean[maxDoc / 2];
                java.util.concurrent.Future<?> f1 = pool.submit(() -> fragments(ranks, out, 0, half, textNorms, paired));
                java.util.concurrent.Future<?> f2 = pool.submit(
                        () -> fragments(ranks, out, half, ranks.size(), textNorms, paired));
                // Queued behind the others: the words, on this thread, take longest.
                java.util.concurrent.Future<Map<String, Object>> c = pool.submit(
                        () -> bigrams(ranks, cite, new Blocks(out, "r"), out, "c"));
                dict.put("w", words(ranks, exact, folded, new Blocks(out, "p"), out));
                dict.put("b", b.get());
                dict.put("c", c.get());
                f1.get();
                f2.get();
                pairs(paired, manifest);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new UncheckedIOException((IOException) e.getCause());
            } finally {
                pool.shutdownNow();
            }
            manifest.put("pages", pages(ranks, site, out, manifest));
        } else {
            manifest.put("facets", Map.of("section", List.of(), "type", List.of(), "audience", List.of(),
                    "form", List.of(), "status", List.of()));
        }
        manifest.put("stats", stats);
        manifest.put("boost", boosts());
        manifest.put("prefix", Map.of("min", Search.PREFIX_MIN, "max", Search.PREFIX_MAX));
        manifest.put("fragmentCap", FRAGMENT_CAP);
        manifest.put("dict", dict);
        String hash = out.hash();
        manifest.put("dir", hash);
        Path target = searchDir.resolve(hash);
        if (Files.exists(temp)) {
            Files.move(temp, target);
        }
        byte[] m = ("camnang.shard(\"manifest\"," + json(manifest) + ");\n").getBytes(StandardCharsets.UTF_8);
        write.accept(SearchIndex.BROWSER_DIR + "/manifest.js", m);
        return new Summary(maxDoc, out.count + 1, out.bytes + m.length, hash);
    }

    private static Map<String, Object> boosts() {
        Map<String, Object> b = new LinkedHashMap<>();
        for (VietnameseAnalyzer.Form f : VietnameseAnalyzer.Form.values()) {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                l.add(Search.boost(i, f));
            }
            b.put(f.name().toLowerCase(), l);
        }
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            l.add(Search.prefixBoost(i));
        }
        b.put("prefix", l);
        b.put("cite", List.of(Search.CITE_WEIGHT, Search.CITE_DOC_WEIGHT));
        return b;
    }

    /** Posting blocks written to files {@code p/…}, numbered in the order they are made. */
    private static final class Blocks {
        final Files2 out;
        final String kind;
        int next;

        Blocks(Files2 out, String kind) {
            this.out = out;
            this.kind = kind;
        }

        /** Digits need no escaping in a string ({@link Digits}): the file is written from them as they are. */
        int write(Digits data) {
            int n = next++;
            byte[] before = new StringBuilder("camnang.shard(\"").append(kind).append(n).append("\",\"").toString()
                    .getBytes(StandardCharsets.ISO_8859_1);
            out.write(path(kind, n), data.between(before, END));
            return n;
        }

        private static final byte[] END = "\");\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    static String path(String kind, int n) {
        return kind + "/" + (n / 1000) + "/" + (n % 1000) + ".js";
    }

    /**
     * One dictionary: keys in order, each with its lists; cut into chunks. {@code entry} appends
     * a key's description to the chunk's digits and inline blocks, and returns the strings the
     * key adds to the chunk.
     */
    private static final class Chunker {
        final String kind;
        final Files2 out;
        final StringBuilder separators = new StringBuilder();
        int chunks;
        String previous = "";
        String lastFlushed = null;
        List<String> keys = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> inline = new ArrayList<>();
        Digits meta = new Digits();
        int size;

        Chunker(String kind, Files2 out) {
            this.kind = kind;
            this.out = out;
        }

        /**
         * Starts a key: the chunk keeps what it does not share with the key before it, and the
         * manifest, for a chunk's first key, the shortest prefix that still sorts after the last
         * key of the chunk before.
         */
        void key(String key) {
            if (keys.isEmpty()) {
                String sep = key;
                if (lastFlushed != null) {
                    for (int n = 1; n <= key.length(); n++) {
                        if (key.substring(0, n).compareTo(lastFlushed) > 0) {
                            sep = key.substring(0, n);
                            break;
                        }
                    }
                }
                separators.append(chunks == 0 ? "" : SEPARATOR).append(sep);
                previous = "";
            }
            int shared = 0;
            int max = Math.min(previous.length(), key.length());
            while (shared < max && previous.charAt(shared) == key.charAt(shared)) {
                shared++;
            }
            if (shared > 0 && Character.isHighSurrogate(key.charAt(shared - 1))) {
                shared--; // never split a surrogate pair
            }
            meta.add(shared);
            keys.add(key.substring(shared));
            size += key.length() - shared + 4;
            previous = key;
        }

        void flushIfFull() {
            if (size >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (keys.isEmpty()) {
                return;
            }
            int n = chunks++;
            StringBuilder sb = new StringBuilder("camnang.shard(\"").append(kind).append(n).append("\",")
                    .append(strings(keys)).append(',').append(strings(extra)).append(',')
                    .append(Json.string(meta.toString())).append(',').append(strings(inline)).append(");\n");
            out.write(path(kind, n), sb.toString());
            lastFlushed = previous;
            keys = new ArrayList<>();
            extra = new ArrayList<>();
            inline = new ArrayList<>();
            meta = new Digits();
            size = 0;
        }

        /**
         * Where the chunks' separators go: in pages of {@link #PAGE} (files {@code wd/…}), and
         * the manifest holds only the first separator of each page, so that it stays small
         * however large the dictionary grows. A lookup reads one page, then one chunk.
         */
        Map<String, Object> done() {
            flush();
            String[] all = separators.toString().split(java.util.regex.Pattern.quote(SEPARATOR), -1);
            StringBuilder heads = new StringBuilder();
            for (int p = 0; p * PAGE < all.length; p++) {
                List<String> page = Arrays.asList(all).subList(p * PAGE, Math.min(all.length, (p + 1) * PAGE));
                out.write(path(kind + "d", p), "camnang.shard(\"" + kind + "d" + p + "\","
                        + Json.string(String.join(SEPARATOR, page)) + ");\n");
                heads.append(p == 0 ? "" : SEPARATOR).append(page.get(0));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pages", heads.toString());
            m.put("chunks", chunks);
            return m;
        }
    }

    /** Between the manifest's chunk separators: no key holds it (keys are words, numbers and spaces). */
    static final String SEPARATOR = "|";
    /**
     * Chunk separators per directory page: a query word reads one page, 64 rather than 128 take
     * about 1 KB off a second query of two new words, for 3.9 KB more in the manifest (read once).
     */
    static final int PAGE = 64;

    /**
     * Words: each key is a folded form; its entry gives the folded list, then each exact
     * spelling that folds to it with its own list. A query word finds both in one chunk.
     */
    private static Map<String, Object> words(Ranks ranks, Form exact, Form folded, Blocks blocks, Files2 out)
            throws IOException {
        TreeMap<String, List<String>> variants = new TreeMap<>();
        for (String t : keys(folded)) {
            variants.computeIfAbsent(t, k -> new ArrayList<>());
        }
        for (String e : keys(exact)) {
            variants.computeIfAbsent(Syllables.fold(e), k -> new ArrayList<>()).add(e);
        }
        Chunker c = new Chunker("w", out);
        TermsEnum[][] fe = enums(ranks, folded);
        TermsEnum[][] ee = enums(ranks, exact);
        boolean alike = alike(exact, folded);
        for (Map.Entry<String, List<String>> en : variants.entrySet()) {
            c.key(en.getKey());
            c.meta.add(en.getValue().size());
            c.size += list(ranks, folded, fe, en.getKey(), c, blocks);
            boolean only = alike && en.getValue().size() == 1;
            for (String v : en.getValue()) {
                // Bit 1: a spelling other than the key (most spellings without diacritics are their
                // key, which is not repeated). Bit 2: the list is the key's own, not written again:
                // a word with one spelling (43% of the exact postings of the 10,000 pages).
                boolean same = only && sameList(exact, ee, fe, en.getKey(), v);
                boolean other = !v.equals(en.getKey());
                c.meta.add((other ? 1 : 0) | (same ? 2 : 0));
                if (other) {
                    c.extra.add(v);
                    c.size += v.length() + 3;
                }
                if (!same) {
                    c.size += list(ranks, exact, ee, v, c, blocks);
                }
            }
            c.flushIfFull();
        }
        return c.done();
    }

    /** Bigrams ({@code b}), or citation keys ({@code c}): a list per key. */
    private static Map<String, Object> bigrams(Ranks ranks, Form bigram, Blocks blocks, Files2 out, String kind)
            throws IOException {
        Chunker c = new Chunker(kind, out);
        TermsEnum[][] be = enums(ranks, bigram);
        for (String k : keys(bigram)) {
            c.key(k);
            // A citation key's list is read whole and what it adds is taken from its postings: exact.
            c.size += list(ranks, bigram, be, k, c, blocks, !kind.equals("c"));
            c.flushIfFull();
        }
        return c.done();
    }

    /** Every term of the form's three fields, in the order of JavaScript's string comparison. */
    private static TreeSet<String> keys(Form f) throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        for (Terms t : f.terms) {
            if (t != null) {
                TermsEnum te = t.iterator();
                for (BytesRef b = te.next(); b != null; b = te.next()) {
                    keys.add(b.utf8ToString());
                }
            }
        }
        return keys;
    }

    /** A terms enum for each segment and field of the form. */
    private static TermsEnum[][] enums(Ranks ranks, Form f) throws IOException {
        TermsEnum[][] e = new TermsEnum[ranks.leaves.size()][3];
        for (int l = 0; l < e.length; l++) {
            for (int i = 0; i < 3; i++) {
                Terms t = ranks.leaves.get(l).terms(f.fields[i]);
                e[l][i] = t == null ? null : t.iterator();
            }
        }
        return e;
    }

    /**
     * Describes the list of {@code term} into the chunk: document frequency per field, then
     * its blocks, each with its size, its first tuple (the bound) and where it lies.
     * Returns the characters added.
     */
    private static int list(Ranks ranks, Form f, TermsEnum[][] te, String term, Chunker c, Blocks blocks)
            throws IOException {
        return list(ranks, f, te, term, c, blocks, true);
    }

    /** A thread's arrays for {@link #list}, grown as lists need and kept from one term to the next. */
    private static final class Scratch {
        /** Each field's postings, (rank << 32 | freq), sorted by rank. */
        final long[][] postings = {new long[64], new long[64], new long[64]};
        /** The list's documents in order, and each one's tuple (its group). */
        int[] docs = new int[64];
        int[] group = new int[64];
        /** Where each document lies in the list in the order of what the postings add. */
        int[] place = new int[64];
        /** The last list's groups: their tuples, their order, and the list's document frequency per field ({@link #sameList}). */
        List<Tuple> tuples;
        Integer[] order;
        int[] df;

        void room(int n) {
            if (docs.length < n) {
                int m = Math.max(n, 2 * docs.length);
                docs = new int[m];
                group = new int[m];
                place = new int[m];
            }
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** As above; {@code leveled}: blocks after the first give each posting's level, not its tuple. */
    private static int list(Ranks ranks, Form f, TermsEnum[][] te, String term, Chunker c, Blocks blocks,
            boolean leveled) throws IOException {
        Scratch s = SCRATCH.get();
        BytesRef ref = new BytesRef(term);
        int[] df = new int[3];
        int before = c.meta.length();
        boolean[] found = new boolean[te.length];
        int union = 0;
        for (int i = 0; i < 3; i++) {
            // Postings of every segment, by rank: (rank << 32 | freq), sorted.
            int total = 0;
            for (int l = 0; l < te.length; l++) {
                found[l] = te[l][i] != null && te[l][i].seekExact(ref);
                if (found[l]) {
                    total += te[l][i].docFreq();
                }
            }
            long[] merged = s.postings[i];
            if (merged.length < total) {
                merged = new long[Math.max(total, 2 * merged.length)];
                s.postings[i] = merged;
            }
            int n = 0;
            for (int l = 0; l < te.length; l++) {
                if (found[l]) {
                    int[] rank = ranks.rank[l];
                    PostingsEnum pe = te[l][i].postings(null, PostingsEnum.FREQS);
                    for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
                        if (n == merged.length) {
                            merged = Arrays.copyOf(merged, 2 * n);
                            s.postings[i] = merged;
                        }
                        merged[n++] = (long) rank[d] << 32 | pe.freq();
                    }
                }
            }
            Arrays.sort(merged, 0, n);
            df[i] = n;
            union += n;
            c.meta.add(n);
        }
        float[] weight = weights(f, df);
        // Merge the three fields' postings by document, numbering the tuples as they come.
        // A tuple packs into a long (the common case) for a cheap lookup per posting.
        s.room(union);
        int[] docs = s.docs;
        int[] group = s.group;
        long[] p0 = s.postings[0];
        long[] p1 = s.postings[1];
        long[] p2 = s.postings[2];
        int n0 = df[0];
        int n1 = df[1];
        int n2 = df[2];
        byte[] norms0 = f.norms[0];
        byte[] norms1 = f.norms[1];
        byte[] norms2 = f.norms[2];
        LongIntMap ids = new LongIntMap();
        Map<Tuple, Integer> unpacked = null;
        List<Tuple> tupleOf = new ArrayList<>();
        IntList sizes = new IntList();
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int size = 0;
        while (true) {
            int doc = Integer.MAX_VALUE;
            if (a0 < n0) {
                doc = (int) (p0[a0] >>> 32);
            }
            if (a1 < n1) {
                doc = Math.min(doc, (int) (p1[a1] >>> 32));
            }
            if (a2 < n2) {
                doc = Math.min(doc, (int) (p2[a2] >>> 32));
            }
            if (doc == Integer.MAX_VALUE) {
                break;
            }
            int f0 = 0;
            int f1 = 0;
            int f2 = 0;
            int m0 = 0;
            int m1 = 0;
            int m2 = 0;
            if (a0 < n0 && (int) (p0[a0] >>> 32) == doc) {
                f0 = (int) p0[a0++];
                m0 = norms0[doc] & 0xFF;
            }
            if (a1 < n1 && (int) (p1[a1] >>> 32) == doc) {
                f1 = (int) p1[a1++];
                m1 = norms1[doc] & 0xFF;
            }
            if (a2 < n2 && (int) (p2[a2] >>> 32) == doc) {
                f2 = (int) p2[a2++];
                m2 = norms2[doc] & 0xFF;
            }
            int id;
            if (f0 < 1024 && f1 < 1024 && f2 < (1 << 20)) {
                long key = (long) f0 << 54 | (long) f1 << 44 | (long) f2 << 24 | m0 << 16 | m1 << 8 | m2;
                id = ids.get(key);
                if (id < 0) {
                    id = tupleOf.size();
                    ids.put(key, id);
                    tupleOf.add(new Tuple(f0, f1, f2, m0, m1, m2));
                    sizes.add(0);
                }
            } else {
                if (unpacked == null) {
                    unpacked = new HashMap<>();
                }
                Tuple t = new Tuple(f0, f1, f2, m0, m1, m2);
                Integer known = unpacked.get(t);
                if (known == null) {
                    known = tupleOf.size();
                    unpacked.put(t, known);
                    tupleOf.add(t);
                    sizes.add(0);
                }
                id = known;
            }
            sizes.values[id]++;
            docs[size] = doc;
            group[size++] = id;
        }
        // The tuples by what they add, most first; each one's documents in order. A tuple either
        // packs or it does not, so no two numbers share one.
        int groups = tupleOf.size();
        double[] value = new double[groups];
        Integer[] order = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            value[g] = contribution(f, weight, tupleOf.get(g));
            order[g] = g;
        }
        Arrays.sort(order, (x, y) -> before(value[x], tupleOf.get(x), value[y], tupleOf.get(y)));
        s.tuples = tupleOf;
        s.order = order;
        s.df = df;
        int[] next = new int[groups];
        for (int g = 0, at = 0; g < groups; g++) {
            next[order[g]] = at;
            at += sizes.values[order[g]];
        }
        int[] place = s.place;
        int[] byValue = new int[size];
        for (int k = 0; k < size; k++) {
            int at = next[group[k]]++;
            place[k] = at;
            byValue[at] = docs[k];
        }
        // Cut into blocks of growing size, each holding its groups' runs.
        int count = size == 0 ? 0 : blockOf(size - 1) + 1;
        Block[] cut = new Block[count];
        for (int g = 0, at = 0; g < groups; g++) {
            Tuple t = tupleOf.get(order[g]);
            int end = at + sizes.values[order[g]];
            while (at < end) {
                int b = blockOf(at);
                if (cut[b] == null) {
                    cut[b] = new Block();
                }
                int take = Math.min(end, blockStart(b + 1)) - at;
                cut[b].add(t, byValue, at, at + take);
                at += take;
            }
        }
        // The blocks after the first learn their postings' order of documents in one pass over
        // the list, instead of each sorting its own: that sorting was a fifth of the dictionaries' time.
        if (leveled) {
            for (int k = 0; k < size; k++) {
                int at = place[k];
                int b = blockOf(at);
                if (b > 0) {
                    cut[b].next(at - blockStart(b));
                }
            }
        }
        c.meta.add(count);
        int added = 0;
        for (int b = 0; b < count; b++) {
            Block k = cut[b];
            Digits data;
            if (b > 0 && leveled) {
                data = k.leveled();
            } else {
                data = k.grouped();
                Digits byDoc = k.byDoc();
                if (byDoc != null && byDoc.length() < data.length()) {
                    data = byDoc;
                }
            }
            c.meta.add(k.docs.size);
            k.tuples.get(0).encode(c.meta);
            if (b == 0 && data.length() <= INLINE) {
                String inline = data.toString();
                c.meta.add(0);
                c.inline.add(inline);
                added += inline.length() + 3;
            } else {
                c.meta.add(blocks.write(data) + 1);
            }
        }
        return added + c.meta.length() - before;
    }

    /** Where each block of {@link #BLOCKS} begins, in postings, and where the blocks of the last size begin. */
    private static final int[] STARTS = new int[BLOCKS.length + 1];
    /**
     * The block of each posting below {@code STARTS[BLOCKS.length]}, by its place divided by the
     * first block's size (every block's size is a multiple of it). A list's every posting asks for
     * its block twice; a loop over the sizes each time took 2.6% of a build's samples (JFR).
     */
    private static final byte[] BLOCK_OF;

    static {
        for (int b = 0; b < BLOCKS.length; b++) {
            if (BLOCKS[b] % BLOCKS[0] != 0) {
                throw new IllegalStateException("a block's size is not a multiple of the first's: " + BLOCKS[b]);
            }
            STARTS[b + 1] = STARTS[b] + BLOCKS[b];
        }
        BLOCK_OF = new byte[STARTS[BLOCKS.length] / BLOCKS[0]];
        for (int b = 0; b < BLOCKS.length; b++) {
            Arrays.fill(BLOCK_OF, STARTS[b] / BLOCKS[0], STARTS[b + 1] / BLOCKS[0], (byte) b);
        }
    }

    /** The order of a list's groups: what they add, most first, then their tuples' numbers. */
    private static int before(double vx, Tuple tx, double vy, Tuple ty) {
        int k = Double.compare(vy, vx);
        k = k != 0 ? k : Integer.compare(tx.f0(), ty.f0());
        k = k != 0 ? k : Integer.compare(tx.f1(), ty.f1());
        k = k != 0 ? k : Integer.compare(tx.f2(), ty.f2());
        k = k != 0 ? k : Integer.compare(tx.n0(), ty.n0());
        k = k != 0 ? k : Integer.compare(tx.n1(), ty.n1());
        return k != 0 ? k : Integer.compare(tx.n2(), ty.n2());
    }

    /**
     * Whether the list of {@code spelling} in the exact form would be, byte for byte, the list of
     * {@code key} in the folded form that {@link #list} has just written: the same postings (the
     * folded term holds the spelling's, so equal document and total frequencies in every field
     * and segment mean the same), and its groups in the same order under the exact form's
     * weights. For forms with the same norms and statistics ({@link #alike}).
     */
    private static boolean sameList(Form exact, TermsEnum[][] ee, TermsEnum[][] fe, String key, String spelling)
            throws IOException {
        BytesRef k = new BytesRef(key);
        BytesRef v = new BytesRef(spelling);
        for (int l = 0; l < fe.length; l++) {
            for (int i = 0; i < 3; i++) {
                boolean f = fe[l][i] != null && fe[l][i].seekExact(k);
                boolean e = ee[l][i] != null && ee[l][i].seekExact(v);
                if (f != e || f && (fe[l][i].docFreq() != ee[l][i].docFreq()
                        || fe[l][i].totalTermFreq() != ee[l][i].totalTermFreq())) {
                    return false;
                }
            }
        }
        Scratch s = SCRATCH.get();
        float[] weight = weights(exact, s.df);
        Tuple a = null;
        double va = 0;
        for (Integer g : s.order) {
            Tuple b = s.tuples.get(g);
            double vb = contribution(exact, weight, b);
            if (a != null && before(va, a, vb, b) >= 0) {
                return false;
            }
            a = b;
            va = vb;
        }
        return true;
    }

    /** Each field's weight for a list of the form with these document frequencies: its boost times BM25's idf. */
    private static float[] weights(Form f, int[] df) {
        float[] weight = new float[3];
        for (int i = 0; i < 3; i++) {
            if (df[i] > 0) {
                weight[i] = f.boost[i] * Bm25.idf(df[i], f.docCount[i]);
            }
        }
        return weight;
    }

    /** Whether lists in the two forms are scored alike: the same norms, document counts and lengths in each field. */
    private static boolean alike(Form a, Form b) {
        for (int i = 0; i < 3; i++) {
            if (a.docCount[i] != b.docCount[i] || a.sumTtf[i] != b.sumTtf[i] || !Arrays.equals(a.norms[i], b.norms[i])) {
                return false;
            }
        }
        return true;
    }

    /** The block that the posting at {@code at}, in the order of what they add, falls in: blocks grow as {@link #BLOCKS}. */
    static int blockOf(int at) {
        int past = at - STARTS[BLOCKS.length];
        return past < 0 ? BLOCK_OF[at / BLOCKS[0]] : BLOCKS.length + past / BLOCKS[BLOCKS.length - 1];
    }

    /** Where block {@code b} begins, in postings. */
    static int blockStart(int b) {
        return b <= BLOCKS.length ? STARTS[b] : STARTS[BLOCKS.length] + (b - BLOCKS.length) * BLOCKS[BLOCKS.length - 1];
    }

    /**
     * A block's postings, to be written in the order of documents where that is shorter: far down
     * a common word's list nearly every posting has a tuple of its own, so grouping by tuple saves
     * nothing, while documents in order differ by a few hundred (two digits, not four): about a
     * fifth less.
     */
    static final class Block {
        final IntList docs = new IntList();
        /** The tuple of each group, and the index in {@code docs} where the next group begins. */
        final List<Tuple> tuples = new ArrayList<>();
        final IntList ends = new IntList();
        /** For {@link #leveled}: the postings' places, in the order of documents ({@link #next}). */
        final IntList inOrder = new IntList();

        void add(Tuple t, int[] values, int from, int to) {
            for (int j = from; j < to; j++) {
                docs.add(values[j]);
            }
            tuples.add(t);
            ends.add(docs.size);
        }

        /** Each group's count and tuple, then its documents' gaps. */
        Digits grouped() {
            Digits d = new Digits();
            for (int g = 0, i = 0; g < tuples.size(); g++) {
                int end = ends.values[g];
                d.add(end - i);
                tuples.get(g).encode(d);
                for (int prev = 0; i < end; i++) {
                    d.add(docs.values[i] - prev);
                    prev = docs.values[i];
                }
            }
            return d;
        }

        /**
         * 0 (a group of tuples is never empty, so it marks this form), then each document's gap and
         * tuple; null where it cannot be shorter: a group costs its count and tuple (at least 5
         * digits), in the order of documents each posting but one costs the tuple again (at least 4)
         * and a gap saves at most 3 digits over a document's number (under 4 million sections), so
         * with 5 postings a group or more, grouping is shorter.
         */
        Digits byDoc() {
            if (5 * tuples.size() <= docs.size) {
                return null;
            }
            // At most 4,096 postings: the document and its group in one long, sorted unboxed.
            long[] at = new long[docs.size];
            for (int g = 0, i = 0; g < tuples.size(); g++) {
                for (; i < ends.values[g]; i++) {
                    at[i] = (long) docs.values[i] << 32 | g;
                }
            }
            Arrays.sort(at);
            Digits d = new Digits();
            d.add(0);
            int prev = 0;
            for (long a : at) {
                int doc = (int) (a >>> 32);
                d.add(doc - prev);
                prev = doc;
                tuples.get((int) a).encode(d);
            }
            return d;
        }

        /**
         * The block's postings by level, for a block after a list's first: the postings, in the
         * order of what they add, fall into {@link #LEVELS} runs of equal length; the block gives
         * the first tuple of each run but the first (the dictionary gives that one) and its own
         * last tuple, then each document's gap times {@code LEVELS} plus its run. A posting adds
         * at most what its run's first tuple adds and at least what the next run's (or the last
         * tuple) adds: far down a common word's list the block's range is narrow, so that bounds
         * a document's score almost as well as its tuple, which costs four digits more; the
         * documents that need their exact score (those shown) are scored from their text.
         */
        Digits leveled() {
            int n = docs.size;
            if (inOrder.size != n) {
                throw new IllegalStateException("the block knows the order of " + inOrder.size + " of its " + n + " postings");
            }
            Digits d = new Digits();
            for (int j = 1; j < LEVELS; j++) {
                tupleAt(j * n / LEVELS).encode(d);
            }
            tupleAt(n - 1).encode(d);
            // The posting at i lies in run lv when lv * n / LEVELS <= i < (lv + 1) * n / LEVELS.
            int[] starts = new int[LEVELS];
            for (int j = 1; j < LEVELS; j++) {
                starts[j] = j * n / LEVELS;
            }
            int[] values = docs.values;
            int prev = 0;
            for (int k = 0; k < n; k++) {
                int i = inOrder.values[k];
                int lv = 0;
                while (lv + 1 < LEVELS && starts[lv + 1] <= i) {
                    lv++;
                }
                int doc = values[i];
                d.add((doc - prev) * LEVELS + lv);
                prev = doc;
            }
            return d;
        }

        /** The posting at {@code i} (in the order of what they add) comes next in the order of documents. */
        void next(int i) {
            inOrder.add(i);
        }

        /** The tuple of the posting at position i, in the order of what they add. */
        private Tuple tupleAt(int i) {
            int g = 0;
            while (ends.values[g] <= i) {
                g++;
            }
            return tuples.get(g);
        }
    }

    /** The sum, in the order of the fields, of what each field's clause adds: as Lucene sums a disjunction. */
    private static double contribution(Form f, float[] weight, Tuple t) {
        int[] freq = {t.f0(), t.f1(), t.f2()};
        int[] norm = {t.n0(), t.n1(), t.n2()};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            if (freq[i] > 0) {
                sum += Bm25.score(weight[i], freq[i], f.normInverse[i][norm[i]]);
            }
        }
        return sum;
    }

    /** One file per section: what a result shows, and the text the browser analyses to score it. */
    private static Void fragments(Ranks ranks, Files2 out, int from, int to, byte[][] textNorms, boolean[] paired)
            throws IOException {
        StoredFields[] stored = new StoredFields[ranks.leaves.size()];
        for (int l = 0; l < stored.length; l++) {
            stored[l] = ranks.leaves.get(l).storedFields();
        }
        Fragment fragment = new Fragment();
        byte[] held = null;
        for (int doc = from; doc < to; doc++) {
            // A segment kept in memory gives its stored UTF-8 as it is; Lucene's index on disk gives
            // strings, put in the same form.
            byte[] values = Inverted.storedBytes(ranks.leaves.get(ranks.leafOf[doc]), ranks.docOf[doc]);
            fragment.read(values != null ? values : Fragment.stored(stored[ranks.leafOf[doc]].document(ranks.docOf[doc])));
            byte[] b;
            if (fragment.textLength() <= FRAGMENT_CAP) {
                b = fragment.bytes(null, "");
            } else {
                String text = fragment.text();
                int end = cutAt(text, FRAGMENT_CAP);
                StringBuilder cut = new StringBuilder(",\"cut\":").append(end);
                if (text.length() <= TAIL_CAP) {
                    String rest = text.substring(end);
                    cut.append(",\"g\":").append(rest.length());
                    out.write(path("g", doc), "camnang.shard(\"g" + doc + "\"," + Json.string(rest) + ");\n");
                } else {
                    cut.append(",\"k\":").append(terms(text, doc, out));
                    cut.append(",\"kn\":[").append(textNorms[0][doc] & 0xFF).append(',').append(textNorms[1][doc] & 0xFF)
                            .append(',').append(textNorms[2][doc] & 0xFF).append(']');
                }
                b = fragment.bytes(text.substring(0, end) + " …", cut);
            }
            // An even section waits for its odd neighbour, which joins its file when both are small
            // and of one page: a query that shows one of a page's sections often reads its neighbour.
            if ((doc & 1) == 0) {
                held = b;
            } else if (ranks.pageOf[doc - 1] == ranks.pageOf[doc] && Fragment.fileLength(doc - 1, held, b) <= PAIR) {
                paired[doc >> 1] = true;
                out.write(path("f", doc - 1), Fragment.file(doc - 1, held, b));
                held = null;
            } else {
                out.write(path("f", doc - 1), Fragment.file(doc - 1, held, null));
                out.write(path("f", doc), Fragment.file(doc, b, null));
                held = null;
            }
        }
        if (held != null) {
            out.write(path("f", to - 1), Fragment.file(to - 1, held, null));
        }
        return null;
    }

    /**
     * Which pairs of sections (2k and 2k + 1) share a file ({@link #PAIR}): what the browser needs
     * to find an odd section's fragment in its even neighbour's file. Written the shorter way: as
     * {@code pairs}, the lengths of the runs of pairs alike, alternately shared and not, the first
     * shared (the legal corpus: about 7,600 bytes, against 16,600 of bits); or as {@code pairBits},
     * six pairs a digit, the first the lowest bit (10,000 generated pages, whose pages are short:
     * 8,793 bytes, against 14,863 of runs).
     */
    static void pairs(boolean[] paired, Map<String, Object> manifest) {
        String runs = runs(paired);
        if (runs.length() <= (paired.length + 5) / 6) {
            manifest.put("pairs", runs);
            return;
        }
        StringBuilder bits = new StringBuilder((paired.length + 5) / 6);
        for (int i = 0; i < paired.length; i += 6) {
            int v = 0;
            for (int j = 0; j < 6 && i + j < paired.length; j++) {
                v |= paired[i + j] ? 1 << j : 0;
            }
            bits.append(Digits.ALPHABET.charAt(v));
        }
        manifest.put("pairBits", bits.toString());
    }

    static String runs(boolean[] paired) {
        Digits d = new Digits();
        boolean shared = true;
        int run = 0;
        for (boolean p : paired) {
            if (p != shared) {
                d.add(run);
                shared = p;
                run = 0;
            }
            run++;
        }
        return d.add(run).toString();
    }

    /**
     * A fragment's file, written from a section's stored values as {@link Inverted} keeps them
     * (field number, length and UTF-8 of each, in the order added): a whole text is copied as it
     * is, escaped where JSON needs it, without decoding a hundred megabytes of text into strings
     * and encoding it back.
     */
    static final class Fragment {
        private static final int URL = Inverted.number(SearchIndex.URL);
        private static final int TITLE = Inverted.number(SearchIndex.TITLE);
        private static final int HEADING = Inverted.number(SearchIndex.HEADING);
        private static final int TEXT = Inverted.number(SearchIndex.TEXT);
        private static final int TITLED = Inverted.number(SearchIndex.TITLED);
        private static final int HEADED = Inverted.number(SearchIndex.HEADED);
        private static final int SECTION = Inverted.number(SearchIndex.SECTION);
        private static final int TYPE = Inverted.number(SearchIndex.TYPE);
        private static final int AUDIENCE = Inverted.number(SearchIndex.AUDIENCE);
        private static final int FORM = Inverted.number(SearchIndex.FORM);
        private static final int STATUS = Inverted.number(SearchIndex.STATUS);
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

        private byte[] raw;
        /** Where each field's first value starts in {@link #raw}, and its length; -1: none. */
        private final int[] start = new int[Inverted.NAMES.size()];
        private final int[] length = new int[Inverted.NAMES.size()];
        /** The audiences' values, start and length each, in order. */
        private int[] audiences = new int[8];
        private int audienceCount;
        private final int[] at = new int[1];
        private byte[] out = new byte[4096];
        private int size;

        /** A document of Lucene's index in the form {@link Inverted} stores it. */
        static byte[] stored(Document d) {
            byte[] b = new byte[256];
            int n = 0;
            for (IndexableField f : d.getFields()) {
                byte[] v = f.stringValue().getBytes(StandardCharsets.UTF_8);
                if (n + v.length + 10 > b.length) {
                    b = Arrays.copyOf(b, Math.max(2 * b.length, n + v.length + 10));
                }
                n = Inverted.writeVInt(b, n, Inverted.number(f.name()));
                n = Inverted.writeVInt(b, n, v.length);
                System.arraycopy(v, 0, b, n, v.length);
                n += v.length;
            }
            return Arrays.copyOf(b, n);
        }

        void read(byte[] values) {
            raw = values;
            Arrays.fill(start, -1);
            audienceCount = 0;
            at[0] = 0;
            while (at[0] < raw.length) {
                int f = Inverted.readVInt(raw, at);
                int n = Inverted.readVInt(raw, at);
                if (f == AUDIENCE) {
                    if (2 * audienceCount + 2 > audiences.length) {
                        audiences = Arrays.copyOf(audiences, 2 * audiences.length);
                    }
                    audiences[2 * audienceCount] = at[0];
                    audiences[2 * audienceCount++ + 1] = n;
                } else if (start[f] < 0) {
                    start[f] = at[0];
                    length[f] = n;
                }
                at[0] += n;
            }
            for (int f : new int[] {URL, TITLE, HEADING, TEXT, SECTION}) {
                if (start[f] < 0) {
                    throw new IllegalStateException("a section without its " + Inverted.NAMES.get(f));
                }
            }
        }

        /** The text's length as a string's: UTF-16 units of its UTF-8. */
        int textLength() {
            int c = 0;
            for (int i = start[TEXT], end = start[TEXT] + length[TEXT]; i < end; i++) {
                int x = raw[i] & 0xFF;
                if ((x & 0xC0) != 0x80) {
                    c += x >= 0xF0 ? 2 : 1;
                }
            }
            return c;
        }

        String text() {
            return new String(raw, start[TEXT], length[TEXT], StandardCharsets.UTF_8);
        }

        /** The length of {@link #file}'s bytes: {@code camnang.shard("f…",…);} and a line break around the fragments. */
        static int fileLength(int doc, byte[] first, byte[] second) {
            return 21 + Integer.toString(doc).length() + first.length + (second == null ? 0 : 1 + second.length);
        }

        /** The file of {@code doc}'s fragment, and of the next section's when {@code second} is not null. */
        static byte[] file(int doc, byte[] first, byte[] second) {
            byte[] head = ("camnang.shard(\"f" + doc + "\",").getBytes(StandardCharsets.ISO_8859_1);
            int n = fileLength(doc, first, second);
            byte[] b = Arrays.copyOf(head, n);
            System.arraycopy(first, 0, b, head.length, first.length);
            int at = head.length + first.length;
            if (second != null) {
                b[at++] = ',';
                System.arraycopy(second, 0, b, at, second.length);
                at += second.length;
            }
            b[at++] = ')';
            b[at++] = ';';
            b[at] = '\n';
            return b;
        }

        /** The fragment of a section: its text whole, or {@code cutText} and what {@code cut} says of it. */
        byte[] bytes(String cutText, CharSequence cut) {
            size = 0;
            ascii("{\"u\":").json(URL)
                    .ascii(",\"t\":").json(TITLE).ascii(",\"h\":").json(HEADING).ascii(",\"x\":");
            if (cutText == null) {
                json(TEXT);
            } else {
                byte[] t = cutText.getBytes(StandardCharsets.UTF_8);
                json(t, 0, t.length);
            }
            // The title the section was searched with: 1 when it is the page title shown, as in most
            // first sections; else the text itself (a legal document's first section and articles).
            if (start[TITLED] >= 0) {
                ascii(",\"ti\":");
                if (Arrays.equals(raw, start[TITLED], start[TITLED] + length[TITLED],
                        raw, start[TITLE], start[TITLE] + length[TITLE])) {
                    ascii("1");
                } else {
                    json(TITLED);
                }
            }
            // The heading it was searched with, where it is not the heading shown (an article's subject).
            if (start[HEADED] >= 0) {
                ascii(",\"hs\":").json(HEADED);
            }
            ascii(",\"s\":").json(SECTION);
            if (start[TYPE] >= 0) {
                ascii(",\"y\":").json(TYPE);
            }
            ascii(",\"a\":[");
            for (int i = 0; i < audienceCount; i++) {
                if (i > 0) {
                    ascii(",");
                }
                json(raw, audiences[2 * i], audiences[2 * i + 1]);
            }
            ascii("]");
            if (start[FORM] >= 0) {
                ascii(",\"fo\":").json(FORM);
            }
            if (start[STATUS] >= 0) {
                ascii(",\"st\":").json(STATUS);
            }
            ascii(cut).ascii("}");
            return Arrays.copyOf(out, size);
        }

        private Fragment ascii(CharSequence s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                out[size++] = (byte) s.charAt(i);
            }
            return this;
        }

        /** {@code s} as {@link #write} escapes a value: what {@link Json#string} gives, in UTF-8 (tests). */
        static String json(String s) {
            Fragment f = new Fragment();
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            f.json(b, 0, b.length);
            return new String(f.out, 0, f.size, StandardCharsets.UTF_8);
        }

        private Fragment json(int field) {
            return json(raw, start[field], length[field]);
        }

        /** As {@link Json#string}, on UTF-8: only ASCII is ever escaped. */
        private Fragment json(byte[] b, int from, int n) {
            room(6 * n + 2);
            byte[] o = out;
            int k = size;
            o[k++] = '"';
            for (int i = from, end = from + n; i < end; i++) {
                byte c = b[i];
                if ((c & 0xFF) >= 0x20 && c != '"' && c != '\\') {
                    o[k++] = c;
                    continue;
                }
                o[k++] = '\\';
                switch (c) {
                    case '"' -> o[k++] = '"';
                    case '\\' -> o[k++] = '\\';
                    case '\n' -> o[k++] = 'n';
                    case '\r' -> o[k++] = 'r';
                    case '\t' -> o[k++] = 't';
                    case '\b' -> o[k++] = 'b';
                    case '\f' -> o[k++] = 'f';
                    default -> {
                        o[k++] = 'u';
                        o[k++] = '0';
                        o[k++] = '0';
                        o[k++] = HEX[c >> 4];
                        o[k++] = HEX[c & 15];
                    }
                }
            }
            o[k++] = '"';
            size = k;
            return this;
        }

        private void room(int n) {
            if (size + n > out.length) {
                out = Arrays.copyOf(out, Math.max(2 * out.length, size + n));
            }
        }
    }

    /** A key of a long section's term file: its frequency in the text, and its exact spellings that fold to it. */
    private static final class Term {
        int freq;
        TreeMap<String, Integer> spellings;
    }

    /**
     * The term file of a section too long for {@code g/}: each term of its text (folded words,
     * with the exact spellings that differ from them, and bigrams) and its frequency there, in
     * chunks of about {@link #TERM_CHUNK} characters at {@code k/<doc>/<n>.js}, each key in the
     * chunk {@link #termChunk} gives it (in key order there); returns the number of chunks. A
     * spelling lies in the chunk of the word it folds to, so a query word reads one chunk for both
     * forms.
     */
    static int terms(String text, int doc, Files2 out) {
        Forms forms = Forms.of(text);
        TreeMap<String, Term> keys = new TreeMap<>();
        for (int i = 0; i < forms.size; i++) {
            Term t = keys.computeIfAbsent(forms.folded[i], k -> new Term());
            t.freq++;
            // A spelling equal to its folded form is only ever searched folded.
            if (!forms.exact[i].equals(forms.folded[i])) {
                if (t.spellings == null) {
                    t.spellings = new TreeMap<>();
                }
                t.spellings.merge(forms.exact[i], 1, Integer::sum);
            }
        }
        for (int i = 0; i < forms.bigramSize; i++) {
            // A bigram holds a space, a word never: the two kinds of key cannot meet.
            keys.computeIfAbsent(forms.bigrams()[i], k -> new Term()).freq++;
        }
        // Each key's share of its chunk: the key, its digits and its spellings.
        int total = 0;
        for (Map.Entry<String, Term> e : keys.entrySet()) {
            Term t = e.getValue();
            total += e.getKey().length() + 3 + 2;
            if (t.spellings != null) {
                for (String sp : t.spellings.keySet()) {
                    total += sp.length() + 3 + 1;
                }
            }
        }
        int n = Math.max(1, (total + TERM_CHUNK - 1) / TERM_CHUNK);
        List<List<String>> names = new ArrayList<>();
        List<List<String>> spellings = new ArrayList<>();
        List<Digits> digits = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            names.add(new ArrayList<>());
            spellings.add(new ArrayList<>());
            digits.add(new Digits());
        }
        for (Map.Entry<String, Term> e : keys.entrySet()) {
            int c = termChunk(e.getKey(), n);
            Term t = e.getValue();
            names.get(c).add(e.getKey());
            Digits d = digits.get(c);
            d.add(t.freq);
            d.add(t.spellings == null ? 0 : t.spellings.size());
            if (t.spellings != null) {
                for (Map.Entry<String, Integer> sp : t.spellings.entrySet()) {
                    spellings.get(c).add(sp.getKey());
                    d.add(sp.getValue());
                }
            }
        }
        // Every chunk is written, an empty one too: a query's key may fall in it.
        for (int c = 0; c < n; c++) {
            writeTerms(out, doc, c, names.get(c), digits.get(c), spellings.get(c));
        }
        return n;
    }

    /**
     * The chunk of a term file that holds a key: its {@link String#hashCode} (over UTF-16 code
     * units, as camnang.js computes it) modulo the number of chunks, taken as unsigned. By key
     * range the fragment would have to list the chunks' separators.
     */
    static int termChunk(String key, int chunks) {
        return Integer.remainderUnsigned(key.hashCode(), chunks);
    }

    private static void writeTerms(Files2 out, int doc, int chunk, List<String> names, Digits d, List<String> spellings) {
        out.write("k/" + doc + "/" + chunk + ".js", "camnang.shard(\"k" + doc + "." + chunk + "\"," + strings(names) + ","
                + Json.string(d.toString()) + "," + strings(spellings) + ");\n");
    }

    /** Where a fragment cuts the text: at most {@code max} characters, at a word boundary, never inside a surrogate pair. */
    static int cutAt(String text, int max) {
        int end = max;
        int space = text.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        } else if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return end;
    }

    /**
     * The page table, read only to filter: for each page in document order, its number of
     * sections and the indexes of its section, type, audiences, form and status in the
     * manifest's facets (type, form and status: 0 for none, else the index plus one).
     */
    private static String pages(Ranks ranks, Site site, Files2 out, Map<String, Object> manifest) {
        Map<String, Integer> sections = new LinkedHashMap<>();
        Map<String, Integer> types = new LinkedHashMap<>();
        List<Page> all = site.pages();
        // Forms and statuses are listed sorted (a menu reads better so), hence known before the rows.
        TreeMap<String, String> formLabels = new TreeMap<>();
        TreeSet<LegalDoc.Status> statuses = new TreeSet<>();
        for (int doc = 0; doc < ranks.size(); doc++) {
            LegalDoc legal = all.get(ranks.pageOf[doc]).meta().legal();
            if (legal != null && !SearchIndex.formSlug(legal).isEmpty()) {
                formLabels.putIfAbsent(SearchIndex.formSlug(legal), legal.form());
            }
            if (legal != null && legal.status() != null) {
                statuses.add(legal.status());
            }
        }
        List<String> forms = new ArrayList<>(formLabels.keySet());
        List<LegalDoc.Status> statusList = new ArrayList<>(statuses);
        Digits d = new Digits();
        for (int doc = 0; doc < ranks.size(); ) {
            int ordinal = ranks.pageOf[doc];
            int count = 0;
            while (doc < ranks.size() && ranks.pageOf[doc] == ordinal) {
                doc++;
                count++;
            }
            Page page = all.get(ordinal);
            int section = sections.computeIfAbsent(SearchIndex.topSection(page), k -> sections.size());
            int ty = page.meta().type() == null ? 0 : types.computeIfAbsent(page.meta().type().key, k -> types.size()) + 1;
            int mask = 0;
            for (Audience au : page.meta().audience()) {
                mask |= 1 << au.ordinal();
            }
            LegalDoc legal = page.meta().legal();
            int form = legal == null ? 0 : forms.indexOf(SearchIndex.formSlug(legal)) + 1;
            int status = legal == null || legal.status() == null ? 0 : statusList.indexOf(legal.status()) + 1;
            emit(d, count, new int[] {section, ty, mask, form, status});
        }
        out.write("t.js", "camnang.shard(\"t\"," + Json.string(d.toString()) + ");\n");
        Map<String, Object> facets = new LinkedHashMap<>();
        List<Object> s = new ArrayList<>();
        for (String dir : sections.keySet()) {
            String label = dir.isEmpty() ? site.home().title() : site.section(dir).map(Section::title).orElse(dir);
            s.add(Map.of("value", dir, "label", label));
        }
        facets.put("section", s);
        List<Object> t = new ArrayList<>();
        for (String key : types.keySet()) {
            String label = Arrays.stream(PageType.values()).filter(pt -> pt.key.equals(key)).map(pt -> pt.label)
                    .findFirst().orElse(key);
            t.add(Map.of("value", key, "label", label));
        }
        facets.put("type", t);
        List<Object> a = new ArrayList<>();
        for (Audience au : Audience.values()) {
            a.add(Map.of("value", au.slug, "label", au.label));
        }
        facets.put("audience", a);
        List<Object> f = new ArrayList<>();
        for (String key : forms) {
            f.add(Map.of("value", key, "label", formLabels.get(key)));
        }
        facets.put("form", f);
        List<Object> st = new ArrayList<>();
        for (LegalDoc.Status x : statusList) {
            st.add(Map.of("value", x.slug(), "label", x.label));
        }
        facets.put("status", st);
        manifest.put("facets", facets);
        return "t";
    }

    private static void emit(Digits d, int count, int[] facets) {
        d.add(count);
        for (int f : facets) {
            d.add(f);
        }
    }

    private static String strings(List<String> l) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Json.string(l.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A small JSON writer for the manifest: maps keep their order, so the bytes are reproducible. */
    static String json(Object o) {
        if (o instanceof String s) {
            return Json.string(s);
        }
        if (o instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            // Map.of has no order: sort its keys so the output does not depend on it.
            Iterable<? extends Map.Entry<?, ?>> entries = m instanceof LinkedHashMap<?, ?> ? m.entrySet()
                    : new TreeMap<>(m).entrySet();
            boolean first = true;
            for (Map.Entry<?, ?> e : entries) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(Json.string(e.getKey().toString())).append(':').append(json(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (o instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(json(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (o instanceof Float f) {
            return f == Math.rint(f) ? Long.toString((long) (float) f) : Float.toString(f);
        }
        return String.valueOf(o);
    }
}
