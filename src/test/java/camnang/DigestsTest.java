package camnang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DigestsTest {
    @Test
    void checksumsAreTheLengthCrc32cAndCrc32() {
        // The standard check values of both checksums, for "123456789".
        assertEquals("00000009" + "e3069283" + "cbf43926",
                HexFormat.of().formatHex(Digests.checksums("123456789".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("00000000" + "00000000" + "00000000", HexFormat.of().formatHex(Digests.checksums(new byte[0])));
    }

    @Test
    void anyOneCharacterEditChangesThem() {
        String page = "Hòa giải viên ở cơ sở";
        String before = HexFormat.of().formatHex(Digests.checksums(page.getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(before, HexFormat.of().formatHex(Digests.checksums("Hoà giải viên ở cơ sở".getBytes(StandardCharsets.UTF_8))));
        assertNotEquals(before, HexFormat.of().formatHex(Digests.checksums("Hòa giải viên ở cơ sỏ".getBytes(StandardCharsets.UTF_8))));
    }
}
