package camnang.content;

import java.util.List;

/**
 * Settings from {@code site.yaml}; every field has a default, so a folder of
 * Markdown without settings builds.
 */
public record SiteConfig(
        String title,
        String description,
        String language,
        String baseUrl,
        List<MenuItem> menu,
        BrokenLinks brokenLinks,
        boolean rawHtml,
        String footer,
        List<Portal> portals,
        ToneMarks toneMarks) {

    public SiteConfig(String title, String description, String language, String baseUrl, List<MenuItem> menu,
                      BrokenLinks brokenLinks, boolean rawHtml, String footer) {
        this(title, description, language, baseUrl, menu, brokenLinks, rawHtml, footer, List.of());
    }

    public SiteConfig(String title, String description, String language, String baseUrl, List<MenuItem> menu,
                      BrokenLinks brokenLinks, boolean rawHtml, String footer, List<Portal> portals) {
        this(title, description, language, baseUrl, menu, brokenLinks, rawHtml, footer, portals, ToneMarks.ANY);
    }

    /**
     * Where the site puts the tone mark of {@code oa}, {@code oe}, {@code uy} at a syllable's end
     * ({@code tone_marks} in site.yaml): {@code check --fix} writes every page that way.
     */
    public enum ToneMarks {
        /** Not chosen: only a page mixing both is noted. */
        ANY,
        /** On the first vowel: hòa, khỏe, thủy. */
        OLD,
        /** On the second vowel: hoà, khoẻ, thuỷ. */
        NEW
    }

    /**
     * A portal the content is published on: the city's or a ward's (xã, phường).
     *
     * @param id      short name, also its output folder under {@code --all-portals} ({@code phuong-1})
     * @param baseUrl where the portal publishes this site, or null
     * @param city    whether it is the city's portal, which lists the wards and which the wards link back to
     * @param line    its line in site.yaml
     */
    public record Portal(String id, String name, String baseUrl, String description, String address, String phone,
                         String email, boolean city, int line) {
    }

    /** The city's portal: the one marked {@code city: true}, else the first; null without portals. */
    public Portal city() {
        return portals.stream().filter(Portal::city).findFirst().orElse(portals.isEmpty() ? null : portals.get(0));
    }

    public java.util.Optional<Portal> portal(String id) {
        return portals.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public enum BrokenLinks {
        ERROR, WARN;

        /** How a link that leads nowhere is reported in this mode. */
        public camnang.Problem.Severity severity() {
            return this == WARN ? camnang.Problem.Severity.WARNING : camnang.Problem.Severity.ERROR;
        }
    }

    /** A menu entry; {@code link} is resolved against the source folder like a Markdown link. */
    public record MenuItem(String title, String link, int line) {
    }
}
