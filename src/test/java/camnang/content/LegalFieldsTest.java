package camnang.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import camnang.Problem;
import camnang.Problems;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Legal metadata: canonical keys, the corpus's other spellings, its tables, and the checks of type: law. */
class LegalFieldsTest {
    final Problems problems = new Problems("content");

    private Meta parse(String text) {
        return FrontMatter.parse(text, "a.md", problems, new FrontMatter.Migrations()).meta();
    }

    private List<String> messages() {
        return problems.sorted().stream().map(Problem::format).map(s -> s.lines().findFirst().orElse("")).toList();
    }

    @Test
    void canonicalKeysOfALaw() {
        LegalDoc d = parse("""
                ---
                title: Luật Hòa giải ở cơ sở
                type: law
                so_hieu: 35/2013/QH13
                loai_van_ban: Luật
                co_quan_ban_hanh: Quốc hội
                nguoi_ky: Nguyễn Sinh Hùng
                ngay_ban_hanh: 20/06/2013
                ngay_hieu_luc: 2014-01-01
                tinh_trang: Còn hiệu lực
                trich_yeu: Hòa giải ở cơ sở
                thay_the: [Pháp lệnh về tổ chức và hoạt động hòa giải ở cơ sở năm 1998]
                nguon: https://vbpl.vn
                ---
                """).legal();
        assertEquals(List.of(), messages());
        assertEquals(new LegalDoc("35/2013/QH13", "Luật", "Quốc hội", "Nguyễn Sinh Hùng", LocalDate.of(2013, 6, 20),
                LocalDate.of(2014, 1, 1), LegalDoc.Status.IN_FORCE, "Hòa giải ở cơ sở", List.of("Luật Hòa giải ở cơ sở"),
                List.of("Pháp lệnh về tổ chức và hoạt động hòa giải ở cơ sở năm 1998"), List.of(), List.of(),
                "https://vbpl.vn", 3, 0, 0), d);
    }

    @Test
    void theCorpusSpellingsMeanTheSameFields() {
        Meta m = parse("""
                ---
                title: Nghị định về thi hành tạm giam
                layout: page
                sohieu: 213/2026/NĐ-CP
                nguoi-ky: Phạm Minh Chính
                ngaybanhanh: "15/06/2026"
                hieu_luc: "01/07/2026"
                trang_thai: hoan-thien
                noi_ban_hanh: Chính phủ
                so_dieu: 25
                ---
                """);
        assertEquals(List.of(), messages());
        LegalDoc d = m.legal();
        assertEquals("213/2026/NĐ-CP", d.number());
        assertEquals("Nghị định", d.form());
        assertEquals("Chính phủ", d.issuer());
        assertEquals("Phạm Minh Chính", d.signer());
        assertEquals(LocalDate.of(2026, 6, 15), d.issued());
        assertEquals(LocalDate.of(2026, 7, 1), d.effective());
        // "hoan-thien" says the file is complete, not whether the decree is in force.
        assertNull(d.status());
        assertEquals("25", m.params().get("so_dieu"));
        assertEquals("hoan-thien", m.params().get("trang_thai"));
    }

    @Test
    void theCorpusMetadataTableIsTheSameMetadata() {
        FrontMatter.Result r = FrontMatter.parse("""
                ---
                title: Hòa giải ở cơ sở
                ---

                ## THÔNG TIN VĂN BẢN

                | Thuộc tính | Nội dung |
                |---|---|
                | **Số hiệu** | 35/2013/QH13 |
                | **Loại văn bản** | Luật |
                | **Nơi ban hành** | Quốc hội |
                | **Ngày ban hành** | 20/06/2013 |
                | **Trạng thái** | Còn hiệu lực |
                | **Nguồn** | [Cổng thông tin điện tử Chính phủ](https://vanban.chinhphu.vn/?docid=172588) |

                Nội dung.
                """, "a.md", problems, new FrontMatter.Migrations());
        assertEquals(List.of(), messages());
        LegalDoc d = r.meta().legal();
        assertEquals("35/2013/QH13|Luật|Quốc hội|2013-06-20|IN_FORCE|https://vanban.chinhphu.vn/?docid=172588",
                String.join("|", d.number(), d.form(), d.issuer(), d.issued().toString(), d.status().name(), d.source()));
        assertEquals(List.of("Luật Hòa giải ở cơ sở"), d.names());
        assertEquals(7, d.tableFrom());
        assertEquals(14, d.tableTo());
    }

    @Test
    void aLawPageMustStateWhatPortalsShow() {
        parse("""
                ---
                title: Một luật
                type: law
                so_hieu: 1/2020/QH14
                tinh_trang: đang áp dụng
                ngay_ban_hanh: 31/02/2020
                so_heiu: 2
                ---
                """);
        // A field written with a value camnang cannot read is reported once, at its own line, not as missing.
        assertEquals(List.of(
                "content/a.md:3: lỗi: văn bản pháp luật (type: law) thiếu loại văn bản (loai_van_ban), cơ quan ban hành (co_quan_ban_hanh)",
                "content/a.md:5: lỗi: tình trạng hiệu lực \"đang áp dụng\" không hợp lệ",
                "content/a.md:6: lỗi: ngày \"31/02/2020\" không hợp lệ ở khóa \"ngay_ban_hanh\"",
                "content/a.md:7: lỗi: khóa \"so_heiu\" không có trong danh sách khóa của camnang"), messages());
        assertEquals("Chỉ dùng: còn hiệu lực, hết hiệu lực một phần, hết hiệu lực, chưa có hiệu lực.",
                problems.sorted().get(1).hint());
        assertEquals("Có phải ý bạn là \"so_hieu\"? Sửa lại tên khóa.", problems.sorted().get(3).hint());
    }

    @Test
    void statusWordsAndPlaceholders() {
        assertEquals(LegalDoc.Status.PARTLY_EXPIRED, LegalDoc.Status.parse("Hết hiệu lực một phần"));
        assertEquals(LegalDoc.Status.EXPIRED, LegalDoc.Status.parse("HẾT HIỆU LỰC"));
        assertEquals(LegalDoc.Status.NOT_YET, LegalDoc.Status.parse("Sắp có hiệu lực"));
        assertEquals(LegalDoc.Status.IN_FORCE, LegalDoc.Status.parse("Đang có hiệu lực"));
        assertNull(LegalDoc.Status.parse("complete"));
        Meta m = parse("---\ntitle: A\nso_hieu: 5/2026/TT-BTC\nco_quan_ban_hanh: Đang cập nhật\n---\n");
        assertEquals("", m.legal().issuer());
        assertEquals("Thông tư", m.legal().form());
        assertEquals("Thông tư số 5/2026/TT-BTC", m.legal().label());
    }
}
