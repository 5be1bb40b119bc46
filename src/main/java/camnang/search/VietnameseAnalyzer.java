package camnang.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;

/**
 * The Vietnamese analyzer: {@link VietnameseTokenizer} then {@link SyllableFilter}, in an
 * exact form (diacritics kept, tone placement canonical) or a folded form (no diacritics).
 * The browser's JavaScript reproduces it token for token.
 */
public final class VietnameseAnalyzer extends Analyzer {
    /** Which form the tokens take. */
    public enum Form {
        EXACT, FOLDED, BIGRAM
    }

    private final Form form;

    public VietnameseAnalyzer(Form form) {
        this.form = form;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        VietnameseTokenizer tokenizer = new VietnameseTokenizer();
        TokenStream stream = new SyllableFilter(tokenizer, form != Form.EXACT);
        if (form == Form.BIGRAM) {
            stream = new BigramFilter(stream);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }
}
