package camnang.markdown;

import camnang.Problems;
import camnang.content.Page;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one page's rendering needs to know and what it found; kept in the flexmark Document. */
final class PageContext {
    static final NullableDataKey<PageContext> KEY = new NullableDataKey<>("CAMNANG_PAGE", (PageContext) null);

    final Page page;
    final String body;
    final Problems problems;
    /** Link as written → href in the output. */
    final Map<String, String> hrefs = new HashMap<>();
    /** Links as written that lead nowhere; rendered as marked text in warn mode. */
    final Set<String> broken = new HashSet<>();
    final List<RenderedPage.AnchorLink> anchors = new ArrayList<>();
    /** Documents cited that the site does not hold. */
    final List<RenderedPage.Cited> unknown = new ArrayList<>();
    /** Ids of khoản and điểm (see {@link LegalStructure#points}). */
    Map<com.vladsch.flexmark.util.ast.Node, String> nodeIds = Map.of();
    private int[] lineStarts;

    PageContext(Page page, String body, Problems problems) {
        this.page = page;
        this.body = body;
        this.problems = problems;
    }

    /** This page's context, its problems kept from the build: for rendering the page a second time. */
    PageContext quiet() {
        PageContext q = new PageContext(page, body, new Problems(""));
        q.hrefs.putAll(hrefs);
        q.broken.addAll(broken);
        q.nodeIds = nodeIds;
        return q;
    }

    /** The line of the source file holding {@code offset} of the body. */
    int line(int offset) {
        if (lineStarts == null) {
            int[] starts = new int[64];
            int n = 1;
            for (int i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
            lineStarts = java.util.Arrays.copyOf(starts, n);
        }
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return page.bodyLine() + lo;
    }

    /**
     * A text node's text, cut from the page's source: flexmark's {@code toString} of a based
     * sequence copies it a character at a time, which cost more than the search for citations.
     */
    String text(com.vladsch.flexmark.ast.Text t) {
        com.vladsch.flexmark.util.sequence.BasedSequence c = t.getChars();
        int start = c.getStartOffset();
        int end = c.getEndOffset();
        if (c.getBaseSequence().length() == body.length() && end - start == c.length() && end <= body.length()) {
            return body.substring(start, end);
        }
        return c.toString();
    }
}
