package camnang.content;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A page's validated front matter.
 *
 * @param params keys camnang does not know, kept for templates (as Hugo and Jekyll do),
 *               in the order written
 * @param aliases old URLs of the page ({@code permalink}, {@code aliases}) that links may use
 * @param legal   the legal document the page holds, or null
 * @param portals the portals the page is limited to ({@code portals: [phuong-1]}); empty for every portal
 * @param portalsLine the line of that key, for errors
 * @param khoanDiem whether the page asks for anchors on its khoản and điểm ({@code khoan_diem: true})
 * @param study   a course's index or a lesson: {@code course}, {@code goals}, {@code minutes}, {@code laws};
 *                null when the page has none of them and is no lesson
 */
public record Meta(
        String title,
        String description,
        LocalDateTime date,
        LocalDateTime updated,
        Integer weight,
        List<String> tags,
        List<Audience> audience,
        PageType type,
        boolean draft,
        String slug,
        List<String> aliases,
        Map<String, Object> params,
        LegalDoc legal,
        boolean khoanDiem,
        List<String> portals,
        int portalsLine,
        Study study) {

    /** The date a reader cares about: the last update, else the publication date. */
    public LocalDateTime lastChange() {
        return updated != null ? updated : date;
    }
}
