package camnang.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Problems;
import camnang.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code camnang new}: the file written for each type, its name, and what is refused. */
class NewPageTest {
    static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    @TempDir
    Path tmp;

    private Path site(Map<String, String> files) {
        try {
            return TestSites.write(Files.createDirectories(tmp.resolve("content")), files);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void guideAfterTheSectionsLastPage() {
        Path src = site(Map.of(
                "nguoi-dan/_index.md", "---\ntitle: Người dân\nweight: 9\n---\n",
                "nguoi-dan/hoa-giai-la-gi.md", "---\ntitle: Hòa giải là gì\nweight: 2\n---\nNội dung.\n",
                "nguoi-dan/hoi-dap.md", "---\ntitle: Hỏi đáp\n---\nNội dung.\n"));
        Scaffold.Result r = Scaffold.create(src, "guide", "Cách yêu cầu hòa giải", "nguoi-dan", null, DAY);
        assertEquals(Scaffold.Status.CREATED, r.status(), String.valueOf(r.problem()));
        assertEquals(src.resolve("nguoi-dan/cach-yeu-cau-hoa-giai.md"), r.file());
        assertNull(r.newFolder());
        assertNull(r.problem());
        assertEquals(PageType.GUIDE, r.type());
        // The folder's index page (weight 9) orders the folder among its siblings, not its pages.
        assertEquals("""
                ---
                title: "Cách yêu cầu hòa giải"
                description: ""  # một câu giới thiệu trang, hiện dưới tiêu đề và trong kết quả tìm kiếm
                date: 2025-03-14
                weight: 3  # thứ tự trong mục: số nhỏ đứng trước
                tags: []  # chủ đề, ví dụ: [hòa giải, thủ tục]
                audience: [người dân]  # dành cho ai: người dân, hòa giải viên, cán bộ
                type: guide
                ---

                Một đoạn mở đầu: trang này dành cho ai, giúp làm việc gì.

                ## Khi nào cần làm?

                Nêu những trường hợp cần làm việc này.

                ## Cần chuẩn bị gì?

                - Giấy tờ, thông tin cần có.

                ## Các bước thực hiện

                1. Bước thứ nhất.
                2. Bước thứ hai.

                ## Căn cứ pháp lý

                - Tên văn bản và điều áp dụng.
                """, read(r.file()));
        byte[] bytes = TestSites.tree(src).get("nguoi-dan/cach-yeu-cau-hoa-giai.md");
        assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("\r"));
        assertFalse(new String(bytes, StandardCharsets.UTF_8).startsWith("\uFEFF"));
    }

    @Test
    void lawInANewFolderWithItsFieldsToFill() {
        Path src = site(Map.of("gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nNội dung.\n"));
        Scaffold.Result r = Scaffold.create(src, "law", "Nghị định số 15/2014/NĐ-CP", "van-ban/nghi-dinh", null, DAY);
        assertEquals(Scaffold.Status.CREATED, r.status(), String.valueOf(r.problem()));
        assertEquals(src.resolve("van-ban/nghi-dinh/nghi-dinh-so-15-2014-nd-cp.md"), r.file());
        assertEquals(src.resolve("van-ban"), r.newFolder());
        assertEquals("""
                ---
                title: "Nghị định số 15/2014/NĐ-CP"
                description: ""  # một câu giới thiệu trang, hiện dưới tiêu đề và trong kết quả tìm kiếm
                date: 2025-03-14
                tags: []  # chủ đề, ví dụ: [hòa giải, thủ tục]
                audience: [người dân, hòa giải viên, cán bộ]  # dành cho ai: người dân, hòa giải viên, cán bộ
                type: law
                # Thông tin của văn bản. Năm khóa đầu là bắt buộc: còn trống thì check và build báo lỗi.
                so_hieu:  # ví dụ: 15/2014/NĐ-CP
                loai_van_ban:  # Luật, Nghị định, Thông tư, Quyết định…
                co_quan_ban_hanh:  # ví dụ: Chính phủ
                ngay_ban_hanh:  # ngày/tháng/năm, ví dụ: 27/02/2014
                tinh_trang:  # còn hiệu lực, hết hiệu lực một phần, hết hiệu lực hoặc chưa có hiệu lực
                nguoi_ky:  # không bắt buộc
                ngay_hieu_luc:  # không bắt buộc, ví dụ: 25/04/2014
                trich_yeu:  # không bắt buộc: văn bản quy định về việc gì
                nguon:  # không bắt buộc: địa chỉ bản gốc, ví dụ: https://vbpl.vn/
                ---

                Chương I
                NHỮNG QUY ĐỊNH CHUNG

                Điều 1. Phạm vi điều chỉnh

                Chép nội dung Điều 1 ở đây; mỗi dòng "Chương …", "Mục …", "Điều …" đứng riêng một đoạn.

                Điều 2. Đối tượng áp dụng

                Chép nội dung Điều 2 ở đây.
                """, read(r.file()));
    }

    @Test
    void theOtherTypesBodies() {
        Path src = site(Map.of());
        assertEquals("""
                ---
                title: "Ôn tập"
                description: ""  # một câu giới thiệu trang, hiện dưới tiêu đề và trong kết quả tìm kiếm
                date: 2025-03-14
                tags: []  # chủ đề, ví dụ: [hòa giải, thủ tục]
                audience: [hòa giải viên]  # dành cho ai: người dân, hòa giải viên, cán bộ
                type: lesson
                minutes: 15  # thời gian học ước tính, tính bằng phút
                goals:  # mục tiêu bài học: sau bài này, người học…
                  - Nêu được …
                  - Thực hành được …
                laws: []  # căn cứ pháp lý, ví dụ: ["Điều 7 Luật Hòa giải ở cơ sở"]
                ---

                Một đoạn giới thiệu bài học.

                ## Nội dung

                ### 1. Phần thứ nhất

                Nội dung.

                ### 2. Phần thứ hai

                Nội dung.

                ## Câu hỏi ôn tập

                ```quiz
                ? Câu hỏi thứ nhất?
                - [x] Phương án đúng
                - [ ] Phương án sai
                > Lời giải thích ngắn, dẫn Điều luật làm căn cứ.

                ? Một câu để người học chọn đúng hay sai.
                = đúng
                > Lời giải thích ngắn.
                ```
                """, read(Scaffold.create(src, "lesson", "Ôn tập", null, null, DAY).file()));
        assertEquals("""
                ---
                title: "Hỏi đáp"
                description: ""  # một câu giới thiệu trang, hiện dưới tiêu đề và trong kết quả tìm kiếm
                date: 2025-03-14
                tags: []  # chủ đề, ví dụ: [hòa giải, thủ tục]
                audience: [người dân]  # dành cho ai: người dân, hòa giải viên, cán bộ
                type: faq
                ---

                Một đoạn mở đầu: những câu hỏi dưới đây thường gặp khi nào, ai giải đáp.

                ## Câu hỏi thứ nhất?

                Trả lời ngắn gọn trước (có hay không, bao lâu, ở đâu), rồi giải thích và nêu căn cứ.

                ## Câu hỏi thứ hai?

                Trả lời.
                """, read(Scaffold.create(src, "faq", "Hỏi đáp", "", null, DAY).file()));
        String news = read(Scaffold.create(src, "tin-tuc", "Hội thi", null, null, DAY).file());
        assertTrue(news.contains("audience: [người dân, hòa giải viên, cán bộ]  #"), news);
        assertTrue(news.contains("type: news\n---\n\nĐoạn mở đầu: việc gì, ở đâu, khi nào,"), news);
        String plan = read(Scaffold.create(src, "plan", "Kế hoạch năm 2026", null, null, DAY).file());
        assertTrue(plan.contains("audience: [cán bộ]  #"), plan);
        assertTrue(plan.contains("## I. MỤC ĐÍCH, YÊU CẦU\n"), plan);
    }

    @Test
    void slugsAreReadableAndShort() {
        assertEquals("cach-yeu-cau-hoa-giai", NewPage.slug("Cách yêu cầu hòa giải"));
        assertEquals("dieu-7-tieu-chuan-hoa-giai-vien", NewPage.slug("Điều 7. Tiêu chuẩn hòa giải viên"));
        assertEquals("duong-di-chung-d", NewPage.slug("ĐƯỜNG ĐI CHUNG (đ)"));
        assertEquals("nghi-dinh-so-15-2014-nd-cp", NewPage.slug("Nghị định số 15/2014/NĐ-CP"));
        // Decomposed (NFD) text and the other tone style give the same name.
        assertEquals("hoa-giai-thuy-san", NewPage.slug(java.text.Normalizer.normalize("Hoà giải thuỷ sản",
                java.text.Normalizer.Form.NFD)));
        assertEquals("hoi-dap-thu-tuc-la-gi", NewPage.slug("Hỏi – đáp: “Thủ tục” là gì?"));
        assertEquals("hoa-giai-o-co-so", NewPage.slug("Hòa giải\u00A0ở\u200B cơ sở"));
        String longTitle = "Bài 1. Những kỹ năng cơ bản của hòa giải viên khi tiếp nhận yêu cầu hòa giải "
                + "về tranh chấp đất đai giữa các hộ gia đình";
        String s = NewPage.slug(longTitle);
        assertEquals("bai-1-nhung-ky-nang-co-ban-cua-hoa-giai-vien-khi-tiep-nhan-yeu-cau-hoa-giai-ve", s);
        assertTrue(s.length() <= NewPage.MAX_SLUG);
        assertEquals("a".repeat(80), NewPage.slug("a".repeat(100)));
        assertEquals("", NewPage.slug("!!! – ???"));
    }

    @Test
    void titlesWithColonsQuotesAndHashesReadBackAsTyped() {
        Path src = site(Map.of());
        String title = "Hỏi: \"hòa giải\" là gì? # 1 \\ [a] {b} 'c' – tổ 5";
        Scaffold.Result r = Scaffold.create(src, "faq", "  " + title + "\n", null, null, DAY);
        assertEquals(Scaffold.Status.CREATED, r.status());
        Problems problems = new Problems("content");
        Meta meta = FrontMatter.parse(read(r.file()), "x.md", problems, new FrontMatter.Migrations()).meta();
        assertEquals(List.of(), problems.all());
        assertEquals(title, meta.title());
        assertEquals(PageType.FAQ, meta.type());
        assertEquals(List.of(Audience.NGUOI_DAN), meta.audience());
        assertEquals(List.of(), meta.tags());
        assertEquals("", meta.description());
        assertEquals(DAY.atStartOfDay(), meta.date());
        // Word's invisible characters and a decomposed title are cleaned before they reach the file.
        Scaffold.Result w = Scaffold.create(src, "guide", java.text.Normalizer.normalize("Tổ\u200B hòa\u00A0giải\u00AD   mới", java.text.Normalizer.Form.NFD),
                null, null, DAY);
        assertEquals(Scaffold.Status.CREATED, w.status(), String.valueOf(w.problem()));
        assertTrue(read(w.file()).startsWith("---\ntitle: \"Tổ hòa giải mới\"\n"), read(w.file()));
        assertEquals(src.resolve("to-hoa-giai-moi.md"), w.file());
    }

    @Test
    void camnangsOwnWordsFollowTheTitlesToneStyleOrTheSites() throws IOException {
        Path src = site(Map.of());
        String lesson = read(Scaffold.create(src, "lesson", "Kỹ năng hoà giải", null, null, DAY).file());
        assertTrue(lesson.startsWith("""
                ---
                title: "Kỹ năng hoà giải"
                description: ""  # một câu giới thiệu trang, hiện dưới tiêu đề và trong kết quả tìm kiếm
                date: 2025-03-14
                tags: []  # chủ đề, ví dụ: [hoà giải, thủ tục]
                audience: [hoà giải viên]  # dành cho ai: người dân, hoà giải viên, cán bộ
                """), lesson);
        // A title in the other style, or in none, keeps hòa; "quý" and "toàn" are in neither.
        assertTrue(read(Scaffold.create(src, "lesson", "Hòa giải, khoẻ", null, null, DAY).file())
                .contains("audience: [hòa giải viên]"));
        assertTrue(read(Scaffold.create(src, "lesson", "Quý I toàn thành phố", null, null, DAY).file())
                .contains("audience: [hòa giải viên]"));

        // The site's choice wins over the title's.
        Files.writeString(src.resolve("site.yaml"), "title: Cẩm nang\ntone_marks: new\n", StandardCharsets.UTF_8);
        String law = read(Scaffold.create(src, "law", "Luật Hòa giải ở cơ sở", null, null, DAY).file());
        assertTrue(law.startsWith("---\ntitle: \"Luật Hòa giải ở cơ sở\"\n"), law);
        assertTrue(law.contains("audience: [người dân, hoà giải viên, cán bộ]  # dành cho ai: người dân, hoà giải viên, cán bộ\n"), law);
        assertTrue(law.contains("# Thông tin của văn bản. Năm khoá đầu là bắt buộc"), law);
        assertFalse(law.replace("Luật Hòa giải", "").matches("(?s).*(hòa|khóa).*"), law);
        Files.writeString(src.resolve("site.yaml"), "title: Cẩm nang\ntone_marks: old\n", StandardCharsets.UTF_8);
        assertTrue(read(Scaffold.create(src, "faq", "Hoà giải có mất phí không", null, null, DAY).file())
                .contains("tags: []  # chủ đề, ví dụ: [hòa giải, thủ tục]\n"));
        assertEquals("hoà, khoẻ, thuỷ, quý, toàn, Hoà", NewPage.toNewTones("hòa, khỏe, thủy, quý, toàn, Hòa"));
    }

    @Test
    void neverOverwrites() {
        Path src = site(Map.of(
                "nguoi-dan/cach-yeu-cau-hoa-giai.md", "---\ntitle: Cũ\n---\nNội dung cũ.\n",
                "nguoi-dan/cach-yeu-cau-hoa-giai-2.md", "---\ntitle: Cũ 2\n---\n",
                "nguoi-dan/Hoi-Dap.md", "---\ntitle: Hỏi đáp\n---\n",
                "nguoi-dan/lich.md", "---\ntitle: Lịch\nslug: Lịch tiếp dân\n---\n"));
        Map<String, byte[]> before = TestSites.tree(src);
        String dir = src.toString().replace('\\', '/') + "/nguoi-dan/";

        Scaffold.Result r = Scaffold.create(src, "guide", "Cách yêu cầu hòa giải", "nguoi-dan", null, DAY);
        assertEquals(Scaffold.Status.EXISTS, r.status());
        assertNull(r.file());
        assertEquals(dir + "cach-yeu-cau-hoa-giai.md: lỗi: đã có tệp này; camnang không ghi đè\n"
                + "    → Chọn tiêu đề khác, hoặc đặt tên tệp khác bằng --slug, ví dụ --slug cach-yeu-cau-hoa-giai-3.",
                r.problem().format());

        // A name differing only in case is the same page on Windows and on a portal's server.
        r = Scaffold.create(src, "faq", "Hỏi đáp", "nguoi-dan", null, DAY);
        assertEquals(Scaffold.Status.EXISTS, r.status());
        assertEquals(dir + "Hoi-Dap.md: lỗi: tệp này đã dùng địa chỉ nguoi-dan/hoi-dap.html của trang mới; "
                + "không ghi tệp hoi-dap.md", r.problem().format().lines().findFirst().orElseThrow());

        // So is a page whose front matter gives it the same address.
        r = Scaffold.create(src, "guide", "Lịch tiếp dân", "nguoi-dan", null, DAY);
        assertEquals(Scaffold.Status.EXISTS, r.status());
        assertEquals(dir + "lich.md: lỗi: tệp này đã dùng địa chỉ nguoi-dan/lich-tiep-dan.html của trang mới; "
                + "không ghi tệp lich-tiep-dan.md", r.problem().format().lines().findFirst().orElseThrow());

        // And the pages the build writes itself.
        r = Scaffold.create(src, "guide", "Tìm kiếm", null, null, DAY);
        assertEquals(Scaffold.Status.EXISTS, r.status());
        assertEquals(src.toString().replace('\\', '/') + "/tim-kiem.md: lỗi: địa chỉ tim-kiem.html là trang camnang tự tạo; "
                + "không ghi tệp tim-kiem.md\n    → Chọn tiêu đề khác, hoặc đặt tên tệp khác bằng --slug, ví dụ --slug tim-kiem-2.",
                r.problem().format());
        r = Scaffold.create(src, "guide", "Index", "nguoi-dan", null, DAY);
        assertEquals(Scaffold.Status.EXISTS, r.status());
        assertEquals(dir + "index.md: lỗi: tên index.md dành cho trang mục lục của thư mục; không ghi tệp này",
                r.problem().format().lines().findFirst().orElseThrow());

        Map<String, byte[]> after = TestSites.tree(src);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));

        // --slug picks another name.
        r = Scaffold.create(src, "guide", "Cách yêu cầu hòa giải", "nguoi-dan", "cach-yeu-cau-hoa-giai-3", DAY);
        assertEquals(Scaffold.Status.CREATED, r.status());
        assertEquals(src.resolve("nguoi-dan/cach-yeu-cau-hoa-giai-3.md"), r.file());
        assertTrue(read(r.file()).startsWith("---\ntitle: \"Cách yêu cầu hòa giải\"\n"));
    }

    @Test
    void refusesWhatIsNotAPageRequest() {
        Path src = site(Map.of("nguoi-dan/a.md", "---\ntitle: A\n---\n", "ghi-chu.txt", "x"));
        record Case(String type, String title, String section, String slug, String message, String hint) {
        }
        List<Case> cases = List.of(
                new Case("gude", "A", null, null, "loại trang \"gude\" không có", "Có phải ý bạn là \"guide\"? Các loại trang: "
                        + "guide (hướng dẫn), lesson (bài học), law (văn bản pháp luật), faq (hỏi đáp), news (tin tức), plan (kế hoạch)."),
                new Case("bài tập", "A", null, null, "loại trang \"bài tập\" không có", "Các loại trang: "
                        + "guide (hướng dẫn), lesson (bài học), law (văn bản pháp luật), faq (hỏi đáp), news (tin tức), plan (kế hoạch)."),
                new Case("guide", " \t\u200B ", null, null, "tiêu đề trống",
                        "Viết tiêu đề sau loại trang, trong dấu ngoặc kép, ví dụ: new guide \"Cách yêu cầu hòa giải\"."),
                new Case("guide", "??? – !!!", null, null,
                        "tiêu đề \"??? – !!!\" không cho ra tên tệp (cần ít nhất một chữ cái hoặc chữ số)",
                        "Thêm chữ vào tiêu đề, hoặc đặt tên tệp bằng --slug, ví dụ --slug hoi-dap."),
                new Case("guide", "A", null, "–", "--slug \"–\" không cho ra tên tệp",
                        "Dùng chữ cái, chữ số và dấu gạch ngang, ví dụ --slug cach-yeu-cau-hoa-giai."),
                new Case("guide", "A", "nguoi-dan/../../ngoai", null, "thư mục \"nguoi-dan/../../ngoai\" ra ngoài thư mục nội dung (có \"..\")",
                        "Viết đường dẫn của thư mục tính từ trong thư mục nội dung, ví dụ --section nguoi-dan."),
                new Case("guide", "A", tmp.resolve("ngoai").toString(), null,
                        "thư mục \"" + tmp.resolve("ngoai") + "\" phải nằm trong thư mục nội dung, không phải đường dẫn tuyệt đối",
                        "Viết đường dẫn của thư mục tính từ trong thư mục nội dung, ví dụ --section nguoi-dan."),
                new Case("guide", "A", ".an", null, "thư mục \".an\" bắt đầu bằng dấu chấm nên bị bỏ qua khi build",
                        "Viết đường dẫn của thư mục tính từ trong thư mục nội dung, ví dụ --section nguoi-dan."),
                new Case("guide", "A", "_du-lieu", null, "thư mục \"_du-lieu\" chỉ chứa tệp số liệu, không chứa trang",
                        "Viết đường dẫn của thư mục tính từ trong thư mục nội dung, ví dụ --section nguoi-dan."),
                new Case("guide", "A", "Search", null,
                        "thư mục \"Search\" trùng với thư mục do camnang tự tạo (assets, chu-de, doi-tuong, search)",
                        "Viết đường dẫn của thư mục tính từ trong thư mục nội dung, ví dụ --section nguoi-dan."),
                new Case("guide", "A", "content/nguoi-dan", null,
                        "không có thư mục \"content/nguoi-dan\" trong thư mục nội dung " + src.toString().replace('\\', '/'),
                        "Viết đường dẫn tính từ trong thư mục nội dung: --section nguoi-dan."),
                new Case("guide", "A", "ghi-chu.txt", null, "\"ghi-chu.txt\" là một tệp, không phải thư mục",
                        "Chọn một thư mục khác bằng --section."));
        Map<String, byte[]> before = TestSites.tree(tmp);
        for (Case c : cases) {
            Scaffold.Result r = Scaffold.create(src, c.type, c.title, c.section, c.slug, DAY);
            assertEquals(Scaffold.Status.INVALID, r.status(), c.toString());
            assertEquals(c.message, r.problem().message(), c.toString());
            assertEquals(c.hint, r.problem().hint(), c.toString());
        }
        assertEquals(before.keySet(), TestSites.tree(tmp).keySet());

        Scaffold.Result r = Scaffold.create(tmp.resolve("khong-co"), "guide", "A", null, null, DAY);
        assertEquals(Scaffold.Status.FAILED, r.status());
        assertEquals(tmp.resolve("khong-co").toString().replace('\\', '/') + ": lỗi: không tìm thấy thư mục nội dung\n"
                + "    → Chạy lệnh trong thư mục dự án, hoặc chỉ rõ thư mục bằng --source.", r.problem().format());
        assertFalse(Files.exists(tmp.resolve("khong-co")));
    }

    @Test
    void newPagesOfEveryTypeButLawPassTheCheck() {
        Path src = site(Map.of(
                "nguoi-dan/_index.md", "---\ntitle: Người dân\n---\n",
                "nguoi-dan/hoa-giai-la-gi.md", "---\ntitle: Hòa giải là gì\nweight: 1\ntype: guide\n---\nNội dung.\n",
                "khoa-hoc/_index.md", "---\ntitle: Khóa tự học\ncourse: true\n---\n",
                "khoa-hoc/hoc-phan-1/_index.md", "---\ntitle: Học phần 1\n---\n"));
        List<String[]> pages = List.of(new String[] {"guide", "Cách yêu cầu hòa giải", "nguoi-dan"},
                new String[] {"faq", "Hỏi đáp: chi phí \"hòa giải\"?", "nguoi-dan"},
                new String[] {"lesson", "Bài 1. Kỹ năng lắng nghe", "hoa-giai-vien"},
                // A lesson of a course must state its goals and minutes: the new page does.
                new String[] {"lesson", "Bài 2. Kỹ năng thuyết phục", "khoa-hoc/hoc-phan-1"},
                new String[] {"news", "Hội thi hòa giải viên giỏi # 2026", "tin-tuc"},
                new String[] {"plan", "Kế hoạch năm 2026", "ke-hoach/2026"});
        for (String[] p : pages) {
            assertEquals(Scaffold.Status.CREATED, Scaffold.create(src, p[0], p[1], p[2], null, DAY).status(), p[1]);
        }
        TestSites.Run r = TestSites.run("check", "--source", src.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("Kiểm tra xong 7 trang, 8 mục: 0 lỗi, 0 cảnh báo, 0 lưu ý.\n"), r.out());
    }

    @Test
    void aNewLawPageSaysWhatToFillThenBuildsItsArticles() throws IOException {
        Path src = site(Map.of("gioi-thieu.md", "---\ntitle: Giới thiệu\n---\nNội dung.\n"));
        Scaffold.Result created = Scaffold.create(src, "law", "Nghị định số 15/2014/NĐ-CP", "van-ban", null, DAY);
        TestSites.Run r = TestSites.run("check", "--source", src.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        String file = src.toString().replace('\\', '/') + "/van-ban/nghi-dinh-so-15-2014-nd-cp.md";
        assertEquals(file + ":7: lỗi: văn bản pháp luật (type: law) thiếu số hiệu (so_hieu), loại văn bản (loai_van_ban), "
                + "cơ quan ban hành (co_quan_ban_hanh), ngày ban hành (ngay_ban_hanh), tình trạng hiệu lực (tinh_trang)\n"
                + "    → Thêm vào phần đầu trang, ví dụ: so_hieu: 35/2013/QH13, loai_van_ban: Luật, co_quan_ban_hanh: Quốc hội, "
                + "ngay_ban_hanh: 20/06/2013, tinh_trang: còn hiệu lực.\n"
                + "Kiểm tra thấy lỗi: 1 lỗi, 0 cảnh báo, 0 lưu ý.\n", r.err());

        // Filled in as the comments say, the page builds, its Chương and Điều as headings with their ids.
        String text = read(created.file())
                .replace("so_hieu:  #", "so_hieu: 15/2014/NĐ-CP  #")
                .replace("loai_van_ban:  #", "loai_van_ban: Nghị định  #")
                .replace("co_quan_ban_hanh:  #", "co_quan_ban_hanh: Chính phủ  #")
                .replace("ngay_ban_hanh:  #", "ngay_ban_hanh: 27/02/2014  #")
                .replace("tinh_trang:  #", "tinh_trang: còn hiệu lực  #");
        Files.writeString(created.file(), text, StandardCharsets.UTF_8);
        Path out = tmp.resolve("site");
        r = TestSites.run("build", "--no-search", "--source", src.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("van-ban/nghi-dinh-so-15-2014-nd-cp.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h2 id=\"chuong-1\">Chương I. NHỮNG QUY ĐỊNH CHUNG</h2>"), html);
        assertTrue(html.contains("<h3 id=\"dieu-1\">Điều 1. Phạm vi điều chỉnh</h3>"), html);
        assertTrue(html.contains("<h3 id=\"dieu-2\">Điều 2. Đối tượng áp dụng</h3>"), html);
    }
}
