#!/usr/bin/env python3
"""Generate a deterministic corpus of Vietnamese Markdown pages for benchmarks.

Usage: gen_pages.py N OUT_DIR [--seed S]

Writes N pages into 50-100 sections (folders, each with an ``_index.md``) plus a
root ``_index.md``. The same N and seed always give byte-identical files: all
randomness comes from ``random.Random`` seeded with strings derived from the
seed (string seeds are hashed with SHA-512, independent of PYTHONHASHSEED), no
clock is read, and files are written in sorted order.

Content: Vietnamese legal/guidance prose with correct diacritics, both
tone-mark styles (``hòa``/``hoà``, ``thủy``/``thuỷ``, ``ủy``/``uỷ``), about 5% of
pages in NFD, ``##``/``###`` headings (legal pages use ``## Điều 7. …``),
paragraphs, bullet and numbered lists, tables, bold/italic, and 2-5 relative
links per page to other generated pages, some with an ``#anchor`` that is the
Vietnamese slug of a heading that exists in the target page. Heading slugs are
unique within a page, so no ``-1`` suffixes are ever needed.

Average page size is about 9.2 KB of UTF-8 Markdown (10,000 pages ~ 92 MB).
"""

import argparse
import os
import re
import sys
import unicodedata

import random

# --------------------------------------------------------------------------
# Slug: lowercase, diacritics stripped, đ -> d, non-alnum -> '-', collapsed,
# trimmed. Must equal the slug camnang computes for heading anchors.
# --------------------------------------------------------------------------
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text):
    s = unicodedata.normalize("NFD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("đ", "d").replace("Đ", "D").lower()
    return _NON_ALNUM.sub("-", s).strip("-")


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------
SECTION_TOPICS = [
    "Hòa giải ở cơ sở", "Tranh chấp đất đai", "Hôn nhân và gia đình",
    "Thừa kế tài sản", "Hợp đồng dân sự", "Bồi thường thiệt hại",
    "Quyền và nghĩa vụ của công dân", "Tổ hòa giải", "Kỹ năng hòa giải",
    "Bạo lực gia đình", "Trật tự an toàn xã hội", "Xử lý vi phạm hành chính",
    "Hộ tịch", "Chứng thực", "Trợ giúp pháp lý", "Phổ biến giáo dục pháp luật",
    "Lao động và việc làm", "Bảo hiểm xã hội", "Bảo hiểm y tế",
    "Bảo vệ môi trường", "Xây dựng và nhà ở", "Giao thông đường bộ",
    "Thủy lợi", "Phòng chống thiên tai", "Quyền trẻ em", "Người cao tuổi",
    "Người khuyết tật", "Bình đẳng giới", "Khiếu nại tố cáo", "Tiếp công dân",
    "Dân chủ ở cơ sở", "Hương ước quy ước", "Tổ dân phố", "Ấp khóm",
    "An ninh nông thôn", "Kinh doanh hộ gia đình", "Bảo vệ người tiêu dùng",
    "Thuế thu nhập cá nhân", "Tín dụng chính sách", "Giảm nghèo bền vững",
    "Nông thôn mới", "Đất nông nghiệp", "Cấp giấy chứng nhận quyền sử dụng đất",
    "Bồi thường giải phóng mặt bằng", "Thủ tục hành chính", "Văn bản quy phạm pháp luật",
    "Tập huấn hòa giải viên", "Câu lạc bộ hòa giải", "Đề án nâng cao năng lực",
    "Kế hoạch triển khai", "Hỏi đáp pháp luật", "Tin hoạt động", "Mẫu biểu",
    "Phòng chống ma túy", "Phòng cháy chữa cháy", "Nghĩa vụ quân sự",
    "Giáo dục và đào tạo", "Y tế cơ sở", "Văn hóa và thể thao",
    "Tôn giáo tín ngưỡng", "Dân tộc thiểu số", "Phòng chống tham nhũng",
    "Thi hành án dân sự", "Tố tụng dân sự", "Công nhận kết quả hòa giải",
    "Nuôi con nuôi", "Giám hộ", "Lý lịch tư pháp", "Quốc tịch", "Cư trú",
    "Căn cước", "An toàn thực phẩm", "Thú y và chăn nuôi", "Thủy sản",
    "Lâm nghiệp", "Khoáng sản", "Tài nguyên nước", "Điện lực",
    "Viễn thông", "An ninh mạng", "Giao dịch điện tử", "Doanh nghiệp nhỏ",
    "Hợp tác xã", "Chợ và thương mại", "Quảng cáo", "Du lịch",
    "Di sản văn hóa", "Thư viện", "Báo chí", "Xuất bản", "Tài chính xã",
    "Ngân sách nhà nước", "Kế toán", "Thống kê", "Đo lường chất lượng",
    "Khoa học công nghệ", "Sở hữu trí tuệ", "Cạnh tranh", "Phá sản",
    "Trọng tài thương mại",
]

SUBJECTS = [
    "Ủy ban nhân dân cấp xã", "Ủy ban nhân dân phường", "Ủy ban nhân dân huyện",
    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Phòng Tư pháp", "Sở Tư pháp",
    "tổ hòa giải", "hòa giải viên", "tổ trưởng tổ hòa giải", "trưởng ấp",
    "tổ trưởng tổ dân phố", "công chức Tư pháp - Hộ tịch", "các bên tranh chấp",
    "người dân", "người có quyền lợi liên quan", "cơ quan có thẩm quyền",
    "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Nông dân", "Hội Cựu chiến binh",
    "Công an xã", "Tòa án nhân dân", "Viện kiểm sát nhân dân", "Hội Luật gia",
    "Trung tâm Trợ giúp pháp lý", "Ban công tác Mặt trận", "chủ tịch Ủy ban nhân dân",
    "cán bộ, công chức, viên chức", "tập huấn viên", "người đứng đầu cơ quan",
]

VERBS = [
    "có trách nhiệm hướng dẫn", "có quyền đề nghị xem xét", "có nghĩa vụ thực hiện",
    "chủ trì, phối hợp thực hiện",
    "tổ chức thực hiện", "hướng dẫn", "kiểm tra, giám sát", "tuyên truyền, phổ biến",
    "bảo đảm", "tạo điều kiện", "xem xét, giải quyết", "tiếp nhận",
    "báo cáo kết quả", "đề xuất", "rà soát, đánh giá", "củng cố, kiện toàn",
    "bồi dưỡng", "hỗ trợ", "vận động", "thuyết phục", "lập biên bản",
    "thông báo", "phân công", "ban hành", "chỉ đạo",
]

OBJECTS = [
    "công tác hòa giải ở cơ sở", "việc hòa giải tranh chấp đất đai",
    "quyền và nghĩa vụ của các bên", "kỹ năng hòa giải", "kinh phí hỗ trợ",
    "danh sách hòa giải viên", "biên bản hòa giải thành", "biên bản hòa giải không thành",
    "kết quả hòa giải", "các vụ việc mâu thuẫn, tranh chấp", "tài liệu bồi dưỡng",
    "quy định của pháp luật", "hương ước, quy ước của cộng đồng",
    "thủ tục công nhận kết quả hòa giải thành ngoài Tòa án",
    "chế độ, chính sách đối với hòa giải viên", "thù lao cho hòa giải viên",
    "việc bầu, công nhận hòa giải viên", "mô hình Câu lạc bộ hòa giải",
    "quyền lợi hợp pháp của phụ nữ và trẻ em", "việc phòng ngừa bạo lực gia đình",
    "tranh chấp về ranh giới thửa đất", "tranh chấp về lối đi chung",
    "mâu thuẫn giữa các thành viên trong gia đình", "việc chia di sản thừa kế",
    "nghĩa vụ cấp dưỡng", "hợp đồng vay tài sản", "thiệt hại do tài sản gây ra",
    "tình hình an ninh, trật tự ở địa bàn", "việc thực hiện dân chủ ở cơ sở",
    "thủy lợi nội đồng", "trách nhiệm bồi thường", "giấy chứng nhận quyền sử dụng đất",
    "đơn yêu cầu hòa giải", "hồ sơ vụ việc", "sổ theo dõi hoạt động hòa giải",
]

ADVERBIALS = [
    "theo quy định của Luật Hòa giải ở cơ sở năm 2013",
    "trên địa bàn xã, phường, thị trấn", "trong thời hạn 05 ngày làm việc",
    "kể từ ngày nhận được yêu cầu", "theo hướng dẫn của Bộ Tư pháp",
    "trong phạm vi nhiệm vụ, quyền hạn được giao", "một cách kịp thời, khách quan",
    "trên cơ sở tự nguyện, bình đẳng", "phù hợp với phong tục, tập quán tốt đẹp",
    "tại nhà văn hóa ấp, khóm", "trong giai đoạn 2024 - 2030", "hằng năm",
    "định kỳ sáu tháng", "khi có yêu cầu của các bên", "theo Nghị định số 15/2014/NĐ-CP",
    "theo Thông tư số 56/2023/TT-BTC", "với sự tham gia của Mặt trận Tổ quốc",
    "bảo đảm bí mật thông tin cá nhân", "không trái với đạo đức xã hội",
    "trên tinh thần đoàn kết, tương thân tương ái", "tại trụ sở Ủy ban nhân dân",
    "theo Quyết định số 315/QĐ-TTg ngày 17 tháng 4 năm 2024 của Thủ tướng Chính phủ",
    "phù hợp với điều kiện thực tế của địa phương", "trước ngày 15 tháng 12 hằng năm",
]

CONNECTORS = [
    "Đồng thời,", "Bên cạnh đó,", "Trường hợp cần thiết,", "Ngoài ra,",
    "Theo đó,", "Trên cơ sở đó,", "Mặt khác,", "Nếu các bên không thống nhất,",
    "Khi hòa giải không thành,", "Trong quá trình hòa giải,", "Sau khi hòa giải thành,",
    "Đối với vụ việc phức tạp,", "Để bảo đảm hiệu quả,", "Căn cứ tình hình thực tế,",
]

TAILS = [
    "nhằm giữ gìn đoàn kết trong cộng đồng dân cư",
    "góp phần giảm tải công việc cho Tòa án",
    "để các bên tự nguyện thỏa thuận", "bảo đảm quyền lợi hợp pháp của các bên",
    "tránh phát sinh khiếu kiện kéo dài", "và báo cáo kết quả cho Ủy ban nhân dân",
    "theo đúng trình tự, thủ tục", "và lưu hồ sơ tại tổ hòa giải",
    "để người dân hiểu và chấp hành pháp luật", "nhằm nâng cao chất lượng hòa giải",
    "và giữ bí mật đời tư của các bên", "phù hợp với chuẩn mực đạo đức xã hội",
    "có sự hỗ trợ của công chức Tư pháp - Hộ tịch", "và kịp thời khen thưởng",
]

PLAIN_SENTENCES = [
    "Hòa giải ở cơ sở là việc hòa giải viên hướng dẫn, giúp đỡ các bên đạt được thỏa thuận, tự nguyện giải quyết với nhau các mâu thuẫn, tranh chấp, vi phạm pháp luật.",
    "Tổ hòa giải có từ 03 hòa giải viên trở lên, trong đó có hòa giải viên nữ; đối với vùng có nhiều đồng bào dân tộc thiểu số thì tổ hòa giải phải có hòa giải viên là người dân tộc thiểu số.",
    "Người được bầu làm hòa giải viên phải là công dân Việt Nam thường trú tại cơ sở, tự nguyện tham gia hoạt động hòa giải.",
    "Hòa giải viên phải có phẩm chất đạo đức tốt, có uy tín trong cộng đồng dân cư, có khả năng thuyết phục, vận động nhân dân.",
    "Các bên có quyền lựa chọn hòa giải viên, yêu cầu hòa giải công khai hoặc không công khai.",
    "Việc hòa giải được tiến hành ở nơi xảy ra vụ, việc hoặc nơi do các bên hoặc hòa giải viên lựa chọn, bảo đảm thuận tiện cho các bên.",
    "Hòa giải viên có nghĩa vụ tôn trọng sự tự nguyện của các bên, không được ép buộc các bên hòa giải.",
    "Kinh phí thực hiện công tác hòa giải ở cơ sở do ngân sách nhà nước bảo đảm theo phân cấp hiện hành.",
    "Trường hợp hòa giải thành, các bên có thể yêu cầu Tòa án nhân dân có thẩm quyền công nhận kết quả hòa giải thành ngoài Tòa án.",
    "Mọi tranh chấp đất đai mà các bên không tự hòa giải được thì gửi đơn đến Ủy ban nhân dân cấp xã nơi có đất tranh chấp để hòa giải.",
    "Thủy lợi nội đồng, lối đi chung và ranh giới thửa đất là những nội dung thường phát sinh mâu thuẫn ở khu dân cư.",
    "Người dân có thể liên hệ tổ trưởng tổ dân phố hoặc trưởng ấp để được hướng dẫn trình tự hòa giải.",
    "Việc hòa giải không được trái với chính sách, pháp luật của Nhà nước, đạo đức xã hội và phong tục, tập quán tốt đẹp của nhân dân.",
    "Hòa giải viên được hưởng thù lao theo vụ, việc khi thực hiện hòa giải, được khen thưởng theo quy định của pháp luật về thi đua, khen thưởng.",
]

LIST_ITEMS = [
    "Tìm hiểu nguyên nhân phát sinh mâu thuẫn, tranh chấp",
    "Gặp gỡ riêng từng bên để lắng nghe ý kiến",
    "Giải thích quy định pháp luật có liên quan cho các bên",
    "Đưa ra phương án hòa giải phù hợp với thực tế",
    "Lập biên bản hòa giải thành hoặc không thành",
    "Theo dõi, đôn đốc việc thực hiện thỏa thuận",
    "Báo cáo kết quả cho tổ trưởng tổ hòa giải",
    "Giấy tờ tùy thân của các bên (căn cước công dân, hộ chiếu)",
    "Đơn yêu cầu hòa giải có chữ ký hoặc điểm chỉ của người yêu cầu",
    "Giấy chứng nhận quyền sử dụng đất hoặc giấy tờ về quyền sử dụng đất",
    "Tài liệu, chứng cứ liên quan đến vụ việc",
    "Ý kiến của người có uy tín trong dòng họ, cộng đồng",
    "Mời đại diện Ủy ban Mặt trận Tổ quốc tham dự",
    "Thông báo thời gian, địa điểm hòa giải cho các bên",
    "Bảo đảm an ninh, trật tự tại buổi hòa giải",
    "Lưu trữ hồ sơ vụ việc tại tổ hòa giải",
    "Phối hợp với công an xã khi có dấu hiệu vi phạm pháp luật",
    "Hướng dẫn các bên thực hiện thủ tục tại Tòa án nếu cần",
    "Hỗ trợ người khuyết tật, người cao tuổi tham gia hòa giải",
    "Sử dụng tiếng dân tộc thiểu số khi các bên có yêu cầu",
    "Tổ chức sinh hoạt Câu lạc bộ hoà giải định kỳ",
    "Cập nhật sổ theo dõi hoạt động hòa giải",
    "Đề xuất khen thưởng hòa giải viên có thành tích tốt",
    "Rà soát nhu cầu bồi dưỡng của hòa giải viên",
]

EMPH = [
    "hòa giải viên", "tổ hòa giải", "Ủy ban nhân dân", "tự nguyện", "bình đẳng",
    "không được ép buộc", "biên bản hòa giải thành", "05 ngày làm việc",
    "quyền và nghĩa vụ", "tổ dân phố", "bí mật đời tư", "thủy lợi",
]

HEADING_TOPICS = [
    "Phạm vi điều chỉnh", "Đối tượng áp dụng", "Giải thích từ ngữ",
    "Nguyên tắc tổ chức, hoạt động hòa giải", "Chính sách của Nhà nước về hòa giải",
    "Tiêu chuẩn hòa giải viên", "Bầu hòa giải viên", "Công nhận hòa giải viên",
    "Quyền của hòa giải viên", "Nghĩa vụ của hòa giải viên", "Thôi làm hòa giải viên",
    "Tổ hòa giải", "Tổ trưởng tổ hòa giải", "Căn cứ tiến hành hòa giải",
    "Phân công hòa giải viên", "Địa điểm, thời gian hòa giải",
    "Quyền và nghĩa vụ của các bên", "Tiến hành hòa giải", "Hòa giải thành",
    "Hòa giải không thành", "Theo dõi, đôn đốc thực hiện thỏa thuận",
    "Trách nhiệm của Ủy ban nhân dân cấp xã", "Trách nhiệm của Mặt trận Tổ quốc",
    "Kinh phí thực hiện", "Khen thưởng và xử lý vi phạm", "Điều khoản thi hành",
    "Mục đích", "Yêu cầu", "Mục tiêu", "Nhiệm vụ, giải pháp", "Tổ chức thực hiện",
    "Hồ sơ cần chuẩn bị", "Trình tự thực hiện", "Thời hạn giải quyết",
    "Lưu ý khi hòa giải tranh chấp đất đai", "Kỹ năng lắng nghe", "Kỹ năng đặt câu hỏi",
    "Kỹ năng thuyết phục", "Tình huống minh họa", "Câu hỏi thảo luận",
    "Bài tập thực hành", "Kết quả đạt được", "Khó khăn, vướng mắc",
    "Đề xuất, kiến nghị", "Cơ quan chủ trì", "Cơ quan phối hợp",
    "Thời gian thực hiện", "Văn bản tham khảo", "Liên hệ hỗ trợ",
    "Quyền của người dân", "Nghĩa vụ của người dân", "Mẫu đơn yêu cầu hòa giải",
    "Thủy lợi nội đồng", "Ranh giới thửa đất", "Lối đi chung", "Chia thừa kế",
    "Cấp dưỡng sau ly hôn", "Vay mượn tài sản", "Tiếng ồn trong khu dân cư",
    "Chăn nuôi gây ô nhiễm", "Xây dựng lấn chiếm", "Bạo lực gia đình",
]

TITLE_PREFIX = {
    "guide": ["Hướng dẫn", "Cẩm nang", "Quy trình", "Các bước"],
    "law": ["Luật", "Nghị định", "Thông tư", "Quyết định", "Nghị quyết"],
    "plan": ["Kế hoạch", "Đề án", "Chương trình"],
    "lesson": ["Bài", "Chuyên đề", "Tài liệu bồi dưỡng"],
    "faq": ["Hỏi đáp về", "Giải đáp thắc mắc về", "Câu hỏi thường gặp về"],
    "news": ["Tin:", "Hội nghị", "Tổng kết", "Tập huấn"],
}
LEGAL = {  # form → (symbol of its number, issuing body)
    "Luật": ("QH15", "Quốc hội"),
    "Nghị định": ("NĐ-CP", "Chính phủ"),
    "Thông tư": ("TT-BTP", "Bộ Tư pháp"),
    "Quyết định": ("QĐ-UBND", "Ủy ban nhân dân tỉnh Đồng Tháp"),
    "Nghị quyết": ("NQ-HĐND", "Hội đồng nhân dân tỉnh Đồng Tháp"),
}


def legal_front_matter(p):
    """The metadata a `type: law` page must state since issue 4, from its title ("Nghị định … số 12/2019").

    Its own random stream, so the pages' text is the same as before the metadata was added."""
    r = random.Random(p.seed + "-legal")
    form = next(f for f in LEGAL if p.title.startswith(f))
    num, year = re.search(r"số (\d+)/(\d+)$", p.title).groups()
    symbol, issuer = LEGAL[form]
    status = r.choices(["còn hiệu lực", "hết hiệu lực một phần", "hết hiệu lực"], [8, 1, 1])[0]
    return ["so_hieu: %s/%s/%s" % (num, year, symbol), "loai_van_ban: " + form, "co_quan_ban_hanh: " + issuer,
            "ngay_ban_hanh: %02d/%02d/%s" % (r.randint(1, 28), r.randint(1, 12), year), "tinh_trang: " + status]


TYPES = ["guide", "law", "plan", "lesson", "faq", "news"]
TYPE_WEIGHTS = [30, 20, 12, 18, 12, 8]

TAGS = [
    "hòa giải", "tranh chấp đất đai", "hôn nhân gia đình", "thừa kế",
    "bạo lực gia đình", "tổ hòa giải", "kỹ năng", "thủ tục", "quyền và nghĩa vụ",
    "Ủy ban nhân dân", "tổ dân phố", "trợ giúp pháp lý", "hộ tịch", "đất đai",
    "lao động", "bảo hiểm", "môi trường", "thủy lợi", "dân chủ cơ sở", "tập huấn",
]
AUDIENCES = ["người dân", "hòa giải viên", "cán bộ"]

TABLE_SPECS = [
    (["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"],
     [["{n}", "{obj}", "{subj}", "Năm {year}"]]),
    (["Chỉ tiêu", "Năm 2024", "Năm 2025", "Năm 2030"],
     [["Tỷ lệ hòa giải thành", "{p}%", "{p2}%", "{p3}%"]]),
    (["Số hiệu", "Loại văn bản", "Nơi ban hành", "Ngày hiệu lực", "Trạng thái"],
     [["{num}/{year}/NĐ-CP", "Nghị định", "Chính phủ", "{d}/{m}/{year}", "Còn hiệu lực"]]),
    (["Giấy tờ", "Số lượng", "Ghi chú"],
     [["{item}", "{k} bản", "Bản chính hoặc bản sao có chứng thực"]]),
]

# Tone-mark style: new ("hòa", "thủy", "ủy", "khỏe") -> old ("hoà", "thuỷ", "uỷ",
# "khoẻ"). Only open syllables carry these pairs in our vocabulary.
_OLD_STYLE = [
    ("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
    ("Òa", "Oà"), ("Óa", "Oá"),
    ("ùy", "uỳ"), ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ"),
    ("Ủy", "Uỷ"),
    ("òe", "oè"), ("óe", "oé"), ("ỏe", "oẻ"), ("õe", "oẽ"), ("ọe", "oẹ"),
]
_OLD_RE = re.compile("|".join(re.escape(a) for a, _ in _OLD_STYLE))
_OLD_MAP = dict(_OLD_STYLE)


def old_style(text):
    return _OLD_RE.sub(lambda m: _OLD_MAP[m.group(0)], text)


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def yq(s):
    """YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --------------------------------------------------------------------------
# Page plan (pass 1): everything a link to the page needs to know.
# --------------------------------------------------------------------------
class Page:
    __slots__ = ("idx", "sec", "fname", "title", "type", "headings", "seed")


def plan_headings(rng, ptype, n):
    """Return [(level, text)] with unique slugs."""
    heads = []
    seen = set()
    topics = rng.sample(HEADING_TOPICS, min(n, len(HEADING_TOPICS)))
    dieu = rng.randint(1, 40)
    for i, topic in enumerate(topics):
        level = 2 if i == 0 or rng.random() < 0.6 else 3
        if ptype == "law":
            if level == 2:
                text = "Điều %d. %s" % (dieu, topic)
                dieu += 1
            else:
                text = "Khoản %d. %s" % (rng.randint(1, 9), topic)
        elif ptype == "plan" and level == 2:
            text = "%s. %s" % (ROMAN[min(len(heads), len(ROMAN) - 1)], topic.upper())
        elif ptype == "faq" and level == 2:
            text = "Câu hỏi %d: %s là gì?" % (i + 1, topic)
        else:
            text = topic
        s = slugify(text)
        k = 2
        while s in seen or not s:
            text = "%s (phần %d)" % (topic, k)
            s = slugify(text)
            k += 1
        seen.add(s)
        heads.append((level, text))
    return heads


def plan(n, seed):
    rng = random.Random("plan-%s-%d" % (seed, n))
    n_sec = max(1, min(n, 100, 50 + n // 200))
    topics = list(SECTION_TOPICS)
    rng.shuffle(topics)
    sections = []
    for s in range(n_sec):
        t = topics[s % len(topics)]
        if s >= len(topics):
            t = "%s %d" % (t, s // len(topics) + 1)
        sections.append(("%02d-%s" % (s + 1, slugify(t)), t))
    pages = []
    for i in range(n):
        p = Page()
        p.idx = i
        p.seed = "page-%s-%d" % (seed, i)
        prng = random.Random(p.seed + "-plan")
        p.sec = i % n_sec if i < n_sec else prng.randrange(n_sec)
        p.type = prng.choices(TYPES, TYPE_WEIGHTS)[0]
        topic = prng.choice(HEADING_TOPICS + SECTION_TOPICS)
        p.title = "%s %s" % (prng.choice(TITLE_PREFIX[p.type]),
                             topic[0].lower() + topic[1:] if p.type != "news" else topic)
        if p.type in ("law", "plan"):
            p.title += " số %d/%d" % (prng.randint(1, 400), prng.randint(2013, 2026))
        p.fname = "%s-%05d.md" % ("-".join(slugify(p.title).split("-")[:7]), i)
        p.headings = plan_headings(prng, p.type, prng.randint(5, 14))
        pages.append(p)
    return sections, pages


# --------------------------------------------------------------------------
# Body text (pass 2)
# --------------------------------------------------------------------------
def sentence(r):
    x = r.random()
    if x < 0.12:
        return r.choice(PLAIN_SENTENCES)
    parts = []
    if x < 0.45:
        parts.append(r.choice(CONNECTORS))
        subj = r.choice(SUBJECTS)
    else:
        subj = r.choice(SUBJECTS)
        subj = subj[0].upper() + subj[1:]
    parts.append(subj)
    parts.append(r.choice(VERBS))
    obj = r.choice(OBJECTS)
    if r.random() < 0.2:
        obj = "**%s**" % obj
    elif r.random() < 0.1:
        obj = "*%s*" % obj
    parts.append(obj)
    if r.random() < 0.7:
        parts.append(r.choice(ADVERBIALS))
    if r.random() < 0.5:
        parts.append(r.choice(TAILS))
    if r.random() < 0.25:
        parts.append("và %s %s" % (r.choice(VERBS), r.choice(OBJECTS)))
    s = " ".join(parts)
    return s + (";" if r.random() < 0.05 else ".")


def paragraph(r):
    return " ".join(sentence(r) for _ in range(r.randint(2, 6)))


def list_block(r, numbered):
    items = r.sample(LIST_ITEMS, r.randint(3, 7))
    out = []
    for k, it in enumerate(items, 1):
        if r.random() < 0.3:
            it = "%s, %s" % (it, r.choice(ADVERBIALS))
        if r.random() < 0.15:
            w = r.choice(EMPH)
            it += " (*%s*)" % w
        out.append(("%d. %s;" % (k, it)) if numbered else ("- %s;" % it))
    return "\n".join(out)


def table_block(r):
    head, rows = r.choice(TABLE_SPECS)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for k in range(1, r.randint(3, 9)):
        vals = {
            "n": k, "obj": r.choice(OBJECTS), "subj": r.choice(SUBJECTS),
            "year": r.randint(2013, 2030), "p": r.randint(70, 85),
            "p2": r.randint(80, 90), "p3": r.randint(85, 99),
            "num": r.randint(1, 300), "d": r.randint(1, 28), "m": r.randint(1, 12),
            "item": r.choice(LIST_ITEMS), "k": r.randint(1, 3),
        }
        tpl = rows[0]
        cells = [c.format(**vals) for c in tpl]
        if head[0] == "Chỉ tiêu":
            cells[0] = r.choice(["Tỷ lệ hòa giải thành", "Tổ hòa giải được kiện toàn",
                                 "Hòa giải viên được tập huấn", "Vụ việc được hòa giải",
                                 "Xã đạt chuẩn tiếp cận pháp luật", "Câu lạc bộ hoà giải"])
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def rel_link(src, dst, sections):
    if src.sec == dst.sec:
        return dst.fname
    return "../%s/%s" % (sections[dst.sec][0], dst.fname)


LINK_INTROS = [
    "Xem thêm {l}.", "Chi tiết được hướng dẫn tại {l}.", "Tham khảo {l} để biết thêm.",
    "Nội dung này liên quan đến {l}.", "Thủ tục cụ thể xem tại {l}.",
    "Hòa giải viên nên đọc kỹ {l} trước khi tiến hành hòa giải.",
]


def make_link(r, p, pages, sections):
    q = pages[r.randrange(len(pages))]
    while q.idx == p.idx and len(pages) > 1:
        q = pages[r.randrange(len(pages))]
    url = rel_link(p, q, sections)
    text = q.title
    if r.random() < 0.5:
        h = r.choice(q.headings)[1]
        url += "#" + slugify(h)
        text = "%s (%s)" % (h, q.title) if r.random() < 0.5 else h
    return "[%s](%s)" % (text, url)


def target_size(r):
    # Budgets are undershot targets: every heading gets at least one block, so
    # real sizes come out larger. Measured mean: ~9.2 KB per page.
    if r.random() < 0.9:
        return r.randint(2200, 8100)
    return r.randint(8000, 22500)


def render_page(p, pages, sections):
    r = random.Random(p.seed + "-body")
    style = r.random()  # < 0.2 old tone marks, < 0.3 mixed per block, else new
    nfd = r.random() < 0.05
    target = target_size(r)

    tags = r.sample(TAGS, r.randint(2, 4))
    aud = sorted(r.sample(AUDIENCES, r.randint(1, 3)), key=AUDIENCES.index)
    y = r.randint(2019, 2025)
    date = "%04d-%02d-%02d" % (y, r.randint(1, 12), r.randint(1, 28))
    fm = ["---", "title: " + yq(p.title),
          "description: " + yq(sentence(r).replace("*", "")),
          "date: " + date]
    if r.random() < 0.3:
        fm.append("updated: %04d-%02d-%02d" % (y + 1, r.randint(1, 12), r.randint(1, 28)))
    fm.append("weight: %d" % (r.randint(1, 100)))
    fm.append("type: " + p.type)
    if p.type == "law":
        fm.extend(legal_front_matter(p))
    fm.append("tags: [" + ", ".join(yq(t) for t in tags) + "]")
    fm.append("audience: [" + ", ".join(yq(a) for a in aud) + "]")
    fm.append("---")
    head = "\n".join(fm) + "\n\n"

    blocks = []
    size = len(head.encode("utf-8"))
    para_ix = []
    heads = p.headings
    n_h = len(heads)
    # Spread the size budget over the headings; an intro paragraph first.
    blocks.append(paragraph(r))
    para_ix.append(0)
    size += len(blocks[0].encode("utf-8")) + 2
    has_table = r.random() < 0.65
    table_at = r.randrange(n_h) if has_table else -1
    for hi, (lvl, text) in enumerate(heads):
        blocks.append("#" * lvl + " " + text)
        size += len(text.encode("utf-8")) + lvl + 3
        budget = (target - size) // max(1, n_h - hi)
        used = 0
        first = True
        while first or used < budget:
            first = False
            x = r.random()
            if hi == table_at:
                b = table_block(r)
                table_at = -1
            elif x < 0.62:
                b = paragraph(r)
                para_ix.append(len(blocks))
            elif x < 0.82:
                b = list_block(r, numbered=False)
            else:
                b = list_block(r, numbered=True)
            blocks.append(b)
            bl = len(b.encode("utf-8")) + 2
            used += bl
            size += bl

    n_links = r.randint(2, 5)
    links = [make_link(r, p, pages, sections) for _ in range(n_links)]
    if len(para_ix) >= n_links:
        spots = r.sample(para_ix, n_links)
        for spot, l in zip(spots, links):
            blocks[spot] += " " + r.choice(LINK_INTROS).format(l=l)
    else:
        blocks.append("## Tài liệu liên quan")
        blocks.append("\n".join("- " + l for l in links))

    if style < 0.2:
        blocks = [old_style(b) for b in blocks]
    elif style < 0.3:
        blocks = [old_style(b) if r.random() < 0.5 else b for b in blocks]
    text = head + "\n\n".join(blocks) + "\n"
    if nfd:
        text = unicodedata.normalize("NFD", text)
    return text


def section_index(r, title, weight):
    body = "\n\n".join(paragraph(r) for _ in range(r.randint(1, 3)))
    return ("---\ntitle: %s\ndescription: %s\nweight: %d\n---\n\n%s\n"
            % (yq(title), yq("Tài liệu về " + title[0].lower() + title[1:] + "."), weight, body))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of pages")
    ap.add_argument("out", help="output directory (created; must be empty or absent)")
    ap.add_argument("--seed", default="1", help="seed (default 1)")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be >= 1")
    if os.path.isdir(a.out) and os.listdir(a.out):
        ap.error("output directory is not empty: %s" % a.out)
    os.makedirs(a.out, exist_ok=True)

    sections, pages = plan(a.n, a.seed)
    r = random.Random("sections-%s" % a.seed)
    files = {}
    files["_index.md"] = ("---\ntitle: \"Cẩm nang hòa giải ở cơ sở\"\n"
                          "description: \"Tài liệu pháp luật và hướng dẫn nghiệp vụ hòa giải.\"\n"
                          "---\n\n" + paragraph(r) + "\n")
    for s, (dirname, title) in enumerate(sections):
        files[dirname + "/_index.md"] = section_index(r, title, s + 1)
    for p in pages:
        files[sections[p.sec][0] + "/" + p.fname] = render_page(p, pages, sections)

    total = 0
    for path in sorted(files):
        full = os.path.join(a.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        data = files[path].encode("utf-8")
        total += len(data)
        with open(full, "wb") as f:
            f.write(data)
    print("wrote %d pages in %d sections, %.1f MB (%.0f bytes/page) to %s"
          % (len(pages), len(sections), total / 1e6, total / len(pages), a.out),
          file=sys.stderr)


if __name__ == "__main__":
    main()
