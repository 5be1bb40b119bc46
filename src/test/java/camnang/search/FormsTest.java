package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-pass forms used for indexing give exactly the analyzer's tokens and positions, in each form. */
class FormsTest {
    @Test
    void sameTokensAsTheAnalyzer() throws Exception {
        List<String> inputs = AnalyzerTwinTest.inputs();
        int mismatches = 0;
        StringBuilder report = new StringBuilder();
        for (String s : inputs) {
            Forms f = Forms.of(s);
            for (VietnameseAnalyzer.Form form : VietnameseAnalyzer.Form.values()) {
                String expected = render(Analysis.tokens(s, form));
                String got = render(f, form);
                if (!expected.equals(got) && mismatches++ < 5) {
                    report.append("\n").append(form).append(' ').append(s).append("\n  analyzer ").append(expected)
                            .append("\n  forms    ").append(got);
                }
            }
        }
        assertEquals(0, mismatches, report.toString());
    }

    @Test
    void documentNumbersAreStackedAndLeftOutOfBigrams() {
        Forms f = Forms.of("Luật 35/2013/QH13, quy định");
        assertEquals("luật@0 35/2013/qh13@1 35@1 2013@2 qh13@3 quy@4 định@5", render(f, VietnameseAnalyzer.Form.EXACT));
        assertEquals("luat 35@0 quy dinh@1", render(f, VietnameseAnalyzer.Form.BIGRAM));
    }

    private static String render(List<Analysis.Token> tokens) {
        List<String> out = new ArrayList<>();
        for (Analysis.Token t : tokens) {
            out.add(t.text() + "@" + t.position());
        }
        return String.join(" ", out);
    }

    private static String render(Forms f, VietnameseAnalyzer.Form form) {
        List<String> out = new ArrayList<>();
        try (org.apache.lucene.analysis.TokenStream ts = f.stream(form)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            var inc = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(term + "@" + pos);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return String.join(" ", out);
    }
}
