package camnang.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ## Chương I {#chuong-i}}: an id written after a heading, as kramdown, Pandoc and
 * Hugo accept, so that imported pages keep the anchors their links use.
 */
final class ExplicitIds implements Parser.ParserExtension {
    private static final Pattern ID = Pattern.compile("\\s*\\{#([^\\s{}#]+)\\}\\s*$");

    static ExplicitIds create() {
        return new ExplicitIds();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new NodePostProcessorFactory(false) {
            {
                addNodes(Heading.class);
            }

            @Override
            public NodePostProcessor apply(Document document) {
                return new NodePostProcessor() {
                    @Override
                    public void process(NodeTracker state, Node node) {
                        Heading h = (Heading) node;
                        if (!(h.getLastChild() instanceof Text last)) {
                            return;
                        }
                        BasedSequence chars = last.getChars();
                        if (chars.length() == 0 || chars.charAt(chars.length() - 1) != '}') {
                            return;
                        }
                        Matcher m = ID.matcher(chars);
                        if (m.find()) {
                            h.setAnchorRefId(m.group(1));
                            h.setExplicitAnchorRefId(true);
                            if (m.start() == 0) {
                                last.unlink();
                                state.nodeRemoved(last);
                            } else {
                                last.setChars(chars.subSequence(0, m.start()));
                            }
                        }
                    }
                };
            }
        });
    }
}
