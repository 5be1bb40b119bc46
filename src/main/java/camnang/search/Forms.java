package camnang.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The three forms of a text (exact, folded, bigrams) from one pass of the tokenizer, token for
 * token what {@link VietnameseAnalyzer} gives in each form (a test compares them). Indexing
 * a section this way reads its text once instead of three times, and the normalisations behind
 * each syllable's forms are remembered per thread: a site repeats a few thousand syllables.
 */
final class Forms {
    final String[] exact;
    final String[] folded;
    final int[] increments;
    final int size;
    final String[] bigrams;
    final int bigramSize;

    private Forms(String[] exact, String[] folded, int[] increments, int size, String[] bigrams, int bigramSize) {
        this.exact = exact;
        this.folded = folded;
        this.increments = increments;
        this.size = size;
        this.bigrams = bigrams;
        this.bigramSize = bigramSize;
    }

    private static final class State {
        final VietnameseTokenizer tokenizer = new VietnameseTokenizer();
        final CharTermAttribute term = tokenizer.getAttribute(CharTermAttribute.class);
        final TypeAttribute type = tokenizer.getAttribute(TypeAttribute.class);
        final PositionIncrementAttribute inc = tokenizer.getAttribute(PositionIncrementAttribute.class);
        final FlagsAttribute flags = tokenizer.getAttribute(FlagsAttribute.class);
        final Syllables.Memo memo = new Syllables.Memo();
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    static Forms of(String text) {
        State s = STATE.get();
        // About one syllable in five chars of Vietnamese text: the arrays seldom grow.
        int guess = Math.max(16, text.length() / 5);
        String[] exact = new String[guess];
        String[] folded = new String[guess];
        int[] incs = new int[guess];
        String[] bigrams = new String[guess];
        int n = 0;
        int nb = 0;
        String previous = null;
        try {
            s.tokenizer.setReader(new StringReader(text));
            s.tokenizer.give(text);
            s.tokenizer.reset();
            while (s.tokenizer.incrementToken()) {
                Syllables.Memo.Forms forms = s.memo.get(s.term.buffer(), s.term.length());
                boolean docno = VietnameseTokenizer.DOCNO.equals(s.type.type());
                String f = forms.folded();
                if (n == exact.length) {
                    exact = Arrays.copyOf(exact, n * 2);
                    folded = Arrays.copyOf(folded, n * 2);
                    incs = Arrays.copyOf(incs, n * 2);
                }
                exact[n] = docno ? f : forms.exact();
                folded[n] = f;
                incs[n] = s.inc.getPositionIncrement();
                n++;
                if (docno) {
                    continue; // as BigramFilter: document numbers take no part in bigrams
                }
                if (previous != null && (s.flags.getFlags() & VietnameseTokenizer.AFTER_PUNCTUATION) == 0) {
                    if (nb == bigrams.length) {
                        bigrams = Arrays.copyOf(bigrams, nb * 2);
                    }
                    bigrams[nb++] = previous + " " + f;
                }
                previous = f;
            }
            s.tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                s.tokenizer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Forms(exact, folded, incs, n, bigrams, nb);
    }

    /** The tokens of one form as Lucene reads them from an analyzer: text and position increment. */
    TokenStream stream(VietnameseAnalyzer.Form form) {
        return switch (form) {
            case EXACT -> new Replay(exact, increments, size);
            case FOLDED -> new Replay(folded, increments, size);
            case BIGRAM -> new Replay(bigrams, null, bigramSize);
        };
    }

    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
        private final String[] terms;
        private final int[] increments;
        private final int size;
        private int i;

        Replay(String[] terms, int[] increments, int size) {
            this.terms = terms;
            this.increments = increments;
            this.size = size;
        }

        @Override
        public boolean incrementToken() {
            if (i == size) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms[i]);
            inc.setPositionIncrement(increments == null ? 1 : increments[i]);
            i++;
            return true;
        }

        @Override
        public void reset() {
            i = 0;
        }
    }
}
