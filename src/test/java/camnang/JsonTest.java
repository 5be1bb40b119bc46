package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void escapesAsJsonStringifyDoes() {
        assertEquals("\"\"", Json.string(""));
        assertEquals("\"Hòa giải ở cơ sở – “đúng”\"", Json.string("Hòa giải ở cơ sở – “đúng”"));
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001f–ạ\\\"\"",
                Json.string("a\"b\\c\nd\re\tf\bg\fh\u0001i\u001f–ạ\""));
        assertEquals("\"\\\"\"", Json.string("\""));
    }
}
