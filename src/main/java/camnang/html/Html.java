package camnang.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The {@code html} stage: raw HTML that authors put in Markdown is kept only as far as a
 * jsoup {@link Safelist} allows, so a pasted script or event handler never reaches a
 * citizen's browser.
 */
public final class Html {
    private static final String BASE = "http://camnang.invalid/";
    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("aside", "section", "figure", "figcaption", "details", "summary", "mark", "abbr", "time",
                    "nav", "hr", "small", "s", "del", "ins", "kbd", "var", "samp")
            // A quiz's markup (markdown/QuizRenderer) survives a page's raw HTML being cleaned.
            .addTags("fieldset", "legend", "label", "input")
            .addAttributes("input", "type", "name", "value")
            .addAttributes("section", "data-quiz")
            .addAttributes("li", "data-kind", "data-answer")
            .addAttributes(":all", "id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden",
                    "aria-describedby", "aria-labelledby", "aria-live")
            .addAttributes("a", "rel")
            .addAttributes("time", "datetime")
            .addAttributes("details", "open")
            .addAttributes("th", "scope")
            .addAttributes("ol", "reversed")
            .addProtocols("a", "href", "tel")
            .preserveRelativeLinks(true);
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .charset("UTF-8")
            .escapeMode(Entities.EscapeMode.base);

    private Html() {
    }

    /** The fragment with everything outside the safelist removed. */
    public static String sanitize(String fragment) {
        return Jsoup.clean(fragment, BASE, SAFE, OUTPUT);
    }

    /** Whether a piece of raw HTML passes the safelist untouched. */
    public static boolean isSafe(String fragment) {
        // Judged element by element, not by jsoup's isValid: Markdown splits raw HTML into
        // pieces (a lone "</div>"), which are parse errors but not dangerous.
        for (org.jsoup.nodes.Element e : Jsoup.parseBodyFragment(fragment, BASE).body().getAllElements()) {
            if (e.tagName().equals("body")) {
                continue;
            }
            if (!SAFE.isSafeTag(e.tagName())) {
                return false;
            }
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                if (!SAFE.isSafeAttribute(e.tagName(), e, a)) {
                    return false;
                }
            }
        }
        return true;
    }
}
