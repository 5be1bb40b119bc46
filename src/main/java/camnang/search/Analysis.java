package camnang.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** The tokens of a text, as plain values: for the CLI, for tests, and for the golden comparison with the browser. */
public final class Analysis {
    private Analysis() {
    }

    /** One token: its text, position, offsets into the original text, and kind (word or docno). */
    public record Token(String text, int position, int start, int end, String type) {
    }

    /*
     * One analyzer per form for all calls: an analyzer keeps its chain of filters per thread, and a
     * new one per call built that chain again (a site's legal documents ask for their citation keys
     * tens of thousands of times a build).
     */
    private static final Map<VietnameseAnalyzer.Form, VietnameseAnalyzer> ANALYZERS;

    static {
        EnumMap<VietnameseAnalyzer.Form, VietnameseAnalyzer> m = new EnumMap<>(VietnameseAnalyzer.Form.class);
        for (VietnameseAnalyzer.Form f : VietnameseAnalyzer.Form.values()) {
            m.put(f, new VietnameseAnalyzer(f));
        }
        ANALYZERS = m;
    }

    public static List<Token> tokens(String text, VietnameseAnalyzer.Form form) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = ANALYZERS.get(form).tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(new Token(term.toString(), pos, off.startOffset(), off.endOffset(), type.type()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Just the token texts. */
    public static List<String> terms(String text, VietnameseAnalyzer.Form form) {
        return tokens(text, form).stream().map(Token::text).toList();
    }
}
