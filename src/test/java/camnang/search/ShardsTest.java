package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Pieces of the browser's shards that the parity tests in Chromium do not isolate. */
class ShardsTest {
    /**
     * A term file's chunk is found by the greatest separator not after the key: the separator
     * must sort after every key of the chunk before and not after the chunk's first key.
     */
    @Test
    void aSeparatorIsTheShortestStartOfTheFirstKeyAfterThePreviousKey() {
        assertEquals("b", Shards.separator("a", "b c"));
        assertEquals("dinh ", Shards.separator("dinh", "dinh a"));
        assertEquals("dinh b", Shards.separator("dinh a", "dinh b"));
        assertEquals("q", Shards.separator("phat", "quy dinh"));
        // Never half of a surrogate pair: the chunk's separators are written as UTF-8.
        assertEquals("x\uD835\uDC00", Shards.separator("x", "x\uD835\uDC00y"));
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
}
