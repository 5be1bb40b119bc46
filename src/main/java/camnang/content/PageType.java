package camnang.content;

import camnang.Slug;
import java.util.Map;

/** What kind of document a page is; templates and lists group by it. */
public enum PageType {
    GUIDE("guide", "Hướng dẫn"),
    LAW("law", "Văn bản pháp luật"),
    PLAN("plan", "Kế hoạch"),
    LESSON("lesson", "Bài học"),
    FAQ("faq", "Hỏi đáp"),
    NEWS("news", "Tin tức");

    public final String key;
    public final String label;

    PageType(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /**
     * Vietnamese names staff write, and the document forms that imported legal
     * files put in {@code type} ({@code Thông tư}, {@code nghi-dinh}).
     */
    private static final Map<String, PageType> ALIASES = Map.ofEntries(
            Map.entry("huong-dan", GUIDE), Map.entry("cam-nang", GUIDE),
            Map.entry("ke-hoach", PLAN),
            Map.entry("bai-hoc", LESSON), Map.entry("bai-giang", LESSON),
            Map.entry("hoi-dap", FAQ),
            Map.entry("tin-tuc", NEWS), Map.entry("tin", NEWS),
            Map.entry("van-ban", LAW), Map.entry("van-ban-phap-luat", LAW),
            Map.entry("luat", LAW), Map.entry("bo-luat", LAW), Map.entry("hien-phap", LAW),
            Map.entry("nghi-dinh", LAW), Map.entry("nghi-quyet", LAW), Map.entry("thong-tu", LAW),
            Map.entry("thong-tu-lien-tich", LAW), Map.entry("nghi-quyet-lien-tich", LAW),
            Map.entry("quyet-dinh", LAW), Map.entry("chi-thi", LAW), Map.entry("phap-lenh", LAW),
            Map.entry("lenh", LAW), Map.entry("cong-van", LAW));

    static PageType parse(String value) {
        String s = Slug.of(value);
        for (PageType t : values()) {
            if (t.key.equals(s)) {
                return t;
            }
        }
        return ALIASES.get(s);
    }
}
