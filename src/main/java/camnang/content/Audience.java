package camnang.content;

import camnang.Slug;

/** Who a page is written for; the plan names these three groups. */
public enum Audience {
    NGUOI_DAN("người dân", "nguoi-dan"),
    HOA_GIAI_VIEN("hòa giải viên", "hoa-giai-vien"),
    CAN_BO("cán bộ", "can-bo");

    public final String label;
    public final String slug;

    Audience(String label, String slug) {
        this.label = label;
        this.slug = slug;
    }

    /** Accepts any tone style, case, or the slug: {@code Hoà giải viên}, {@code hoa-giai-vien}. */
    static Audience parse(String value) {
        String s = Slug.of(value);
        for (Audience a : values()) {
            if (a.slug.equals(s)) {
                return a;
            }
        }
        return null;
    }
}
