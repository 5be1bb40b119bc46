package camnang.search;

import camnang.content.Audience;
import camnang.content.LegalDoc;
import camnang.content.Page;
import camnang.content.Site;
import camnang.markdown.RenderedPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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

    private final IndexWriter writer;
    private final Path dir;
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final Site site;

    private SearchIndex(IndexWriter writer, Path dir, Site site) {
        this.writer = writer;
        this.dir = dir;
        this.site = site;
        List<Page> pages = site.pages();
        for (int i = 0; i < pages.size(); i++) {
            ordinals.put(pages.get(i).output(), i);
        }
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

    /** A new index in {@code dir} (emptied) for the pages of {@code site}. */
    public static SearchIndex create(Path dir, Site site) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            config.setRAMBufferSizeMB(64);
            return new SearchIndex(new IndexWriter(FSDirectory.open(dir), config), dir, site);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds the sections of a rendered page; safe from several threads. A section without
     * text of its own adds nothing: a page that only lists other pages, or the thousands of
     * bare headings that end each file of the legal corpus, are not results.
     */
    public void add(RenderedPage rp) {
        Page page = rp.page();
        long ordinal = ordinals.get(page.output());
        int n = 0;
        boolean first = true;
        LegalDoc legal = page.meta().legal();
        List<String> names = LegalTitles.citeNames(legal);
        for (RenderedPage.SectionText s : rp.sections()) {
            if (s.text().isBlank()) {
                continue;
            }
            // The page title is searched in the page's first section only: repeated in every
            // section it would lift long pages of many sections above the section that answers.
            // The articles of a legal document have a title of their own: their citation.
            LegalTitles.Fields searched = LegalTitles.of(page, s.heading(), first);
            String title = searched.title();
            Document d = new Document();
            d.add(new NumericDocValuesField(ORDER, ordinal << 24 | n++));
            if (!title.isEmpty()) {
                d.add(new StoredField(TITLED, title));
            }
            if (!searched.heading().equals(s.heading())) {
                d.add(new StoredField(HEADED, searched.heading()));
            }
            boolean wasFirst = first;
            first = false;
            d.add(new StoredField(URL, s.id().isEmpty() ? page.output() : page.output() + "#" + s.id()));
            d.add(new StoredField(TITLE, page.title()));
            d.add(new StoredField(HEADING, s.heading()));
            d.add(new StoredField(TEXT, s.text()));
            add(d, TITLE, title);
            add(d, HEADING, searched.heading());
            add(d, TEXT, s.text());
            for (String k : LegalTitles.cites(names, wasFirst, searched)) {
                d.add(new Field(CITE, k, KEY));
            }
            d.add(new StringField(SECTION, topSection(page), Field.Store.YES));
            if (page.meta().type() != null) {
                d.add(new StringField(TYPE, page.meta().type().key, Field.Store.YES));
            }
            for (Audience a : page.meta().audience()) {
                d.add(new StringField(AUDIENCE, a.slug, Field.Store.YES));
            }
            if (legal != null && !formSlug(legal).isEmpty()) {
                d.add(new StringField(FORM, formSlug(legal), Field.Store.YES));
            }
            if (legal != null && legal.status() != null) {
                d.add(new StringField(STATUS, legal.status().slug(), Field.Store.YES));
            }
            for (String t : page.meta().tags()) {
                d.add(new StringField(TAG, camnang.Slug.of(t), Field.Store.YES));
            }
            try {
                writer.addDocument(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The three forms of a field from one pass of the tokenizer ({@link Forms}), as the analyzer would give them. */
    private static void add(Document d, String field, String value) {
        Forms f = Forms.of(value);
        d.add(new Field(field + "_exact", f.stream(VietnameseAnalyzer.Form.EXACT), TOKENS));
        d.add(new Field(field + "_folded", f.stream(VietnameseAnalyzer.Form.FOLDED), TOKENS));
        d.add(new Field(field + "_bigram", f.stream(VietnameseAnalyzer.Form.BIGRAM), TOKENS));
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
     * Closes the index and writes the browser's shards beside it
     * through {@code write} (a path in the output folder and the file's bytes).
     */
    public Written finish(Path searchDir, BiConsumer<String, byte[]> write) {
        close();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            Shards.Summary s = Shards.write(reader, site, searchDir, write);
            return new Written(s.docs(), s.files(), s.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (!writer.isOpen()) {
            return;
        }
        try {
            // Each indexing thread's buffer is flushed by a thread of its own: close() alone would
            // write them one after the other while the other cores wait.
            java.util.stream.IntStream.range(0, Runtime.getRuntime().availableProcessors()).parallel().forEach(i -> {
                try {
                    while (writer.flushNextBuffer()) {
                        // another buffer may wait
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.close();
            // The lock file stays behind empty after a clean close; a published site does not need it.
            java.nio.file.Files.deleteIfExists(dir.resolve(IndexWriter.WRITE_LOCK_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
