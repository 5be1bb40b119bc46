package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import camnang.Json;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A fragment's values are escaped on their UTF-8 bytes: the same text as {@link Json#string} makes of the strings. */
class FragmentJsonTest {
    @Test
    void everyAsciiCharAndVietnameseTextAsJsonStringEscapesThem() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        assertEquals(Json.string(all.toString()), Shards.Fragment.json(all.toString()));
        String text = "Điều 5. \"Hòa giải\"\tở cơ sở\\\nkhoản 1\r\n\u001f\u2028 😀";
        assertEquals(Json.string(text), Shards.Fragment.json(text));
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", Shards.Fragment.json("a\"b\\c\nd\u0001"));
    }

    @Test
    void randomTextsEscapeAsJsonStringDoes() {
        Random r = new Random(22);
        String pool = "aăâđêôơưáàảãạ \"\\\n\r\t\b\f\u0000\u0007\u001b\u007f~/<>&Hòa giải viên";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(40); n > 0; n--) {
                if (r.nextInt(20) == 0) {
                    sb.appendCodePoint(0x1F600 + r.nextInt(50));
                } else {
                    sb.append(pool.charAt(r.nextInt(pool.length())));
                }
            }
            String s = sb.toString();
            assertEquals(Json.string(s), Shards.Fragment.json(s), s);
        }
    }
}
