package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void escapesAsFlexmarkAndLeavesEscapesEntitiesAndCarriageReturnsToIt() {
        String within = "xTiền \"bồi thường\" < 5 > 2y";
        assertEquals("Tiền &quot;bồi thường&quot; &lt; 5 &gt; 2", PlainText.escaped(within, 1, within.length() - 1));
        assertEquals("hòa giải", PlainText.escaped("hòa giải", 0, 8));
        assertNull(PlainText.escaped("a & b", 0, 5));
        assertNull(PlainText.escaped("a\\*b", 0, 4));
        assertNull(PlainText.escaped("a\rb", 0, 3));
    }

    /** The same HTML as flexmark's own text rendering, on chosen and on random input. */
    @Test
    void rendersTheSameHtmlAsFlexmark() {
        Parser parser = Parser.builder().build();
        HtmlRenderer flexmark = HtmlRenderer.builder().build();
        HtmlRenderer ours = HtmlRenderer.builder().nodeRendererFactory(new PlainText.Factory()).build();
        List<String> inputs = new ArrayList<>(List.of(
                "Tiền \"bồi thường\" < 5 & > 2, a\\*b, &copy; 2024, *nhấn* 1<2\r\nxuống dòng",
                "Điều 7 <b>đậm</b> &amp; &#272;; \\<không thẻ\\>",
                "- mục \"một\"\n- mục 2 > 1\n\n> trích < dẫn\n",
                "| a | \"b\" |\n|---|---|\n| < | > |\n",
                "Dòng một  \nDòng hai\r\rDòng ba"));
        String alphabet = "aăđ ơư<>&\"\\\r\n*_`[]()!#;:x1\u0301\t";
        Random random = new Random(20261126);
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(s.toString());
        }
        for (String input : inputs) {
            Document doc = parser.parse(input);
            assertEquals(flexmark.render(doc), ours.render(doc), input);
        }
    }
}
