package camnang.content;

import camnang.Problems;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** YAML read as nodes, so every value keeps its line for error messages. */
final class Yamls {
    private Yamls() {
    }

    /**
     * The node tree of {@code yaml}, or null after reporting a syntax error.
     *
     * @param firstLine the line of the file on which {@code yaml} starts
     */
    static Node compose(String yaml, String rel, int firstLine, Problems problems) {
        return compose(yaml, rel, firstLine, problems, false);
    }

    /** How many lines of front matter are read as plain text before giving up. */
    private static final int REPAIRS = 20;
    private static final java.util.regex.Pattern TOP_LEVEL = java.util.regex.Pattern.compile("^([A-Za-z_][\\w-]*):[ \\t]+(\\S.*?)\\s*$");

    /**
     * Like {@link #compose(String, String, int, Problems)}, but a top-level line whose value
     * breaks YAML only by a colon or quotes inside it ({@code trich_yeu: Quy định: …}, as
     * other generators tolerate) is read as plain text, with a warning instead of an error.
     */
    static Node compose(String yaml, String rel, int firstLine, Problems problems, boolean lenient) {
        if (lenient) {
            String[] lines = yaml.split("\n", -1);
            List<Integer> repaired = new ArrayList<>();
            for (int attempt = 0; attempt <= REPAIRS; attempt++) {
                try {
                    Node n = parse(String.join("\n", lines));
                    for (int i : repaired) {
                        problems.warning(rel, i + firstLine, "giá trị không đúng cú pháp YAML (có dấu hai chấm hoặc ngoặc kép "
                                + "bên trong); camnang đọc cả dòng là chữ",
                                "Đặt giá trị trong ngoặc kép, và viết dấu ngoặc kép bên trong là \\\".");
                    }
                    return n;
                } catch (MarkedYAMLException e) {
                    int at = e.getProblemMark() == null ? -1 : e.getProblemMark().getLine();
                    int fix = repairable(lines, at);
                    if (fix < 0 || repaired.contains(fix)) {
                        break;
                    }
                    java.util.regex.Matcher m = TOP_LEVEL.matcher(lines[fix]);
                    m.matches();
                    String value = m.group(2);
                    if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    lines[fix] = m.group(1) + ": '" + value.replace("'", "''") + "'";
                    repaired.add(fix);
                } catch (YAMLException e) {
                    break;
                }
            }
        }
        try {
            return parse(yaml);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + firstLine : firstLine;
            problems.error(rel, line, "YAML không hợp lệ: " + explain(e.getProblem(), e.getContext()),
                    "Mỗi dòng có dạng \"khóa: giá trị\"; giá trị có dấu hai chấm hoặc bắt đầu bằng ký tự đặc biệt "
                            + "cần đặt trong ngoặc kép; thụt lề bằng dấu cách, không dùng Tab.");
            return null;
        } catch (org.yaml.snakeyaml.reader.ReaderException e) {
            // A control character, as a paste from Word or PDF leaves: named by its code and line.
            int at = Math.min(Math.max(e.getPosition(), 0), yaml.length());
            int line = firstLine + (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count();
            problems.error(rel, line, String.format("YAML không hợp lệ: có ký tự điều khiển không in được (U+%04X)",
                            e.getCodePoint()),
                    "Ký tự này thường lẫn vào khi chép từ Word hoặc PDF. Xóa nó (gõ lại dòng này nếu không thấy).");
            return null;
        } catch (YAMLException e) {
            problems.error(rel, firstLine, "YAML không hợp lệ: " + explain(e.getMessage(), null),
                    "Kiểm tra lại cú pháp YAML của phần này.");
            return null;
        }
    }

    /** Building a Yaml costs more than reading a page's front matter with it; one per thread. */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        return new Yaml(new SafeConstructor(options));
    });

    private static Node parse(String yaml) {
        return YAML.get().compose(new StringReader(yaml));
    }

    /** The line to read as text: the failing line, or the nearest top-level line above it. */
    private static int repairable(String[] lines, int at) {
        for (int i = Math.min(at, lines.length - 1); i >= 0 && i >= at - 1; i--) {
            java.util.regex.Matcher m = TOP_LEVEL.matcher(lines[i]);
            if (m.matches()) {
                String v = m.group(2);
                char c = v.charAt(0);
                boolean quoted = c == '"' || c == '\'';
                if ("[{|>&*!%@`#".indexOf(c) >= 0) {
                    return -1;
                }
                if (v.contains(": ") || (quoted && v.indexOf(c, 1) < v.length() - 1)) {
                    return i;
                }
                return -1;
            }
        }
        return -1;
    }

    /** snakeyaml speaks English; staff get every case in Vietnamese. */
    private static String explain(String problem, String context) {
        String p = problem == null ? "" : problem;
        String c = context == null ? "" : context;
        if (p.contains("mapping values are not allowed")) {
            return "có dấu hai chấm ở chỗ không được phép";
        }
        if (p.contains("could not find expected ':'")) {
            return "thiếu dấu hai chấm sau tên khóa";
        }
        if (p.contains("'\\t'") || p.contains("\\t(TAB)")) {
            return "thụt lề bằng phím Tab";
        }
        if (p.contains("found unexpected end of stream") || p.contains("found unexpected end")) {
            return "thiếu dấu ngoặc kép hoặc ngoặc đóng";
        }
        if (p.contains("did not find expected key") || p.contains("expected <block end>")) {
            return "thụt lề không đều hoặc thiếu dấu gạch đầu dòng";
        }
        if (p.contains("found character") && p.contains("cannot start any token")) {
            return "có ký tự không được đứng đầu giá trị (hãy đặt giá trị trong ngoặc kép)";
        }
        if (p.contains("expected ',' or ']'")) {
            return "danh sách trong ngoặc vuông [ ] thiếu dấu phẩy hoặc dấu ] đóng";
        }
        if (p.contains("expected ',' or '}'")) {
            return "nhóm trong ngoặc nhọn { } thiếu dấu phẩy hoặc dấu } đóng";
        }
        if (p.contains("escape")) {
            return "dấu \\ trong ngoặc kép đứng trước ký tự không hợp lệ (hãy viết \\\\ hoặc dùng ngoặc đơn ')";
        }
        if (p.contains("alias") || c.contains("anchor") || c.contains("alias")) {
            return "giá trị bắt đầu bằng * hoặc & (hãy đặt giá trị trong ngoặc kép)";
        }
        if (c.contains("block scalar")) {
            return "sau dấu | hoặc > không được viết gì trên cùng dòng (viết nội dung ở các dòng dưới, thụt lề)";
        }
        if (p.contains("sequence entries are not allowed")) {
            return "dấu gạch đầu dòng ở chỗ không được phép (mỗi mục danh sách viết trên một dòng riêng)";
        }
        if (p.contains("another document") || p.contains("document start") || c.contains("directive")) {
            return "có dòng \"---\" thừa hoặc dòng bắt đầu bằng %";
        }
        if (p.contains("tag") || c.contains("tag")) {
            return "giá trị bắt đầu bằng dấu ! (hãy đặt giá trị trong ngoặc kép)";
        }
        return "cú pháp sai";
    }

    static int line(Node n, int firstLine) {
        return n.getStartMark().getLine() + firstLine;
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && (s.getTag().getValue().endsWith(":null"));
    }

    /** Plain Java values for templates: strings, lists and maps, in the order written. */
    static Object toJava(Node n) {
        if (n instanceof ScalarNode s) {
            return isNull(n) ? "" : s.getValue();
        }
        if (n instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>();
            for (Node item : seq.getValue()) {
                list.add(toJava(item));
            }
            return List.copyOf(list);
        }
        if (n instanceof MappingNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    map.put(k.getValue(), toJava(t.getValueNode()));
                }
            }
            return map;
        }
        return "";
    }
}
