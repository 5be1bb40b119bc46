package camnang.content;

import camnang.Problems;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code site.yaml}; unknown keys are errors, since a typo there silently changes the whole site. */
final class SiteSettings {
    static final String FILE = "site.yaml";
    static final Set<String> KEYS = Set.of("title", "description", "language", "base_url", "menu",
            "broken_links", "raw_html", "footer", "portals", "tone_marks");
    private static final String KEY_LIST = "title, description, language, base_url, menu, broken_links, raw_html, footer, portals, "
            + "tone_marks";
    static final Set<String> PORTAL_KEYS = Set.of("id", "name", "base_url", "description", "address", "phone", "email", "city");

    private SiteSettings() {
    }

    static SiteConfig read(Path source, Problems problems) {
        String title = "Cẩm nang";
        String description = "";
        String language = "vi";
        String baseUrl = null;
        List<SiteConfig.MenuItem> menu = new ArrayList<>();
        SiteConfig.BrokenLinks broken = SiteConfig.BrokenLinks.ERROR;
        boolean rawHtml = false;
        String footer = "";
        List<SiteConfig.Portal> portals = new ArrayList<>();
        SiteConfig.ToneMarks toneMarks = SiteConfig.ToneMarks.ANY;
        Path file = source.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new SiteConfig(title, description, language, baseUrl, List.of(), broken, rawHtml, footer);
        }
        String text;
        try {
            text = SourceText.decode(Files.readAllBytes(file), FILE, problems);
        } catch (java.io.IOException e) {
            problems.error(FILE, 0, "không đọc được tệp: " + e.getMessage(), "Kiểm tra quyền đọc tệp.");
            text = null;
        }
        Node root = text == null ? null : Yamls.compose(text, FILE, 1, problems);
        if (root != null && !(root instanceof MappingNode)) {
            problems.error(FILE, Yamls.line(root, 1), "tệp cấu hình phải là các dòng \"khóa: giá trị\"",
                    "Ví dụ: title: Cẩm nang hòa giải ở cơ sở");
            root = null;
        }
        if (root != null) {
            for (NodeTuple t : ((MappingNode) root).getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                int line = Yamls.line(t.getKeyNode(), 1);
                Node v = t.getValueNode();
                if (!KEYS.contains(key)) {
                    String guess = Keys.misspelled(key, KEYS);
                    if (guess == null && key.equalsIgnoreCase("baseurl")) {
                        guess = "base_url";
                    }
                    problems.error(FILE, line, "khóa cấu hình \"" + key + "\" không được hỗ trợ",
                            guess != null ? "Có phải ý bạn là \"" + guess + "\"?" : "Các khóa được dùng: " + KEY_LIST + ".");
                    continue;
                }
                if (Yamls.isNull(v)) {
                    continue;
                }
                switch (key) {
                    case "title" -> title = scalar(v, key, line, problems, title);
                    case "description" -> description = scalar(v, key, line, problems, description);
                    case "language" -> language = scalar(v, key, line, problems, language);
                    case "footer" -> footer = scalar(v, key, line, problems, footer);
                    case "base_url" -> baseUrl = baseUrl(scalar(v, key, line, problems, ""), line, problems);
                    case "broken_links" -> {
                        String s = scalar(v, key, line, problems, "error");
                        if (s.equals("warn")) {
                            broken = SiteConfig.BrokenLinks.WARN;
                        } else if (!s.equals("error")) {
                            problems.error(FILE, line, "broken_links phải là \"error\" hoặc \"warn\", không phải \"" + s + "\"",
                                    "Dùng \"warn\" cho nội dung nhập từ nơi khác có liên kết tới trang không có ở đây.");
                        }
                    }
                    case "raw_html" -> {
                        String s = scalar(v, key, line, problems, "sanitize");
                        if (s.equals("allow")) {
                            rawHtml = true;
                        } else if (!s.equals("sanitize")) {
                            problems.error(FILE, line, "raw_html phải là \"sanitize\" hoặc \"allow\", không phải \"" + s + "\"",
                                    "\"sanitize\" (mặc định) lọc bỏ mã HTML không an toàn trong trang.");
                        }
                    }
                    case "tone_marks" -> {
                        String s = scalar(v, key, line, problems, "");
                        if (s.equals("old")) {
                            toneMarks = SiteConfig.ToneMarks.OLD;
                        } else if (s.equals("new")) {
                            toneMarks = SiteConfig.ToneMarks.NEW;
                        } else {
                            problems.error(FILE, line, "tone_marks phải là \"old\" hoặc \"new\", không phải \"" + s + "\"",
                                    "\"old\" đặt dấu như hòa, khỏe, thủy; \"new\" đặt dấu như hoà, khoẻ, thuỷ.");
                        }
                    }
                    case "menu" -> menu.addAll(menu(v, line, problems));
                    case "portals" -> portals.addAll(portals(v, line, problems));
                    default -> throw new IllegalStateException(key);
                }
            }
        }
        return new SiteConfig(title, description, language, baseUrl, List.copyOf(menu), broken, rawHtml, footer,
                List.copyOf(portals), toneMarks);
    }

    private static final java.util.regex.Pattern PORTAL_ID = java.util.regex.Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** The portals: each with an id of lower-case letters, digits and dashes, unique, and a name. */
    private static List<SiteConfig.Portal> portals(Node v, int line, Problems problems) {
        List<SiteConfig.Portal> out = new ArrayList<>();
        if (!(v instanceof SequenceNode seq)) {
            problems.error(FILE, line, "portals phải là một danh sách cổng thông tin có id và name",
                    "Ví dụ:\n    portals:\n      - id: phuong-1\n        name: Phường 1");
            return out;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Node item : seq.getValue()) {
            int itemLine = Yamls.line(item, 1);
            java.util.Map<String, String> f = new java.util.HashMap<>();
            java.util.Map<String, Integer> lines = new java.util.HashMap<>();
            if (item instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
                    int kLine = Yamls.line(t.getKeyNode(), 1);
                    if (!PORTAL_KEYS.contains(k)) {
                        String guess = Keys.misspelled(k, PORTAL_KEYS);
                        problems.error(FILE, kLine, "khóa \"" + k + "\" không dùng được cho một cổng thông tin",
                                guess != null ? "Có phải ý bạn là \"" + guess + "\"?"
                                        : "Các khóa được dùng: id, name, base_url, description, address, phone, email, city.");
                        continue;
                    }
                    f.put(k, t.getValueNode() instanceof ScalarNode s ? s.getValue().strip() : "");
                    lines.put(k, kLine);
                }
            }
            String id = f.getOrDefault("id", "");
            String name = f.getOrDefault("name", "");
            if (id.isEmpty() || name.isEmpty()) {
                problems.error(FILE, itemLine, "cổng thông tin cần có cả id và name",
                        "Ví dụ:\n      - id: phuong-1\n        name: Phường 1");
                continue;
            }
            if (!PORTAL_ID.matcher(id).matches()) {
                String slug = camnang.Slug.of(id);
                problems.error(FILE, lines.get("id"), "mã cổng \"" + id + "\" không hợp lệ",
                        "Chỉ dùng chữ thường không dấu, số và dấu gạch ngang" + (slug.isEmpty() ? "." : ", ví dụ: " + slug + "."));
                continue;
            }
            if (!ids.add(id)) {
                problems.error(FILE, lines.get("id"), "mã cổng \"" + id + "\" bị trùng", "Mỗi cổng thông tin một mã riêng.");
                continue;
            }
            String base = f.containsKey("base_url") ? baseUrl(f.get("base_url"), lines.get("base_url"), problems) : null;
            boolean city = f.containsKey("city") && switch (camnang.Slug.of(f.get("city"))) {
                case "true", "yes", "co" -> true;
                default -> false;
            };
            out.add(new SiteConfig.Portal(id, name, base, f.getOrDefault("description", ""), f.getOrDefault("address", ""),
                    f.getOrDefault("phone", ""), f.getOrDefault("email", ""), city, itemLine));
        }
        return out;
    }

    static String baseUrl(String s, int line, Problems problems) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(s.strip());
            if ((u.getScheme() == null || !u.getScheme().matches("https?")) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
            String out = u.toString();
            return out.endsWith("/") ? out : out + "/";
        } catch (Exception e) {
            problems.error(FILE, line, "địa chỉ gốc \"" + s + "\" không hợp lệ",
                    "Viết đầy đủ, ví dụ: https://sadec.dongthap.gov.vn/hoa-giai/");
            return null;
        }
    }

    private static String scalar(Node v, String key, int line, Problems problems, String fallback) {
        if (v instanceof ScalarNode s) {
            return s.getValue().strip();
        }
        problems.error(FILE, line, "khóa \"" + key + "\" phải là một dòng chữ", "Ví dụ: " + key + ": Nội dung");
        return fallback;
    }

    private static List<SiteConfig.MenuItem> menu(Node v, int line, Problems problems) {
        List<SiteConfig.MenuItem> out = new ArrayList<>();
        if (!(v instanceof SequenceNode seq)) {
            problems.error(FILE, line, "menu phải là một danh sách mục có title và link",
                    "Ví dụ:\n    menu:\n      - title: Người dân\n        link: nguoi-dan/");
            return out;
        }
        for (Node item : seq.getValue()) {
            int itemLine = Yamls.line(item, 1);
            String title = null;
            String link = null;
            if (item instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
                    String val = t.getValueNode() instanceof ScalarNode s ? s.getValue().strip() : null;
                    switch (k) {
                        case "title" -> title = val;
                        case "link" -> link = val;
                        default -> {
                            String guess = Keys.misspelled(k, Set.of("title", "link"));
                            problems.error(FILE, Yamls.line(t.getKeyNode(), 1), "khóa \"" + k + "\" không dùng được trong menu",
                                    guess != null ? "Có phải ý bạn là \"" + guess + "\"?" : "Mỗi mục menu chỉ có title và link.");
                        }
                    }
                }
            }
            if (title == null || title.isEmpty() || link == null || link.isEmpty()) {
                problems.error(FILE, itemLine, "mục menu cần có cả title và link",
                        "Ví dụ:\n      - title: Người dân\n        link: nguoi-dan/");
                continue;
            }
            out.add(new SiteConfig.MenuItem(title, link, itemLine));
        }
        return out;
    }
}
