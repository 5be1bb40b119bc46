package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Text written as marks and put back afterwards gives flexmark's own HTML, byte for byte. */
class DeferredTextTest {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), FootnoteExtension.create(),
            TocExtension.create(), DefinitionExtension.create(), StrikethroughExtension.create());

    private static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, EXTENSIONS);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TocExtension.LEVELS, TocExtension.LEVELS.get(null));
        return options;
    }

    private static final Parser PARSER = Parser.builder(options()).build();
    /** flexmark's own text rendering. */
    private static final HtmlRenderer FLEXMARK = HtmlRenderer.builder(options()).build();
    private static final HtmlRenderer OURS = HtmlRenderer.builder(options()).nodeRendererFactory(new PlainText.Factory()).build();

    private static Document parse(String source) {
        return PARSER.parse(BasedSequence.of(new Source(source)));
    }

    /** Checks the page's HTML both ways and returns how many texts were written as marks. */
    private static int check(String source) {
        String expected = FLEXMARK.render(parse(source));
        Document doc = parse(source);
        assertEquals(expected, OURS.render(doc), source);
        boolean[] again = {false};
        assertEquals(expected, PlainText.render(OURS, doc, source, () -> again[0] = true), source);
        assertFalse(again[0], source);
        if (source.indexOf(PlainText.OPEN) >= 0 || source.indexOf(PlainText.CLOSE) >= 0) {
            return 0; // rendered without marks, as the first check showed
        }
        PlainText.Deferred d = new PlainText.Deferred();
        String marked = PlainText.marked(OURS, parse(source), d);
        assertEquals(expected, PlainText.substitute(marked, d), source);
        return d.texts.size();
    }

    @Test
    void tricky() {
        List<String> pages = List.of(
                // text at the start of lines, after soft and hard breaks, and after inline elements
                "Dòng đầu tiên\nDòng thứ hai  \nDòng thứ ba\\\nDòng bốn *nhấn* sau đó\n**đậm** rồi chữ",
                "- mục một dài\n  tiếp theo\n- mục hai\n\n  đoạn trong mục\n\n1. số một\n   > trích dẫn trong\n",
                "    mã thụt lề dài\n\n```\nmã rào dài\n```\n\nChữ `mã trong dòng dài` chữ",
                // image alt text, links, autolinks
                "Ảnh ![chữ thay thế \"có\" <dấu>](a.png \"tiêu đề dài\") và [liên kết *dài*](b.md) <https://x.vn/abc>",
                "![ảnh tham chiếu dài][r]\n\n[r]: c.png\n",
                // tables
                "| Cột một | \"Cột\" <hai> |\n|---|---|\n| ô một dài | ô *hai* dài |\n| | ô cuối cùng |\n",
                // headings and the table of contents
                "[TOC]\n\n# Tiêu đề \"một\" <a>\n\nĐoạn văn dài.\n\n## Tiêu đề *hai* dài\n\nSetext dài\n---\n",
                // footnotes
                "Câu có chú thích dài.[^1] Và chú thích khác.[^hai]\n\n[^1]: Nội dung chú thích \"một\".\n[^hai]: Chú thích\n    nhiều dòng dài.\n",
                // definitions, strikethrough, raw HTML, entities and escapes
                "Thuật ngữ dài\n: Định nghĩa dài <của> nó\n\n~~gạch bỏ dài~~ chữ <b>thẻ</b> &amp; &copy; a\\*b \"ngoặc kép\" 1 < 2 > 0",
                "<div>\nkhối HTML dài\n</div>\n\nChữ\r\nxuống dòng kiểu Windows dài",
                "   Đoạn thụt ba dấu cách\n\t\n> trích *dẫn* dài\n> dòng hai dài\n");
        int marked = 0;
        for (String page : pages) {
            marked += check(page);
        }
        assertTrue(marked >= 20, "texts written as marks: " + marked);
    }

    @Test
    void pageHoldingNoncharactersIsWrittenAsItIs() {
        String page = "Chữ \u00010\u0002 giả dấu và chữ khác dài";
        Document doc = parse(page);
        assertEquals(FLEXMARK.render(parse(page)), PlainText.render(OURS, doc, page, () -> {
            throw new AssertionError("rendered twice");
        }));
        assertEquals(FLEXMARK.render(parse("a\u0002 dài hơn")), PlainText.render(OURS, parse("a\u0002 dài hơn"), "a\u0002 dài hơn", () -> {
        }));
    }

    /** A U+0001 that comes from elsewhere than the page's text: the marks are not trusted. */
    @Test
    void foreignNoncharacterRendersAgain() {
        HtmlRenderer injecting = HtmlRenderer.builder(options())
                .nodeRendererFactory(options -> (NodeRenderer) () -> Set.<NodeRenderingHandler<?>>of(new NodeRenderingHandler<>(Emphasis.class,
                        (node, context, html) -> html.raw("\u00010\u0002"))))
                .nodeRendererFactory(new PlainText.Factory()).build();
        HtmlRenderer plain = HtmlRenderer.builder(options())
                .nodeRendererFactory(options -> (NodeRenderer) () -> Set.<NodeRenderingHandler<?>>of(new NodeRenderingHandler<>(Emphasis.class,
                        (node, context, html) -> html.raw("\u00010\u0002")))).build();
        for (String page : List.of("*x*\nChữ dài đầu tiên", "Chữ dài đầu tiên *x*", "Chữ dài đầu tiên *x* chữ dài thứ hai")) {
            PlainText.Deferred d = new PlainText.Deferred();
            assertNull(PlainText.substitute(PlainText.marked(injecting, parse(page), d), d), page);
            boolean[] again = {false};
            assertEquals(plain.render(parse(page)), PlainText.render(injecting, parse(page), page, () -> again[0] = true));
            assertTrue(again[0]);
        }
    }

    @Test
    void random() {
        String alphabet = "aăđ ơư<>&\"\\\r\n*_`[]()!#|-:^~x1\u0301\t\u0001\u0002";
        Random random = new Random(20261126);
        for (int i = 0; i < 3000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(80); n > 0; n--) {
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                s.append(c == 'x' ? "chữ dài " : String.valueOf(c));
            }
            check(s.toString());
        }
    }
}
