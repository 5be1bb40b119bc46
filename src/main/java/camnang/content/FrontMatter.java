package camnang.content;

import camnang.Problems;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Splits a Markdown file into its YAML front matter, read into {@link Meta}, and its body. */
final class FrontMatter {

    /**
     * @param bodyStart where the body starts in the text
     * @param blankFrom the start, within the body, of a heading taken as the title (else -1)
     * @param blankTo   its end, before its line break
     */
    record Result(Meta meta, String body, int bodyLine, int bodyStart, int blankFrom, int blankTo) {
    }

    /** Keys camnang reads. */
    static final Set<String> KNOWN = Set.of(
            "title", "description", "date", "updated", "weight", "tags", "audience", "type", "draft",
            "slug", "aliases", "khoan_diem", "portals", "course", "goals", "minutes", "laws");

    /** Keys other generators write that mean one of ours. */
    static final Map<String, String> MIGRATED = Map.of(
            "lastedit", "updated", "lastmod", "updated", "modified", "updated", "last_modified_at", "updated",
            "permalink", "aliases");

    /**
     * Keys of imported legal files that look like misspellings of ours but are not: counts of
     * articles, chapters, pages ({@code so_dieu} is not {@code so_hieu}). Kept as parameters.
     */
    static final Set<String> NOT_MISSPELT = Set.of("so_dieu", "so_chuong", "so_muc", "so_trang", "so_phu_luc",
            "so_cong_bao", "so_dieu_khoan", "so_phan");

    /** Keys other generators write that mean nothing here. */
    static final Set<String> IGNORED = Set.of("layout");

    private static final Set<String> ALL_KNOWN;

    static {
        Set<String> all = new LinkedHashSet<>(KNOWN);
        all.addAll(MIGRATED.keySet());
        all.addAll(IGNORED);
        all.addAll(LegalFields.CANONICAL);
        ALL_KNOWN = Set.copyOf(all);
    }

    /** Keys from other generators, counted over a build so staff get one notice per key. */
    static final class Migrations {
        record Seen(String firstFile, int firstLine, int count) {
        }

        final ConcurrentMap<String, Seen> seen = new ConcurrentHashMap<>();

        void saw(String key, String rel, int line) {
            seen.merge(key, new Seen(rel, line, 1), (a, b) -> {
                boolean earlier = b.firstFile.compareTo(a.firstFile) < 0;
                return new Seen(earlier ? b.firstFile : a.firstFile, earlier ? b.firstLine : a.firstLine, a.count + 1);
            });
        }

        void report(Problems problems) {
            seen.keySet().stream().sorted().forEach(key -> {
                Seen s = seen.get(key);
                String where = s.count == 1 ? "" : " (ở " + s.count + " tệp, đây là tệp đầu tiên)";
                if (IGNORED.contains(key)) {
                    problems.notice(s.firstFile, s.firstLine, "bỏ qua khóa \"" + key + "\" của trình tạo trang khác" + where,
                            "camnang chọn giao diện theo loại trang; có thể xóa khóa này.");
                } else {
                    problems.notice(s.firstFile, s.firstLine, "hiểu khóa \"" + key + "\" là \"" + MIGRATED.get(key) + "\"" + where,
                            "Có thể đổi tên khóa thành \"" + MIGRATED.get(key) + "\".");
                }
            });
        }
    }

    private FrontMatter() {
    }

    static Result parse(String text, String rel, Problems problems, Migrations migrations) {
        int yamlStart;
        int yamlEnd;
        int bodyStart;
        int bodyLine;
        if (!(text.startsWith("---\n") || text.startsWith("---\r\n") || text.equals("---"))) {
            return finish(null, text, 1, 0, rel, problems, migrations, 2);
        }
        yamlStart = text.indexOf('\n') + 1;
        int pos = yamlStart;
        int line = 2;
        yamlEnd = -1;
        bodyStart = text.length();
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String l = text.substring(pos, end).stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                yamlEnd = pos;
                bodyStart = nl < 0 ? text.length() : nl + 1;
                break;
            }
            pos = end + 1;
            line++;
        }
        if (yamlEnd < 0) {
            problems.error(rel, 1, "phần đầu trang mở bằng \"---\" nhưng không có dòng \"---\" đóng lại",
                    "Thêm một dòng chỉ có \"---\" sau dòng cuối của phần đầu trang.");
            return finish(null, "", 1, text.length(), rel, problems, migrations, 2);
        }
        bodyLine = line + 1;
        Node root = Yamls.compose(text.substring(yamlStart, yamlEnd), rel, 2, problems, true);
        if (root != null && !(root instanceof MappingNode)) {
            problems.error(rel, Yamls.line(root, 2), "phần đầu trang phải là các dòng \"khóa: giá trị\"",
                    "Ví dụ: title: Hòa giải ở cơ sở là gì");
            root = null;
        }
        return finish((MappingNode) root, text.substring(bodyStart), bodyLine, bodyStart, rel, problems, migrations, 2);
    }

    private static Result finish(MappingNode root, String body, int bodyLine, int bodyStart, String rel, Problems problems,
                                 Migrations migrations, int firstLine) {
        Builder b = new Builder(rel, problems, firstLine);
        if (root != null) {
            Set<String> seen = new LinkedHashSet<>();
            for (NodeTuple t : root.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
                    problems.error(rel, Yamls.line(t.getKeyNode(), firstLine), "tên khóa phải là chữ",
                            "Viết mỗi khóa dạng \"khóa: giá trị\".");
                    continue;
                }
                String key = keyNode.getValue();
                int line = Yamls.line(keyNode, firstLine);
                if (!seen.add(key)) {
                    // Other generators keep the last value; so do we, but say so.
                    problems.warning(rel, line, "khóa \"" + key + "\" được viết hai lần; dùng giá trị ở dòng này",
                            "Xóa một trong hai dòng.");
                }
                b.key(key, line, t.getValueNode(), migrations);
            }
        }
        String title = b.title;
        String bodyOut = body;
        int blankFrom = -1;
        int blankTo = -1;
        if (title == null || title.isBlank()) {
            TitleFromHeading h = TitleFromHeading.find(body);
            if (h != null) {
                title = h.title();
                bodyOut = h.bodyWithoutIt();
                blankFrom = h.from();
                blankTo = h.to();
            }
        }
        int[] tableLines = new int[2];
        Map<String, LegalFields.Raw> table = bodyOut.indexOf('|') >= 0
                ? LegalFields.table(bodyOut, bodyLine, tableLines) : Map.of();
        LegalDoc legal = LegalFields.build(b.legal, table, tableLines, title == null ? "" : title, b.typeText,
                b.typeLawLine, rel, problems);
        Meta meta = new Meta(title == null ? "" : title, b.description, b.date, b.updated, b.weight,
                List.copyOf(b.tags), List.copyOf(b.audience), b.type, b.draft, b.slug,
                List.copyOf(b.aliases), java.util.Collections.unmodifiableMap(b.params), legal, b.khoanDiem,
                List.copyOf(b.portals), b.portalsLine, b.study());
        return new Result(meta, bodyOut, bodyLine, bodyStart, blankFrom, blankTo);
    }

    /** The first ATX heading; an h1 is removed from the body since the template shows the title. */
    record TitleFromHeading(String title, String bodyWithoutIt, int from, int to) {
        static TitleFromHeading find(String body) {
            int pos = 0;
            boolean fence = false;
            while (pos < body.length()) {
                int nl = body.indexOf('\n', pos);
                int end = nl < 0 ? body.length() : nl;
                String l = body.substring(pos, end).strip();
                if (l.startsWith("```") || l.startsWith("~~~")) {
                    fence = !fence;
                } else if (!fence && l.startsWith("#")) {
                    int level = 0;
                    while (level < l.length() && l.charAt(level) == '#') {
                        level++;
                    }
                    if (level <= 6 && (level == l.length() || l.charAt(level) == ' ')) {
                        String t = l.substring(level).replaceAll("\\s#+$", "").strip();
                        t = t.replaceAll("[*_`]", "");
                        if (!t.isEmpty()) {
                            if (level == 1) {
                                // Keep the line count: the removed heading becomes an empty line.
                                String rest = body.substring(0, pos) + body.substring(end);
                                return new TitleFromHeading(t, rest, pos, end);
                            }
                            return new TitleFromHeading(t, body, -1, -1);
                        }
                    }
                }
                pos = end + 1;
            }
            return null;
        }
    }

    private static final class Builder {
        final String rel;
        final Problems problems;
        final int firstLine;
        String title;
        String description = "";
        LocalDateTime date;
        LocalDateTime updated;
        boolean updatedExplicit;
        Integer weight;
        final List<String> tags = new ArrayList<>();
        final List<Audience> audience = new ArrayList<>();
        PageType type;
        boolean draft;
        String slug;
        final List<String> aliases = new ArrayList<>();
        final Map<String, Object> params = new LinkedHashMap<>();
        final Map<String, LegalFields.Raw> legal = new LinkedHashMap<>();
        String typeText;
        int typeLawLine;
        boolean khoanDiem;
        final List<String> portals = new ArrayList<>();
        int portalsLine;
        int typeLine;
        boolean course;
        int courseLine;
        final List<String> goals = new ArrayList<>();
        Integer minutes;
        final List<String> laws = new ArrayList<>();
        /** The line of the first study key, where a lesson without {@code type} is reported. */
        int studyLine;
        final Set<String> studyKeys = new java.util.TreeSet<>();

        Builder(String rel, Problems problems, int firstLine) {
            this.rel = rel;
            this.problems = problems;
            this.firstLine = firstLine;
        }

        void key(String key, int line, Node value, Migrations migrations) {
            String legalField = LegalFields.field(key);
            if (legalField != null) {
                boolean canonical = key.equals(legalField);
                // The first spelling found wins over later ones; the canonical key over every other.
                if (!Yamls.isNull(value) && (canonical || !legal.containsKey(legalField))) {
                    legal.put(legalField, new LegalFields.Raw(key, Yamls.toJava(value), line, canonical));
                }
                if (!canonical) {
                    params.put(key, Yamls.toJava(value));
                }
                return;
            }
            if (IGNORED.contains(key)) {
                migrations.saw(key, rel, line);
                params.put(key, Yamls.toJava(value));
                return;
            }
            String target = key;
            if (MIGRATED.containsKey(key)) {
                migrations.saw(key, rel, line);
                target = MIGRATED.get(key);
            } else if (!KNOWN.contains(key)) {
                String guess = NOT_MISSPELT.contains(key.toLowerCase(java.util.Locale.ROOT).replace('-', '_'))
                        ? null : Keys.misspelled(key, ALL_KNOWN);
                if (guess != null) {
                    problems.error(rel, line, "khóa \"" + key + "\" không có trong danh sách khóa của camnang",
                            "Có phải ý bạn là \"" + guess + "\"? Sửa lại tên khóa.");
                } else {
                    params.put(key, Yamls.toJava(value));
                }
                return;
            }
            if (Yamls.isNull(value)) {
                return;
            }
            switch (target) {
                case "title" -> title = text(key, value, line);
                case "description" -> description = orEmpty(text(key, value, line));
                case "date" -> date = date(key, value, line);
                case "updated" -> {
                    // An explicit "updated" wins over migrated names such as "lastedit".
                    LocalDateTime d = date(key, value, line);
                    if (key.equals("updated")) {
                        updated = d;
                        updatedExplicit = true;
                    } else if (!updatedExplicit && d != null && (updated == null || d.isAfter(updated))) {
                        updated = d;
                    }
                }
                case "weight" -> weight = integer(key, value, line);
                case "tags" -> tags.addAll(list(key, value, line));
                case "audience" -> {
                    for (String a : list(key, value, line)) {
                        Audience parsed = Audience.parse(a);
                        if (parsed == null) {
                            problems.error(rel, line, "đối tượng \"" + a + "\" không hợp lệ",
                                    "Chỉ dùng: người dân, hòa giải viên, cán bộ." + closest(a, Audience.values()));
                        } else if (!audience.contains(parsed)) {
                            audience.add(parsed);
                        }
                    }
                }
                case "type" -> {
                    String t = text(key, value, line);
                    typeLine = line;
                    if (t != null) {
                        typeText = t;
                        typeLawLine = camnang.Slug.of(t).equals("law") ? line : 0;
                        type = PageType.parse(t);
                        if (type == null) {
                            problems.error(rel, line, "loại trang \"" + t + "\" không hợp lệ",
                                    "Chỉ dùng: guide, law, plan, lesson, faq, news." + closest(t, PageType.values()));
                        }
                    }
                }
                case "draft" -> draft = bool(key, value, line);
                case "slug" -> slug = text(key, value, line);
                case "aliases" -> aliases.addAll(list(key, value, line));
                case "khoan_diem" -> khoanDiem = bool(key, value, line);
                case "portals" -> {
                    portals.addAll(list(key, value, line));
                    portalsLine = line;
                }
                case "course" -> {
                    course = bool(key, value, line);
                    courseLine = line;
                    studied(key, line);
                }
                case "goals" -> {
                    goals.addAll(items(key, value, line, "goals: [Nêu được các nguyên tắc hòa giải ở cơ sở]"));
                    studied(key, line);
                }
                case "minutes" -> {
                    minutes = minutes(key, value, line);
                    studied(key, line);
                }
                case "laws" -> {
                    laws.addAll(items(key, value, line, "laws: [Điều 7 Luật Hòa giải ở cơ sở]"));
                    studied(key, line);
                }
                default -> throw new IllegalStateException(target);
            }
        }

        private void studied(String key, int line) {
            studyKeys.add(key);
            if (studyLine == 0) {
                studyLine = line;
            }
        }

        /** Null for a page that says nothing of study and is no lesson. */
        Study study() {
            if (studyLine == 0 && type != PageType.LESSON) {
                return null;
            }
            int at = typeLine > 0 ? typeLine : studyLine > 0 ? studyLine : 1;
            return new Study(course, List.copyOf(goals), minutes, List.copyOf(laws), at, courseLine, Set.copyOf(studyKeys));
        }

        /**
         * A list of sentences: a single line is one item (a goal often holds commas), a YAML
         * list is one item per entry.
         */
        private List<String> items(String key, Node value, int line, String example) {
            if (value instanceof ScalarNode) {
                String t = text(key, value, line);
                return t == null || t.isEmpty() ? List.of() : List.of(t);
            }
            if (value instanceof SequenceNode) {
                return list(key, value, line);
            }
            problems.error(rel, line, "khóa \"" + key + "\" phải là một danh sách", "Viết dạng: " + example);
            return List.of();
        }

        private Integer minutes(String key, Node value, int line) {
            String s = text(key, value, line);
            if (s == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(s);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // Reported below with the value as written.
            }
            problems.error(rel, line, "khóa \"" + key + "\" phải là số phút (số nguyên lớn hơn 0), không phải \"" + s + "\"",
                    "Ví dụ: " + key + ": 15 (thời gian học ước tính của bài, tính bằng phút).");
            return null;
        }

        private static String closest(String value, Enum<?>[] options) {
            String best = null;
            int bestD = Integer.MAX_VALUE;
            for (Enum<?> o : options) {
                String name = o instanceof PageType p ? p.key : ((Audience) o).label;
                int d = camnang.EditDistance.of(camnang.Slug.of(value), camnang.Slug.of(name));
                if (d < bestD) {
                    bestD = d;
                    best = name;
                }
            }
            return bestD <= 3 ? " Có phải ý bạn là \"" + best + "\"?" : "";
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }

        private String text(String key, Node value, int line) {
            if (value instanceof ScalarNode s) {
                return java.text.Normalizer.normalize(s.getValue().strip(), java.text.Normalizer.Form.NFC);
            }
            problems.error(rel, line, "khóa \"" + key + "\" phải là một dòng chữ",
                    "Viết trên cùng một dòng, ví dụ: " + key + ": Nội dung");
            return null;
        }

        private LocalDateTime date(String key, Node value, int line) {
            String s = text(key, value, line);
            if (s == null) {
                return null;
            }
            LocalDateTime d = Dates.parse(s);
            if (d == null) {
                problems.error(rel, line, "ngày \"" + s + "\" không hợp lệ ở khóa \"" + key + "\"",
                        "Viết ngày có thật theo dạng 24/06/2024 (ngày/tháng/năm) hoặc 2024-06-24.");
            }
            return d;
        }

        private Integer integer(String key, Node value, int line) {
            String s = text(key, value, line);
            if (s == null) {
                return null;
            }
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                problems.error(rel, line, "khóa \"" + key + "\" phải là số nguyên, không phải \"" + s + "\"",
                        "Ví dụ: " + key + ": 3 (số nhỏ đứng trước).");
                return null;
            }
        }

        private boolean bool(String key, Node value, int line) {
            String s = text(key, value, line);
            if (s == null) {
                return false;
            }
            switch (camnang.Slug.of(s)) {
                case "true", "yes", "co", "on" -> {
                    return true;
                }
                case "false", "no", "khong", "off" -> {
                    return false;
                }
                default -> {
                    problems.error(rel, line, "khóa \"" + key + "\" phải là true hoặc false, không phải \"" + s + "\"",
                            "Viết " + key + ": true hoặc " + key + ": false.");
                    return false;
                }
            }
        }

        private List<String> list(String key, Node value, int line) {
            List<String> out = new ArrayList<>();
            if (value instanceof ScalarNode s) {
                for (String part : s.getValue().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            } else if (value instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (item instanceof ScalarNode s) {
                        if (!s.getValue().isBlank()) {
                            out.add(java.text.Normalizer.normalize(s.getValue().strip(), java.text.Normalizer.Form.NFC));
                        }
                    } else {
                        problems.error(rel, Yamls.line(item, firstLine), "mỗi mục của \"" + key + "\" phải là một dòng chữ",
                                "Viết dạng danh sách: " + key + ": [mục 1, mục 2]");
                    }
                }
            } else {
                problems.error(rel, line, "khóa \"" + key + "\" phải là một danh sách",
                        "Viết dạng: " + key + ": [mục 1, mục 2]");
            }
            return out;
        }
    }
}
