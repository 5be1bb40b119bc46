package camnang.content;

/**
 * A page of the site: a Markdown file, or a section's index (from {@code _index.md},
 * or made up when the folder has none).
 *
 * @param source   path of the Markdown file relative to the source folder, with {@code /}
 * @param output   path of the HTML file relative to the output folder
 * @param body     the Markdown after the front matter, read when needed
 * @param bodyLine the line of the source file on which {@code body} starts (1-based)
 * @param section  the folder of the section the page belongs to ({@code ""} for the root);
 *                 for a section's index, its own folder
 */
public record Page(
        Kind kind,
        String source,
        String output,
        Meta meta,
        Body body,
        int bodyLine,
        String section,
        boolean synthetic) {

    public String title() {
        return meta.title();
    }
}
