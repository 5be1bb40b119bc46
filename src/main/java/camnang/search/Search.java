package camnang.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Searching the Lucene index of a built site, as {@code camnang search} and servers do. A
 * query's words are not all required: each adds to the score, rarer words more (BM25);
 * title and headings weigh more than text, the typed diacritics more than the folded form,
 * and syllable bigrams lift phrases.
 */
public final class Search {
    static final float TITLE_WEIGHT = 3f;
    static final float HEADING_WEIGHT = 2f;
    static final float TEXT_WEIGHT = 1f;
    static final float EXACT_WEIGHT = 1.5f;
    static final float BIGRAM_WEIGHT = 2f;

    private Search() {
    }

    /** One result: where (with the section's anchor), the page title, the section heading, Lucene's score. */
    public record Hit(String url, String title, String heading, float score) {
    }

    public static Query query(String text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        Set<String> exact = new LinkedHashSet<>(Analysis.terms(text, VietnameseAnalyzer.Form.EXACT));
        Set<String> folded = new LinkedHashSet<>(Analysis.terms(text, VietnameseAnalyzer.Form.FOLDED));
        Set<String> bigrams = new LinkedHashSet<>(Analysis.terms(text, VietnameseAnalyzer.Form.BIGRAM));
        String[] fields = {SearchIndex.TITLE, SearchIndex.HEADING, SearchIndex.TEXT};
        float[] weights = {TITLE_WEIGHT, HEADING_WEIGHT, TEXT_WEIGHT};
        for (int i = 0; i < fields.length; i++) {
            for (String t : exact) {
                b.add(new BoostQuery(new TermQuery(new Term(fields[i] + "_exact", t)), weights[i] * EXACT_WEIGHT),
                        BooleanClause.Occur.SHOULD);
            }
            for (String t : folded) {
                b.add(new BoostQuery(new TermQuery(new Term(fields[i] + "_folded", t)), weights[i]),
                        BooleanClause.Occur.SHOULD);
            }
        }
        for (int i = 0; i < fields.length; i++) {
            for (String t : bigrams) {
                b.add(new BoostQuery(new TermQuery(new Term(fields[i] + "_bigram", t)), weights[i] * BIGRAM_WEIGHT),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return b.build();
    }

    /** The top {@code limit} sections of the site in {@code site} (an output folder) for {@code text}. */
    public static List<Hit> search(Path site, String text, int limit) {
        List<Hit> hits = new ArrayList<>();
        Query q = query(text);
        if (((BooleanQuery) q).clauses().isEmpty()) {
            return hits;
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(site.resolve(SearchIndex.DIR)))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (ScoreDoc sd : searcher.search(q, limit).scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                hits.add(new Hit(d.get(SearchIndex.URL), d.get(SearchIndex.TITLE), d.get(SearchIndex.HEADING), sd.score));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }
}
