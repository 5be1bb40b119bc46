package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The quick inline parser gives flexmark's own document: the same nodes at the same offsets, the same HTML. */
class QuickInlineParserTest {
    private static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
                TocExtension.create(), DefinitionExtension.create(), StrikethroughExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        return options;
    }

    private static final Parser FLEXMARK = Parser.builder(options()).build();
    private static final Parser QUICK = QuickInlineParser.install(Parser.builder(options())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder(options()).build();

    /** Every node, indented by depth, as flexmark names it: its class, offsets and parts (a link's address, title…). */
    private static String tree(Document doc) {
        StringBuilder out = new StringBuilder();
        walk(doc, 0, out);
        return out.toString();
    }

    private static void walk(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node).append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            walk(child, depth + 1, out);
        }
    }

    private static int references;

    private static void check(String source) {
        Document expected = FLEXMARK.parse(source);
        Document actual = QUICK.parse(source);
        assertEquals(tree(expected), tree(actual), source);
        assertEquals(RENDERER.render(expected), RENDERER.render(actual), source);
        for (Node n : actual.getDescendants()) {
            if (n instanceof Reference) {
                references++;
            }
        }
    }

    @Test
    void tricky() {
        references = 0;
        List<String> pages = List.of(
                "[liên kết](a.md) và [hai](<b c.md> \"tiêu đề\") và [ba]( c.md  'x' ) và [bốn]\n(d.md)",
                "![ảnh tham chiếu][r] và [r] và [văn bản][R]\n\n[r]: c.png \"tiêu đề\"\n[R]:\n  <d e.png>\n  (tiêu đề dài)\n",
                "[^1] và [x][] và [x]\n\n[x]: /van-ban/dat-dai/\n[^1]: chú thích [x]\n",
                "| a | [b](c.md) |\n|---|---|\n| [d][e] | f |\n\n[e]: g.md\n",
                "Thuật ngữ\n: [định nghĩa](h.md \"t\")\n\n~~[gạch](i.md)~~ <https://x.vn> <a href=\"j\">k</a> ![alt](l.png)",
                "[không đóng (m.md) [lồng [trong](n.md)](o.md) \\[thoát](p.md) [a]: q\n\n[a]:  \n");
        for (String page : pages) {
            check(page);
        }
        assertEquals(3, references, "reference definitions read");
    }

    /** The sample site's pages, and a slice of the legal corpus when it is beside the project. */
    @Test
    void realPages() throws IOException {
        int pages = 0;
        for (Path folder : List.of(Path.of("content"), Path.of("../shared/corpus/phap-dien/to-tung-va-cac-phuong-thuc-giai-quyet-tranh-chap"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(p -> p.toString().endsWith(".md")).sorted().limit(40).toList();
            }
            for (Path file : files) {
                check(Files.readString(file, StandardCharsets.UTF_8));
                pages++;
            }
        }
        assertTrue(pages >= 15, "pages compared: " + pages);
    }

    @Test
    void random() {
        String alphabet = "aăđ ơư<>&\"'\\\n*_`[]()!#|-:^~x1\t";
        Random random = new Random(20261127);
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(80); n > 0; n--) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                s.append(c == 'x' ? "chữ.md " : String.valueOf(c));
            }
            check(s.toString());
        }
    }
}
