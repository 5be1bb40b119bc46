package camnang.content;

import camnang.Problem;
import java.nio.file.Path;
import java.time.LocalDate;

/** Writes new pages for staff ({@code camnang new}): the front matter filled in, a body to complete. */
public final class Scaffold {
    private Scaffold() {
    }

    public enum Status {
        /** The page was written. */
        CREATED,
        /** A file already holds that name or that page address; nothing was written. */
        EXISTS,
        /** The content folder is missing or the file could not be written. */
        FAILED,
        /** The request itself is wrong: unknown type, empty title, a folder outside the content. */
        INVALID
    }

    /**
     * What {@link #create} did.
     *
     * @param file      the page written (for {@link Status#CREATED}), else null
     * @param newFolder the outermost folder created for it, or null when the folder was there
     * @param type      the page's type, or null when the request named none that exists
     * @param problem   why nothing was written, or null
     */
    public record Result(Status status, Path file, Path newFolder, PageType type, Problem problem) {
    }

    /**
     * Writes a new page into {@code source}, never over an existing file.
     *
     * @param type    {@code guide}, {@code lesson}, {@code law}, {@code faq}, {@code news}, {@code plan}
     *                or a Vietnamese name of one ({@code hoi-dap})
     * @param title   the page's title as staff typed it
     * @param section a folder inside {@code source}, created if missing; null or empty for the top
     * @param slug    the file name to use instead of the title's, or null
     * @param today   the page's date
     */
    public static Result create(Path source, String type, String title, String section, String slug, LocalDate today) {
        return NewPage.create(source, type, title, section, slug, today);
    }
}
