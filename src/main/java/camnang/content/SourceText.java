package camnang.content;

import camnang.Problems;
import java.nio.charset.StandardCharsets;

/** Reads a file that must be UTF-8 text, reporting where it is not. */
final class SourceText {
    private SourceText() {
    }

    /** The decoded text without a byte-order mark, or null after reporting a problem. */
    static String decode(byte[] bytes, String rel, Problems problems) {
        String kind = binaryKind(bytes);
        if (kind != null) {
            problems.error(rel, 1, "tệp không phải văn bản: đây là " + kind,
                    "Trang phải là tệp Markdown (.md) dạng văn bản UTF-8. Đổi phần mở rộng cho đúng loại tệp, "
                            + "hoặc chuyển nội dung sang Markdown.");
            return null;
        }
        // The JDK's own decoding is several times faster; the strict decoder only runs to
        // find where a replacement character came from.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast.startsWith("\uFEFF") ? fast.substring(1) : fast;
        }
        int bad = camnang.Bytes.invalidUtf8(bytes);
        if (bad >= 0) {
            problems.error(rel, camnang.Bytes.lineAt(bytes, bad),
                    String.format("tệp không phải UTF-8 hợp lệ (byte 0x%02X)", bytes[bad] & 0xff),
                    "Mở tệp bằng trình soạn thảo (Notepad, VS Code) và lưu lại với mã hóa UTF-8.");
            return null;
        }
        // Valid UTF-8 that holds U+FFFD itself: the text as decoded.
        return fast.startsWith("\uFEFF") ? fast.substring(1) : fast;
    }

    private static String binaryKind(byte[] b) {
        if (startsWith(b, "%PDF")) {
            return "tệp PDF";
        }
        if (startsWith(b, "PK\u0003\u0004")) {
            return "tệp nén (Word .docx, Excel .xlsx hoặc .zip)";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11) {
            return "tài liệu Word/Excel cũ (.doc, .xls)";
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "ảnh PNG";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "ảnh JPEG";
        }
        int n = Math.min(b.length, 8192);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return "tệp nhị phân";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] b, String magic) {
        if (b.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
