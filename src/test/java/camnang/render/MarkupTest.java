package camnang.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.output.Utf8ByteOutput;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkupTest {
    private static final String TREE = "<ul class=\"cay\">\n<li><a href=\"a.html\">Hòa giải</a></li>\n"
            + "<li><a href=\"b.html\">Bạo lực</a></li>\n<li><a href=\"a.html\">Lại hòa giải</a></li>\n"
            + "<li><a href=\"a.html\" rel=\"x\">Khác</a></li>\n</ul>\n";

    @Test
    void marksEveryTagThatIsExactlyTheOneGivenAndWritesTheSameBytesAsItsText() {
        Markup m = new Markup.Indexed(TREE.getBytes(StandardCharsets.UTF_8)).marking("<a href=\"a.html\">", " aria-current=\"page\"");
        String expected = "<ul class=\"cay\">\n<li><a href=\"a.html\" aria-current=\"page\">Hòa giải</a></li>\n"
                + "<li><a href=\"b.html\">Bạo lực</a></li>\n<li><a href=\"a.html\" aria-current=\"page\">Lại hòa giải</a></li>\n"
                + "<li><a href=\"a.html\" rel=\"x\">Khác</a></li>\n</ul>\n";
        assertEquals(expected, m.toString());
        Utf8ByteOutput out = new Utf8ByteOutput();
        m.writeTo(out);
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void aTagNotThereLeavesTheHtmlAsItIs() {
        Markup m = new Markup.Indexed(TREE.getBytes(StandardCharsets.UTF_8)).marking("<a href=\"a.htm\">", " aria-current=\"page\"");
        assertEquals(TREE, m.toString());
        assertEquals(TREE, new Markup.Indexed(TREE.getBytes(StandardCharsets.UTF_8)).marking("<a href=\"ạ.html\">", " x").toString());
        assertFalse(m.isEmptyContent());
        assertTrue(new Markup.Indexed(new byte[0]).marking("<a href=\"a.html\">", " x").isEmptyContent());
    }
}
