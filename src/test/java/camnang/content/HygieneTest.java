package camnang.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import camnang.Problem;
import camnang.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text hygiene: each problem reported once per file at its first line with its count, none on
 * clean text in Vietnamese or other languages, and repairs that are exact or not made at all.
 */
class HygieneTest {
    @TempDir
    Path tmp;

    private static List<String> check(String text) {
        return check(text, SiteConfig.ToneMarks.ANY);
    }

    /** The problems as check prints them, hint lines included. */
    private static List<String> check(String text, SiteConfig.ToneMarks tones) {
        Problems p = new Problems("content");
        TextHygiene.check(text, "a.md", tones, p);
        return p.sorted().stream().map(Problem::format).toList();
    }

    private static final String FIX = "\n    → Ký tự này không nhìn thấy nhưng làm sai tìm kiếm và ngắt dòng. Chạy \"check --fix\" để sửa.";

    @Test
    void decomposedTextIsAWarningAtItsFirstLineWithTheNumberOfLines() {
        assertEquals(List.of("content/a.md:4: cảnh báo: chữ ở dạng tổ hợp (NFD: dấu tách rời chữ cái) (2 dòng, từ dòng này)\n"
                        + "    → Trang vẫn hiện đúng nhưng tìm kiếm và so khớp chữ có thể sai. Chạy \"check --fix\" để sửa."),
                check("---\ntitle: Trang\n---\nHo\u0300a gia\u0309i ở cơ sở\nDòng dựng sẵn.\nNgu\u031Bo\u031B\u0300i dân\n"));
        assertEquals(List.of(), check("Hòa giải ở cơ sở\nNgười dân\n"));
    }

    @Test
    void tcvn3TextIsAnErrorNamingTheEncodingAndTheLine() {
        String tcvn3 = """
                ---
                title: Tuyên bố
                ---
                Céng hoµ x· héi chñ nghÜa ViÖt Nam
                §éc lËp - Tù do - H¹nh phóc
                """;
        assertEquals(List.of("content/a.md:4: lỗi: chữ gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime), không phải Unicode: "
                        + "\"Céng\" là \"Cộng\" (2 dòng, từ dòng này)\n"
                        + "    → Chạy \"check --fix\" để chuyển sang Unicode, hoặc mở tệp gốc bằng Word, chuyển mã TCVN3 → Unicode "
                        + "(Unikey) rồi lưu lại."),
                check(tcvn3));
    }

    @Test
    void vniTextIsAnErrorNamingTheEncodingAndTheLine() {
        assertEquals(List.of("content/a.md:2: lỗi: chữ gõ bằng bảng mã cũ VNI (phông VNI-Times), không phải Unicode: "
                        + "\"Vieät\" là \"Việt\" (2 dòng, từ dòng này)\n"
                        + "    → Chạy \"check --fix\" để chuyển sang Unicode, hoặc mở tệp gốc bằng Word, chuyển mã VNI → Unicode "
                        + "(Unikey) rồi lưu lại."),
                check("# Giới thiệu\nVieät Nam\nÑieàu 1. Hoøa giaûi ôû cô sôû\n"));
    }

    @Test
    void aLegacyWordAmongUnicodeTextIsAWarning() {
        assertEquals(List.of("content/a.md:2: cảnh báo: có từ giống chữ gõ bằng bảng mã cũ TCVN3 (ABC, phông .VnTime): "
                        + "\"vµo\" là \"vào\""),
                firstLines(check("# Căn cứ\nCăn cứ vµo yêu cầu của thực tiễn.\n")));
        // One short word alone is too little to say (a scan's misread, a symbol).
        assertEquals(List.of(), check("Phụ lục TÏ trên\n"));
    }

    @Test
    void invisibleCharactersAreWarningsWithTheirCount() {
        String text = """
                Hòa\u200Bgiải ở cơ\u200B sở.
                Thông t\u00ADư này, tr\u00A0ường hợp.
                Đúng 10\u00A0%, theo pháp\u00A0luật: Điều\u00A05 và «\u00A0chú\u00A0thích\u00A0».
                Gia đình 👨\u200D👩\u200D👧 vui.
                """;
        assertEquals(List.of(
                "content/a.md:1: cảnh báo: 2 ký tự ẩn không có độ rộng (U+200B), từ dòng này" + FIX,
                "content/a.md:2: cảnh báo: dấu gạch nối ẩn (U+00AD) trong chữ\n"
                        + "    → Ký tự này không nhìn thấy nhưng làm sai tìm kiếm. Chạy \"check --fix\" để sửa.",
                "content/a.md:2: cảnh báo: khoảng trắng không ngắt (U+00A0) chia đôi một chữ: \"tr ường\"\n"
                        + "    → Khoảng trắng này làm chữ bị tách, tìm kiếm không thấy. Chạy \"check --fix\" để sửa."),
                check(text));
    }

    @Test
    void curlyQuotesAroundFrontMatterValuesAndTabbedListsAreWordArtefacts() {
        String text = """
                ---
                title: “Hòa giải ở cơ sở”
                description: Luật “Hòa giải ở cơ sở” năm 2013
                tags:
                  - ‘hòa giải’
                ---
                Các bước:

                \t- Bước một
                \t- Bước hai

                - Mục
                \t- Mục con đúng chỗ
                """;
        assertEquals(List.of(
                "content/a.md:2: cảnh báo: giá trị trong phần đầu trang nằm giữa ngoặc kép cong “…” (Word tự đổi), nên ngoặc "
                        + "thành một phần của giá trị (2 dòng, từ dòng này)",
                "content/a.md:9: cảnh báo: danh sách thụt lề bằng phím Tab (thường do dán từ Word): có thể hiện thành khối mã "
                        + "(2 dòng, từ dòng này)"),
                firstLines(check(text)));
    }

    @Test
    void aLegacyFontLeftInHtmlIsAWarningOnlyAHandFixes() {
        String text = "Đoạn.\n<span style=\"font-family:.VnTime\">Hòa giải</span>\n";
        assertEquals(List.of("content/a.md:2: cảnh báo: mã HTML còn phông \".VnTime\" của bảng mã cũ"), firstLines(check(text)));
        assertEquals(new TextHygiene.Change(2, "mã HTML còn phông \".VnTime\" của bảng mã cũ; phải sửa tay"),
                TextHygiene.fix(text, SiteConfig.ToneMarks.ANY).refused());
        // Naming the font in a sentence is no remnant.
        assertEquals(List.of(), check("Văn bản gõ bằng phông .VnTime cần chuyển sang Unicode.\n"));
    }

    @Test
    void bothToneStylesInOnePageAreANoticeWithTheCounts() {
        String text = """
                Hòa giải, hòa thuận, thủy lợi, sức khỏe.
                Hoàn thành, toán, khuyến khích, quý, Quý, hoạt động.
                Tổ hoà giải.
                """;
        assertEquals(List.of("content/a.md:3: lưu ý: trang dùng cả hai kiểu bỏ dấu: kiểu cũ 4 lần (\"hòa\", \"khỏe\"), "
                        + "kiểu mới 1 lần (\"hoà\")\n"
                        + "    → Chọn một kiểu cho cả trang web trong site.yaml: tone_marks: old (hòa, thủy) hoặc tone_marks: new "
                        + "(hoà, thuỷ); rồi \"check --fix\" đổi theo."),
                check(text));
        assertEquals(List.of(), check("Hòa giải, thủy lợi, hoàn thành.\n"));
        // A spelling talked about in quotes is not a use of it.
        assertEquals(List.of(), check("Trang viết “hòa”, “thủy”; có nơi viết “hoà”, \"thuỷ\", «khoẻ».\n"));
        assertEquals(List.of(), check("Hoà giải, thuỷ lợi, hoàn thành.\n"));
    }

    @Test
    void theSiteToneStyleNotesEveryWordInTheOther() {
        assertEquals(List.of("content/a.md:2: lưu ý: trang dùng kiểu bỏ dấu mới 2 lần (\"hoà\", \"uỷ\"), khác kiểu cũ "
                        + "(tone_marks: old) đặt trong site.yaml"),
                firstLines(check("Hòa giải.\nTổ hoà giải, Uỷ ban.\n", SiteConfig.ToneMarks.OLD)));
        assertEquals(List.of(), check("Hoà giải, Uỷ ban.\n", SiteConfig.ToneMarks.NEW));
    }

    @Test
    void codeBlocksAreLeftAlone() {
        assertEquals(List.of(), check("Văn bản.\n\n```\nHòa\u200Bgiải\n\t- không phải danh sách\nCéng hoµ x· héi chñ nghÜa\n```\n"));
    }

    @Test
    void otherLanguagesAndSymbolsAreNotLegacyText() {
        assertEquals(List.of(), check("""
                café, résumé, naïve, Müller, où, façade, Straße, España, Øresund, garçon, Noël, Zoë
                20°C÷25°C, 5 µm, 150µm, ±3, «trích dẫn», © 2024, § 3, ½, ¼, 3×4, 10¹, 1ª
                Căn cứ khoản 2 Điều 5; Ủy ban nhân dân; hòa giải ở cơ sở; phí 10%.
                """));
    }

    @Test
    void theLegalCorpusAndTheSampleHaveNoLegacyTextErrors() throws IOException {
        Path corpus = Path.of("../shared/corpus/phap-dien");
        assumeTrue(Files.isDirectory(corpus), "skipped: " + corpus.toAbsolutePath() + " is absent");
        List<String> errors = new ArrayList<>();
        int corpusFiles = 0;
        for (Path root : List.of(corpus, Path.of("content"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".md")).toList()) {
                    corpusFiles += root == corpus ? 1 : 0;
                    String text = Files.readString(p);
                    for (TextHygiene.Finding f : TextHygiene.scan(text, SiteConfig.ToneMarks.ANY)) {
                        if (f.severity() == Problem.Severity.ERROR) {
                            errors.add(p + ":" + f.line() + ": " + f.message());
                        }
                    }
                }
            }
        }
        assertEquals(568, corpusFiles);
        assertEquals(List.of(), errors);
    }

    // ------------------------------------------------------------------ fix

    @Test
    void fixRepairsEveryKindAndASecondCheckIsClean() {
        String text = """
                ---
                title: “Hòa giải ở cơ sở”
                ---
                Ho\u0300a gia\u0309i ở cơ sở, hoà thuận.
                Căn cứ vµo yêu cầu; Thông t\u00ADư; kh\u200Boản 2; tr\u00A0ường hợp; Hòa\u200Bgiải.
                """;
        TextHygiene.Fixed f = TextHygiene.fix(text, SiteConfig.ToneMarks.OLD);
        assertNull(f.refused());
        assertEquals("""
                ---
                title: "Hòa giải ở cơ sở"
                ---
                Hòa giải ở cơ sở, hòa thuận.
                Căn cứ vào yêu cầu; Thông tư; khoản 2; trường hợp; Hòa giải.
                """, f.text());
        assertEquals(List.of(
                        "2: đổi ngoặc kép cong thành ngoặc thẳng ở 1 giá trị của phần đầu trang",
                        "4: chuyển chữ dạng tổ hợp (NFD) sang dạng dựng sẵn (NFC)",
                        "4: đổi 1 chữ sang kiểu bỏ dấu cũ (hòa, thủy)",
                        "5: chuyển 1 từ gõ bằng bảng mã TCVN3 sang Unicode",
                        "5: xóa 2 ký tự ẩn không có độ rộng",
                        "5: xóa 1 dấu gạch nối ẩn",
                        "5: nối lại 1 chữ bị khoảng trắng không ngắt chia đôi"),
                f.changes().stream().map(c -> c.line() + ": " + c.what()).toList());
        assertEquals(List.of(), check(f.text(), SiteConfig.ToneMarks.OLD));
    }

    @Test
    void fixConvertsWholeLegacyFiles() {
        TextHygiene.Fixed tcvn3 = TextHygiene.fix("---\ntitle: Tuyªn bè\n---\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\n"
                + "§éc lËp - Tù do - H¹nh phóc\n§IÒU 1. Ph¹m vi\n", SiteConfig.ToneMarks.ANY);
        assertEquals("---\ntitle: Tuyên bố\n---\nCộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nĐIỀU 1. Phạm vi\n",
                tcvn3.text());
        assertEquals(List.of(new TextHygiene.Change(2, "chuyển 16 từ gõ bằng bảng mã TCVN3 sang Unicode trên 4 dòng")),
                tcvn3.changes());
        TextHygiene.Fixed vni = TextHygiene.fix("Vieät Nam\nÑieàu 1. Hoøa giaûi ôû cô sôû; ñöôïc; Ngöôøi; ÑIEÀU\n",
                SiteConfig.ToneMarks.ANY);
        assertEquals("Việt Nam\nĐiều 1. Hòa giải ở cơ sở; được; Người; ĐIỀU\n", vni.text());
        assertEquals(List.of(), check(vni.text()));
    }

    @Test
    void whatCannotBeRepairedCompletelyIsNotRepairedAtAll() {
        String ambiguous = "Ho\u0300a giải.\nCăn cứ c¸c mét quy định.\n";
        TextHygiene.Fixed f = TextHygiene.fix(ambiguous, SiteConfig.ToneMarks.ANY);
        assertEquals(ambiguous, f.text());
        assertEquals(List.of(), f.changes());
        assertEquals(new TextHygiene.Change(2, "dòng trộn chữ Unicode với chữ mã TCVN3, và \"mét\" đọc được cả hai cách "
                + "(có thể là \"một\"); sửa tay dòng này"), f.refused());

        String tabs = "Ho\u0300a giải.\n\n\t- mục\n";
        f = TextHygiene.fix(tabs, SiteConfig.ToneMarks.ANY);
        assertEquals(tabs, f.text());
        assertEquals(new TextHygiene.Change(3, "danh sách thụt lề bằng phím Tab (thường do dán từ Word): có thể hiện thành "
                + "khối mã; phải sửa tay"), f.refused());
    }

    @Test
    void fixingAFolderRewritesOnlyWhatItRepairsCompletelyKeepingLineEndings() throws IOException {
        Path src = tmp.resolve("content");
        Files.createDirectories(src.resolve(".git"));
        Files.writeString(src.resolve("site.yaml"), "title: Thử\ntone_marks: new\n");
        byte[] crlf = ("\uFEFF---\r\ntitle: Hòa giải\r\n---\r\nThủy lợi\u200B.\r\n").getBytes(StandardCharsets.UTF_8);
        Files.write(src.resolve("a.md"), crlf);
        byte[] unfixable = "Ho\u0300a giải.\n\n\t- mục\n".getBytes(StandardCharsets.UTF_8);
        Files.write(src.resolve("b.md"), unfixable);
        Files.writeString(src.resolve("c.md"), "Hoà giải.\n");
        Files.writeString(src.resolve(".git/d.md"), "Ho\u0300a\n");

        Hygiene.Result r = Hygiene.fix(src);
        assertEquals("---\r\ntitle: Hoà giải\r\n---\r\nThuỷ lợi.\r\n", Files.readString(src.resolve("a.md")));
        assertArrayEquals(unfixable, Files.readAllBytes(src.resolve("b.md")));
        assertEquals("Hoà giải.\n", Files.readString(src.resolve("c.md")));
        assertEquals("Ho\u0300a\n", Files.readString(src.resolve(".git/d.md")));
        assertEquals(1, r.files());
        assertEquals(List.of(new Hygiene.Change(src + "/a.md", 2, "đổi 2 chữ sang kiểu bỏ dấu mới (hoà, thuỷ)"),
                new Hygiene.Change(src + "/a.md", 4, "xóa 1 ký tự ẩn không có độ rộng")), r.changes());
        assertEquals(List.of(new Hygiene.Refusal(src + "/b.md", 3, "danh sách thụt lề bằng phím Tab (thường do dán từ Word): "
                + "có thể hiện thành khối mã; phải sửa tay")), r.refused());
        try (Stream<Path> s = Files.list(src)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".camnang-fix")));
        }
    }

    @Test
    void theToneStyleSettingIsOldOrNew() {
        Problems p = new Problems("content");
        Path src = tmp.resolve("s");
        camnang.TestSites.write(src, java.util.Map.of("site.yaml", "title: Thử\ntone_marks: moi\n"));
        assertEquals(SiteConfig.ToneMarks.ANY, SiteSettings.read(src, p).toneMarks());
        assertEquals(List.of("content/site.yaml:2: lỗi: tone_marks phải là \"old\" hoặc \"new\", không phải \"moi\"\n"
                + "    → \"old\" đặt dấu như hòa, khỏe, thủy; \"new\" đặt dấu như hoà, khoẻ, thuỷ."),
                p.sorted().stream().map(Problem::format).toList());
        camnang.TestSites.write(src, java.util.Map.of("site.yaml", "title: Thử\ntone_marks: new\n"));
        assertEquals(SiteConfig.ToneMarks.NEW, SiteSettings.read(src, new Problems("content")).toneMarks());
    }

    private static List<String> firstLines(List<String> problems) {
        return problems.stream().map(s -> s.lines().findFirst().orElse("")).toList();
    }
}
