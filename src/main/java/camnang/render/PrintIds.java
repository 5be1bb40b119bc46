package camnang.render;

import camnang.markdown.RenderedPage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * A module's print page puts its lessons' HTML one after another, and each lesson was rendered
 * alone: every one has a {@code quiz-1}, headings with the same ids ({@code dieu-can-nho}),
 * a {@code tinh-huong_1}, the same glossary tooltips ({@code tn-hoa-giai-vien}), and radio
 * groups named {@code quiz-1-1}, so that ticking an answer in one lesson would untick another
 * lesson's. Giving each lesson's ids, names and the references to them a prefix of its own
 * ({@code bai-3--quiz-1}) makes them unique on the page while links, labels and tooltips
 * inside a lesson still find their targets.
 */
final class PrintIds {
    /** Attributes that hold ids of elements in the same page, separated by spaces. */
    private static final List<String> ID_LISTS = List.of("for", "headers", "list", "form", "aria-describedby",
            "aria-labelledby", "aria-controls", "aria-owns", "aria-flowto", "aria-details", "aria-errormessage",
            "aria-activedescendant");
    /** As {@code html/Html} writes pages, so that a lesson on the print page reads as on its own page. */
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .charset("UTF-8")
            .escapeMode(Entities.EscapeMode.base);

    private PrintIds() {
    }

    /**
     * The prefix of the {@code n}th lesson (from 1) of a module. A number, not the lesson's
     * slug: it holds no {@code --} itself, so two lessons' prefixed ids can never meet.
     */
    static String prefix(int n) {
        return "bai-" + n + "--";
    }

    /**
     * {@code html}, one lesson's fragment, with every id and {@code name} prefixed, and so every
     * reference to them: in-page links ({@code href="#x"}; one to nothing stays broken the same
     * way, which {@link #mend} relies on) and the id lists of labels, ARIA attributes and tables.
     */
    static String unique(String html, String prefix) {
        Document d = Jsoup.parseBodyFragment(html);
        d.outputSettings(OUTPUT);
        Element body = d.body();
        Set<String> ids = new HashSet<>();
        for (Element e : body.select("[id]")) {
            ids.add(e.id());
            e.id(prefix + e.id());
        }
        for (Element e : body.select("[href^=#]")) {
            String target = e.attr("href").substring(1);
            if (!target.isEmpty()) {
                e.attr("href", "#" + prefix + target);
            }
        }
        for (String attr : ID_LISTS) {
            for (Element e : body.select("[" + attr + "]")) {
                StringBuilder sb = new StringBuilder();
                for (String token : e.attr(attr).trim().split("\\s+")) {
                    if (!token.isEmpty()) {
                        sb.append(sb.length() == 0 ? "" : " ").append(ids.contains(token) ? prefix + token : token);
                    }
                }
                e.attr(attr, sb.toString());
            }
        }
        // Radio groups (a quiz's questions) and old-style <a name> anchors, which in-page links may name.
        for (Element e : body.select("[name]")) {
            e.attr("name", prefix + e.attr("name"));
        }
        return body.html();
    }

    /**
     * A mend of the lesson's own page as it applies on the print page: a link within the lesson
     * ({@code href="#x"}) was prefixed by {@link #unique}, and so must be what it is mended to;
     * {@code href="#"} (the top of the page) and links to other pages stay as they are.
     */
    static RenderedPage.Mend mend(RenderedPage.Mend m, String prefix) {
        return new RenderedPage.Mend(inPage(m.from(), prefix), inPage(m.to(), prefix));
    }

    private static String inPage(String attribute, String prefix) {
        String start = "href=\"#";
        return attribute.startsWith(start) && !attribute.equals(start + "\"")
                ? start + prefix + attribute.substring(start.length()) : attribute;
    }
}
