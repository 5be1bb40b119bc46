package camnang.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code ```quiz} fences as quizzes, ahead of flexmark's fenced code: the block's
 * texts (questions, options, explanations) are parsed as inline Markdown of the page itself,
 * so citations in them are linked, links are checked and every problem keeps its line.
 */
final class QuizBlocks implements Parser.ParserExtension {
    private static final Pattern OPENING = Pattern.compile("^(`{3,}|~{3,})[ \\t]*quiz[ \\t]*$");
    private static final Pattern CLOSING = Pattern.compile("^(`{3,}|~{3,})[ \\t]*$");

    static QuizBlocks create() {
        return new QuizBlocks();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    /** A quiz block: the quiz read from it, and one {@link Piece} child per text, in the quiz's order. */
    static final class QuizBlock extends Block {
        Quiz quiz;

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    /**
     * One text of a quiz (a question, an option, an explanation): a paragraph of its inline
     * Markdown, so that the plain text of a quiz (for search) keeps its texts apart.
     */
    static final class Piece extends Block {
        /** Whether this is the explanation of an answer (not a question or an option). */
        final boolean explanation;

        Piece(BasedSequence chars, boolean explanation) {
            super(chars);
            this.explanation = explanation;
            appendChild(new Paragraph(chars));
        }

        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    private static final class QuizParser extends AbstractBlockParser {
        private final QuizBlock block = new QuizBlock();
        private final List<BasedSequence> lines = new ArrayList<>();
        private final char fence;
        private final int fenceLength;
        private final int fenceIndent;
        private final int start;
        private int end;
        private boolean first = true;

        QuizParser(char fence, int fenceLength, int fenceIndent, int start, int end) {
            this.fence = fence;
            this.fenceLength = fenceLength;
            this.fenceIndent = fenceIndent;
            this.start = start;
            this.end = end;
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            BasedSequence line = state.getLine();
            int nextNonSpace = state.getNextNonSpaceIndex();
            if (state.getIndent() <= 3 && nextNonSpace < line.length() && line.charAt(nextNonSpace) == fence) {
                BasedSequence rest = line.subSequence(nextNonSpace).trimEOL();
                Matcher m = CLOSING.matcher(rest);
                if (m.find() && m.group(1).length() >= fenceLength) {
                    end = rest.getEndOffset();
                    return BlockContinue.finished();
                }
            }
            int index = state.getIndex();
            for (int i = fenceIndent; i > 0 && index < line.length() && line.charAt(index) == ' '; i--) {
                index++;
            }
            return BlockContinue.atIndex(index);
        }

        @Override
        public void addLine(ParserState state, BasedSequence line) {
            if (first) {
                // The rest of the opening line: "quiz".
                first = false;
                return;
            }
            lines.add(line);
            end = Math.max(end, line.trimEOL().getEndOffset());
        }

        @Override
        public boolean isPropagatingLastBlankLine(com.vladsch.flexmark.parser.block.BlockParser lastMatchedBlockParser) {
            return false;
        }

        @Override
        public void closeBlock(ParserState state) {
            BasedSequence base = state.getLine().getBaseSequence();
            block.setChars(base.baseSubSequence(start, Math.max(start, end)));
            Quiz quiz = Quiz.parse(start, lines);
            block.quiz = quiz;
            for (Quiz.Question q : quiz.questions()) {
                block.appendChild(new Piece(q.text(), false));
                for (Quiz.Option o : q.options()) {
                    block.appendChild(new Piece(o.text(), false));
                }
                block.appendChild(new Piece(q.explanation(), true));
            }
        }

        @Override
        public void parseInlines(InlineParser inlineParser) {
            for (com.vladsch.flexmark.util.ast.Node n = block.getFirstChild(); n != null; n = n.getNext()) {
                inlineParser.parse(n.getChars(), n.getFirstChild());
            }
        }
    }

    static final class Factory implements CustomBlockParserFactory {
        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return Set.of(FencedCodeBlockParser.Factory.class);
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (state.getIndent() >= 4) {
                        return BlockStart.none();
                    }
                    BasedSequence line = state.getLine();
                    int nextNonSpace = state.getNextNonSpaceIndex();
                    if (nextNonSpace >= line.length() || line.charAt(nextNonSpace) != '`' && line.charAt(nextNonSpace) != '~') {
                        return BlockStart.none();
                    }
                    BasedSequence rest = line.subSequence(nextNonSpace).trimEOL();
                    Matcher m = OPENING.matcher(rest);
                    if (!m.find()) {
                        return BlockStart.none();
                    }
                    String marker = m.group(1);
                    QuizParser parser = new QuizParser(marker.charAt(0), marker.length(), state.getIndent(),
                            rest.getStartOffset(), rest.getEndOffset());
                    return BlockStart.of(parser).atIndex(nextNonSpace + marker.length());
                }
            };
        }
    }
}
