package camnang.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MendTest {
    private static String apply(String html, RenderedPage.Mend... mends) {
        return new String(RenderedPage.Mend.apply(html.getBytes(StandardCharsets.UTF_8), List.of(mends)), StandardCharsets.UTF_8);
    }

    @Test
    void replacesEveryOccurrenceOnTheBytesAsStringReplaceDoes() {
        String page = "<p>Xem <a href=\"luat.html#dieu-9-hoa-giai-vien\">Điều 9</a> và "
                + "<a href=\"luat.html#dieu-9-hoa-giai-vien\">lại Điều 9</a>, <a href=\"#Điều-7\">Điều 7</a></p>";
        assertEquals("<p>Xem <a href=\"luat.html#dieu-9\">Điều 9</a> và <a href=\"luat.html#dieu-9\">lại Điều 9</a>, "
                        + "<a href=\"#dieu-7\">Điều 7</a></p>",
                apply(page, new RenderedPage.Mend("href=\"luat.html#dieu-9-hoa-giai-vien\"", "href=\"luat.html#dieu-9\""),
                        new RenderedPage.Mend("href=\"#Điều-7\"", "href=\"#dieu-7\""),
                        // A second mend of the same link (one per citation) changes nothing more.
                        new RenderedPage.Mend("href=\"#Điều-7\"", "href=\"#khac\"")));
        assertEquals("Xa", apply("aaa", new RenderedPage.Mend("aa", "X")), "left to right, without overlaps");
        assertEquals("đđ", apply("ạđ", new RenderedPage.Mend("ạ", "đ")));
    }

    @Test
    void aPageWithNothingToMendIsTheSameArray() {
        byte[] page = "<p>Không có gì</p>".getBytes(StandardCharsets.UTF_8);
        assertSame(page, RenderedPage.Mend.apply(page, List.of(new RenderedPage.Mend("href=\"#x\"", "href=\"#y\""))));
    }
}
