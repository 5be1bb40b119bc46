package camnang.search;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits text into syllables (runs of letters, digits and combining marks, so decomposed
 * text stays whole), and keeps document numbers such as {@code 35/2013/QH13} or
 * {@code 315/QĐ-TTg} as one token (type {@link #DOCNO}) stacked on their first part, followed
 * by their parts. Offsets point into the original text, for highlighting.
 */
final class VietnameseTokenizer extends Tokenizer {
    static final String WORD = "word";
    static final String DOCNO = "docno";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final org.apache.lucene.analysis.tokenattributes.FlagsAttribute flags =
            addAttribute(org.apache.lucene.analysis.tokenattributes.FlagsAttribute.class);
    /** Flag: something other than white space stands between this token and the one before (a phrase ends). */
    static final int AFTER_PUNCTUATION = 1;
    private int lastEnd;

    private String text;
    private int pos;
    /** The end of the document number being split into parts, or -1. */
    private int docnoEnd = -1;
    private boolean stackNext;
    private int finalOffset;

    /** Text given whole by {@link Forms}, taken by the next {@link #reset()} instead of reading the reader. */
    private String given;

    private StringBuilder read = new StringBuilder();
    private final char[] readBuffer = new char[1024];

    void give(String whole) {
        given = whole;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        if (given != null) {
            // Copying a section's text through a reader cost a tenth of indexing it.
            text = given;
            given = null;
        } else {
            // Kept between texts: an analyzer reuses its tokenizer for every short text it is given.
            read.setLength(0);
            int n;
            while ((n = input.read(readBuffer)) > 0) {
                read.append(readBuffer, 0, n);
            }
            text = read.toString();
            if (read.capacity() > 1 << 16) {
                read = new StringBuilder();
            }
        }
        pos = 0;
        lastEnd = 0;
        docnoEnd = -1;
        stackNext = false;
        finalOffset = correctOffset(text.length());
    }

    static boolean isWordChar(int cp) {
        return cp < WORD_CHARS.length ? WORD_CHARS[cp] : wordChar(cp);
    }

    private static boolean wordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /** White space between words: tab, line breaks and the space separators (Zs), as in camnang.js. */
    private static boolean isSpace(char c) {
        return c < SPACES.length ? SPACES[c] : space(c);
    }

    private static boolean space(char c) {
        return "\t\n\u000B\f\r".indexOf(c) >= 0 || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /*
     * The two tests above for the chars up to the Vietnamese letters (U+1EF9) and the common
     * punctuation after them, read from a table: asking Character for each char was a fifth of
     * the tokenizer's time. The tables are made by the same tests, so they answer alike.
     */
    private static final boolean[] WORD_CHARS = new boolean[0x2070];
    private static final boolean[] SPACES = new boolean[0x2070];

    static {
        for (int c = 0; c < WORD_CHARS.length; c++) {
            WORD_CHARS[c] = wordChar(c);
            SPACES[c] = space((char) c);
        }
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        if (!advance()) {
            return false;
        }
        flags.setFlags(afterPunctuation ? AFTER_PUNCTUATION : 0);
        term.setEmpty().append(text, start, end);
        offset.setOffset(correctOffset(start), correctOffset(end));
        posInc.setPositionIncrement(increment);
        type.setType(docno ? DOCNO : WORD);
        return true;
    }

    /*
     * The token found by advance(), as plain fields: Forms reads them directly, without Lucene's
     * attributes, whose clearing and copying per token were more than half the tokenizing.
     */
    /** Where the token starts and ends in the text being split. */
    int start;
    int end;
    /** Whether the token is a whole document number (type {@link #DOCNO}). */
    boolean docno;
    int increment;
    /** Whether something other than white space stands between this token and the one before. */
    boolean afterPunctuation;

    /** Moves to the next token, as {@link #incrementToken()} does, setting only the fields above. */
    boolean advance() {
        while (true) {
            pos = skipTo(pos, true);
            if (pos >= text.length()) {
                return false;
            }
            // A run of combining marks alone (a stray accent) is not a word.
            if (Character.isLetterOrDigit(text.codePointAt(pos))) {
                break;
            }
            int cp = text.codePointAt(pos);
            while (pos < text.length() && !Character.isLetterOrDigit(cp) && isWordChar(cp)) {
                pos += Character.charCount(cp);
                cp = pos < text.length() ? text.codePointAt(pos) : 0;
            }
        }
        if (docnoEnd < 0 && Character.isDigit(text.charAt(pos))) {
            int e = docnoEnd(text, pos);
            if (e > 0) {
                emit(pos, e, true, 1);
                docnoEnd = e;
                stackNext = true;
                return true;
            }
        }
        int from = pos;
        pos = skipTo(pos, false);
        emit(from, pos, false, stackNext ? 0 : 1);
        stackNext = false;
        if (docnoEnd >= 0 && pos >= docnoEnd) {
            docnoEnd = -1;
        }
        return true;
    }

    /**
     * The first place from {@code at} where a word char is ({@code word}) or is not: a char of
     * the table's range is its own code point (none is a surrogate), read without
     * {@code codePointAt} and {@code charCount}, on which JFR put 2% of a warm build's samples.
     */
    private int skipTo(int at, boolean word) {
        String t = text;
        int n = t.length();
        while (at < n) {
            char c = t.charAt(at);
            if (c < WORD_CHARS.length) {
                if (WORD_CHARS[c] == word) {
                    return at;
                }
                at++;
                continue;
            }
            int cp = t.codePointAt(at);
            if (wordChar(cp) == word) {
                return at;
            }
            at += Character.charCount(cp);
        }
        return at;
    }

    /**
     * The end of a document number starting at {@code i}: digits, then one or more groups
     * joined by {@code /} or {@code -}, at least one {@code /} and one letter; else -1.
     */
    static int docnoEnd(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
        }
        boolean slash = false;
        boolean letter = false;
        int end = -1;
        while (j < s.length() && (s.charAt(j) == '/' || s.charAt(j) == '-')) {
            boolean isSlash = s.charAt(j) == '/';
            int k = j + 1;
            int groupStart = k;
            while (k < s.length() && isWordChar(s.codePointAt(k))) {
                if (Character.isLetter(s.codePointAt(k))) {
                    letter = true;
                }
                k += Character.charCount(s.codePointAt(k));
            }
            if (k == groupStart) {
                break;
            }
            slash |= isSlash;
            j = k;
            end = k;
        }
        return slash && letter ? end : -1;
    }

    private void emit(int from, int to, boolean isDocno, int inc) {
        boolean punctuation = false;
        for (int i = lastEnd; i < from; i++) {
            if (!isSpace(text.charAt(i))) {
                punctuation = true;
                break;
            }
        }
        afterPunctuation = punctuation;
        if (!isDocno) {
            lastEnd = Math.max(lastEnd, to);
        }
        start = from;
        end = to;
        docno = isDocno;
        increment = inc;
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }
}
