package camnang.wordimport;

import static camnang.wordimport.TestDocx.bold;
import static camnang.wordimport.TestDocx.footnoteRef;
import static camnang.wordimport.TestDocx.italic;
import static camnang.wordimport.TestDocx.link;
import static camnang.wordimport.TestDocx.listPara;
import static camnang.wordimport.TestDocx.para;
import static camnang.wordimport.TestDocx.picture;
import static camnang.wordimport.TestDocx.run;
import static camnang.wordimport.TestDocx.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Problem;
import camnang.TestSites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordImportTest {
    @TempDir
    Path tmp;

    static final String STYLES = """
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="u2"><w:name w:val="Tiêu đề 2"/><w:basedOn w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="Mục con"/><w:basedOn w:val="u2"/></w:style>
            """;

    static final String NUMBERING = """
            <w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
            </w:abstractNum>
            <w:abstractNum w:abstractNumId="1">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            """;

    /** A guide with a title, headings by style (English and Vietnamese names), lists, a table, a footnote, an image and a link. */
    static TestDocx guide() {
        return new TestDocx()
                .styles(STYLES)
                .numbering(NUMBERING)
                .rel("rIdLink", "hyperlink", "https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=32368", true)
                .rel("rIdImg", "image", "media/image1.png", false)
                .media("image1.png", TestDocx.PNG)
                .footnotes("""
                        <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>
                          <w:r><w:t xml:space="preserve"> Nghị định số 15/2014/NĐ-CP ngày 27/02/2014.</w:t></w:r></w:p></w:footnote>
                        """)
                .p("Title", "Hướng dẫn hòa giải tranh chấp đất đai")
                .p("Heading1", "Giới thiệu")
                .xml(para(null, run("Văn bản này tóm tắt ") + bold("Luật Hòa giải ở cơ sở") + run(" và ")
                        + italic("hướng dẫn thi hành") + footnoteRef(1) + run("; xem toàn văn tại")
                        + link("rIdLink", " Cơ sở dữ liệu văn bản pháp luật") + run(".")))
                .p("u2", "Các bước")
                .xml(listPara(1, 0, run("Tiếp nhận yêu cầu hòa giải")))
                .xml(listPara(1, 1, run("Ghi vào sổ theo dõi")))
                .xml(listPara(1, 0, run("Tìm hiểu ") + bold("nguyên nhân") + run(" tranh chấp")))
                .xml(table(new String[] {"Bước", "Thời hạn"}, new String[] {"Tiếp nhận", "1 ngày"},
                        new String[] {"Hòa giải | trao đổi", "5 ngày"}))
                .xml(para(null, picture("rIdImg", "Sơ đồ các bước hòa giải")))
                .p("MucCon", "Giấy tờ cần có")
                .xml(listPara(2, 0, run("Đơn yêu cầu (nếu có)")))
                .xml(listPara(2, 0, run("Bản sao ") + italic("giấy chứng nhận") + run(" quyền sử dụng đất")))
                .p("Mức phạt * 2 [tham khảo] <ghi chú> _x_ & #1")
                .p("2024. Năm bản lề của Đề án");
    }

    static final String GUIDE_MD = """
            ---
            title: Hướng dẫn hòa giải tranh chấp đất đai
            ---

            ## Giới thiệu

            Văn bản này tóm tắt **Luật Hòa giải ở cơ sở** và *hướng dẫn thi hành*[^1]; xem toàn văn tại [Cơ sở dữ liệu văn bản pháp luật](https://vbpl.vn/tw/Pages/vbpq-toanvan.aspx?ItemID=32368).

            ### Các bước

            1. Tiếp nhận yêu cầu hòa giải
               - Ghi vào sổ theo dõi
            2. Tìm hiểu **nguyên nhân** tranh chấp

            | Bước | Thời hạn |
            | --- | --- |
            | Tiếp nhận | 1 ngày |
            | Hòa giải \\| trao đổi | 5 ngày |

            ![Sơ đồ các bước hòa giải](huong-dan-dat-dai-1.png)

            ### Giấy tờ cần có

            - Đơn yêu cầu (nếu có)
            - Bản sao *giấy chứng nhận* quyền sử dụng đất

            Mức phạt \\* 2 \\[tham khảo\\] \\<ghi chú> \\_x\\_ & #1

            2024\\. Năm bản lề của Đề án

            [^1]: Nghị định số 15/2014/NĐ-CP ngày 27/02/2014.
            """;

    @Test
    void aGuideBecomesMarkdownWithItsImageBesideIt() throws IOException {
        Path docx = guide().write(tmp.resolve("Hướng dẫn đất đai.docx"));
        Path content = Files.createDirectories(tmp.resolve("content"));
        WordImport.Result r = WordImport.convert(docx, content, "huong-dan");
        assertEquals(List.of(), r.problems());
        assertEquals(content.resolve("huong-dan/huong-dan-dat-dai.md"), r.page());
        assertEquals(GUIDE_MD, Files.readString(r.page()));
        assertEquals(List.of(content.resolve("huong-dan/huong-dan-dat-dai-1.png")), r.images());
        assertArrayEquals(TestDocx.PNG, Files.readAllBytes(r.images().get(0)));

        // The page builds: no errors, the image is published with its description, links hold.
        Path out = tmp.resolve("site");
        TestSites.Run build = TestSites.run("build", "--source", content.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, build.exit(), build.err());
        assertFalse(build.err().contains(": lỗi: "), build.err());
        assertTrue(Files.isRegularFile(out.resolve("huong-dan/huong-dan-dat-dai-1.png")));
        String html = Files.readString(out.resolve("huong-dan/huong-dan-dat-dai.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<img src=\"huong-dan-dat-dai-1.png\" alt=\"Sơ đồ các bước hòa giải\""), html);
        assertTrue(html.contains("<td>Hòa giải | trao đổi</td>"), html);
        assertEquals(List.of(), TestSites.brokenLinks(out));
    }

    // ---- the plan

    /** The seed plan (../shared/seed), from its form line to part IV 2 b), one paragraph a line. */
    static final String PLAN = """
            KẾ HOẠCH
            Triển khai, thực hiện Đề án “Nâng cao năng lực đội ngũ hòa giải viên ở cơ sở giai đoạn 2024-2030” trên địa bàn thành phố Sa Đéc
            Thực hiện Kế hoạch số 216/KH-UBND ngày 24 tháng 06 năm 2024 của Ủy ban nhân dân Tỉnh về việc triển khai, thực hiện Đề án “Nâng cao năng lực đội ngũ hòa giải viên ở cơ sở giai đoạn 2024 - 2030” trên địa bàn tỉnh Đồng Tháp (gọi tắt là Đề án); Ủy ban nhân dân Thành phố ban hành Kế hoạch triển khai thực hiện Đề án như sau:
            I. MỤC ĐÍCH, YÊU CẦU
            1. Mục đích
            - Quán triệt chủ trương, chính sách của Đảng, Nhà nước về hòa giải ở cơ sở; triển khai, thực hiện kịp thời, đầy đủ, thống nhất, hiệu quả, bảo đảm các mục tiêu tại Quyết định số 315/QĐ-TTg ngày 17 tháng 4 năm 2024 của Thủ tướng Chính phủ phê duyệt Đề án “Nâng cao năng lực đội ngũ hòa giải viên ở cơ sở giai đoạn 2024 – 2030”.
            - Tiếp tục thực hiện có hiệu quả Luật Hòa giải ở cơ sở và các văn bản hướng dẫn thi hành; gắn với mục tiêu, yêu cầu của Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng và Nghị quyết số 27-NQ/TW, ngày 09 tháng 11 năm 2022 của Ban Chấp hành Trung ương Đảng về tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới.
            - Tăng cường nâng cao năng lực, xây dựng đội ngũ hòa giải viên ở cơ sở có trình độ, kỹ năng hòa giải đáp ứng yêu cầu của công tác hòa giải ở cơ sở trong giai đoạn mới và gắn với thực hiện các nhiệm vụ chính trị, pháp lý của địa phương.
            2. Yêu cầu
            - Bám sát nội dung, nhiệm vụ được giao tại Kế hoạch số 216/KH-UBND ngày 24 tháng 06 năm 2024 của Ủy ban nhân dân tỉnh Đồng Tháp để triển khai thực hiện có hiệu quả trên địa bàn Thành phố.
            - Các nội dung thực hiện của Đề án phải đúng mục tiêu, yêu cầu thực tiễn, xác định rõ nội dung công việc, tiến độ thực hiện, trách nhiệm thực hiện và thời gian hoàn thành, bảo đảm tính khả thi, có trọng tâm, trọng điểm; trách nhiệm, sự phối hợp của các cơ quan, tổ chức có liên quan trong việc tổ chức triển khai thực hiện Đề án.
            - Phát huy vai trò nòng cốt của Mặt trận tổ quốc Việt Nam; tăng cường sự phối hợp chặt chẽ giữa các cơ quan nhà nước với Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên của Mặt trận; huy động các nguồn lực xã hội tham gia, hỗ
            trợ công tác hòa giải ở cơ sở.
            II. MỤC TIÊU THỰC HIỆN
            1. Tổ chức cho 100% Tập huấn viên của Thành phố được tham dự đầy đủ các lớp tập huấn, bồi dưỡng, cung cấp tài liệu để hướng dẫn, bồi dưỡng, nâng cao kỹ năng cho hòa giải viên ở cơ sở.
            2. Hàng năm 100% Tổ hòa giải ở cơ sở được củng cố, kiện toàn đủ số lượng, thành phần cơ cấu theo quy định của Luật Hòa giải ở cơ sở năm 2013 và các văn bản hướng dẫn thi hành.
            3. Ít nhất 10% tổ hòa giải ở cơ sở được Luật sư, Luật gia, Hội thẩm nhân dân, lực lượng Công an nhân dân, cán bộ, công chức, viên chức công tác trong lĩnh vực pháp luật, người đã từng là Thẩm phán, Hội thẩm nhân dân hỗ trợ về chuyên môn pháp luật.
            4. Hàng năm có từ 80% - 100% Hòa giải viên ở cơ sở được tập huấn, bồi dưỡng kiến thức, kỹ năng hòa giải ở cơ sở theo Chương trình khung và Bộ tài liệu bồi dưỡng kỹ năng hòa giải ở cơ sở do Bộ Tư pháp ban hành.
            5. Hàng năm có 100% Hòa giải viên ở cơ sở được tiếp cận và sử dụng Bộ tài liệu bồi dưỡng kiến thức, kỹ năng hòa giải ở cơ sở bằng các hình thức phù hợp để tự nâng cao năng lực, kỹ năng hòa giải.
            6. Phân đầu đến hết năm 2030, tỷ lệ hòa giải thành trên toàn Thành phố đạt từ 85% trở lên. Đối với các xã đạt chuẩn nông thôn mới nâng cao, nông thôn mới kiểu mẫu tỷ lệ hoà giải thành phải đạt trên 90%.
            7. Phân đầu đến hết năm 2030, phải duy trì 100% xã, phường đã có mô hình Câu lạc bộ hoà giải ở cơ sở hoạt động hiệu quả và đến năm 2030 có ít nhất 01 xã hoặc 01 phường đạt yêu cầu của mô hình “cấp xã điển hình về hòa giải ở cơ sở”.
            8. Hàng năm phân phối, cung cấp các tài liệu tập huấn, bồi dưỡng cho Tập huấn viên, Hòa giải viên ở cơ sở; phân đầu các tài liệu phổ biến các quy định pháp luật về hòa giải ở cơ sở được biên soạn, in ấn (*hoặc được phân phối của cấp trên*), đăng tải trên Trang Thông tin điện tử Thành phố và xã, phường nhằm đáp ứng yêu cầu cập nhật thông tin của Tập huấn viên, Hoà giải viên và tìm hiểu pháp luật của người dân và doanh nghiệp.
            III. PHẠM VI, THỜI GIAN THỰC HIỆN ĐỀ ÁN
            1. Phạm vi thực hiện: Đề án được triển khai thực hiện trên toàn thành phố Sa Đéc và trọng tâm tại các xã, phường.
            2. Thời gian thực hiện: Từ năm 2024 đến năm 2030.
            a) Giai đoạn 1 (từ năm 2024 đến năm 2026)
            - Thực hiện chỉ đạo duy trì và nâng cao hiệu quả hoạt động của mô hình Câu lạc bộ hoà giải ở cơ sở tại 09 xã, phường;
            - Phối hợp Sở Tư pháp tập huấn, bồi dưỡng kỹ năng cho đội ngũ Tập huấn viên, Hòa giải viên ở cơ sở, công chức tham mưu công tác quản lý Nhà nước về hoà giải ở cơ sở; phân công tham dự các Hội thảo chuyên đề về công tác hoà giải do cấp trên tổ chức; tổ chức Hội thi Hoà giải viên giỏi; sơ kết thực hiện Đề án.
            b) Giai đoạn 2 (từ năm 2027 đến năm 2030)
            - Phối hợp Sở Tư pháp tập huấn, bồi dưỡng kỹ năng cho đội ngũ Hòa giải viên ở cơ sở;
            - Tổ chức gặp gỡ, chia sẻ kinh nghiệm, tháo gỡ vướng mắc, vấn đề mới phát sinh trong công tác hòa giải ở cơ sở thông qua các buổi sinh hoạt Câu lạc bộ Hoà giải hoặc hỗ trợ các buổi hoà giải tại các Tổ hoà giải (nếu có);
            - Chỉ đạo duy trì và nhân rộng mô hình “cấp xã điển hình về hòa giải ở cơ sở” trên địa bàn Thành phố (theo chỉ đạo của UBND Tỉnh và hướng dẫn của Sở Tư pháp); kiểm tra, tổng kết thực hiện Đề án.
            IV. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
            1. Tổ chức quán triệt, triển khai Đề án và các văn bản tổ chức thực hiện trên địa bàn Thành phố
            Tổ chức quán triệt, triển khai Đề án và các văn bản tổ chức thực hiện đến cán bộ, công chức, viên chức, người lao động và Nhân dân trên địa bàn; nhất là đội ngũ tham mưu thực hiện quản lý Nhà nước về hòa giải ở cơ sở và hòa giải viên ở cơ sở trên địa bàn Thành phố bằng hình thức phù hợp.
            - Cơ quan chủ trì: Phòng Tư pháp, UBND xã, phường; Trung tâm Văn hóa – Thể thao và Truyền thanh Thành phố.
            - Cơ quan phối hợp: Mời Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố và các cơ quan, tổ chức có liên quan.
            - Thời gian thực hiện: Năm 2024 và những năm tiếp theo.
            2. Thực hiện chỉ đạo điểm
            a) Chọn 01 xã, phường làm điểm chỉ đạo thực hiện Đề án (theo hướng dẫn của Sở Tư pháp).
            - Cơ quan chủ trì: Phòng Tư pháp; UBND xã, phường được chọn làm điểm chỉ đạo thực hiện Đề án.
            - Cơ quan phối hợp: Mời các cơ quan, đơn vị Thành phố gồm: Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội, Tòa án nhân dân, Công an, Ban Chỉ huy Quân sự, Hội Luật gia và Văn phòng Luật sư.
            - Thời gian thực hiện: Năm 2025.
            b) Hoạt động chỉ đạo điểm tập trung vào các nội dung sau:
            """;

    static final String PLAN_NUMBERING = """
            <w:abstractNum w:abstractNumId="7">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
              <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
            """;

    /** The usual header of an administrative document: issuer and motto, number and date, in a borderless table. */
    static final String PLAN_HEADER = "<w:tbl><w:tblPr/><w:tr><w:tc>" + para(null, bold("ỦY BAN NHÂN DÂN"))
            + para(null, bold("THÀNH PHỐ SA ĐÉC")) + para(null, run("-------")) + "</w:tc><w:tc>"
            + para(null, bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")) + para(null, bold("Độc lập - Tự do - Hạnh phúc"))
            + para(null, run("---------------")) + "</w:tc></w:tr><w:tr><w:tc>" + para(null, run("Số: 123/KH-UBND"))
            + "</w:tc><w:tc>" + para(null, italic("Sa Đéc, ngày 12 tháng 3 năm 2024")) + "</w:tc></w:tr></w:tbl>";

    private static final java.util.regex.Pattern TYPED = java.util.regex.Pattern.compile("([IVX]+\\.|\\d+\\.|[a-z]\\)) (.*)");

    /**
     * A Word document of the plan's lines: the numbers I., 1., a) typed in the text, or given by
     * Word's automatic numbering (upper Roman, decimal, lower letter on three levels).
     */
    static TestDocx plan(String header, String text, boolean automatic) {
        TestDocx d = new TestDocx().numbering(PLAN_NUMBERING).xml(header);
        for (String line : text.strip().split("\n")) {
            String t = line.strip();
            String runs = runs(t);
            java.util.regex.Matcher m = TYPED.matcher(t);
            if (t.equals("KẾ HOẠCH") || t.startsWith("Triển khai, thực hiện Đề án")) {
                d.xml(para(null, bold(t)));
            } else if (automatic && m.matches()) {
                int level = m.group(1).endsWith(")") ? 2 : Character.isDigit(m.group(1).charAt(0)) ? 1 : 0;
                d.xml(listPara(3, level, runs(m.group(2))));
            } else {
                d.xml(para(null, runs));
            }
        }
        return d;
    }

    /** Runs of a line where *…* is italic, as the seed writes Word's italics. */
    static String runs(String line) {
        StringBuilder sb = new StringBuilder();
        String[] parts = line.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                sb.append(i % 2 == 1 ? italic(parts[i]) : run(parts[i]));
            }
        }
        return sb.toString();
    }

    static List<String> headings(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("#")).toList();
    }

    static final String PLAN_FRONT = """
            ---
            title: Kế hoạch triển khai, thực hiện Đề án “Nâng cao năng lực đội ngũ hòa giải viên ở cơ sở giai đoạn 2024-2030” trên địa bàn thành phố Sa Đéc
            date: 2024-03-12
            type: plan
            so_hieu: 123/KH-UBND
            loai_van_ban: Kế hoạch
            co_quan_ban_hanh: Ủy ban nhân dân thành phố Sa Đéc
            ngay_ban_hanh: 2024-03-12
            ---

            Thực hiện Kế hoạch số 216/KH-UBND ngày 24 tháng 06 năm 2024 của Ủy ban nhân dân Tỉnh""";

    static final List<String> PLAN_HEADINGS = List.of(
            "## I. MỤC ĐÍCH, YÊU CẦU",
            "### 1. Mục đích",
            "### 2. Yêu cầu",
            "## II. MỤC TIÊU THỰC HIỆN",
            "## III. PHẠM VI, THỜI GIAN THỰC HIỆN ĐỀ ÁN",
            "### 1. Phạm vi thực hiện: Đề án được triển khai thực hiện trên toàn thành phố Sa Đéc và trọng tâm tại các xã, phường.",
            "### 2. Thời gian thực hiện: Từ năm 2024 đến năm 2030.",
            "#### a) Giai đoạn 1 (từ năm 2024 đến năm 2026)",
            "#### b) Giai đoạn 2 (từ năm 2027 đến năm 2030)",
            "## IV. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
            "### 1. Tổ chức quán triệt, triển khai Đề án và các văn bản tổ chức thực hiện trên địa bàn Thành phố",
            "### 2. Thực hiện chỉ đạo điểm",
            "#### a) Chọn 01 xã, phường làm điểm chỉ đạo thực hiện Đề án (theo hướng dẫn của Sở Tư pháp).",
            "#### b) Hoạt động chỉ đạo điểm tập trung vào các nội dung sau:");

    @Test
    void thePlansPartsAreHeadingsAtTheirLevelsWhetherNumbersAreTypedOrAutomatic() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        WordImport.Result typed = WordImport.convert(plan(PLAN_HEADER, PLAN, false).write(tmp.resolve("go/ke-hoach.docx")),
                content, "ke-hoach");
        WordImport.Result auto = WordImport.convert(plan(PLAN_HEADER, PLAN, true).write(tmp.resolve("tu-dong/ke-hoach-2.docx")),
                content, "ke-hoach");
        assertEquals(List.of(), typed.problems());
        assertEquals(List.of(), auto.problems());
        String md = Files.readString(typed.page());
        assertEquals(md, Files.readString(auto.page()));

        assertTrue(md.startsWith(PLAN_FRONT), md);
        assertEquals(PLAN_HEADINGS, headings(md));
        // Part II's eight targets have no text under them: an ordered list, not eight headings.
        assertTrue(md.contains("""

                ## II. MỤC TIÊU THỰC HIỆN

                1. Tổ chức cho 100% Tập huấn viên của Thành phố được tham dự đầy đủ""".stripTrailing()), md);
        assertTrue(md.contains("\n2. Hàng năm 100% Tổ hòa giải ở cơ sở được củng cố"), md);
        assertTrue(md.contains("\n8. Hàng năm phân phối, cung cấp các tài liệu tập huấn, bồi dưỡng cho Tập huấn viên, Hòa giải viên "
                + "ở cơ sở; phân đầu các tài liệu phổ biến các quy định pháp luật về hòa giải ở cơ sở được biên soạn, in ấn "
                + "(*hoặc được phân phối của cấp trên*), đăng tải"), md);
        assertTrue(md.contains("\n\n### 1. Mục đích\n\n- Quán triệt chủ trương, chính sách của Đảng"), md);
        assertTrue(md.contains("\n- Thời gian thực hiện: Năm 2025.\n\n#### b) Hoạt động"), md);

        // It builds, as a plan with its number in the documents' index.
        Path out = tmp.resolve("site");
        TestSites.Run build = TestSites.run("build", "--source", content.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, build.exit(), build.err());
        assertFalse(build.err().contains(": lỗi: "), build.err());
        String html = Files.readString(out.resolve("ke-hoach/ke-hoach.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("123/KH-UBND"), html);
        assertTrue(html.contains("<h4 id=\"a-giai-doan-1-tu-nam-2024-den-nam-2026\">"), html);
    }

    @Test
    void theWholeSeedPlan() throws IOException {
        Path seed = Path.of("").toAbsolutePath().resolve("../shared/seed/ke-hoach-hoa-giai-vien-sa-dec-2024.txt").normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(seed), "skipped: " + seed + " is absent");
        String text = Files.readString(seed).lines().filter(l -> !l.isBlank()).collect(java.util.stream.Collectors.joining("\n"));
        Path content = Files.createDirectories(tmp.resolve("content"));
        WordImport.Result r = WordImport.convert(plan("", text, false).write(tmp.resolve("ke-hoach-hoa-giai-vien-sa-dec-2024.docx")),
                content, "ke-hoach");
        Path docx = tmp.resolve("ke-hoach-hoa-giai-vien-sa-dec-2024.docx");
        assertEquals(List.of(
                docx + ": lưu ý: đoạn 1 (phần đầu tài liệu): văn bản chưa có số (“Số: /KH-UBND”): chưa ghi so_hieu, "
                        + "dòng này được giữ trong trang\n    → Khi văn bản có số, ghi so_hieu vào phần đầu trang và xóa dòng này.",
                docx + ": lưu ý: đoạn 2 (phần đầu tài liệu): ngày ban hành chưa đủ (“Sa Đéc, ngày tháng năm 2024”): chưa ghi "
                        + "date, dòng này được giữ trong trang\n    → Khi văn bản có ngày, ghi date và ngay_ban_hanh "
                        + "(ví dụ 2024-03-12) vào phần đầu trang và xóa dòng này."),
                r.problems().stream().map(Problem::format).toList());
        String md = Files.readString(r.page());
        assertTrue(md.startsWith("""
                ---
                title: Kế hoạch triển khai, thực hiện Đề án “Nâng cao năng lực đội ngũ hòa giải viên ở cơ sở giai đoạn 2024-2030” trên địa bàn thành phố Sa Đéc
                type: plan
                ---

                Số: /KH-UBND

                Sa Đéc, ngày tháng năm 2024

                Thực hiện Kế hoạch số 216/KH-UBND"""), md);
        List<String> h = headings(md);
        // Every Roman part is ##, every numbered task ###, every lettered item ####, and nothing else is a heading.
        List<String> romans = text.lines().filter(l -> l.matches("[IVX]+\\. .*")).map(l -> "## " + l).toList();
        assertEquals(List.of("## I. MỤC ĐÍCH, YÊU CẦU", "## II. MỤC TIÊU THỰC HIỆN", "## III. PHẠM VI, THỜI GIAN THỰC HIỆN ĐỀ ÁN",
                "## IV. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "## V. KINH PHÍ THỰC HIỆN", "## VI. TỔ CHỨC THỰC HIỆN"), romans);
        assertEquals(romans, h.stream().filter(l -> l.startsWith("## ")).toList());
        assertTrue(h.stream().allMatch(l -> l.matches("## [IVX]+\\. .*|### \\d+\\. .*|#### [a-z]\\) .*")), String.join("\n", h));
        assertEquals(List.of("### 1. Phòng Tư pháp Thành phố", "### 2. Phòng Tài chính – Kế hoạch Thành phố",
                "### 3. Trung tâm Văn hóa – Thể thao và Truyền thanh Thành phố", "### 4. Công an Thành phố",
                "### 5. Ban Chỉ huy Quân sự Thành phố", "### 6. Ủy ban nhân dân các xã, phường",
                "### 7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội Thành phố",
                "### 8. Đề nghị Tòa án nhân dân Thành phố và Hội Luật gia Thành phố", "### 9. Chế độ thông tin báo cáo"),
                h.subList(h.indexOf("## VI. TỔ CHỨC THỰC HIỆN") + 1, h.size()));
        assertEquals(10, h.stream().filter(l -> l.startsWith("### ")).filter(l -> h.indexOf(l) > h.indexOf("## IV. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
                && h.indexOf(l) < h.indexOf("## V. KINH PHÍ THỰC HIỆN")).count());
        // IV 5's a) b) c) have nothing under them: plain paragraphs; so are V's two items (an ordered list).
        assertTrue(md.contains("\n\na) Cơ quan chủ trì: UBND xã, phường.\n\nb) Cơ quan phối hợp:"), md);
        assertTrue(md.contains("## V. KINH PHÍ THỰC HIỆN\n\n1. Kinh phí thực hiện"), md);
        assertTrue(md.contains("\n- Thời gian thực hiện:\n  - Công tác kiểm tra: Hàng năm.\n  - Công tác sơ kết: Năm 2026.\n"), md);

        Path out = tmp.resolve("site");
        TestSites.Run build = TestSites.run("build", "--source", content.toString(), "--out", out.toString(), "--no-search");
        assertEquals(0, build.exit(), build.err());
        assertFalse(build.err().contains(": lỗi: "), build.err());
    }


    // ---- what cannot be converted

    @Test
    void whatCannotBeConvertedIsListedWithWhereItWas() throws IOException {
        String chart = "<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"2\" name=\"Chart 1\"/><a:graphic>"
                + "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart r:id=\"rIdChart\"/>"
                + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
        String ole = "<w:p><w:r><w:object><v:shape id=\"_x0000_i1025\"><v:imagedata r:id=\"rIdEmf\" o:title=\"\"/></v:shape>"
                + "<o:OLEObject Type=\"Embed\" ProgID=\"Excel.Sheet.12\" r:id=\"rIdOle\"/></w:object></w:r></w:p>";
        String box = "<w:txbxContent><w:p><w:r><w:t>Lưu ý trong khung</w:t></w:r></w:p></w:txbxContent>";
        String textBox = "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
                + "<wp:docPr id=\"3\" name=\"Text Box 3\"/><a:graphic>"
                + "<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:txbx>"
                + box + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><v:shape><v:textbox>" + box + "</v:textbox></v:shape></w:pict></mc:Fallback>"
                + "</mc:AlternateContent></w:r>" + run("Đoạn có khung chữ.") + "</w:p>";
        String equation = "<w:p>" + run("Tỷ lệ: ") + "<m:oMath><m:r><m:t>a/b</m:t></m:r></m:oMath></w:p>";
        String merged = "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + para(null, run("Kết quả theo năm"))
                + "</w:tc></w:tr><w:tr><w:tc>" + para(null, run("2023")) + "</w:tc><w:tc>" + para(null, run("2024"))
                + "</w:tc></w:tr><w:tr><w:tc>" + para(null, run("12")) + "</w:tc><w:tc>" + para(null, run("15"))
                + "</w:tc></w:tr></w:tbl>";
        String inside = "<w:p>" + run("Xem ") + "<w:hyperlink w:anchor=\"muc-2\">" + run("mục 2") + "</w:hyperlink>"
                + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>(ghi chú ẩn)</w:t></w:r>" + run(".") + "</w:p>";
        Path docx = new TestDocx()
                .styles(STYLES)
                .title("Báo cáo thử nghiệm")
                .rel("rIdChart", "chart", "charts/chart1.xml", false)
                .rel("rIdEmf", "image", "media/image2.emf", false)
                .rel("rIdOle", "oleObject", "embeddings/Sheet1.xlsx", false)
                .rel("rIdImg", "image", "media/image1.png", false)
                .media("image1.png", TestDocx.PNG)
                .media("image2.emf", new byte[] {1, 0, 0, 0})
                .part("word/comments.xml", "<w:comments " + TestDocx.NS + "><w:comment w:id=\"0\"><w:p>" + run("Sửa lại số liệu")
                        + "</w:p></w:comment><w:comment w:id=\"1\"><w:p>" + run("Thêm nguồn") + "</w:p></w:comment></w:comments>")
                .part("word/footer1.xml", "<w:ftr " + TestDocx.NS + "><w:p>" + run("Phòng Tư pháp – Trang ")
                        + "<w:fldSimple w:instr=\" PAGE \">" + run("1") + "</w:fldSimple></w:p></w:ftr>")
                .p("Heading1", "Mở đầu")
                .xml(chart).xml(ole).xml(textBox).xml(equation)
                .xml(para(null, picture("rIdImg", null)))
                .xml(para(null, picture("rIdEmf", "Logo")))
                .xml(merged)
                .p("Heading1", "Kết quả")
                .xml(inside)
                .write(tmp.resolve("bao-cao.docx"));
        Path content = Files.createDirectories(tmp.resolve("content"));
        WordImport.Result r = WordImport.convert(docx, content, "");
        assertEquals(List.of(
                "lưu ý: 2 ghi chú (comment) của người xem lại không được chuyển",
                "lưu ý: đầu trang, chân trang của Word không được chuyển: “Phòng Tư pháp – Trang 1”",
                "lưu ý: đoạn 2, mục “Mở đầu”: biểu đồ (chart) không chuyển được",
                "lưu ý: đoạn 3, mục “Mở đầu”: đối tượng nhúng (OLE: bảng tính Excel, trang PowerPoint…) không chuyển được",
                "lưu ý: đoạn 4, mục “Mở đầu”: khung chữ (text box) được chuyển thành đoạn văn thường, đặt sau đoạn chứa nó",
                "lưu ý: đoạn 6, mục “Mở đầu”: công thức toán (equation) không chuyển được",
                "lưu ý: đoạn 7, mục “Mở đầu”: ảnh bao-cao-1.png không có mô tả: tạm ghi “Ảnh 1”",
                "lưu ý: đoạn 8, mục “Mở đầu”: ảnh dạng EMF (image2.emf) không hiển thị được trên trình duyệt, không chuyển",
                "lưu ý: đoạn 9, mục “Mở đầu”: bảng 1 có ô gộp: nội dung ô gộp nằm ở ô đầu, các ô còn lại để trống",
                "lưu ý: đoạn 15, mục “Kết quả”: liên kết tới một chỗ trong tài liệu Word (muc-2) được chuyển thành chữ thường",
                "lưu ý: đoạn 15, mục “Kết quả”: chữ ẩn (hidden) không được chuyển"),
                r.problems().stream().map(p -> p.format().substring(docx.toString().length() + 2).lines().findFirst().get()).toList());
        assertTrue(r.problems().stream().allMatch(p -> p.file().equals(docx.toString()) && p.hint() != null
                && p.severity() == Problem.Severity.NOTICE));
        assertEquals("""
                ---
                title: Báo cáo thử nghiệm
                ---

                ## Mở đầu

                Đoạn có khung chữ.

                Lưu ý trong khung

                Tỷ lệ:

                ![Ảnh 1](bao-cao-1.png)

                | Kết quả theo năm | |
                | --- | --- |
                | 2023 | 2024 |
                | 12 | 15 |

                ## Kết quả

                Xem mục 2.
                """, Files.readString(r.page()));
        assertEquals(List.of(content.resolve("bao-cao-1.png")), r.images());
    }

    @Test
    void aFileThatIsNotAWordDocumentIsRefusedWithAClearMessage() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path text = Files.writeString(tmp.resolve("ghi-chu.docx"), "Đây là tệp chữ đổi tên thành .docx\n");
        WordImport.Result r = WordImport.convert(text, content, "");
        assertFalse(r.written());
        assertEquals(List.of(text + ": lỗi: không phải tài liệu Word (.docx)\n    → Mở tệp bằng Word rồi chọn Lưu thành → "
                + "Tài liệu Word (*.docx); tệp .doc, .pdf, .odt cần lưu lại thành .docx trước."),
                r.problems().stream().map(Problem::format).toList());

        Path doc = Files.write(tmp.resolve("cu.doc"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        assertEquals(List.of(doc + ": lỗi: đây là tệp Word cũ (.doc) hoặc tài liệu có mật khẩu, không phải .docx\n    → Mở tệp bằng "
                + "Word, bỏ mật khẩu nếu có, rồi chọn Lưu thành → Tài liệu Word (*.docx) và nhập lại."),
                WordImport.convert(doc, content, "").problems().stream().map(Problem::format).toList());

        // A zip that is not a Word package (an .xlsx, say) and a Word package with broken XML.
        Path zip = tmp.resolve("bang-tinh.docx");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(zip + ": lỗi: không phải tài liệu Word (.docx)"),
                WordImport.convert(zip, content, "").problems().stream().map(p -> p.format().lines().findFirst().get()).toList());
        Path broken = new TestDocx().xml("<w:p><w:r><w:t>không đóng thẻ</w:r></w:p>").write(tmp.resolve("hong.docx"));
        assertEquals(List.of(broken + ": lỗi: phần word/document.xml của tài liệu bị hỏng, không đọc được"),
                WordImport.convert(broken, content, "").problems().stream().map(p -> p.format().lines().findFirst().get()).toList());
        // An XML part that declares a DTD is refused, not resolved.
        Path xxe = tmp.resolve("xxe.docx");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(xxe))) {
            z.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            z.write(("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document "
                    + TestDocx.NS + "><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(xxe + ": lỗi: phần word/document.xml của tài liệu bị hỏng, không đọc được"),
                WordImport.convert(xxe, content, "").problems().stream().map(p -> p.format().lines().findFirst().get()).toList());
        try (java.util.stream.Stream<Path> files = Files.list(content)) {
            assertEquals(0, files.count(), "nothing is written");
        }
    }

    @Test
    void neverOverwritesAPageOrAnImage() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path docx = guide().write(tmp.resolve("huong-dan.docx"));
        Files.writeString(content.resolve("huong-dan-1.png"), "ảnh cũ");
        WordImport.Result r = WordImport.convert(docx, content, "");
        assertEquals(List.of(content.resolve("huong-dan-1.png") + ": lỗi: tệp đã có, không ghi đè\n    → Đổi tên tệp .docx, "
                + "nhập vào mục khác bằng --section, hoặc đổi tên (xóa) tệp cũ rồi nhập lại."),
                r.problems().stream().map(Problem::format).toList());
        assertFalse(Files.exists(content.resolve("huong-dan.md")));
        assertEquals("ảnh cũ", Files.readString(content.resolve("huong-dan-1.png")));
    }

    @Test
    void aDraftWithoutNumberOrDateKeepsThoseLinesAndSaysSo() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path docx = new TestDocx().p("ỦY BAN NHÂN DÂN").p("PHƯỜNG AN HÒA").p("Số:      /KH-UBND")
                .p("An Hòa, ngày      tháng     năm 2025").p("KẾ HOẠCH").p("Tuyên truyền Luật Hòa giải ở cơ sở năm 2025")
                .p("I. MỤC ĐÍCH").p("Nâng cao hiểu biết của người dân.").write(tmp.resolve("du-thao.docx"));
        WordImport.Result r = WordImport.convert(docx, content, "");
        assertEquals("""
                ---
                title: Kế hoạch tuyên truyền Luật Hòa giải ở cơ sở năm 2025
                type: plan
                co_quan_ban_hanh: Ủy ban nhân dân phường An Hòa
                ---

                Số: /KH-UBND

                An Hòa, ngày tháng năm 2025

                ## I. MỤC ĐÍCH

                Nâng cao hiểu biết của người dân.
                """, Files.readString(r.page()));
        assertEquals(List.of("đoạn 3 (phần đầu tài liệu): văn bản chưa có số (“Số: /KH-UBND”): chưa ghi so_hieu, dòng này được giữ trong trang",
                "đoạn 4 (phần đầu tài liệu): ngày ban hành chưa đủ (“An Hòa, ngày tháng năm 2025”): chưa ghi date, dòng này được giữ trong trang"),
                r.problems().stream().map(Problem::message).toList());
    }

    @Test
    void aLegalDocumentIsALawPageThatStillNeedsItsStatus() throws IOException {
        Path content = Files.createDirectories(tmp.resolve("content"));
        Path docx = new TestDocx().xml("<w:tbl><w:tr><w:tc>" + para(null, bold("CHÍNH PHỦ")) + para(null, run("Số: 15/2014/NĐ-CP"))
                        + "</w:tc><w:tc>" + para(null, bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
                        + para(null, italic("Hà Nội, ngày 27 tháng 02 năm 2014")) + "</w:tc></w:tr></w:tbl>")
                .p("NGHỊ ĐỊNH").p("Quy định chi tiết một số điều và biện pháp thi hành Luật Hòa giải ở cơ sở")
                .p("Chương I").p("QUY ĐỊNH CHUNG").p("Điều 1. Phạm vi điều chỉnh").p("Nghị định này quy định chi tiết:")
                .p("1. Khoản thứ nhất;").p("a) Điểm a;").p("2. Khoản thứ hai.")
                .write(tmp.resolve("nd-15-2014.docx"));
        WordImport.Result r = WordImport.convert(docx, content, "van-ban");
        assertEquals("""
                ---
                title: Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hòa giải ở cơ sở
                date: 2014-02-27
                type: law
                so_hieu: 15/2014/NĐ-CP
                loai_van_ban: Nghị định
                co_quan_ban_hanh: Chính phủ
                ngay_ban_hanh: 2014-02-27
                trich_yeu: Quy định chi tiết một số điều và biện pháp thi hành Luật Hòa giải ở cơ sở
                ---

                Chương I

                QUY ĐỊNH CHUNG

                Điều 1. Phạm vi điều chỉnh

                Nghị định này quy định chi tiết:

                1. Khoản thứ nhất;

                a) Điểm a;

                2. Khoản thứ hai.
                """, Files.readString(r.page()));
        assertEquals(List.of(Problem.Severity.WARNING), r.problems().stream().map(Problem::severity).toList());
        assertTrue(r.problems().get(0).message().startsWith("văn bản pháp luật (type: law) cần tình trạng hiệu lực"), r.problems().toString());
    }


    @Test
    void wordsOwnDevicesBecomeTheirMarkdownForms() throws IOException {
        String toc = "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj></w:sdtPr>"
                + "<w:sdtContent>" + para(null, run("Mục lục")) + para(null, run("Phần một\t1")) + "</w:sdtContent></w:sdt>";
        String field = "<w:p>" + run("Xem ") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                + "<w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://moj.gov.vn/\" \\o \"Bộ\" </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("Bộ Tư pháp")
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + run(" và diện tích 20 m")
                + "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>2</w:t></w:r>" + run(".")
                + "<w:r><w:t xml:space=\"preserve\">Dòng\u00a0một\u00ad</w:t><w:br/><w:t>dòng hai</w:t></w:r>"
                + "<w:r><w:endnoteReference w:id=\"2\"/></w:r></w:p>";
        Path docx = new TestDocx()
                .styles(STYLES + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>"
                        + "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/></w:style>")
                .part("word/endnotes.xml", "<w:endnotes " + TestDocx.NS + "><w:endnote w:id=\"2\"><w:p>" + run("Ghi chú cuối.")
                        + "</w:p><w:p>" + run("Đoạn thứ hai.") + "</w:p></w:endnote></w:endnotes>")
                .p("Heading1", "Sổ tay hòa giải viên")
                .xml(toc)
                .p("Heading2", "Phần một")
                .xml("<w:p><w:r><w:rPr><w:caps/></w:rPr><w:t>lưu ý</w:t></w:r>" + run(": đọc kỹ.") + "</w:p>")
                .p("Heading3", "Chi tiết")
                .xml(field)
                .write(tmp.resolve("so-tay.docx"));
        Path content = Files.createDirectories(tmp.resolve("content"));
        WordImport.Result r = WordImport.convert(docx, content, "");
        assertEquals("""
                ---
                title: Sổ tay hòa giải viên
                ---

                [TOC]

                ## Phần một

                LƯU Ý: đọc kỹ.

                ### Chi tiết

                Xem [Bộ Tư pháp](https://moj.gov.vn/) và diện tích 20 m<sup>2</sup>.Dòng một\\
                dòng hai[^1]

                [^1]: Ghi chú cuối.

                    Đoạn thứ hai.
                """, Files.readString(r.page()));
        assertEquals(List.of("đoạn 2 (phần đầu tài liệu): mục lục của Word được thay bằng [TOC] (mục lục tự động của trang)"),
                r.problems().stream().map(Problem::message).toList());
    }
}
