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
    /**
     * What each raw syllable became: Vietnamese text repeats a few thousand syllables, and
     * the normalisations behind each form cost far more than a lookup. One per filter, so per
     * thread (Lucene reuses an analyzer's components per thread); cleared when it grows large.
     */
    private final java.util.HashMap<String, String> seen = new java.util.HashMap<>();

    SyllableFilter(TokenStream in, boolean folded) {
        super(in);
        this.folded = folded;
    }

    @Override
    public boolean incrementToken() throws java.io.IOException {
        if (!input.incrementToken()) {
            return false;
        }
        boolean fold = folded || VietnameseTokenizer.DOCNO.equals(type.type());
        String t = term.toString();
        // Document numbers are folded even in the exact form: keep them apart in the memo.
        String key = fold && !folded ? "\u0000" + t : t;
        String out = seen.get(key);
        if (out == null) {
            out = fold ? Syllables.fold(t) : Syllables.exact(t);
            if (seen.size() > 50_000) {
                seen.clear();
            }
            seen.put(key, out);
        }
        term.setEmpty().append(out);
        return true;
    }
}
