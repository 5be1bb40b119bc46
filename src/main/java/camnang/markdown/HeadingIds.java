package camnang.markdown;

import camnang.Slug;
import com.vladsch.flexmark.ast.util.AnchorRefTargetBlockPreVisitor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.ast.Heading;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Heading ids as readable Vietnamese slugs without diacritics ({@code cac-buoc-hoa-giai}),
 * made unique within the page by {@code -1}, {@code -2}, … in document order, so they stay
 * stable while the text before them changes. A heading that opens a unit of a legal text
 * takes its legal id instead ({@code dieu-7}, {@code chuong-2-muc-1}: see {@link LegalStructure}),
 * so that links to an article survive edits of its title.
 */
final class HeadingIds implements HtmlIdGenerator {
    private final Set<String> used = new HashSet<>();
    private final Map<String, Integer> next = new HashMap<>();

    @Override
    public void generateIds(Document document) {
        generateIds(document, null);
    }

    @Override
    public void generateIds(Document document, AnchorRefTargetBlockPreVisitor preVisitor) {
        LegalStructure.Ids legal = new LegalStructure.Ids();
        new NodeVisitor(new VisitHandler<>(Heading.class, h -> {
            if (h.getAnchorRefId().isEmpty() || h.isExplicitAnchorRefId()) {
                // An explicit id still opens its Chương, for the Mục ids under it.
                String text = h.getAnchorRefText();
                String id = legal.of(text);
                if (h.getAnchorRefId().isEmpty()) {
                    h.setAnchorRefId(unique(id != null ? id : Slug.of(text)));
                    return;
                }
            }
            used.add(h.getAnchorRefId());
        })).visit(document);
    }

    String unique(String base) {
        String b = base.isEmpty() ? "muc" : base;
        if (used.add(b)) {
            return b;
        }
        int n = next.getOrDefault(b, 1);
        String id;
        do {
            id = b + "-" + n++;
        } while (!used.add(id));
        next.put(b, n);
        return id;
    }

    @Override
    public String getId(Node node) {
        return node instanceof Heading h ? h.getAnchorRefId() : null;
    }

    @Override
    public String getId(CharSequence text) {
        return Slug.of(text);
    }
}
