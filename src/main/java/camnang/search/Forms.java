package camnang.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

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
    final int bigramSize;
    /** Each token's remembered syllable (null for a document number, whose exact form is its folded one). */
    final Syllables.Memo.Forms[] syllables;
    /**
     * Each bigram's two tokens, the first and the second: their places in {@link #folded}. A bigram
     * is their folded syllables, {@code folded[leftAt[i]] + " " + folded[rightAt[i]]}.
     */
    final int[] leftAt;
    final int[] rightAt;
    private String[] bigrams;

    private Forms(String[] exact, String[] folded, int[] increments, int size, int bigramSize,
                  Syllables.Memo.Forms[] syllables, int[] leftAt, int[] rightAt) {
        this.exact = exact;
        this.folded = folded;
        this.increments = increments;
        this.size = size;
        this.bigramSize = bigramSize;
        this.syllables = syllables;
        this.leftAt = leftAt;
        this.rightAt = rightAt;
    }

    /** The bigrams as strings, made when first asked for: indexing needs only their halves. */
    String[] bigrams() {
        if (bigrams == null) {
            String[] b = new String[bigramSize];
            for (int i = 0; i < bigramSize; i++) {
                b[i] = folded[leftAt[i]] + " " + folded[rightAt[i]];
            }
            bigrams = b;
        }
        return bigrams;
    }

    private static final class State {
        final VietnameseTokenizer tokenizer = new VietnameseTokenizer();
        final Syllables.Memo memo = new Syllables.Memo();
        /** The text's chars, where the memo reads each syllable. */
        char[] chars = new char[1024];
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    static Forms of(String text) {
        State s = STATE.get();
        // About one syllable in five chars of Vietnamese text: the arrays seldom grow.
        int guess = Math.max(16, text.length() / 5);
        String[] exact = new String[guess];
        String[] folded = new String[guess];
        int[] incs = new int[guess];
        Syllables.Memo.Forms[] syllables = new Syllables.Memo.Forms[guess];
        int[] leftAt = new int[guess];
        int[] rightAt = new int[guess];
        int n = 0;
        int nb = 0;
        int previousAt = -1;
        try {
            VietnameseTokenizer tk = s.tokenizer;
            tk.setReader(new StringReader(text));
            tk.give(text);
            tk.reset();
            if (text.length() > s.chars.length) {
                s.chars = new char[Math.max(text.length(), 2 * s.chars.length)];
            }
            text.getChars(0, text.length(), s.chars, 0);
            // The tokenizer's plain fields, not its attributes: the same tokens (FormsTest).
            while (tk.advance()) {
                Syllables.Memo.Forms forms = s.memo.get(s.chars, tk.start, tk.end - tk.start);
                boolean docno = tk.docno;
                String f = forms.folded();
                if (n == exact.length) {
                    exact = Arrays.copyOf(exact, n * 2);
                    folded = Arrays.copyOf(folded, n * 2);
                    incs = Arrays.copyOf(incs, n * 2);
                    syllables = Arrays.copyOf(syllables, n * 2);
                }
                exact[n] = docno ? f : forms.exact();
                folded[n] = f;
                incs[n] = tk.increment;
                syllables[n] = docno ? null : forms;
                n++;
                if (docno) {
                    continue; // as BigramFilter: document numbers take no part in bigrams
                }
                if (previousAt >= 0 && !tk.afterPunctuation) {
                    if (nb == leftAt.length) {
                        leftAt = Arrays.copyOf(leftAt, nb * 2);
                        rightAt = Arrays.copyOf(rightAt, nb * 2);
                    }
                    leftAt[nb] = previousAt;
                    rightAt[nb++] = n - 1;
                }
                previousAt = n - 1;
            }
            // No end(): it sets only the attributes, which nothing here reads.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                s.tokenizer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Forms(exact, folded, incs, n, nb, syllables, leftAt, rightAt);
    }

    /** The tokens of one form as Lucene reads them from an analyzer: text and position increment. */
    TokenStream stream(VietnameseAnalyzer.Form form) {
        return switch (form) {
            case EXACT -> new Replay(exact, increments, size);
            case FOLDED -> new Replay(folded, increments, size);
            case BIGRAM -> new Replay(bigrams(), null, bigramSize);
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
