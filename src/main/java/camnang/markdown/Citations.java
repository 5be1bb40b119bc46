package camnang.markdown;

import camnang.Problems;
import camnang.Slug;
import camnang.Urls;
import camnang.content.LegalDoc;
import camnang.content.Page;
import camnang.content.Site;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References to legal documents in running text become links: "Nghị định số 15/2014/NĐ-CP",
 * "Điều 7 Luật Hòa giải ở cơ sở", "khoản 2 Điều 8 Luật số 35/2013/QH13", "Điều 10 của Luật này".
 * A registry of every document the site holds (by number, and by its common names) says
 * where each one is; a reference to a document the site lacks stays text and is listed once as
 * a notice; a reference to a document no longer in force is a warning at its line.
 */
final class Citations {
    private static final String FORMS = "Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết liên tịch|Nghị quyết"
            + "|Thông tư liên tịch|Thông tư|Quyết định|Chỉ thị|Hiến pháp|Lệnh";
    private static final String NUMBER = LegalDoc.NUMBER.pattern();

    /** The registries of the sites being built; a site is built once per run. */
    private static final PerSite<Citations> SITES = new PerSite<>(Citations::new);

    /** A document the site holds: its page, its metadata, and the ids of its articles by number. */
    record Doc(Page page, LegalDoc legal, Map<String, String> articles) {
    }

    /** Where an article is: a page and an id. */
    record Place(Page page, String id) {
    }

    private record Unknown(String written, String file, int line, int count) {
    }

    private final Map<String, Doc> byNumber = new HashMap<>();
    private final Map<String, Doc> byName = new HashMap<>();
    /** Articles of documents reproduced in other pages (the legal code book's "(Điều 9 Luật số …)"), by number key. */
    private final Map<String, Map<String, Place>> reproduced = new HashMap<>();
    /** Articles of the legal code book ({@code Điều 37.1.LQ.7}) by id, and the page that holds each. */
    private final Map<String, Page> coded = new HashMap<>();
    /** Names of held documents by their first two words, folded; longest first. */
    private final Map<String, List<String>> namesByHead = new HashMap<>();
    /** The first letters of those names, lower-cased: a word starting otherwise opens none. */
    private String heads = "";
    /** {@link #headLetter} for the letters Vietnamese is written in (Latin up to U+1FFF), looked up instead of searched. */
    private final boolean[] headTable = new boolean[0x2000];
    /** The first words of those names, lower-cased ("luật", "bộ"). */
    private final List<String> headWords = new ArrayList<>();


    private Citations(Site site) {
        List<Page> legal = site.pages().stream().filter(p -> p.meta().legal() != null && !p.synthetic()).toList();
        List<List<LegalStructure.Article>> articles = legal.parallelStream()
                .map(p -> LegalStructure.articles(p.body().text())).toList();
        List<String> names = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder();
        for (int i = 0; i < legal.size(); i++) {
            Page p = legal.get(i);
            LegalDoc d = p.meta().legal();
            fingerprint.append(p.output()).append('\u0000').append(d).append('\u0000').append(p.meta().khoanDiem())
                    .append('\u0000').append(articles.get(i)).append('\n');
            Map<String, String> own = new HashMap<>();
            for (LegalStructure.Article a : articles.get(i)) {
                if (a.number().chars().allMatch(c -> Character.isDigit(c) || Character.isLowerCase(c))) {
                    own.putIfAbsent(a.number(), a.id());
                }
                if (a.number().indexOf('.') > 0) {
                    coded.putIfAbsent(a.id(), p);
                }
                if (a.source() != null) {
                    reproduced.computeIfAbsent(LegalDoc.key(a.source().number()), k -> new HashMap<>())
                            .putIfAbsent(a.source().article(), new Place(p, a.id()));
                }
            }
            Doc doc = new Doc(p, d, Map.copyOf(own));
            if (!d.number().isEmpty()) {
                // Two pages of one number: the first in site order holds it.
                byNumber.putIfAbsent(LegalDoc.key(d.number()), doc);
            }
            for (String n : d.names()) {
                if (n.length() >= 6 && byName.putIfAbsent(Slug.fold(n), doc) == null) {
                    names.add(n);
                }
            }
        }
        identity = fingerprint.toString();
        names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        for (String n : names) {
            namesByHead.computeIfAbsent(head(n, 0), k -> new ArrayList<>()).add(n);
            String word = (n.indexOf(' ') < 0 ? n : n.substring(0, n.indexOf(' '))).toLowerCase(java.util.Locale.ROOT);
            if (!headWords.contains(word)) {
                headWords.add(word);
            }
            char first = Character.toLowerCase(n.charAt(0));
            if (heads.indexOf(first) < 0) {
                heads += first;
            }
        }
        for (char c = 0; c < headTable.length; c++) {
            headTable[c] = heads.indexOf(Character.toLowerCase(c)) >= 0;
        }
    }

    static Citations of(Site site) {
        return SITES.of(site);
    }

    private static final Pattern REF_BEFORE = Pattern.compile("(?<![\\p{L}\\d])(?:(?:[Đđ]iểm\\s+([a-zđ])\\s+(?:của\\s+)?)?"
            + "(?:[Kk]hoản\\s+(\\d{1,3})\\s+(?:của\\s+)?)?[Đđ]iều\\s+(\\d{1,4}[a-zđ]?)\\s+(?:của\\s+|tại\\s+)?)$");
    private static final Pattern FORM_BEFORE = Pattern.compile("(?<![\\p{L}\\d])(" + FORMS + ")\\s+(?:số\\s+)?$");
    private static final Pattern THIS_BEFORE = Pattern.compile("(?<![\\p{L}\\d])(" + FORMS + ")\\s+$");
    private static final Pattern NUMBER_AFTER = Pattern.compile("\\s+(?:số\\s+)?(" + NUMBER + ")");

    /**
     * A reference found in a text: {@code [start, end)}, the article, khoản and điểm it names
     * (or null), and the document: by {@code number}, by {@code name} (with a number written
     * after it, or null), or the page's own document ({@code thisForm}: "Luật" of "Luật này").
     */
    private record Mention(int start, int end, String diem, String khoan, String article, String number, String name,
                           String thisForm, Page coded, String codedId) {
        Mention(int start, int end, String diem, String khoan, String article, String number, String name, String thisForm) {
            this(start, end, diem, khoan, article, number, name, thisForm, null, null);
        }
    }

    private static final Pattern CODED = Pattern.compile("Điều\\s+(\\d+(?:\\.\\d+)*\\.\\p{Lu}{1,3}(?:\\.\\d+[a-zđ]?)+)");

    /** The first two words of a name, folded: the key names are looked up by. */
    private static String head(String s, int from) {
        int a = s.indexOf(' ', from);
        if (a < 0) {
            return s.substring(from).toLowerCase(java.util.Locale.ROOT);
        }
        int b = s.indexOf(' ', a + 1);
        return s.substring(from, b < 0 ? s.length() : b).toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a held name's first word starts at {@code at}: most words that share its first letter do not. */
    private boolean headWordAt(String s, int at) {
        for (String w : headWords) {
            if (s.regionMatches(true, at, w, 0, w.length()) && boundary(s, at + w.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
    }

    /**
     * Every reference in a text, in order, without overlaps. Found from the cheap parts first
     * (a number, a held document's name, "này") and then extended backwards over "Luật số"
     * and "khoản 2 Điều 8": one regular expression for the whole would try every position of
     * 150 MB of legal text against every name.
     */
    private List<Mention> find(String s, boolean self) {
        List<Mention> found = new ArrayList<>();
        if (s.indexOf('/') >= 0) {
            Matcher m = LegalDoc.NUMBER.matcher(s).useTransparentBounds(true);
            int from = 0;
            // Every number holds a slash within a few characters of its start: try only the
            // digits that start a word before a slash, not every position of the text.
            for (int slash = s.indexOf('/'); slash >= 0; slash = s.indexOf('/', slash + 1)) {
                boolean hit = false;
                for (int k = Math.max(from, slash - 12); k < slash && !hit; k++) {
                    hit = Character.isDigit(s.charAt(k)) && (k == 0 || !Character.isLetterOrDigit(s.charAt(k - 1)))
                            && m.region(k, s.length()).lookingAt() && boundary(s, m.end());
                }
                if (!hit) {
                    continue;
                }
                from = m.end();
                slash = Math.max(slash, m.end() - 1);
                int start = m.start();
                Matcher f = FORM_BEFORE.matcher(s.substring(Math.max(0, start - 40), start));
                if (f.find()) {
                    start -= f.end() - f.start();
                }
                found.add(new Mention(start, m.end(), null, null, null, m.group(), null, null));
            }
        }
        if (!namesByHead.isEmpty()) {
            // One pass over the words: a word that opens a held document's name ("Luật", "Bộ")
            // is looked up with the word after it.
            int n = s.length();
            for (int at = 0; at < n; at++) {
                char c = s.charAt(at);
                if (!headLetter(c) || !boundary(s, at - 1)) {
                    continue;
                }
                List<String> names = headWordAt(s, at) ? namesByHead.get(head(s, at)) : null;
                if (names == null) {
                    continue;
                }
                for (String name : names) {
                    if (s.regionMatches(true, at, name, 0, name.length()) && boundary(s, at + name.length())) {
                        int end = at + name.length();
                        String number = null;
                        Matcher after = NUMBER_AFTER.matcher(s).region(end, n);
                        if (after.lookingAt() && boundary(s, after.end())) {
                            number = after.group(1);
                            end = after.end();
                        }
                        found.add(new Mention(at, end, null, null, null, number, name, null));
                        at = end - 1;
                        break;
                    }
                }
            }
        }
        if (!coded.isEmpty()) {
            Matcher c = CODED.matcher(s);
            for (int at = s.indexOf("Điều "); at >= 0; at = s.indexOf("Điều ", at + 5)) {
                if (at + 5 >= s.length() || !Character.isDigit(s.charAt(at + 5)) || !c.region(at, s.length()).lookingAt()) {
                    continue;
                }
                String id = LegalStructure.articleId(c.group(1));
                Page p = coded.get(id);
                if (p != null && boundary(s, c.end()) && !(c.end() < s.length() && s.charAt(c.end()) == '.' && c.end() + 1 < s.length()
                        && Character.isDigit(s.charAt(c.end() + 1)))) {
                    found.add(new Mention(at, c.end(), null, null, null, null, null, null, p, id));
                }
            }
        }
        int i = 0;
        while (self && (i = s.indexOf("này", i)) >= 0) {
            int at = i;
            i += 3;
            if (!boundary(s, i)) {
                continue;
            }
            Matcher f = THIS_BEFORE.matcher(s.substring(Math.max(0, at - 30), at));
            if (f.find()) {
                found.add(new Mention(at - (f.end() - f.start()), i, null, null, null, null, null, f.group(1)));
            }
        }
        found.sort(Comparator.comparingInt(Mention::start).thenComparing(Comparator.comparingInt(Mention::end).reversed()));
        List<Mention> out = new ArrayList<>();
        int last = 0;
        for (Mention m : found) {
            if (m.start() < last) {
                continue;
            }
            Matcher r = REF_BEFORE.matcher(s.substring(Math.max(last, m.start() - 60), m.start()));
            int start = m.start();
            String diem = null;
            String khoan = null;
            String article = null;
            if (r.find()) {
                start -= r.end() - r.start();
                diem = r.group(1);
                khoan = r.group(2);
                article = r.group(3);
            }
            if (m.coded() != null) {
                out.add(m);
                last = m.end();
                continue;
            }
            out.add(new Mention(start, m.end(), diem, khoan, article, m.number(), m.name(), m.thisForm()));
            last = m.end();
        }
        return out;
    }

    /** Turns the references in the page's text into links, before links are resolved. */
    void link(Document doc, PageContext ctx) {
        boolean self = ctx.page.meta().legal() != null;
        List<Text> texts = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        // Depth first, not entering links, images, headings and code: their text is no citation.
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(doc);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Text t) {
                String text = ctx.text(t);
                if (mayCite(text, self)) {
                    texts.add(t);
                    strings.add(text);
                }
                continue;
            }
            if (n instanceof Link || n instanceof LinkRef || n instanceof Image || n instanceof ImageRef
                    || n instanceof Heading || n instanceof Code) {
                continue;
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                stack.push(c);
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            link(texts.get(i), strings.get(i), ctx);
        }
    }

    /** Whether a text can hold a reference at all: a slash of a number, a held name, an article code, "này". */
    private boolean mayCite(String s, boolean self) {
        if (s.indexOf('/') >= 0 || self && s.contains("này") || !coded.isEmpty() && s.contains("Điều")) {
            return true;
        }
        // Held names: find() looks for them in the same single pass it would make here.
        return !heads.isEmpty();
    }

    /** Whether a name of a held document may start with this letter. */
    private boolean headLetter(char c) {
        return c < headTable.length ? headTable[c] : heads.indexOf(Character.toLowerCase(c)) >= 0;
    }

    private void link(Text node, String s, PageContext ctx) {
        BasedSequence chars = node.getChars();
        List<Mention> mentions = find(s, ctx.page.meta().legal() != null);
        if (mentions.isEmpty()) {
            return;
        }
        int last = 0;
        for (Mention m : mentions) {
            String diem = m.diem();
            String khoan = m.khoan();
            String article = m.article();
            int line = ctx.line(chars.getStartOffset() + m.start());
            Doc target = null;
            String numberWritten = null;
            if (m.coded() != null) {
                last = emit(node, chars, last, m.start(), m.end(), m.coded(), m.codedId(), line, ctx);
                continue;
            }
            if (m.name() != null) {
                target = byName.get(Slug.fold(m.name()));
                if (m.number() != null) {
                    Doc byNum = byNumber.get(LegalDoc.key(m.number()));
                    target = byNum != null ? byNum : target;
                }
            } else if (m.number() != null) {
                numberWritten = m.number();
            } else {
                // "Luật này": the page's own document, when it is one of that form.
                LegalDoc own = ctx.page.meta().legal();
                if (own != null && article != null && Slug.of(own.form()).equals(Slug.of(m.thisForm()))) {
                    target = own.number().isEmpty() ? null : byNumber.get(LegalDoc.key(own.number()));
                    if (target == null) {
                        target = new Doc(ctx.page, own, Map.of());
                    }
                }
                if (target == null) {
                    continue;
                }
            }
            Place place;
            if (numberWritten != null) {
                String key = LegalDoc.key(numberWritten);
                target = byNumber.get(key);
                if (target == null) {
                    Map<String, Place> rep = reproduced.get(key);
                    place = rep == null || article == null ? null : rep.get(article);
                    if (place == null) {
                        ctx.unknown.add(new RenderedPage.Cited(numberWritten, line));
                        continue;
                    }
                    last = emit(node, chars, last, m.start(), m.end(), place.page(), place.id() + points(place.page(), khoan, diem), line, ctx);
                    continue;
                }
            }
            if (target == null) {
                continue;
            }
            if (article == null && target.page() == ctx.page) {
                continue;
            }
            String anchor = "";
            Page page = target.page();
            if (article != null) {
                String id = target.articles().get(article);
                if (id == null && !target.legal().number().isEmpty()) {
                    Map<String, Place> rep = reproduced.get(LegalDoc.key(target.legal().number()));
                    Place p = rep == null ? null : rep.get(article);
                    if (p != null) {
                        page = p.page();
                        id = p.id();
                    }
                }
                if (id == null && page == ctx.page) {
                    // An article of this page that camnang cannot place: a link to the page itself says nothing.
                    continue;
                }
                anchor = id == null ? "" : id + points(page, khoan, diem);
            }
            warnIfRepealed(target, ctx, line);
            last = emit(node, chars, last, m.start(), m.end(), page, anchor, line, ctx);
        }
        if (last > 0) {
            if (last < s.length()) {
                node.insertBefore(new Text(chars.subSequence(last)));
            }
            node.unlink();
        }
    }

    private static String points(Page page, String khoan, String diem) {
        if (khoan == null || !page.meta().khoanDiem()) {
            return "";
        }
        return LegalStructure.pointId("", Integer.parseInt(khoan), diem);
    }

    /** Inserts the text before the reference and a link for it; returns where the text goes on. */
    private static int emit(Text node, BasedSequence chars, int last, int start, int end, Page page, String anchor,
                            int line, PageContext ctx) {
        if (start > last) {
            node.insertBefore(new Text(chars.subSequence(last, start)));
        }
        String href = page == ctx.page ? "" : Urls.encodePath(Urls.relative(ctx.page.output(), page.output()));
        if (!anchor.isEmpty()) {
            href += "#" + anchor;
        }
        BasedSequence text = chars.subSequence(start, end);
        Link link = new Link();
        link.setUrlChars(BasedSequence.of(href));
        link.setTextChars(text);
        link.setChars(text);
        link.appendChild(new Text(text));
        node.insertBefore(link);
        ctx.hrefs.put(href, href);
        if (!anchor.isEmpty()) {
            ctx.anchors.add(new RenderedPage.AnchorLink(line, page.output(), anchor, text.toString(), href, true));
        }
        return end;
    }

    private void warnIfRepealed(Doc target, PageContext ctx, int line) {
        LegalDoc d = target.legal();
        if (d.status() == null || !d.status().outOfForce() || target.page() == ctx.page) {
            return;
        }
        LegalDoc own = ctx.page.meta().legal();
        if (own != null && (mentions(d.replacedBy(), own) || mentions(own.replaces(), d))) {
            // The document that replaced it says so: not a stale reference.
            return;
        }
        String by = d.replacedBy().isEmpty() ? "" : " Văn bản thay thế: " + String.join("; ", d.replacedBy()) + ".";
        ctx.problems.warning(ctx.page.source(), line, "dẫn chiếu tới văn bản đã hết hiệu lực: " + d.label(),
                "Dẫn chiếu văn bản đang có hiệu lực." + by + " Nếu cần nhắc văn bản cũ, nói rõ là văn bản đã hết hiệu lực.");
    }

    private static boolean mentions(List<String> refs, LegalDoc doc) {
        return !doc.number().isEmpty() && refs.stream().anyMatch(r -> containsNumber(r, doc.number()));
    }


    private static boolean containsNumber(String text, String number) {
        Matcher m = LegalDoc.NUMBER.matcher(text);
        while (m.find()) {
            if (LegalDoc.key(m.group()).equals(LegalDoc.key(number))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One notice per document the site lacks, at its first reference in site order (file, then
     * line), with how often pages cite it.
     */
    static void report(List<RenderedPage> pages, Problems problems) {
        Map<String, Unknown> unknown = new java.util.LinkedHashMap<>();
        List<RenderedPage> sorted = new ArrayList<>(pages);
        sorted.sort(Comparator.comparing(p -> p.page().source()));
        for (RenderedPage p : sorted) {
            for (RenderedPage.Cited c : p.unknownDocuments()) {
                unknown.merge(LegalDoc.key(c.number()), new Unknown(c.number(), p.page().source(), c.line(), 1),
                        (a, b) -> new Unknown(a.written, a.file, a.line, a.count + b.count));
            }
        }
        unknown.values().forEach(u -> problems.notice(u.file, u.line, "văn bản " + u.written
                        + " được dẫn chiếu nhưng không có trong bộ tài liệu" + (u.count > 1 ? " (" + u.count + " lần, đây là lần đầu)" : ""),
                "Liên kết sẽ được tạo khi thêm trang của văn bản này (có so_hieu: " + u.written + ")."));
    }

    /** This registry's fingerprint: its documents and their articles, all rendered pages depend on. */
    private final String identity;

    String identity() {
        return identity;
    }
}
