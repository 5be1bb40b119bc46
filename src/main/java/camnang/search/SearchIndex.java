package camnang.search;

import camnang.content.Audience;
import camnang.content.LegalDoc;
import camnang.content.Page;
import camnang.content.Site;
import camnang.markdown.RenderedPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index written with the site: one document per section of a page (the text
 * before the first heading, then each heading and what follows it), so a result points
 * inside the page. Title, heading and text are indexed in the exact form, the folded form
 * and (text only) as syllable bigrams; URL, title, heading and text are stored.
 */
public final class SearchIndex implements AutoCloseable {
    /** Where the index lies in the output folder. */
    public static final String DIR = "search/lucene";
    /** Where the browser's shards lie in the output folder. */
    public static final String BROWSER_DIR = "search";

    static final String URL = "url";
    static final String TITLE = "title";
    static final String HEADING = "heading";
    static final String TEXT = "text";
    static final String SECTION = "section";
    static final String TYPE = "type";
    static final String AUDIENCE = "audience";
    static final String TAG = "tag";
    /** Loại văn bản of a page's legal document, as a slug ({@code nghi-dinh}). */
    static final String FORM = "form";
    /** Tình trạng hiệu lực of a page's legal document, as a slug ({@code het-hieu-luc}). */
    static final String STATUS = "status";
    /**
     * The title a section is searched with, stored where there is one: the page title in a
     * page's first section (with a legal document's names and number), an article's citation
     * in the articles of a legal document ({@link LegalTitles}).
     */
    static final String TITLED = "titled";
    /** The heading a section is searched with, stored where it is not the heading shown: an article's subject. */
    static final String HEADED = "headed";
    static final String ORDER = "order";
    /**
     * The citation keys of a legal document's first section and articles, one exact term each,
     * ({@link LegalTitles#cites}): searched only by a query that cites an article.
     */
    static final String CITE = "title_cite";
    static final String[] SEARCHED = {TITLE, HEADING, TEXT};

    /** What {@link #finish} wrote for the browser: sections indexed, files and bytes of the shards. */
    public record Written(int sections, int files, long bytes) {
    }

    /** Tokens with frequencies, no positions: nothing searches phrases by position. */
    static final FieldType TOKENS = new FieldType();

    static {
        TOKENS.setTokenized(true);
        TOKENS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TOKENS.freeze();
    }

    /** A citation key: one term, counted in the field's length (its norm). */
    static final FieldType KEY = new FieldType();

    static {
        KEY.setTokenized(false);
        KEY.setOmitNorms(false);
        KEY.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        KEY.freeze();
    }

    /**
     * Where a section's fields go: {@link Inverted} in a build, a Lucene {@code Document} in the
     * test that holds the two equal ({@link LuceneSink}).
     */
    interface Sink {
        void start(long order);

        /** A value stored only. */
        void stored(String field, String value);

        /** The exact, folded and bigram tokens of a text, as the fields {@code <field>_exact} and so on. */
        void tokens(String field, Forms forms);

        /**
         * Terms of one value each, with frequency, counted in the field's length (its norm), not
         * stored ({@link #CITE}). A section without any still holds the field, of length 0, as a
         * text without tokens does: every section then has a norm, which Lucene writes as a plain
         * array. Sparse, they were found through a jump table for each posting of each term as
         * Lucene wrote the index: in a daemon's second build of 10,000 pages its index stage took
         * 4.3-4.7 s instead of 5.6-6.2 s; once that code is compiled, the same (BENCHMARKS.md, stop 23).
         */
        void keys(String field, List<String> values);

        /** One term, documents only, stored too ({@code StringField}). */
        void facet(String field, String value);

        void end();
    }

    /** Each section as a {@code Document} added to Lucene's own {@code IndexWriter}. */
    static final class LuceneSink implements Sink {
        private final IndexWriter writer;
        private Document d;

        LuceneSink(IndexWriter writer) {
            this.writer = writer;
        }

        @Override
        public void start(long order) {
            d = new Document();
            d.add(new NumericDocValuesField(ORDER, order));
        }

        @Override
        public void stored(String field, String value) {
            d.add(new StoredField(field, value));
        }

        @Override
        public void tokens(String field, Forms f) {
            d.add(new Field(field + "_exact", f.stream(VietnameseAnalyzer.Form.EXACT), TOKENS));
            d.add(new Field(field + "_folded", f.stream(VietnameseAnalyzer.Form.FOLDED), TOKENS));
            d.add(new Field(field + "_bigram", f.stream(VietnameseAnalyzer.Form.BIGRAM), TOKENS));
        }

        @Override
        public void keys(String field, List<String> values) {
            if (values.isEmpty()) {
                d.add(new Field(field, Forms.of("").stream(VietnameseAnalyzer.Form.EXACT), TOKENS));
            }
            for (String v : values) {
                d.add(new Field(field, v, KEY));
            }
        }

        @Override
        public void facet(String field, String value) {
            d.add(new StringField(field, value, Field.Store.YES));
        }

        @Override
        public void end() {
            try {
                writer.addDocument(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Path dir;
    private final Site site;
    private final Map<String, Integer> ordinals = new HashMap<>();
    /**
     * About how many characters of section text a thread gathers before it adds them to its
     * segment, all at once. Analysed and inverted between pages of Markdown, a section cost about
     * two and a half times what it costs in a loop of sections alone (the terms and lists the
     * tokens go to had left the processor's caches); in batches of this size a warm build of the
     * 10,000 pages used 3-5% less CPU (BENCHMARKS.md, stop 26). Larger batches leave more for the
     * last pages, which are added when the index is written, on one thread. A batch holds a few
     * dozen pages, their HTML too, until it is added.
     */
    static final int BATCH = 256 * 1024;

    /** A thread's segment, and the pages it has yet to add to it. */
    private static final class Segment {
        final Inverted inverted = new Inverted();
        final List<RenderedPage> waiting = new ArrayList<>();
        long chars;
    }

    /** Each indexing thread's segment: threads add sections without waiting for each other. */
    private final List<Segment> segments = new ArrayList<>();
    private final ThreadLocal<Segment> segment = ThreadLocal.withInitial(() -> {
        Segment s = new Segment();
        synchronized (segments) {
            segments.add(s);
        }
        return s;
    });
    private volatile boolean closed;
    /**
     * What the segments in memory may take of the heap. Beyond it a thread hands its segment to
     * Lucene, which writes it into the index on disk, and begins another; the shards are then cut
     * from the written index, as Lucene's own buffer of 64 MB once made them: the legal corpus's
     * segments (350 MB) in a heap of 1 GB left the collector no room to work. The 10,000 pages'
     * segments (210 MB) stay in memory in their 768 MB.
     */
    private final long budget;
    /** Made on the build's thread when the index is created: see {@link #finish}. */
    private final IndexWriterConfig config = config();
    /** Lucene's writer, made when the first segment is written (before the end, if one had to be). */
    private volatile IndexWriter writer;

    /** How many characters of section text a thread gathers before adding them: {@link #BATCH}. */
    private final long batch;

    private SearchIndex(Path dir, Site site, long budget, long batch) {
        this.dir = dir;
        this.budget = budget;
        this.batch = batch;
        List<Page> pages = site.pages();
        for (int i = 0; i < pages.size(); i++) {
            ordinals.put(pages.get(i).output(), i);
        }
        this.site = site;
    }

    /** The analyzer of each field, by the field's suffix: {@code _exact}, {@code _folded}, {@code _bigram}. */
    static Analyzer analyzer() {
        Map<VietnameseAnalyzer.Form, Analyzer> forms = new HashMap<>();
        for (VietnameseAnalyzer.Form f : VietnameseAnalyzer.Form.values()) {
            forms.put(f, new VietnameseAnalyzer(f));
        }
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                return forms.get(formOf(field));
            }
        };
    }

    static VietnameseAnalyzer.Form formOf(String field) {
        return field.endsWith("_bigram") ? VietnameseAnalyzer.Form.BIGRAM
                : field.endsWith("_folded") ? VietnameseAnalyzer.Form.FOLDED : VietnameseAnalyzer.Form.EXACT;
    }

    /** A new index to be written in {@code dir} (emptied) for the pages of {@code site}. */
    public static SearchIndex create(Path dir, Site site) {
        return new SearchIndex(dir, site, Runtime.getRuntime().maxMemory() / 3, BATCH);
    }

    /**
     * As {@link #create(Path, Site)}, the segments in memory limited to {@code budget} bytes and
     * each thread's pages added by {@code batch} characters (tests).
     */
    static SearchIndex create(Path dir, Site site, long budget, long batch) {
        return new SearchIndex(dir, site, budget, batch);
    }

    /**
     * Adds the sections of a rendered page; safe from several threads. A section without
     * text of its own adds nothing: a page that only lists other pages, or the thousands of
     * bare headings that end each file of the legal corpus, are not results.
     */
    public void add(RenderedPage rp) {
        if (closed) {
            throw new IllegalStateException("the index is closed");
        }
        Segment mine = segment.get();
        mine.waiting.add(rp);
        for (RenderedPage.SectionText s : rp.sections()) {
            mine.chars += s.text().length();
        }
        if (mine.chars < batch) {
            return;
        }
        addWaiting(mine);
        long total = 0;
        synchronized (segments) {
            for (Segment s : segments) {
                total += s.inverted.memory();
            }
        }
        if (total > budget) {
            flush(mine);
        }
    }

    /** Adds the pages a segment's thread has gathered, in the order it gathered them. */
    private void addWaiting(Segment s) {
        for (RenderedPage rp : s.waiting) {
            add(rp, ordinals.get(rp.page().output()), s.inverted);
        }
        s.waiting.clear();
        s.chars = 0;
    }

    /** Writes a thread's segment into the index on disk; the thread begins another. */
    private void flush(Segment mine) {
        synchronized (segments) {
            segments.remove(mine);
        }
        segment.remove();
        try {
            writer().addIndexes(mine.inverted.reader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            mine.inverted.release();
        }
    }

    /** The sections of {@code rp}, the page of number {@code ordinal} in the site, into {@code sink}. */
    static void add(RenderedPage rp, long ordinal, Sink sink) {
        Page page = rp.page();
        int n = 0;
        boolean first = true;
        LegalDoc legal = page.meta().legal();
        List<String> names = LegalTitles.citeNames(legal);
        // The page's facets, the same in each of its sections.
        String section = topSection(page);
        String form = legal == null ? "" : formSlug(legal);
        List<String> tags = new ArrayList<>();
        for (String t : page.meta().tags()) {
            tags.add(camnang.Slug.of(t));
        }
        for (RenderedPage.SectionText s : rp.sections()) {
            if (s.text().isBlank()) {
                continue;
            }
            // The page title is searched in the page's first section only: repeated in every
            // section it would lift long pages of many sections above the section that answers.
            // The articles of a legal document have a title of their own: their citation.
            LegalTitles.Fields searched = LegalTitles.of(page, s.heading(), first);
            String title = searched.title();
            sink.start(ordinal << 24 | n++);
            if (!title.isEmpty()) {
                sink.stored(TITLED, title);
            }
            if (!searched.heading().equals(s.heading())) {
                sink.stored(HEADED, searched.heading());
            }
            boolean wasFirst = first;
            first = false;
            sink.stored(URL, s.id().isEmpty() ? page.output() : page.output() + "#" + s.id());
            sink.stored(TITLE, page.title());
            sink.stored(HEADING, s.heading());
            sink.stored(TEXT, s.text());
            sink.tokens(TITLE, Forms.of(title));
            sink.tokens(HEADING, Forms.of(searched.heading()));
            sink.tokens(TEXT, Forms.of(s.text()));
            sink.keys(CITE, LegalTitles.cites(names, wasFirst, searched));
            sink.facet(SECTION, section);
            if (page.meta().type() != null) {
                sink.facet(TYPE, page.meta().type().key);
            }
            for (Audience a : page.meta().audience()) {
                sink.facet(AUDIENCE, a.slug);
            }
            if (!form.isEmpty()) {
                sink.facet(FORM, form);
            }
            if (legal != null && legal.status() != null) {
                sink.facet(STATUS, legal.status().slug());
            }
            for (String t : tags) {
                sink.facet(TAG, t);
            }
            sink.end();
        }
    }

    /** The facet "form": the document's form as a slug, so that "Nghị định" and "nghị định" are one value. */
    static String formSlug(LegalDoc legal) {
        return camnang.Slug.of(legal.form());
    }

    /** The facet "section": the top folder a page lies in ({@code ""} for the site's root). */
    static String topSection(Page page) {
        String s = page.section();
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    /**
     * The segments added so far, with the pages their threads still held, as Lucene reads them
     * (the threads that added them must be done).
     */
    List<CodecReader> readers() {
        List<CodecReader> readers = new ArrayList<>();
        synchronized (segments) {
            for (Segment s : segments) {
                addWaiting(s);
                if (s.inverted.maxDoc() > 0) {
                    readers.add(s.inverted.reader());
                }
            }
        }
        return readers;
    }

    /**
     * Writes the Lucene index and, beside it, the browser's shards
     * through {@code write} (a path in the output folder and the file's bytes).
     */
    public Written finish(Path searchDir, BiConsumer<String, byte[]> write) {
        try {
            return finishAll(searchDir, write);
        } finally {
            release();
        }
    }

    private Written finishAll(Path searchDir, BiConsumer<String, byte[]> write) {
        closed = true;
        List<CodecReader> readers = readers();
        if (writer != null) {
            return finishOnDisk(readers, searchDir, write);
        }
        // Made on this thread: the first IndexWriterConfig and reader initialise Lucene classes whose
        // static initialisers wait for each other (IndexWriter, ConcurrentMergeScheduler), which
        // deadlocked when the two threads below began with one each. The config is made in create().
        MultiReader all;
        try {
            all = new MultiReader(readers.toArray(new CodecReader[0]), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Lucene writes its segments while the shards are cut from the same sections in memory:
        // the shards' file writing leaves a core idle now and then.
        java.util.concurrent.CompletableFuture<Void> lucene = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                addAndClose(writer(), dir, readers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Shards.Summary s;
        try {
            s = Shards.write(all, site, searchDir, write);
        } catch (IOException e) {
            UncheckedIOException u = new UncheckedIOException(e);
            awaitAfterFailure(lucene, u);
            throw u;
        } catch (RuntimeException | Error e) {
            awaitAfterFailure(lucene, e);
            throw e;
        }
        try {
            lucene.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
        return new Written(s.docs(), s.files(), s.bytes());
    }

    /** The rest of the segments written after those written before; the shards cut from the index on disk. */
    private Written finishOnDisk(List<CodecReader> readers, Path searchDir, BiConsumer<String, byte[]> write) {
        try {
            addAndClose(writer, dir, readers);
            try (org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(
                    FSDirectory.open(dir))) {
                Shards.Summary s = Shards.write(reader, site, searchDir, write);
                return new Written(s.docs(), s.files(), s.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The output folder is deleted after a failure: Lucene must first have stopped writing into it. */
    private static void awaitAfterFailure(java.util.concurrent.CompletableFuture<Void> lucene, Throwable failure) {
        try {
            lucene.join();
        } catch (RuntimeException also) {
            failure.addSuppressed(also);
        }
    }

    private static IndexWriterConfig config() {
        IndexWriterConfig config = new IndexWriterConfig(analyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        // Each thread's segment becomes a segment of the index, written by a merge of its own, the
        // merges on two threads: Lucene's default merges all the readers given at once into one
        // segment on one thread, which was the last 0.6-0.8 s of a build of the 10,000 pages alone
        // on one core after the shards were done. The documents keep their order: the segments are
        // added in the order of the readers.
        config.setMergePolicy(new org.apache.lucene.index.FilterMergePolicy(config.getMergePolicy()) {
            @Override
            public MergeSpecification findMerges(CodecReader... readers) {
                MergeSpecification each = new MergeSpecification();
                for (CodecReader r : readers) {
                    each.add(new OneMerge(r));
                }
                return each;
            }
        });
        org.apache.lucene.index.ConcurrentMergeScheduler merges = new org.apache.lucene.index.ConcurrentMergeScheduler();
        merges.setMaxMergesAndThreads(8, 2);
        config.setMergeScheduler(merges);
        return config;
    }

    /** Lucene's writer of the index, made when first needed. */
    private synchronized IndexWriter writer() throws IOException {
        if (writer == null) {
            writer = new IndexWriter(FSDirectory.open(dir), config);
        }
        return writer;
    }

    /** A new Lucene index in {@code dir} holding {@code readers}' documents. */
    static void write(Path dir, List<CodecReader> readers) throws IOException {
        addAndClose(new IndexWriter(FSDirectory.open(dir), config()), dir, readers);
    }

    /** Adds the segments to the index in {@code dir} and closes it. */
    private static void addAndClose(IndexWriter writer, Path dir, List<CodecReader> readers) throws IOException {
        try (writer) {
            writer.addIndexes(readers.toArray(new CodecReader[0]));
        }
        // The lock file stays behind empty after a clean close; a published site does not need it.
        java.nio.file.Files.deleteIfExists(dir.resolve(IndexWriter.WRITE_LOCK_NAME));
    }

    @Override
    public void close() {
        closed = true;
        IndexWriter w = writer;
        try {
            if (w != null && w.isOpen()) {
                w.rollback();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release();
        }
    }

    /** The segments' memory back to the heap: see {@link Inverted#release}. */
    private void release() {
        synchronized (segments) {
            for (Segment s : segments) {
                s.inverted.release();
                s.waiting.clear();
            }
        }
    }
}
