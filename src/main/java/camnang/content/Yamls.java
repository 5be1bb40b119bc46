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
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + firstLine : firstLine;
            problems.error(rel, line, "YAML không hợp lệ: " + explain(e.getProblem(), e.getContext()),
                    "Mỗi dòng có dạng \"khóa: giá trị\"; giá trị có dấu hai chấm hoặc bắt đầu bằng ký tự đặc biệt "
                            + "cần đặt trong ngoặc kép; thụt lề bằng dấu cách, không dùng Tab.");
            return null;
        } catch (YAMLException e) {
            problems.error(rel, firstLine, "YAML không hợp lệ: " + explain(e.getMessage(), null),
                    "Kiểm tra lại cú pháp YAML của phần này.");
            return null;
        }
    }

    /** snakeyaml speaks English; staff get the common cases in Vietnamese. */
    private static String explain(String problem, String context) {
        String p = problem == null ? "" : problem;
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
        return "cú pháp sai (" + p.trim() + ")";
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
