package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(expected.toString(), b.leveled().toString());
    }
}
