package camnang.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Problem;
import camnang.Problems;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
    final Problems problems = new Problems("content");

    private Meta parse(String text) {
        FrontMatter.Migrations m = new FrontMatter.Migrations();
        Meta meta = FrontMatter.parse(text, "a.md", problems, m).meta();
        m.report(problems);
        return meta;
    }

    private List<String> messages() {
        return problems.sorted().stream().map(Problem::format).map(s -> s.lines().findFirst().orElse("")).toList();
    }

    @Test
    void readsEveryKnownKey() {
        Meta m = parse("""
                ---
                title: Hòa giải ở cơ sở là gì?
                description: Giới thiệu ngắn.
                date: 24/06/2024
                updated: 2026-10-30T08:30:00
                weight: 2
                tags: [hòa giải, "thủ tục"]
                audience: [Người dân, hoà giải viên]
                type: faq
                so_hieu: 35/2013/QH13
                ---
                Nội dung.
                """);
        assertEquals(List.of(), messages());
        assertEquals("Hòa giải ở cơ sở là gì?", m.title());
        assertEquals(LocalDateTime.of(2024, 6, 24, 0, 0), m.date());
        assertEquals(LocalDateTime.of(2026, 10, 30, 8, 30), m.updated());
        assertEquals(2, m.weight());
        assertEquals(List.of("hòa giải", "thủ tục"), m.tags());
        assertEquals(List.of(Audience.NGUOI_DAN, Audience.HOA_GIAI_VIEN), m.audience());
        assertEquals(PageType.FAQ, m.type());
        assertEquals(Map.of(), m.params());
        assertEquals("35/2013/QH13", m.legal().number());
    }

    @Test
    void datesInEveryAcceptedForm() {
        assertEquals(LocalDateTime.of(2024, 6, 24, 0, 0), Dates.parse("2024-06-24"));
        assertEquals(LocalDateTime.of(2024, 6, 24, 10, 5), Dates.parse("2024-06-24 10:05"));
        assertEquals(LocalDateTime.of(2024, 6, 24, 10, 5), Dates.parse("2024-06-24T03:05:00Z"));
        assertEquals(LocalDateTime.of(2024, 6, 24, 0, 0), Dates.parse("24/06/2024"));
        assertEquals(LocalDateTime.of(2024, 6, 4, 0, 0), Dates.parse("4/6/2024"));
        assertNull(Dates.parse("31/13/2024"));
        assertNull(Dates.parse("30/02/2024"));
        assertNull(Dates.parse("hôm qua"));
    }

    @Test
    void titleFromFirstHeadingWhenMissing() {
        FrontMatter.Result r = FrontMatter.parse("---\ndate: 2024-01-01\n---\n\n# Tiêu đề trang\n\nNội dung.\n", "a.md",
                problems, new FrontMatter.Migrations());
        assertEquals("Tiêu đề trang", r.meta().title());
        assertEquals("\n\n\nNội dung.\n", r.body(), "the h1 is removed, lines are kept");
        assertEquals(4, r.bodyLine());
        FrontMatter.Result noFrontMatter = FrontMatter.parse("Mở đầu.\n\n## Mục một\n", "b.md", problems,
                new FrontMatter.Migrations());
        assertEquals("Mục một", noFrontMatter.meta().title());
        assertEquals(1, noFrontMatter.bodyLine());
    }

    @Test
    void keysOfOtherGeneratorsGetOneNoticeEach() {
        FrontMatter.Migrations m = new FrontMatter.Migrations();
        for (String file : List.of("b.md", "a.md")) {
            FrontMatter.parse("---\nlayout: page\ntitle: X\nlastedit: 2026-05-13\npermalink: /van-ban/x/\n---\n", file, problems, m);
        }
        m.report(problems);
        assertEquals(List.of(
                "content/a.md:2: lưu ý: bỏ qua khóa \"layout\" của trình tạo trang khác (ở 2 tệp, đây là tệp đầu tiên)",
                "content/a.md:4: lưu ý: hiểu khóa \"lastedit\" là \"updated\" (ở 2 tệp, đây là tệp đầu tiên)",
                "content/a.md:5: lưu ý: hiểu khóa \"permalink\" là \"aliases\" (ở 2 tệp, đây là tệp đầu tiên)"), messages());
    }

    @Test
    void migratedDatesAndPermalinks() {
        Meta m = parse("---\ntitle: X\nmodified: 2026-06-01\nlastedit: 2026-06-10\npermalink: /van-ban/x/\n---\n");
        assertEquals(LocalDateTime.of(2026, 6, 10, 0, 0), m.updated(), "the latest of the migrated dates");
        assertEquals(List.of("/van-ban/x/"), m.aliases());
    }

    @Test
    void corpusKeysAreNotMistakenForMisspellings() {
        for (String key : List.of("note", "code", "nam", "toc", "status", "source", "created", "summary", "kind",
                "category", "categories", "effect", "origin", "group", "groups", "so", "nav", "issuer", "signer")) {
            assertNull(Keys.misspelled(key, List.of("title", "description", "date", "updated", "weight", "tags",
                    "audience", "type", "draft", "slug", "aliases", "permalink", "layout", "lastedit", "lastmod",
                    "modified")), key);
        }
        assertEquals("title", Keys.misspelled("tittle", List.of("title", "tags")));
        assertEquals("weight", Keys.misspelled("weigth", List.of("weight")));
        assertEquals("audience", Keys.misspelled("audiance", List.of("audience")));
        assertEquals("description", Keys.misspelled("descripton", List.of("description")));
        assertEquals("tags", Keys.misspelled("tag", List.of("tags")));
    }

    @Test
    void valueWithColonIsReadAsTextWithAWarning() {
        Meta m = parse("---\ntitle: Thông tư: phân cấp\ntrich_yeu_ngan: Quy định về lĩnh vực: tổ chức\n---\n");
        assertEquals("Thông tư: phân cấp", m.title());
        assertEquals("Quy định về lĩnh vực: tổ chức", m.params().get("trich_yeu_ngan"));
        assertEquals(List.of(
                "content/a.md:2: cảnh báo: giá trị không đúng cú pháp YAML (có dấu hai chấm hoặc ngoặc kép bên trong); camnang đọc cả dòng là chữ",
                "content/a.md:3: cảnh báo: giá trị không đúng cú pháp YAML (có dấu hai chấm hoặc ngoặc kép bên trong); camnang đọc cả dòng là chữ"),
                messages());
    }

    @Test
    void quotesInsideAQuotedValue() {
        Meta m = parse("---\ntitle: \"Chương III OCR sai thành \"ChươngH\", đã sửa\"\ndate: 2026-06-15\n---\n");
        assertEquals("Chương III OCR sai thành \"ChươngH\", đã sửa", m.title());
        assertEquals(LocalDateTime.of(2026, 6, 15, 0, 0), m.date());
    }

    @Test
    void unclosedFrontMatter() {
        parse("---\ntitle: X\n\nNội dung mà quên dòng đóng.\n");
        assertEquals(List.of("content/a.md:1: lỗi: phần đầu trang mở bằng \"---\" nhưng không có dòng \"---\" đóng lại"),
                messages());
    }

    @Test
    void tabIndentationIsExplained() {
        parse("---\ntitle: X\ntags:\n\t- a\n---\n");
        assertTrue(messages().get(0).startsWith("content/a.md:4: lỗi: YAML không hợp lệ: thụt lề bằng phím Tab"),
                messages().toString());
    }

    @Test
    void everyYamlMistakeIsExplainedInVietnamese() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("title: X\ndescription: dán từ Word\u0001\n", "3: lỗi: YAML không hợp lệ: có ký tự điều khiển không in được (U+0001)");
        cases.put("title: X\ntags: [a, b\n", "4: lỗi: YAML không hợp lệ: danh sách trong ngoặc vuông [ ] thiếu dấu phẩy hoặc dấu ] đóng");
        cases.put("title: X\ntags: [a [b]]\n", "3: lỗi: YAML không hợp lệ: danh sách trong ngoặc vuông [ ] thiếu dấu phẩy hoặc dấu ] đóng");
        cases.put("title: {a, b]\n", "2: lỗi: YAML không hợp lệ: nhóm trong ngoặc nhọn { } thiếu dấu phẩy hoặc dấu } đóng");
        cases.put("title: \"C:\\qb\"\n", "2: lỗi: YAML không hợp lệ: dấu \\ trong ngoặc kép đứng trước ký tự không hợp lệ "
                + "(hãy viết \\\\ hoặc dùng ngoặc đơn ')");
        cases.put("title: *quan trọng*\n", "2: lỗi: YAML không hợp lệ: giá trị bắt đầu bằng * hoặc & (hãy đặt giá trị trong ngoặc kép)");
        cases.put("title: & \n", "2: lỗi: YAML không hợp lệ: giá trị bắt đầu bằng * hoặc & (hãy đặt giá trị trong ngoặc kép)");
        cases.put("description: | Mở đầu\n", "2: lỗi: YAML không hợp lệ: sau dấu | hoặc > không được viết gì trên cùng dòng "
                + "(viết nội dung ở các dòng dưới, thụt lề)");
        cases.put("tags: - a\n", "2: lỗi: YAML không hợp lệ: dấu gạch đầu dòng ở chỗ không được phép "
                + "(mỗi mục danh sách viết trên một dòng riêng)");
        cases.put("%YAML 1.1\ntitle: X\n", "3: lỗi: YAML không hợp lệ: có dòng \"---\" thừa hoặc dòng bắt đầu bằng %");
        cases.put("title: !e!x a\n", "2: lỗi: YAML không hợp lệ: giá trị bắt đầu bằng dấu ! (hãy đặt giá trị trong ngoặc kép)");
        cases.forEach((yaml, expected) -> {
            Problems p = new Problems("content");
            FrontMatter.parse("---\n" + yaml + "---\nNội dung.\n", "a.md", p, new FrontMatter.Migrations());
            assertEquals(List.of("content/a.md:" + expected),
                    p.sorted().stream().map(Problem::format).map(f -> f.lines().findFirst().orElse("")).toList(), yaml);
        });
    }

    @Test
    void typeAliasesFromImportedLegalFiles() {
        for (String t : List.of("Thông tư", "nghi-dinh", "van-ban-phap-luat", "law", "Luật")) {
            assertEquals(PageType.LAW, PageType.parse(t), t);
        }
        assertEquals(PageType.NEWS, PageType.parse("tin tức"));
        assertNull(PageType.parse("guid"));
    }

    @Test
    void duplicateKeyKeepsTheLastValue() {
        Meta m = parse("---\ntitle: Một\ntitle: Hai\n---\n");
        assertEquals("Hai", m.title());
        assertEquals(List.of("content/a.md:3: cảnh báo: khóa \"title\" được viết hai lần; dùng giá trị ở dòng này"), messages());
    }
}
