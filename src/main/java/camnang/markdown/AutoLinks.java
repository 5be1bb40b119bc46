package camnang.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bare {@code http(s)://} addresses in text become links. flexmark's autolink extension
 * does this too, but unescapes and scans every text node of the page, which made it the
 * costliest step on large legal texts; this one looks only at text that holds {@code ://}.
 */
final class AutoLinks implements Parser.ParserExtension {
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://[^\\s<>\"'`]+");

    static AutoLinks create() {
        return new AutoLinks();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    static final class Processor extends NodePostProcessor {
        @Override
        public void process(NodeTracker state, Node node) {
            BasedSequence chars = node.getChars();
            if (chars.indexOf("://") < 0 || node.getAncestorOfType(DoNotDecorate.class, DoNotLinkDecorate.class) != null) {
                return;
            }
            String s = chars.toString();
            Matcher m = URL.matcher(s);
            int last = 0;
            while (m.find()) {
                int end = trimEnd(s, m.start(), m.end());
                if (end - m.start() <= "http://".length()) {
                    continue;
                }
                if (m.start() > last) {
                    Text before = new Text(chars.subSequence(last, m.start()));
                    node.insertBefore(before);
                    state.nodeAdded(before);
                }
                BasedSequence url = chars.subSequence(m.start(), end);
                AutoLink link = new AutoLink();
                link.setText(url);
                link.setUrlChars(url);
                link.setCharsFromContent();
                link.appendChild(new Text(url));
                node.insertBefore(link);
                state.nodeAddedWithChildren(link);
                last = end;
            }
            if (last > 0) {
                if (last < s.length()) {
                    Text after = new Text(chars.subSequence(last));
                    node.insertBefore(after);
                    state.nodeAdded(after);
                }
                node.unlink();
                state.nodeRemoved(node);
            }
        }

        /** Sentence punctuation after an address is not part of it; a closing bracket is only when opened inside. */
        static int trimEnd(String s, int start, int end) {
            int e = end;
            while (e > start) {
                char c = s.charAt(e - 1);
                if (".,;:!?".indexOf(c) >= 0) {
                    e--;
                } else if (c == ')' && count(s, start, e, '(') < count(s, start, e, ')')) {
                    e--;
                } else if (c == ']' && count(s, start, e, '[') < count(s, start, e, ']')) {
                    e--;
                } else {
                    break;
                }
            }
            return e;
        }

        private static int count(String s, int from, int to, char c) {
            int n = 0;
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == c) {
                    n++;
                }
            }
            return n;
        }
    }

    static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new Processor();
        }
    }
}
