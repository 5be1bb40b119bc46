package camnang.search;

import camnang.content.Audience;
import camnang.content.Page;
import camnang.markdown.RenderedPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
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

    static final String URL = "url";
    static final String TITLE = "title";
    static final String HEADING = "heading";
    static final String TEXT = "text";
    static final String SECTION = "section";
    static final String TYPE = "type";
    static final String AUDIENCE = "audience";
    static final String TAG = "tag";
    static final String[] SEARCHED = {TITLE, HEADING, TEXT};

    private final IndexWriter writer;
    private final Path dir;

    private SearchIndex(IndexWriter writer, Path dir) {
        this.writer = writer;
        this.dir = dir;
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

    public static SearchIndex create(Path dir) {
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            config.setRAMBufferSizeMB(64);
            return new SearchIndex(new IndexWriter(FSDirectory.open(dir), config), dir);
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
        boolean first = true;
        for (RenderedPage.SectionText s : rp.sections()) {
            if (s.text().isBlank()) {
                continue;
            }
            // The page title is searched in the page's first section only: repeated in every
            // section it would lift long pages of many sections above the section that answers.
            String title = first ? page.title() : "";
            first = false;
            Document d = new Document();
            d.add(new StoredField(URL, s.id().isEmpty() ? page.output() : page.output() + "#" + s.id()));
            d.add(new StoredField(TITLE, page.title()));
            d.add(new StoredField(HEADING, s.heading()));
            d.add(new StoredField(TEXT, s.text()));
            add(d, TITLE, title);
            add(d, HEADING, s.heading());
            add(d, TEXT, s.text());
            d.add(new TextField(TITLE + "_bigram", title, Field.Store.NO));
            d.add(new TextField(HEADING + "_bigram", s.heading(), Field.Store.NO));
            d.add(new TextField(TEXT + "_bigram", s.text(), Field.Store.NO));
            d.add(new StringField(SECTION, page.section(), Field.Store.YES));
            if (page.meta().type() != null) {
                d.add(new StringField(TYPE, page.meta().type().key, Field.Store.YES));
            }
            for (Audience a : page.meta().audience()) {
                d.add(new StringField(AUDIENCE, a.slug, Field.Store.YES));
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

    private static void add(Document d, String field, String value) {
        d.add(new TextField(field + "_exact", value, Field.Store.NO));
        d.add(new TextField(field + "_folded", value, Field.Store.NO));
    }

    @Override
    public void close() {
        try {
            writer.forceMerge(1);
            writer.close();
            // The lock file stays behind empty after a clean close; a published site does not need it.
            java.nio.file.Files.deleteIfExists(dir.resolve(IndexWriter.WRITE_LOCK_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
