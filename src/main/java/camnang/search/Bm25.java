package camnang.search;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * Lucene's BM25 as the browser must compute it, operation by operation in 32-bit floats
 * (k1 = 1.2, b = 0.75, lengths from one-byte norms). The export orders postings with it; the
 * JavaScript in {@code camnang.js} repeats the same operations with {@code Math.fround}, and
 * a test checks both against the scores of Lucene's own searcher.
 */
final class Bm25 {
    static final float K1 = 1.2f;
    static final float B = 0.75f;
    private static final float[] LENGTH = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            LENGTH[i] = SmallFloat.byte4ToInt((byte) i);
        }
        if (new BM25Similarity().getK1() != K1 || new BM25Similarity().getB() != B) {
            throw new AssertionError("Lucene's BM25 defaults changed");
        }
    }

    private Bm25() {
    }

    static float idf(long docFreq, long docCount) {
        return (float) Math.log(1 + (docCount - docFreq + 0.5D) / (docFreq + 0.5D));
    }

    static float avgdl(long sumTotalTermFreq, long docCount) {
        return (float) (sumTotalTermFreq / (double) docCount);
    }

    /** 1 / (k1 (1 - b + b len / avgdl)) for each norm byte. */
    static float[] normInverse(float avgdl) {
        float[] cache = new float[256];
        for (int i = 0; i < 256; i++) {
            cache[i] = 1f / (K1 * ((1 - B) + B * LENGTH[i] / avgdl));
        }
        return cache;
    }

    /** A clause's score: weight is boost × idf. */
    static float score(float weight, float freq, float normInverse) {
        return weight - weight / (1f + freq * normInverse);
    }
}
