package camnang.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.DocValuesProducer;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.codecs.PointsReader;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.codecs.TermVectorsReader;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafMetaData;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorEncoding;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.SmallFloat;
import org.apache.lucene.util.Version;

/**
 * The sections one thread of a build added to the search index, inverted in memory and read
 * as a Lucene segment ({@link #reader()}): Lucene writes that segment into the output
 * ({@code IndexWriter.addIndexes}) and the browser's shards are cut from it without reading
 * the written index back. Lucene's own inversion (hashing each token's UTF-8 bytes) took a
 * third of a build with the search index; here the tokens are the tokenizer's remembered
 * syllables, whose hash is computed once.
 *
 * <p>What a section gives is what {@link SearchIndex} gave Lucene's {@code IndexWriter} before,
 * token for token: the same terms, frequencies, norms (BM25's, overlaps discounted), stored
 * values and order; {@code InvertedTest} compares the two for whole sites.
 */
final class Inverted implements SearchIndex.Sink {
    /** How a field is indexed. */
    enum Kind {
        /** Tokens with frequencies and norms ({@code title_exact}…). */
        TOKENS,
        /** One term per value, with frequencies and norms ({@link SearchIndex#CITE}). */
        KEY,
        /** One term per value, documents only, no norms, stored ({@code StringField}). */
        FACET,
        /** Stored only. */
        STORED,
        /** A numeric doc value ({@link SearchIndex#ORDER}). */
        ORDER
    }

    /** Every field an index may hold; a field's place here is its number in a segment. */
    static final List<String> NAMES = new ArrayList<>();
    static final List<Kind> KINDS = new ArrayList<>();
    /** Each field's number by name; a searched field ({@code text}) gives its {@code _exact} field's. */
    private static final Map<String, Integer> NUMBERS = new HashMap<>();
    private static final Map<String, Integer> TOKENS_OF = new HashMap<>();

    private static void field(String name, Kind kind) {
        NUMBERS.put(name, NAMES.size());
        NAMES.add(name);
        KINDS.add(kind);
    }

    static {
        field(SearchIndex.ORDER, Kind.ORDER);
        for (String s : new String[] {SearchIndex.TITLED, SearchIndex.HEADED, SearchIndex.URL, SearchIndex.TITLE,
            SearchIndex.HEADING, SearchIndex.TEXT}) {
            field(s, Kind.STORED);
        }
        for (String s : SearchIndex.SEARCHED) {
            TOKENS_OF.put(s, NAMES.size());
            for (String form : new String[] {"_exact", "_folded", "_bigram"}) {
                field(s + form, Kind.TOKENS);
            }
        }
        field(SearchIndex.CITE, Kind.KEY);
        for (String s : new String[] {SearchIndex.SECTION, SearchIndex.TYPE, SearchIndex.AUDIENCE, SearchIndex.FORM,
            SearchIndex.STATUS, SearchIndex.TAG}) {
            field(s, Kind.FACET);
        }
    }

    static int number(String name) {
        Integer n = NUMBERS.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no such field: " + name);
        }
        return n;
    }

    private static final int ORDER_FIELD = number(SearchIndex.ORDER);

    private static final int TOKENS_BASE = number(SearchIndex.SEARCHED[0] + "_exact");

    /** The postings of one term: (document delta, frequency) as variable-length ints. */
    private static final class Term {
        /** The term, or for a bigram its first syllable. */
        final String left;
        /** A bigram's second syllable; null for other terms. */
        final String right;
        final int hash;
        byte[] bytes = new byte[4];
        int size;
        int lastDoc = -1;
        int written;
        int freq;
        int docFreq;
        long totalFreq;
        /** For a term of an exact field: the folded spelling last seen with it, and its term in the folded field. */
        String foldedKey;
        Term foldedTerm;
        /** For a term of a folded field: the term that last followed it, and their bigram. */
        Term nextFolded;
        Term bigram;

        Term(String left, String right, int hash) {
            this.left = left;
            this.right = right;
            this.hash = hash;
        }

        String key() {
            return right == null ? left : left + " " + right;
        }

        /** Writes the pending posting; returns the bytes its list grew by. */
        int flush(boolean freqs) {
            int grown = 0;
            if (size + 10 > bytes.length) {
                int n = Math.max(bytes.length * 2, size + 10);
                grown = n - bytes.length;
                bytes = Arrays.copyOf(bytes, n);
            }
            size = writeVInt(bytes, size, lastDoc - written);
            written = lastDoc;
            if (freqs) {
                size = writeVInt(bytes, size, freq);
            }
            return grown;
        }
    }

    static int writeVInt(byte[] b, int at, int v) {
        while ((v & ~0x7F) != 0) {
            b[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        return at;
    }

    /** One indexed field of the segment. */
    private static final class Postings {
        final boolean freqs;
        final boolean norms;
        /*
         * The terms by hash, open addressing. The tokenizer hands over the same string for each
         * occurrence of a syllable (Syllables.Memo), so a key is nearly always found by identity,
         * without reading it; a bigram is looked up by its two syllables, never joined. A slot
         * holds the term alone: its key and hash are read from it, which the posting needs anyway.
         */
        Term[] slots = new Term[64];
        int count;
        /** About what this field's terms and lists take of the heap. */
        long memory;
        int docCount;
        int lastDoc = -1;
        long sumDocFreq;
        long sumTotalFreq;
        /** The field's length and overlaps in the document being added, and whether it holds the field. */
        int length;
        int overlaps;
        boolean inDoc;
        int[] normDocs = new int[16];
        byte[] normValues = new byte[16];
        int normCount;
        /** After {@link #freeze}: the terms in Lucene's order (their UTF-8 bytes). */
        BytesRef[] sortedKeys;
        Term[] sortedTerms;

        Postings(boolean freqs, boolean norms) {
            this.freqs = freqs;
            this.norms = norms;
        }

        Term term(String left, String right) {
            int h = right == null ? left.hashCode() : left.hashCode() * 0x9E3779B1 + right.hashCode();
            int mask = slots.length - 1;
            int i = (h ^ (h >>> 15)) & mask;
            for (Term t; (t = slots[i]) != null; i = (i + 1) & mask) {
                if (t.left == left && t.right == right
                        || t.hash == h && t.left.equals(left) && (right == null ? t.right == null : right.equals(t.right))) {
                    return t;
                }
            }
            Term t = new Term(left, right, h);
            // The term, its first list and its slot; a bigram's joined key comes at the end only.
            memory += 96;
            if (2 * (count + 1) > slots.length) {
                grow();
                mask = slots.length - 1;
                i = (h ^ (h >>> 15)) & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
            }
            slots[i] = t;
            count++;
            return t;
        }

        private void grow() {
            Term[] old = slots;
            int n = old.length * 2;
            slots = new Term[n];
            for (Term t : old) {
                if (t == null) {
                    continue;
                }
                int i = (t.hash ^ (t.hash >>> 15)) & (n - 1);
                while (slots[i] != null) {
                    i = (i + 1) & (n - 1);
                }
                slots[i] = t;
            }
        }
    }

    private final Postings[] fields = new Postings[NAMES.size()];
    private final boolean[] present = new boolean[NAMES.size()];
    private long[] orders = new long[64];
    /**
     * Each document's stored values as Lucene writes them: field number, length, UTF-8, in the order
     * added. Bytes, not strings: they take two thirds of the memory of Vietnamese held as strings.
     */
    private byte[][] stored = new byte[64][];
    private int doc = -1;
    private int maxDoc;
    private long storedMemory;
    private byte[] buffer = new byte[256];
    private int bufferSize;
    private boolean frozen;
    /** After {@link #release}: nothing left to read. */
    private boolean released;

    private Postings postings(int field) {
        Postings p = fields[field];
        if (p == null) {
            Kind k = KINDS.get(field);
            p = new Postings(k != Kind.FACET, k == Kind.TOKENS || k == Kind.KEY);
            fields[field] = p;
        }
        return p;
    }

    @Override
    public void start(long order) {
        if (frozen) {
            throw new IllegalStateException("the segment is frozen");
        }
        doc = maxDoc++;
        if (doc == orders.length) {
            orders = Arrays.copyOf(orders, doc * 2);
            stored = Arrays.copyOf(stored, doc * 2);
        }
        orders[doc] = order;
        present[ORDER_FIELD] = true;
        bufferSize = 0;
    }

    @Override
    public void stored(String field, String value) {
        int n = number(field);
        present[n] = true;
        storeValue(n, value);
    }

    /**
     * A stored value's UTF-8 written straight into the segment's buffer by Lucene's own encoder
     * (an unpaired surrogate becomes U+FFFD, as in a written index), without the JDK's two arrays
     * and a copy of each value.
     */
    private void storeValue(int field, String value) {
        int length = UnicodeUtil.calcUTF16toUTF8Length(value, 0, value.length());
        if (bufferSize + length + 10 > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, bufferSize + length + 10));
        }
        bufferSize = writeVInt(buffer, bufferSize, field);
        bufferSize = writeVInt(buffer, bufferSize, length);
        bufferSize = UnicodeUtil.UTF16toUTF8(value, 0, value.length(), buffer, bufferSize);
    }

    /** What a remembered syllable became in a segment: its term in each searched field's exact postings. */
    private static final class Indexed {
        final Inverted owner;
        final Term[] exact = new Term[SearchIndex.SEARCHED.length];

        Indexed(Inverted owner) {
            this.owner = owner;
        }
    }

    /** The folded term of each token of the text being added, where its bigrams find them. */
    private Term[] folds = new Term[256];

    /*
     * A text's tokens are the tokenizer's remembered syllables: each finds its exact term where it
     * left it the last time (Indexed) and its folded term from that; a bigram is found from its first
     * syllable's folded term when the same syllable followed it the time before. A hash lookup is
     * left to the rest. JFR put 15% of a build's samples in this code, lookups and postings together;
     * the whole build gained about 1% (BENCHMARKS.md, stop 22).
     */
    @Override
    public void tokens(String field, Forms forms) {
        int base = TOKENS_OF.get(field);
        exactAndFolded(base, forms);
        present[base + 2] = true;
        Postings p = postings(base + 2);
        p.inDoc = true;
        Term[] folds = this.folds;
        for (int i = 0; i < forms.bigramSize; i++) {
            Term l = folds[forms.leftAt[i]];
            Term r = folds[forms.rightAt[i]];
            Term b = l.nextFolded == r ? l.bigram : null;
            if (b == null) {
                b = p.term(forms.folded[forms.leftAt[i]], forms.folded[forms.rightAt[i]]);
                l.nextFolded = r;
                l.bigram = b;
            }
            add(p, b);
        }
        p.length += forms.bigramSize;
    }

    /*
     * A syllable's folded spelling is found from its exact term, where it was kept the last time
     * (the tokenizer hands over one string per spelling): one lookup a token instead of two.
     */
    private void exactAndFolded(int base, Forms forms) {
        present[base] = true;
        present[base + 1] = true;
        Postings pe = postings(base);
        Postings pf = postings(base + 1);
        pe.inDoc = true;
        pf.inDoc = true;
        String[] exact = forms.exact;
        String[] folded = forms.folded;
        Syllables.Memo.Forms[] syllables = forms.syllables;
        int[] increments = forms.increments;
        int size = forms.size;
        int k = (base - TOKENS_BASE) / 3;
        if (folds.length < size) {
            folds = new Term[Math.max(size, 2 * folds.length)];
        }
        Term[] folds = this.folds;
        for (int i = 0; i < size; i++) {
            Syllables.Memo.Forms m = syllables[i];
            Term e;
            if (m == null) {
                e = pe.term(exact[i], null);
            } else {
                Indexed x = m.indexed instanceof Indexed ix && ix.owner == this ? ix : null;
                if (x == null) {
                    x = new Indexed(this);
                    m.indexed = x;
                }
                e = x.exact[k];
                if (e == null) {
                    e = pe.term(exact[i], null);
                    x.exact[k] = e;
                }
            }
            add(pe, e);
            String f = folded[i];
            Term t = e.foldedKey == f ? e.foldedTerm : null;
            if (t == null) {
                t = pf.term(f, null);
                e.foldedKey = f;
                e.foldedTerm = t;
            }
            add(pf, t);
            folds[i] = t;
            if (increments[i] == 0) {
                pe.overlaps++;
                pf.overlaps++;
            }
        }
        pe.length += size;
        pf.length += size;
    }

    @Override
    public void keys(String field, List<String> values) {
        int n = number(field);
        present[n] = true;
        Postings p = postings(n);
        p.inDoc = true;
        for (String v : values) {
            add(p, p.term(v, null));
            p.length++;
        }
    }

    @Override
    public void facet(String field, String value) {
        int n = number(field);
        present[n] = true;
        Postings p = postings(n);
        add(p, p.term(value, null));
        storeValue(n, value);
    }

    private void add(Postings p, Term t) {
        if (t.lastDoc != doc) {
            if (t.lastDoc >= 0) {
                p.memory += t.flush(p.freqs);
            }
            t.lastDoc = doc;
            t.freq = 1;
            t.docFreq++;
            p.sumDocFreq++;
            if (p.lastDoc != doc) {
                p.lastDoc = doc;
                p.docCount++;
            }
        } else if (p.freqs) {
            t.freq++;
        } else {
            return; // a facet value twice in a document counts once
        }
        t.totalFreq++;
        p.sumTotalFreq++;
    }

    @Override
    public void end() {
        for (int f = TOKENS_BASE; f < fields.length; f++) {
            Postings p = fields[f];
            if (p == null || !p.inDoc) {
                continue;
            }
            if (p.norms) {
                // What BM25Similarity.computeNorm gives, and 0 for a field without tokens (IndexingChain).
                int n = p.length - p.overlaps;
                byte norm = p.length == 0 ? 0 : SmallFloat.intToByte4(n);
                if (p.normCount == p.normDocs.length) {
                    p.normDocs = Arrays.copyOf(p.normDocs, p.normCount * 2);
                    p.normValues = Arrays.copyOf(p.normValues, p.normCount * 2);
                }
                p.normDocs[p.normCount] = doc;
                p.normValues[p.normCount++] = norm;
            }
            p.inDoc = false;
            p.length = 0;
            p.overlaps = 0;
        }
        stored[doc] = Arrays.copyOf(buffer, bufferSize);
        storedMemory += bufferSize + 16;
    }

    int maxDoc() {
        return maxDoc;
    }

    /** About what the segment takes of the heap: stored values, terms and their lists. */
    long memory() {
        long m = storedMemory + 32L * maxDoc;
        for (Postings p : fields) {
            if (p != null) {
                m += p.memory + 4L * (p.slots == null ? 0 : p.slots.length) + 5L * p.normCount;
            }
        }
        return m;
    }

    /**
     * Drops the postings and stored values once Lucene and the shards have read them. A daemon's
     * threads keep their last segment reachable until their next build (the value of a
     * {@code ThreadLocal} whose index is gone stays in the thread; the syllable memo points at its
     * terms): about 100 MB of the 10,000 pages' segments stayed in the heap between builds, and
     * the next build began with that much less room.
     */
    void release() {
        frozen = true;
        for (int f = 0; f < fields.length; f++) {
            Postings p = fields[f];
            if (p == null) {
                continue;
            }
            for (Term[] terms : new Term[][] {p.slots, p.sortedTerms}) {
                if (terms != null) {
                    for (Term t : terms) {
                        if (t != null) {
                            t.bytes = null;
                        }
                    }
                }
            }
            fields[f] = null;
        }
        stored = null;
        orders = null;
        buffer = null;
        released = true;
    }

    /** Ends adding: the postings in Lucene's order of terms. */
    private void freeze() {
        if (frozen) {
            return;
        }
        frozen = true;
        for (Postings p : fields) {
            if (p == null) {
                continue;
            }
            int n = p.count;
            BytesRef[] keys = new BytesRef[n];
            Term[] terms = new Term[n];
            Integer[] order = new Integer[n];
            int i = 0;
            for (Term t : p.slots) {
                if (t == null) {
                    continue;
                }
                t.flush(p.freqs);
                keys[i] = new BytesRef(t.key());
                terms[i] = t;
                order[i] = i;
                i++;
            }
            Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
            List<BytesRef> sortedKeys = new ArrayList<>(n);
            List<Term> sortedTerms = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                BytesRef key = keys[order[k]];
                Term t = terms[order[k]];
                int last = sortedKeys.size() - 1;
                if (last >= 0 && sortedKeys.get(last).equals(key)) {
                    // Two strings with the same UTF-8 (unpaired surrogates become U+FFFD): one term.
                    sortedTerms.set(last, merge(sortedTerms.get(last), t, p));
                } else {
                    sortedKeys.add(key);
                    sortedTerms.add(t);
                }
            }
            p.sortedKeys = sortedKeys.toArray(new BytesRef[0]);
            p.sortedTerms = sortedTerms.toArray(new Term[0]);
            p.slots = null;
        }
    }

    /** One term's postings from two with the same bytes; documents both hold add their frequencies. */
    private static Term merge(Term a, Term b, Postings p) {
        java.util.TreeMap<Integer, Integer> docs = new java.util.TreeMap<>();
        for (Term t : new Term[] {a, b}) {
            Docs d = new Docs(t, p.freqs);
            while (d.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                docs.merge(d.docID(), d.freq(), Integer::sum);
            }
        }
        Term m = new Term(a.left, a.right, a.hash);
        docs.forEach((doc, freq) -> {
            if (m.lastDoc >= 0) {
                m.flush(p.freqs);
            }
            m.lastDoc = doc;
            m.freq = freq;
            m.docFreq++;
            m.totalFreq += p.freqs ? freq : 1;
        });
        m.flush(p.freqs);
        p.sumDocFreq -= a.docFreq + b.docFreq - m.docFreq;
        p.sumTotalFreq -= a.totalFreq + b.totalFreq - m.totalFreq;
        return m;
    }

    /** The segment as Lucene reads one; nothing may be added after. */
    CodecReader reader() {
        if (released) {
            throw new IllegalStateException("the segment is released");
        }
        freeze();
        List<FieldInfo> infos = new ArrayList<>();
        for (int f = 0; f < NAMES.size(); f++) {
            if (!present[f]) {
                continue;
            }
            Kind k = KINDS.get(f);
            IndexOptions options = switch (k) {
                case TOKENS, KEY -> IndexOptions.DOCS_AND_FREQS;
                case FACET -> IndexOptions.DOCS;
                case STORED, ORDER -> IndexOptions.NONE;
            };
            infos.add(new FieldInfo(NAMES.get(f), f, false, k == Kind.FACET, false, options,
                    k == Kind.ORDER ? DocValuesType.NUMERIC : DocValuesType.NONE, -1, new HashMap<>(), 0, 0, 0, 0,
                    VectorEncoding.FLOAT32, VectorSimilarityFunction.EUCLIDEAN, false, false));
        }
        return new Segment(new FieldInfos(infos.toArray(new FieldInfo[0])));
    }

    /**
     * The stored values of document {@code doc} of {@code leaf} as a segment of this class holds
     * them (field number, length and UTF-8 of each, in the order added); null for another reader.
     */
    static byte[] storedBytes(LeafReader leaf, int doc) {
        return leaf instanceof Segment s ? s.stored(doc) : null;
    }

    private final class Segment extends CodecReader {
        private final FieldInfos infos;

        Segment(FieldInfos infos) {
            this.infos = infos;
        }

        byte[] stored(int doc) {
            return stored[doc];
        }

        @Override
        public StoredFieldsReader getFieldsReader() {
            return new Stored(infos);
        }

        @Override
        public TermVectorsReader getTermVectorsReader() {
            return null;
        }

        @Override
        public NormsProducer getNormsReader() {
            return new NormsProducer() {
                @Override
                public NumericDocValues getNorms(FieldInfo field) {
                    Postings p = fields[number(field.name)];
                    return p == null ? null : new Norms(p);
                }

                @Override
                public void checkIntegrity() {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public DocValuesProducer getDocValuesReader() {
            return new DocValuesProducer() {
                @Override
                public NumericDocValues getNumeric(FieldInfo field) {
                    return new Orders();
                }

                @Override
                public BinaryDocValues getBinary(FieldInfo field) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public SortedDocValues getSorted(FieldInfo field) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public SortedNumericDocValues getSortedNumeric(FieldInfo field) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public SortedSetDocValues getSortedSet(FieldInfo field) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void checkIntegrity() {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public FieldsProducer getPostingsReader() {
            List<String> names = new ArrayList<>();
            for (FieldInfo fi : infos) {
                Postings p = fields[fi.number];
                if (p != null && p.sortedKeys.length > 0) {
                    names.add(fi.name);
                }
            }
            java.util.Collections.sort(names);
            return new FieldsProducer() {
                @Override
                public java.util.Iterator<String> iterator() {
                    return names.iterator();
                }

                @Override
                public Terms terms(String field) {
                    Integer n = NUMBERS.get(field);
                    Postings p = n == null ? null : fields[n];
                    return p == null || p.sortedKeys.length == 0 ? null : new TermsOf(p);
                }

                @Override
                public int size() {
                    return names.size();
                }

                @Override
                public void checkIntegrity() {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public PointsReader getPointsReader() {
            return null;
        }

        @Override
        public KnnVectorsReader getVectorReader() {
            return null;
        }

        @Override
        public FieldInfos getFieldInfos() {
            return infos;
        }

        @Override
        public Bits getLiveDocs() {
            return null;
        }

        @Override
        public LeafMetaData getMetaData() {
            return new LeafMetaData(Version.LATEST.major, Version.LATEST, null, false);
        }

        @Override
        public int numDocs() {
            return maxDoc;
        }

        @Override
        public int maxDoc() {
            return maxDoc;
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }

        @Override
        protected void doClose() {
        }
    }

    private final class Stored extends StoredFieldsReader {
        private final FieldInfos infos;

        Stored(FieldInfos infos) {
            this.infos = infos;
        }

        @Override
        public void document(int docID, StoredFieldVisitor visitor) throws IOException {
            byte[] b = stored[docID];
            int[] at = {0};
            while (at[0] < b.length) {
                FieldInfo fi = infos.fieldInfo(readVInt(b, at));
                int length = readVInt(b, at);
                int from = at[0];
                at[0] += length;
                switch (visitor.needsField(fi)) {
                    case YES -> visitor.stringField(fi, new String(b, from, length, StandardCharsets.UTF_8));
                    case NO -> {
                    }
                    case STOP -> {
                        return;
                    }
                }
            }
        }

        @Override
        public StoredFieldsReader clone() {
            return this;
        }

        @Override
        public void checkIntegrity() {
        }

        @Override
        public void close() {
        }
    }

    static int readVInt(byte[] b, int[] at) {
        int i = at[0];
        int v = b[i] & 0x7F;
        int shift = 7;
        while ((b[i++] & 0x80) != 0) {
            v |= (b[i] & 0x7F) << shift;
            shift += 7;
        }
        at[0] = i;
        return v;
    }

    private final class Orders extends NumericDocValues {
        private int doc = -1;

        @Override
        public long longValue() {
            return orders[doc];
        }

        @Override
        public boolean advanceExact(int target) {
            doc = target;
            return true;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            doc = target >= maxDoc ? NO_MORE_DOCS : target;
            return doc;
        }

        @Override
        public long cost() {
            return maxDoc;
        }
    }

    private static final class Norms extends NumericDocValues {
        private final Postings p;
        private int i = -1;
        private int doc = -1;

        Norms(Postings p) {
            this.p = p;
        }

        @Override
        public long longValue() {
            return p.normValues[i];
        }

        @Override
        public boolean advanceExact(int target) {
            int k = Arrays.binarySearch(p.normDocs, 0, p.normCount, target);
            doc = target;
            if (k >= 0) {
                i = k;
                return true;
            }
            i = -k - 2;
            return false;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            i++;
            doc = i < p.normCount ? p.normDocs[i] : NO_MORE_DOCS;
            return doc;
        }

        @Override
        public int advance(int target) {
            int k = Arrays.binarySearch(p.normDocs, 0, p.normCount, target);
            i = k >= 0 ? k : -k - 1;
            doc = i < p.normCount ? p.normDocs[i] : NO_MORE_DOCS;
            return doc;
        }

        @Override
        public long cost() {
            return p.normCount;
        }
    }

    private static final class TermsOf extends Terms {
        private final Postings p;

        TermsOf(Postings p) {
            this.p = p;
        }

        @Override
        public TermsEnum iterator() {
            return new Enum(p);
        }

        @Override
        public long size() {
            return p.sortedKeys.length;
        }

        @Override
        public long getSumTotalTermFreq() {
            return p.freqs ? p.sumTotalFreq : p.sumDocFreq;
        }

        @Override
        public long getSumDocFreq() {
            return p.sumDocFreq;
        }

        @Override
        public int getDocCount() {
            return p.docCount;
        }

        @Override
        public boolean hasFreqs() {
            return p.freqs;
        }

        @Override
        public boolean hasOffsets() {
            return false;
        }

        @Override
        public boolean hasPositions() {
            return false;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }
    }

    private static final class Enum extends BaseTermsEnum {
        private final Postings p;
        private int i = -1;

        Enum(Postings p) {
            this.p = p;
        }

        @Override
        public SeekStatus seekCeil(BytesRef text) {
            int k = Arrays.binarySearch(p.sortedKeys, text);
            if (k >= 0) {
                i = k;
                return SeekStatus.FOUND;
            }
            i = -k - 1;
            return i < p.sortedKeys.length ? SeekStatus.NOT_FOUND : SeekStatus.END;
        }

        @Override
        public void seekExact(long ord) {
            i = (int) ord;
        }

        @Override
        public BytesRef term() {
            return p.sortedKeys[i];
        }

        @Override
        public long ord() {
            return i;
        }

        @Override
        public int docFreq() {
            return p.sortedTerms[i].docFreq;
        }

        @Override
        public long totalTermFreq() {
            Term t = p.sortedTerms[i];
            return p.freqs ? t.totalFreq : t.docFreq;
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) {
            return new Docs(p.sortedTerms[i], p.freqs);
        }

        @Override
        public ImpactsEnum impacts(int flags) {
            return new SlowImpactsEnum(postings(null, flags));
        }

        @Override
        public BytesRef next() {
            if (i + 1 >= p.sortedKeys.length) {
                i = p.sortedKeys.length;
                return null;
            }
            return p.sortedKeys[++i];
        }
    }

    private static final class Docs extends PostingsEnum {
        private final Term t;
        private final boolean freqs;
        private final int[] at = {0};
        private int doc = -1;
        private int freq;
        private int left;

        Docs(Term t, boolean freqs) {
            this.t = t;
            this.freqs = freqs;
            this.left = t.docFreq;
        }

        @Override
        public int freq() {
            return freq;
        }

        @Override
        public int nextPosition() {
            return -1;
        }

        @Override
        public int startOffset() {
            return -1;
        }

        @Override
        public int endOffset() {
            return -1;
        }

        @Override
        public BytesRef getPayload() {
            return null;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            if (left == 0) {
                doc = NO_MORE_DOCS;
                return doc;
            }
            left--;
            doc = (doc < 0 ? 0 : doc) + readVInt(t.bytes, at);
            freq = freqs ? readVInt(t.bytes, at) : 1;
            return doc;
        }

        @Override
        public int advance(int target) throws IOException {
            return slowAdvance(target);
        }

        @Override
        public long cost() {
            return t.docFreq;
        }
    }
}
