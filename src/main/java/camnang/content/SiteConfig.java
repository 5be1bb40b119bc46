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
        String footer) {

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
