package camnang.markdown;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A quiz as HTML that works without JavaScript: each question a fieldset of real radio
 * buttons or checkboxes, its answer and explanation in a closed {@code <details>}; the
 * {@code class}, {@code id} and {@code data-} hooks are those {@code quiz.js} and the course
 * pages read (see the issue 7 contract). The block's mistakes are reported here, once per
 * rendering of the page, at their lines.
 */
final class QuizRenderer implements NodeRenderer {
    /** Quiz blocks of this page so far: renderers are made for each rendering of a page. */
    private int count;

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(QuizBlocks.QuizBlock.class, this::render),
                new NodeRenderingHandler<>(QuizBlocks.Piece.class, (node, context, html) -> context.renderChildren(node.getFirstChild())));
    }

    private void render(QuizBlocks.QuizBlock node, NodeRendererContext context, HtmlWriter html) {
        int n = ++count;
        Quiz quiz = node.quiz;
        PageContext page = PageContext.KEY.get(context.getDocument());
        if (page != null) {
            for (Quiz.Issue i : quiz.issues()) {
                page.problems.error(page.page.source(), page.line(i.offset()), i.message(), i.hint());
            }
        }
        if (quiz.questions().isEmpty()) {
            return;
        }
        String id = "quiz-" + n;
        html.line();
        html.raw("<section class=\"quiz\" id=\"" + id + "\" data-quiz=\"" + n + "\" aria-labelledby=\"" + id + "-title\">").line();
        html.raw("<h2 class=\"quiz-title\" id=\"" + id + "-title\">Câu hỏi ôn tập</h2>").line();
        html.raw("<ol class=\"quiz-questions\">").line();
        Iterator<Node> pieces = node.getChildIterator();
        int k = 0;
        for (Quiz.Question q : quiz.questions()) {
            String qid = id + "-" + (++k);
            String text = inline(pieces.next(), context);
            List<String> options = new ArrayList<>();
            for (int i = 0; i < q.options().size(); i++) {
                options.add(inline(pieces.next(), context));
            }
            String explanation = inline(pieces.next(), context);
            html.raw("<li class=\"quiz-q\" id=\"" + qid + "\" data-kind=\"" + q.kind().attr + "\" data-answer=\""
                    + q.answer() + "\">").line();
            html.raw("<fieldset>").line();
            html.raw("<legend class=\"quiz-text\">" + text + "</legend>").line();
            List<String> right = new ArrayList<>();
            if (q.kind() == Quiz.Kind.TRUEFALSE) {
                option(html, "radio", qid, "true", "Đúng");
                option(html, "radio", qid, "false", "Sai");
                right.add(q.truth() ? "Đúng" : "Sai");
            } else {
                String type = q.kind() == Quiz.Kind.SINGLE ? "radio" : "checkbox";
                for (int i = 0; i < options.size(); i++) {
                    option(html, type, qid, String.valueOf(i), options.get(i));
                    if (q.options().get(i).correct()) {
                        right.add(options.get(i));
                    }
                }
            }
            html.raw("</fieldset>").line();
            html.raw("<details class=\"quiz-answer\">").line();
            html.raw("<summary>Xem đáp án</summary>").line();
            html.raw("<p class=\"quiz-correct\">Đáp án đúng: " + String.join("; ", right) + "</p>").line();
            html.raw("<div class=\"quiz-explain\">" + explanation + "</div>").line();
            html.raw("</details>").line();
            html.raw("<p class=\"quiz-feedback\" aria-live=\"polite\"></p>").line();
            html.raw("</li>").line();
        }
        html.raw("</ol>").line();
        html.raw("</section>").line();
    }

    private static void option(HtmlWriter html, String type, String name, String value, String label) {
        html.raw("<label class=\"quiz-option\"><input type=\"" + type + "\" name=\"" + name + "\" value=\"" + value + "\"> "
                + label + "</label>").line();
    }

    /** A text's inline Markdown as HTML: written once, used in its place and again in "Đáp án đúng". */
    private static String inline(Node piece, NodeRendererContext context) {
        NodeRendererContext sub = context.getSubContext(false);
        sub.renderChildren(piece.getFirstChild());
        return sub.getHtmlWriter().toString().strip();
    }

    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new QuizRenderer();
        }
    }
}
