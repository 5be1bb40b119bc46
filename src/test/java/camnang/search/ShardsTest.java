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
}
