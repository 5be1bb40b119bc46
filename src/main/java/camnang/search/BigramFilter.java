package camnang.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Syllable bigrams ({@code hoa giai}, {@code giai vien}) of the folded words, so that a
 * multi-syllable word is matched as a phrase without a dictionary. A bigram never spans
 * punctuation, and document numbers take no part (ShingleFilter would pair stacked tokens).
 */
final class BigramFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private String previous;
    private int previousStart;

    BigramFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            if (VietnameseTokenizer.DOCNO.equals(type.type())) {
                continue;
            }
            String word = term.toString();
            boolean join = previous != null && (flags.getFlags() & VietnameseTokenizer.AFTER_PUNCTUATION) == 0;
            String before = previous;
            int beforeStart = previousStart;
            previous = word;
            previousStart = offset.startOffset();
            if (join) {
                int end = offset.endOffset();
                term.setEmpty().append(before).append(' ').append(word);
                offset.setOffset(beforeStart, end);
                posInc.setPositionIncrement(1);
                type.setType("bigram");
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        previous = null;
    }
}
