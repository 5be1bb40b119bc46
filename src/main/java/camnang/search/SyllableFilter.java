package camnang.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Turns each syllable into its exact form (case, NFC and tone placement made canonical) or its
 * folded form; document numbers always get the folded form, since {@code NĐ} and {@code ND}
 * are typed for the same number.
 */
final class SyllableFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final boolean folded;
    /** One per filter, so per thread: Lucene reuses an analyzer's components per thread. */
    private final Syllables.Memo memo = new Syllables.Memo();

    SyllableFilter(TokenStream in, boolean folded) {
        super(in);
        this.folded = folded;
    }

    @Override
    public boolean incrementToken() throws java.io.IOException {
        if (!input.incrementToken()) {
            return false;
        }
        Syllables.Memo.Forms f = memo.get(term.buffer(), term.length());
        term.setEmpty().append(folded || VietnameseTokenizer.DOCNO.equals(type.type()) ? f.folded() : f.exact());
        return true;
    }
}
