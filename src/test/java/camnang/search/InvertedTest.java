package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Problems;
import camnang.TestSites;
import camnang.content.Content;
import camnang.content.Page;
import camnang.content.Site;
import camnang.content.SiteConfig;
import camnang.markdown.Markdown;
import camnang.markdown.RenderedPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sections inverted in memory ({@link Inverted}) are the index Lucene's own IndexWriter makes
 * of the same documents ({@link SearchIndex.LuceneSink}): every field, term, posting, frequency,
 * norm, order and stored value; and so is the index written from them.
 */
class InvertedTest {
    @TempDir
    Path tmp;

    @Test
    void theSampleSiteInvertedInMemoryIsWhatIndexWriterMakes() throws IOException {
        sameIndex(rendered(Path.of("content")));
    }

    @Test
    void aSliceOfTheLegalCorpusInvertedInMemoryIsWhatIndexWriterMakes() throws IOException {
        Path corpus = Path.of("../shared/corpus/phap-dien");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "../shared/corpus/phap-dien is absent: skipped");
        Path slice = tmp.resolve("slice");
        try (Stream<Path> s = Files.walk(corpus)) {
            // Two folders: documents with citations, articles, tables and document numbers.
            for (Path p : s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> p.toString().contains("hoa-giai") || p.toString().contains("/dan-su/")).sorted()
                    .limit(12).toList()) {
                Path to = slice.resolve(corpus.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        List<RenderedPage> pages = rendered(slice);
        assertTrue(pages.size() >= 5, "pages: " + pages.size());
        sameIndex(pages);
    }

    /** Text that tests the edges: an unpaired surrogate, a tag twice, NFD, document numbers, empty sections. */
    @Test
    void edgesOfTheTextInvertedInMemoryAreWhatIndexWriterMakes() throws IOException {
        Path root = tmp.resolve("edges");
        TestSites.write(root, Map.of(
                "a.md", """
                        ---
                        title: Hòa giải 315/QĐ-TTg
                        tags: [hòa giải, Hòa giải, hoà giải]
                        audience: [người dân, hòa giải viên]
                        type: guide
                        ---
                        Lời mở đầu hoà giải hòa giải hoà giải theo 35/2013/QH13 và 01/2024/NQ-HĐND.

                        ## Điều 1. Phạm vi

                        Khoản 1: x\uD800y thủy thuỷ quy định quy định quy định.

                        ## Trống

                        ## Điều 2. Hoa giai

                        hoa giai khong dau, ho\u0300a gia\u0309i NFD.
                        """,
                "b.md", "# Chỉ tiêu đề\n\nMột câu.\n"));
        sameIndex(rendered(root));
    }

    /**
     * Beyond its memory budget a thread's segment is written into the index on disk before the end
     * and the shards are cut from the written index: the same shards, byte for byte, and the same
     * documents as when everything stays in memory.
     */
    @Test
    void segmentsWrittenBeforeTheEndGiveTheSameShardsAndIndex() throws IOException {
        Sample sample = sample(Path.of("content"));
        Site site = sample.site();
        List<RenderedPage> pages = sample.pages();
        // The sample site is smaller than a batch: every page is added as the index is written.
        Map<String, String> memory = built(site, pages, Long.MAX_VALUE, SearchIndex.BATCH, tmp.resolve("memory"));
        // One byte, in batches of one character: every page's sections go to disk as soon as they
        // are added, in a segment of their own.
        Map<String, String> disk = built(site, pages, 1, 1, tmp.resolve("disk"));
        assertTrue(memory.size() > 20, "files: " + memory.size());
        assertEquals(memory, disk);
        try (DirectoryReader a = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(
                tmp.resolve("memory").resolve(SearchIndex.DIR)));
             DirectoryReader b = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(
                     tmp.resolve("disk").resolve(SearchIndex.DIR)))) {
            assertEquals(1, a.leaves().size());
            assertTrue(b.leaves().size() > 1, "segments written: " + b.leaves().size());
            assertEquals(documents(a), documents(b));
        }
    }

    /**
     * Each thread's segment in memory becomes a segment of the index on disk, written by a merge
     * of its own, in the order the segments are given: the documents keep the site's order, and a
     * search gives the same results with the same scores as from one segment (Lucene's statistics
     * are the whole index's).
     */
    @Test
    void eachSegmentInMemoryIsASegmentOnDiskInTheOrderGiven() throws IOException {
        List<RenderedPage> pages = rendered(Path.of("content"));
        Inverted first = new Inverted();
        Inverted second = new Inverted();
        Inverted whole = new Inverted();
        for (int i = 0; i < pages.size(); i++) {
            SearchIndex.add(pages.get(i), i, i < pages.size() / 2 ? first : second);
            SearchIndex.add(pages.get(i), i, whole);
        }
        Path two = tmp.resolve("two");
        Path one = tmp.resolve("one");
        SearchIndex.write(two.resolve(SearchIndex.DIR), List.of(first.reader(), second.reader()));
        SearchIndex.write(one.resolve(SearchIndex.DIR), List.of(whole.reader()));
        try (DirectoryReader a = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(two.resolve(SearchIndex.DIR)));
             DirectoryReader b = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(one.resolve(SearchIndex.DIR)))) {
            assertEquals(2, a.leaves().size());
            assertEquals(first.maxDoc(), a.leaves().get(0).reader().maxDoc());
            assertEquals(second.maxDoc(), a.leaves().get(1).reader().maxDoc());
            assertEquals(1, b.leaves().size());
            List<Long> order = new ArrayList<>();
            for (var leaf : a.leaves()) {
                NumericDocValues o = leaf.reader().getNumericDocValues(SearchIndex.ORDER);
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    assertTrue(o.advanceExact(d));
                    order.add(o.longValue());
                }
            }
            List<Long> sorted = new ArrayList<>(order);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, order);
            assertEquals(documents(b), documents(a));
        }
        for (String q : List.of("hoa giai", "hoà giải", "315/qd-ttg", "người dân có phải trả tiền khi nhờ tổ hòa giải không",
                "quy đ")) {
            List<Search.Hit> expected = Search.search(one, q, 20);
            assertTrue(expected.size() > 1, q);
            assertEquals(expected, Search.search(two, q, 20), q);
        }
    }

    /**
     * Citation keys are in a few sections only; the others hold the field with no term, so that
     * Lucene writes its norms as a plain array rather than looking each up through a jump table.
     */
    @Test
    void everySectionHasANormInEveryFieldWithNorms() throws IOException {
        Sample sample = sample(Path.of("content"));
        Site site = sample.site();
        List<RenderedPage> pages = sample.pages();
        built(site, pages, Long.MAX_VALUE, SearchIndex.BATCH, tmp.resolve("norms"));
        try (DirectoryReader r = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(
                tmp.resolve("norms").resolve(SearchIndex.DIR)))) {
            LeafReader leaf = r.leaves().get(0).reader();
            int cited = 0;
            var cites = leaf.terms(SearchIndex.CITE).iterator();
            while (cites.next() != null) {
                cited++;
            }
            assertTrue(cited > 0, "citation keys: " + cited);
            List<String> sparse = new ArrayList<>();
            for (FieldInfo fi : leaf.getFieldInfos()) {
                if (fi.hasNorms()) {
                    NumericDocValues norms = leaf.getNormValues(fi.name);
                    int n = 0;
                    while (norms.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                        n++;
                    }
                    if (n != leaf.maxDoc()) {
                        sparse.add(fi.name + " " + n + "/" + leaf.maxDoc());
                    }
                }
            }
            assertEquals(List.of(), sparse);
        }
    }

    @Test
    void segmentsAreReleasedOnceTheIndexIsWrittenOrClosed() throws IOException {
        Sample sample = sample(Path.of("content"));
        Site site = sample.site();
        List<RenderedPage> pages = sample.pages();
        Path lucene = tmp.resolve("released").resolve(SearchIndex.DIR);
        Files.createDirectories(lucene);
        // In batches of one character, so that every page is in the segment before the end.
        SearchIndex written = SearchIndex.create(lucene, site, Long.MAX_VALUE, 1);
        pages.forEach(written::add);
        written.finish(lucene.getParent(), (rel, bytes) -> { });
        // A daemon's threads keep their last segment until their next build: it must hold nothing by then.
        IllegalStateException e = assertThrows(IllegalStateException.class, written::readers);
        assertEquals("the segment is released", e.getMessage());

        SearchIndex failed = SearchIndex.create(tmp.resolve("failed"), site, Long.MAX_VALUE, 1);
        pages.forEach(failed::add);
        failed.close();
        e = assertThrows(IllegalStateException.class, failed::readers);
        assertEquals("the segment is released", e.getMessage());

        // Pages a thread still holds in its batch are dropped by close, not added after it.
        SearchIndex held = SearchIndex.create(tmp.resolve("held"), site, Long.MAX_VALUE, SearchIndex.BATCH);
        pages.forEach(held::add);
        held.close();
        assertEquals(List.of(), held.readers());
    }

    /** The shards' files (path to text) of the pages' index with that budget and batch, built into {@code out}. */
    private static Map<String, String> built(Site site, List<RenderedPage> pages, long budget, long batch, Path out)
            throws IOException {
        Path lucene = out.resolve(SearchIndex.DIR);
        Files.createDirectories(lucene);
        Map<String, String> files = new TreeMap<>();
        try (SearchIndex index = SearchIndex.create(lucene, site, budget, batch)) {
            pages.forEach(index::add);
            index.finish(lucene.getParent(), (rel, bytes) -> files.put(rel, new String(bytes,
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        try (Stream<Path> s = Files.walk(lucene.getParent())) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString();
                if (!rel.startsWith(SearchIndex.DIR)) {
                    files.put(rel, Files.readString(p));
                }
            }
        }
        return files;
    }

    /** Each document's stored values, in the order of the site: the index whatever its segments. */
    private static List<String> documents(DirectoryReader r) throws IOException {
        List<String> docs = new ArrayList<>();
        for (var leaf : r.leaves()) {
            NumericDocValues order = leaf.reader().getNumericDocValues(SearchIndex.ORDER);
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                assertTrue(order.advanceExact(d));
                StringBuilder sb = new StringBuilder(String.format("%020d", order.longValue()));
                for (IndexableField f : leaf.reader().storedFields().document(d)) {
                    sb.append(" | ").append(f.name()).append('=').append(f.stringValue());
                }
                docs.add(sb.toString());
            }
        }
        java.util.Collections.sort(docs);
        return docs;
    }

    private static List<RenderedPage> rendered(Path source) {
        return sample(source).pages();
    }

    /** A site and its pages rendered. */
    private record Sample(Site site, List<RenderedPage> pages) {
    }

    private static Sample sample(Path source) {
        Problems problems = new Problems("");
        Site site = Content.load(source, SiteConfig.BrokenLinks.WARN, problems, null);
        List<RenderedPage> pages = new ArrayList<>();
        for (Page p : site.pages()) {
            pages.add(Markdown.render(p, site, SiteConfig.BrokenLinks.WARN, problems));
        }
        return new Sample(site, pages);
    }

    private void sameIndex(List<RenderedPage> pages) throws IOException {
        Inverted inverted = new Inverted();
        ByteBuffersDirectory expectedDir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(expectedDir, new IndexWriterConfig(SearchIndex.analyzer()))) {
            SearchIndex.LuceneSink lucene = new SearchIndex.LuceneSink(w);
            long ordinal = 0;
            for (RenderedPage rp : pages) {
                SearchIndex.add(rp, ordinal, inverted);
                SearchIndex.add(rp, ordinal++, lucene);
            }
            w.forceMerge(1);
        }
        CodecReader memory = inverted.reader();
        try (DirectoryReader expected = DirectoryReader.open(expectedDir)) {
            assertEquals(1, expected.leaves().size());
            LeafReader reference = expected.leaves().get(0).reader();
            assertTrue(reference.maxDoc() > 0);
            assertEquals(describe(reference), describe(memory));
            // The index written from memory, read back.
            Path written = tmp.resolve("written-" + System.nanoTime());
            SearchIndex.write(written, List.of(memory));
            try (DirectoryReader back = DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(written))) {
                assertEquals(1, back.leaves().size());
                assertEquals(describe(reference), describe(back.leaves().get(0).reader()));
            }
        }
    }

    /** Everything the searches and the shards read of a segment, as text to compare. */
    static String describe(LeafReader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("maxDoc ").append(r.maxDoc()).append('\n');
        Map<String, FieldInfo> infos = new TreeMap<>();
        for (FieldInfo fi : r.getFieldInfos()) {
            infos.put(fi.name, fi);
        }
        for (FieldInfo fi : infos.values()) {
            sb.append("field ").append(fi.name).append(' ').append(fi.getIndexOptions()).append(" norms ")
                    .append(fi.hasNorms()).append(" dv ").append(fi.getDocValuesType()).append('\n');
            Terms terms = r.terms(fi.name);
            if (terms != null) {
                sb.append(" stats ").append(terms.getSumTotalTermFreq()).append(' ').append(terms.getSumDocFreq())
                        .append(' ').append(terms.getDocCount()).append('\n');
                TermsEnum te = terms.iterator();
                List<BytesRef> seen = new ArrayList<>();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    seen.add(BytesRef.deepCopyOf(t));
                    sb.append(' ').append(t.utf8ToString()).append(' ').append(te.docFreq()).append(' ')
                            .append(te.totalTermFreq()).append(':');
                    PostingsEnum pe = te.postings(null, PostingsEnum.FREQS);
                    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                        sb.append(' ').append(d).append('x').append(pe.freq());
                    }
                    sb.append('\n');
                }
                // Seeking, as the shards do: each term found again; past the last, the end.
                TermsEnum seek = terms.iterator();
                for (BytesRef t : seen) {
                    sb.append(seek.seekExact(t) ? " " + seek.docFreq() : " lost " + t.utf8ToString());
                }
                sb.append(" after last ").append(seek.seekCeil(new BytesRef("\uFFFF\uFFFF"))).append('\n');
            }
            if (fi.hasNorms()) {
                NumericDocValues norms = r.getNormValues(fi.name);
                sb.append(" norms");
                for (int d = norms.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = norms.nextDoc()) {
                    sb.append(' ').append(d).append('=').append(norms.longValue());
                }
                sb.append('\n');
            }
        }
        NumericDocValues order = r.getNumericDocValues(SearchIndex.ORDER);
        for (int d = 0; d < r.maxDoc(); d++) {
            assertTrue(order.advanceExact(d));
            sb.append("doc ").append(d).append(" order ").append(order.longValue());
            for (IndexableField f : r.storedFields().document(d)) {
                sb.append(" | ").append(f.name()).append('=').append(f.stringValue());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

}
