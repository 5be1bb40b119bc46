package camnang.search;

import camnang.Slug;
import camnang.content.LegalDoc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
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
    /** Words completing the last, unfinished word of a query typed as you go weigh less than typed words. */
    static final float PREFIX_WEIGHT = 0.5f;
    /** A prefix shorter than this completes nothing: too many words start with one letter. */
    static final int PREFIX_MIN = 2;
    /** How many of the commonest completions a prefix adds. */
    static final int PREFIX_MAX = 8;
    /**
     * A cited article's key ({@code 9#luat hoa giai o co so}) weighs so much that the article
     * ranks first whatever else the query says; its document's key ({@code #luat hoa giai o co
     * so}) lists the document's other articles after it.
     */
    static final float CITE_WEIGHT = 20f;
    static final float CITE_DOC_WEIGHT = 1f;
    /** How many words after "điều N" a cited document's name is looked for in. */
    static final int CITE_WORDS = 12;
    private static final float[] FIELD_WEIGHTS = {TITLE_WEIGHT, HEADING_WEIGHT, TEXT_WEIGHT};

    private Search() {
    }

    /** One result: where (with the section's anchor), the page title, the section heading, Lucene's score. */
    public record Hit(String url, String title, String heading, float score) {
    }

    /** The boost of a clause on field {@code i} (title, heading, text) in {@code form}. */
    static float boost(int i, VietnameseAnalyzer.Form form) {
        return FIELD_WEIGHTS[i] * switch (form) {
            case EXACT -> EXACT_WEIGHT;
            case FOLDED -> 1f;
            case BIGRAM -> BIGRAM_WEIGHT;
        };
    }

    static float prefixBoost(int i) {
        return FIELD_WEIGHTS[i] * PREFIX_WEIGHT;
    }

    /** A query's words beyond this many are ignored: Lucene refuses more than 1,024 clauses. */
    static final int MAX_TERMS = 32;
    /** As in the browser, a longer query is cut. */
    static final int MAX_QUERY = 2000;

    /**
     * What to search: the words, whether the last may be unfinished, and facet filters (section,
     * type, audience, form, status; form and status also by label: see {@link #filterValue}).
     */
    public record Request(String text, int limit, boolean prefix, Map<String, String> filters) {
        public Request(String text, int limit) {
            this(text, limit, false, Map.of());
        }
    }

    static String normalize(String text) {
        String q = Normalizer.normalize(text, Normalizer.Form.NFC);
        return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
    }

    /**
     * The distinct terms of a query in one form, at most {@link #MAX_TERMS}, each with whether
     * it is free: found before {@code cited}, where the document a citation names begins (see
     * {@link #cited}); a term found only after it names the document, and is searched in the
     * title field alone. A document number typed whole is matched whole: its parts
     * ({@code 15}, {@code 2014}, {@code nd}, {@code cp} of {@code 15/2014/NĐ-CP}) would also find
     * every other number and date that shares them, and lift sections citing
     * {@code 160/1999/NĐ-CP} for it. Typed in part ({@code nđ 15/2014}), the parts are all there
     * is, and they count.
     */
    private static Map<String, Boolean> unique(String text, VietnameseAnalyzer.Form form, int cited) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        int docnoEnd = -1;
        for (Analysis.Token t : Analysis.tokens(text, form)) {
            if (out.size() == MAX_TERMS) {
                break;
            }
            if (VietnameseTokenizer.DOCNO.equals(t.type())) {
                docnoEnd = t.end();
            } else if (t.start() < docnoEnd) {
                continue;
            }
            out.merge(t.text(), cited < 0 || t.start() < cited, Boolean::logicalOr);
        }
        return out;
    }

    /** Words that may stand between an article's number and its document: "Điều 9 của Luật …". */
    private static final String OF = "cua";

    /**
     * Where the document begins that the query cites an article of, or -1: a citation is
     * "điều", an article number, then (past an optional "của") a form of document the site holds
     * ({@code forms}: folded words, "nghi dinh") or a document number: "điều 9 luật hòa giải ở
     * cơ sở", "dieu 5 nghi dinh 15/2014". The words after that name the document, which an
     * article holds in its title (its citation, {@link LegalTitles}); searched in its heading
     * and text as well, they would rank first the articles whose subject repeats the document's
     * name ("Điều 3. Phạm vi hòa giải ở cơ sở"), whatever article was cited.
     */
    static int cited(String q, List<Analysis.Token> folded, List<String> forms) {
        int[] at = citeAt(q, folded, forms);
        return at == null ? -1 : folded.get(at[1]).start();
    }

    /** As {@link #cited}: the index of the token "điều" and of the first word of the document, or null. */
    static int[] citeAt(String q, List<Analysis.Token> folded, List<String> forms) {
        for (int i = 0; i + 2 < folded.size(); i++) {
            Analysis.Token d = folded.get(i);
            Analysis.Token n = folded.get(i + 1);
            if (!d.text().equals("dieu") || !VietnameseTokenizer.WORD.equals(d.type())
                    || !VietnameseTokenizer.WORD.equals(n.type()) || !n.text().matches("\\d{1,4}[a-z]?")
                    || !spaces(q, n.end(), folded.get(i + 2).start())) {
                continue; // "Điều 37.1.LQ.9" is a code of the legal code book, not "Điều 37" of a document
            }
            int j = i + 2;
            if (folded.get(j).text().equals(OF) && j + 1 < folded.size()) {
                j++;
            }
            Analysis.Token first = folded.get(j);
            if (VietnameseTokenizer.DOCNO.equals(first.type())) {
                return new int[] {i, j};
            }
            for (String f : forms) {
                String[] words = f.split(" ");
                boolean match = j + words.length <= folded.size();
                for (int k = 0; match && k < words.length; k++) {
                    match = folded.get(j + k).text().equals(words[k]);
                }
                if (match) {
                    return new int[] {i, j};
                }
            }
        }
        return null;
    }

    /**
     * A citation resolved: the query without it ({@code rest}), and the cited article's key and
     * its document's ({@link LegalTitles#cites}).
     */
    record Citation(String rest, String article, String document) {
    }

    /**
     * The citation in {@code q} of an article the site holds, by the longest name of its document
     * (exact, folded: {@link LegalTitles#citeNames}) that follows "điều N", or null. Found, the
     * citation is searched by its key alone: the document's words, in every article's title,
     * would be read deep in long lists for nothing.
     */
    static Citation resolve(String q, List<Analysis.Token> folded, List<String> forms, IndexReader reader)
            throws IOException {
        int[] at = citeAt(q, folded, forms);
        if (at == null) {
            return null;
        }
        String number = folded.get(at[0] + 1).text();
        for (int k = Math.min(folded.size(), at[1] + CITE_WORDS); k > at[1]; k--) {
            if (k < folded.size() && folded.get(k).start() < docnoEnd(folded, at[1], k)) {
                continue; // never end inside a document number's parts
            }
            String name = LegalTitles.key(folded, at[1], k);
            String article = number + "#" + name;
            if (reader.docFreq(new Term(SearchIndex.CITE, article)) > 0) {
                int end = Math.max(folded.get(k - 1).end(), docnoEnd(folded, at[1], k));
                String rest = q.substring(0, folded.get(at[0]).start()) + " " + q.substring(end);
                return new Citation(rest, article, "#" + name);
            }
        }
        return null;
    }

    /** The end of the last document number among tokens {@code from} to {@code to} (exclusive), or -1. */
    static int docnoEnd(List<Analysis.Token> folded, int from, int to) {
        int end = -1;
        for (int i = from; i < to; i++) {
            if (VietnameseTokenizer.DOCNO.equals(folded.get(i).type())) {
                end = Math.max(end, folded.get(i).end());
            }
        }
        return end;
    }

    /** Whether only white space (as the tokenizer sees it) lies between {@code from} and {@code to}. */
    private static boolean spaces(String q, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = q.charAt(i);
            if ("\t\n\u000B\f\r".indexOf(c) < 0 && Character.getType(c) != Character.SPACE_SEPARATOR) {
                return false;
            }
        }
        return true;
    }

    /** The forms of document the site holds, as folded words ("nghi dinh"): from the facet "form". */
    static List<String> forms(IndexReader reader) throws IOException {
        List<String> out = new ArrayList<>();
        Terms terms = MultiTerms.getTerms(reader, SearchIndex.FORM);
        if (terms != null) {
            TermsEnum te = terms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                out.add(t.utf8ToString().replace('-', ' '));
            }
        }
        return out;
    }

    /**
     * The Lucene query for {@code text}: exact, folded and bigram clauses on title, heading and
     * text; with {@code prefix}, the commonest words that complete the last one (the browser
     * reads the same from its dictionary).
     */
    static Query query(String text, IndexReader reader, boolean prefix) throws IOException {
        String q = normalize(text);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<String> forms = forms(reader);
        Citation citation = resolve(q, Analysis.tokens(q, VietnameseAnalyzer.Form.FOLDED), forms, reader);
        if (citation != null) {
            q = citation.rest();
        }
        int cited = cited(q, Analysis.tokens(q, VietnameseAnalyzer.Form.FOLDED), forms);
        // A word typed without diacritics asks for no particular spelling: its exact clause
        // would only favour the accidental plain spellings ("giai" of "giai đoạn" for "hoa giai").
        Map<String, Boolean> exact = unique(q, VietnameseAnalyzer.Form.EXACT, cited);
        exact.keySet().removeIf(t -> Syllables.fold(t).equals(t));
        Map<String, Boolean> folded = unique(q, VietnameseAnalyzer.Form.FOLDED, cited);
        Map<String, Boolean> bigrams = unique(q, VietnameseAnalyzer.Form.BIGRAM, cited);
        for (String p : partialNumbers(q)) {
            for (String t : expand(p, folded.keySet(), reader)) {
                folded.putIfAbsent(t, true);
            }
        }
        List<String> expansions = prefix ? completions(q, folded.keySet(), reader) : List.of();
        String[] fields = SearchIndex.SEARCHED;
        for (int i = 0; i < fields.length; i++) {
            // A term that only names a cited document is searched in the title (i == 0) alone.
            for (Map.Entry<String, Boolean> t : exact.entrySet()) {
                if (i == 0 || t.getValue()) {
                    b.add(new BoostQuery(new TermQuery(new Term(fields[i] + "_exact", t.getKey())),
                            boost(i, VietnameseAnalyzer.Form.EXACT)), BooleanClause.Occur.SHOULD);
                }
            }
            for (Map.Entry<String, Boolean> t : folded.entrySet()) {
                if (i == 0 || t.getValue()) {
                    b.add(new BoostQuery(new TermQuery(new Term(fields[i] + "_folded", t.getKey())),
                            boost(i, VietnameseAnalyzer.Form.FOLDED)), BooleanClause.Occur.SHOULD);
                }
            }
            for (String t : expansions) {
                b.add(new BoostQuery(new TermQuery(new Term(fields[i] + "_folded", t)), prefixBoost(i)),
                        BooleanClause.Occur.SHOULD);
            }
        }
        for (int i = 0; i < fields.length; i++) {
            for (Map.Entry<String, Boolean> t : bigrams.entrySet()) {
                if (i == 0 || t.getValue()) {
                    b.add(new BoostQuery(new TermQuery(new Term(fields[i] + "_bigram", t.getKey())),
                            boost(i, VietnameseAnalyzer.Form.BIGRAM)), BooleanClause.Occur.SHOULD);
                }
            }
        }
        if (citation != null) {
            b.add(new BoostQuery(new TermQuery(new Term(SearchIndex.CITE, citation.document())), CITE_DOC_WEIGHT),
                    BooleanClause.Occur.SHOULD);
            b.add(new BoostQuery(new TermQuery(new Term(SearchIndex.CITE, citation.article())), CITE_WEIGHT),
                    BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }


    /** Up to {@link #PREFIX_MAX} folded words that start with the query's last word, commonest first. */
    private static List<String> completions(String q, Set<String> typed, IndexReader reader) throws IOException {
        if (q.isEmpty() || !VietnameseTokenizer.isWordChar(q.codePointBefore(q.length()))) {
            return List.of();
        }
        List<Analysis.Token> tokens = Analysis.tokens(q, VietnameseAnalyzer.Form.FOLDED);
        String p = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1).text();
        if (p.length() < PREFIX_MIN) {
            return List.of();
        }
        return expand(p, typed, reader);
    }

    /**
     * A document number typed without its symbol, as people shorten it ("nđ 15/2014", "nghị
     * định 15/2014"): a number and a year. The tokenizer sees two numbers; the site's document
     * numbers that start with it ({@code 15/2014/nd-cp}) are searched as if typed, so the
     * document itself ranks before the sections where 15 and 2014 merely occur.
     */
    private static final java.util.regex.Pattern PARTIAL_NUMBER =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\d/])\\d{1,4}/\\d{4}(?![\\p{L}\\d/])");
    /** At most this many partial numbers of a query are expanded. */
    static final int PARTIAL_MAX = 4;

    /** The partial document numbers of a query, each as the prefix of the numbers it stands for: {@code 15/2014/}. */
    static List<String> partialNumbers(String q) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = PARTIAL_NUMBER.matcher(q);
        while (m.find() && out.size() < PARTIAL_MAX) {
            if (!out.contains(m.group() + "/")) {
                out.add(m.group() + "/");
            }
        }
        return out;
    }

    /** Up to {@link #PREFIX_MAX} folded words longer than {@code p} that start with it, commonest first, none of {@code typed}. */
    private static List<String> expand(String p, Set<String> typed, IndexReader reader) throws IOException {
        Map<String, Integer> df = new HashMap<>();
        for (String f : SearchIndex.SEARCHED) {
            Terms terms = MultiTerms.getTerms(reader, f + "_folded");
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            if (te.seekCeil(new BytesRef(p)) == TermsEnum.SeekStatus.END) {
                continue;
            }
            for (BytesRef t = te.term(); t != null; t = te.next()) {
                String s = t.utf8ToString();
                if (!s.startsWith(p)) {
                    break;
                }
                if (s.length() > p.length() && !typed.contains(s)) {
                    df.merge(s, te.docFreq(), Integer::sum);
                }
            }
        }
        return df.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(PREFIX_MAX).map(Map.Entry::getKey).toList();
    }

    /**
     * A filter's value as the index holds it. Form and status are typed by people, as their
     * labels: "Nghị định", "nghi dinh" and "NGHỊ ĐỊNH" are one form, and a status is any
     * wording {@link LegalDoc.Status#parse} reads ("hết hiệu lực", "Het hieu luc").
     */
    public static String filterValue(String key, String value) {
        return switch (key) {
            case SearchIndex.FORM -> Slug.of(value);
            case SearchIndex.STATUS -> {
                LegalDoc.Status s = LegalDoc.Status.parse(value);
                yield s == null ? Slug.of(value) : s.slug();
            }
            default -> value;
        };
    }

    /** The top {@code limit} sections of the site in {@code site} (an output folder) for {@code text}. */
    public static List<Hit> search(Path site, String text, int limit) {
        return search(site, new Request(text, limit));
    }

    public static List<Hit> search(Path site, Request r) {
        List<Hit> hits = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(site.resolve(SearchIndex.DIR)))) {
            Query q = query(r.text(), reader, r.prefix());
            if (((BooleanQuery) q).clauses().isEmpty()) {
                return hits;
            }
            if (!r.filters().isEmpty()) {
                BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
                r.filters().forEach((k, v) -> b.add(new TermQuery(new Term(k, filterValue(k, v))), BooleanClause.Occur.FILTER));
                q = b.build();
            }
            IndexSearcher searcher = new IndexSearcher(reader);
            // Equal scores go in the site's order, as in the browser.
            Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(SearchIndex.ORDER, SortField.Type.LONG));
            for (ScoreDoc sd : searcher.search(q, r.limit(), sort, true).scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                hits.add(new Hit(d.get(SearchIndex.URL), d.get(SearchIndex.TITLE), d.get(SearchIndex.HEADING), sd.score));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }
}
