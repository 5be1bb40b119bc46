package camnang.content;

import camnang.Problems;
import camnang.Slug;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the data files of {@code _du-lieu/}: the mediation teams and the yearly results, as
 * staff export them from Excel (CSV, UTF-8 with or without BOM, comma separated, quoted
 * fields), or written by hand in YAML. Every bad cell is reported at its line with what to do;
 * the row is then left out.
 */
final class DataFiles {
    /** The folder of data files, at the top of the content folder; never published as it is. */
    static final String DIR = "_du-lieu";
    static final String TEAMS = "to-hoa-giai";
    static final String RESULTS = "ket-qua";

    private static final List<String> TEAM_COLUMNS = List.of("cong", "to_hoa_giai", "dia_ban", "to_truong", "thanh_vien",
            "dien_thoai", "ghi_chu");
    private static final Set<String> TEAM_REQUIRED = Set.of("cong", "to_hoa_giai", "dia_ban", "to_truong", "thanh_vien",
            "dien_thoai");
    private static final List<String> RESULT_COLUMNS = List.of("cong", "nam", "hoa_giai_vien_tap_huan", "vu_viec_tiep_nhan",
            "vu_viec_hoa_giai_thanh", "ghi_chu");
    private static final Set<String> RESULT_REQUIRED = Set.of("cong", "nam", "hoa_giai_vien_tap_huan", "vu_viec_tiep_nhan",
            "vu_viec_hoa_giai_thanh");
    /** Excel's row-number column, which staff often keep: read past it. */
    private static final String IGNORED = "stt";
    private static final Set<String> PLACEHOLDERS = Set.of("dang-cap-nhat", "chua-cap-nhat", "chua-co", "khong-co");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]*");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+");

    private DataFiles() {
    }

    /**
     * One row of a data file: its cells by column, the line of each (in CSV, all on the row's
     * line), and how the file names a column in messages: {@code cột} in CSV, {@code khóa} in YAML.
     */
    private record Row(int line, Map<String, String> cells, Map<String, Integer> lines, String word) {
        String get(String column) {
            return cells.getOrDefault(column, "");
        }

        int line(String column) {
            return lines.getOrDefault(column, line);
        }
    }

    /** The rows of one file, and the file as messages name it. */
    private record Table(String rel, List<Row> rows) {
    }

    static LocalData read(Path source, SiteConfig config, Problems problems) {
        Path dir = source.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return LocalData.EMPTY;
        }
        Set<String> names = new TreeSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String teamsFile = pick(names, TEAMS, problems);
        String resultsFile = pick(names, RESULTS, problems);
        for (String n : names) {
            if (!n.startsWith(".") && !n.equals(teamsFile) && !n.equals(resultsFile) && !isData(n, TEAMS) && !isData(n, RESULTS)) {
                problems.notice(DIR + "/" + n, 0, "tệp này không được dùng và không được đăng lên trang",
                        "Thư mục " + DIR + " chỉ đọc hai tệp: " + TEAMS + ".csv (tổ hòa giải) và " + RESULTS
                                + ".csv (kết quả hòa giải). Kiểm tra tên tệp nếu đây là một trong hai tệp đó.");
            }
        }
        Portals portals = new Portals(config);
        List<LocalData.Team> teams = new ArrayList<>();
        Table t = teamsFile == null ? null : table(source, teamsFile, TEAM_COLUMNS, TEAM_REQUIRED, problems);
        if (t != null) {
            teams(t, portals, problems, teams);
        }
        List<LocalData.Result> results = new ArrayList<>();
        Table r = resultsFile == null ? null : table(source, resultsFile, RESULT_COLUMNS, RESULT_REQUIRED, problems);
        if (r != null) {
            results(r, portals, problems, results);
        }
        return new LocalData(teams, results);
    }

    private static boolean isData(String name, String stem) {
        return name.equals(stem + ".csv") || name.equals(stem + ".yaml") || name.equals(stem + ".yml");
    }

    /** The file for {@code stem}: its CSV, else its YAML; both at once is an error, since one would be silently ignored. */
    private static String pick(Set<String> names, String stem, Problems problems) {
        List<String> found = new ArrayList<>();
        for (String ext : List.of(".csv", ".yaml", ".yml")) {
            if (names.contains(stem + ext)) {
                found.add(stem + ext);
            }
        }
        if (found.size() > 1) {
            problems.error(DIR + "/" + found.get(1), 0, "có cả " + String.join(" và ", found) + " cho cùng một số liệu",
                    "Giữ một tệp (" + stem + ".csv xuất từ Excel là đủ) và xóa tệp kia.");
        }
        return found.isEmpty() ? null : DIR + "/" + found.get(0);
    }

    /** The rows of a file, or null after reporting why it cannot be read (then its pages are not made). */
    private static Table table(Path source, String rel, List<String> columns, Set<String> required, Problems problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source.resolve(rel));
        } catch (IOException e) {
            problems.error(rel, 0, "không đọc được tệp: " + e.getMessage(), "Kiểm tra quyền đọc tệp.");
            return null;
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            problems.error(rel, 1, "đây là tệp Excel (.xlsx), không phải tệp CSV",
                    "Trong Excel chọn Lưu thành (Save As) → \"CSV UTF-8 (Comma delimited)\", rồi chép tệp .csv vào đây.");
            return null;
        }
        String text = SourceText.decode(bytes, rel, problems);
        if (text == null) {
            return null;
        }
        return rel.endsWith(".csv") ? csv(text, rel, columns, required, problems) : yaml(text, rel, columns, required, problems);
    }

    private static Table csv(String text, String rel, List<String> columns, Set<String> required, Problems problems) {
        List<Csv.Record> records = Csv.parse(text, rel, problems);
        if (records == null) {
            return null;
        }
        if (records.isEmpty()) {
            problems.error(rel, 1, "tệp trống, thiếu dòng tên cột", "Dòng đầu ghi tên các cột: " + String.join(", ", columns) + ".");
            return null;
        }
        Csv.Record header = records.get(0);
        List<String> names = new ArrayList<>();
        for (String h : header.fields()) {
            names.add(column(h));
        }
        if (!checkColumns(names, header.fields(), header.line(), columns, required, rel, "cột", problems)) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (Csv.Record rec : records.subList(1, records.size())) {
            List<String> f = rec.fields();
            // Excel writes empty cells past the last column when a row was once longer: those are harmless.
            boolean extraEmpty = f.size() > names.size() && f.subList(names.size(), f.size()).stream().allMatch(String::isEmpty);
            if (f.size() != names.size() && !extraEmpty) {
                problems.error(rel, rec.line(), "dòng có " + f.size() + " ô, trong khi dòng đầu có " + names.size() + " cột",
                        "Mỗi dòng cần đủ " + names.size() + " ô, cách nhau bằng dấu phẩy; ô có dấu phẩy bên trong thì đặt "
                                + "trong ngoặc kép, ví dụ \"Khóm 1, khóm 2\".");
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).equals(IGNORED)) {
                    cells.put(names.get(i), f.get(i));
                }
            }
            rows.add(new Row(rec.line(), cells, Map.of(), "cột"));
        }
        return new Table(rel, rows);
    }

    /** A column name as staff may write it: {@code Tổ hòa giải}, {@code to-hoa-giai} and {@code to_hoa_giai} are one. */
    private static String column(String header) {
        return Slug.of(header).replace('-', '_');
    }

    /** Unknown, repeated and missing columns; false when a required one is missing. */
    private static boolean checkColumns(List<String> names, List<String> written, int line, List<String> columns,
                                        Set<String> required, String rel, String word, Problems problems) {
        List<String> unknown = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.equals(IGNORED)) {
                continue;
            }
            if (!columns.contains(n)) {
                unknown.add(written.get(i).strip());
            } else if (!seen.add(n)) {
                problems.error(rel, line, word + " \"" + n + "\" có hai lần", "Xóa một trong hai " + word + " trùng tên.");
            }
        }
        boolean ok = true;
        List<String> explained = new ArrayList<>();
        for (String c : columns) {
            if (!required.contains(c) || seen.contains(c)) {
                continue;
            }
            ok = false;
            String close = unknown.stream().filter(u -> camnang.EditDistance.of(column(u), c) <= 2).findFirst().orElse(null);
            if (close != null) {
                explained.add(close);
                problems.error(rel, line, "thiếu " + word + " \"" + c + "\"",
                        "Có phải " + word + " \"" + close + "\" là " + word + " này? Sửa tên thành \"" + c + "\".");
            } else {
                problems.error(rel, line, "thiếu " + word + " \"" + c + "\"", word.equals("cột")
                        ? "Dòng đầu của tệp ghi tên các cột, cách nhau bằng dấu phẩy: " + String.join(", ", columns) + "."
                        : "Mỗi mục ghi đủ các khóa: " + String.join(", ", columns) + ".");
            }
        }
        for (String u : unknown) {
            if (!explained.contains(u)) {
                problems.error(rel, line, word + " \"" + u + "\" không được dùng",
                        "Các " + word + " của tệp này: " + String.join(", ", columns) + ". Xóa " + word + " thừa hoặc sửa tên.");
            }
        }
        return ok;
    }

    /** A YAML file: a list of entries with the same keys as the CSV's columns; {@code thanh_vien} may be a list. */
    private static Table yaml(String text, String rel, List<String> columns, Set<String> required, Problems problems) {
        Node root = Yamls.compose(text, rel, 1, problems);
        if (root == null) {
            return null;
        }
        if (Yamls.isNull(root)) {
            return new Table(rel, List.of());
        }
        if (!(root instanceof SequenceNode seq)) {
            problems.error(rel, Yamls.line(root, 1), "tệp phải là một danh sách, mỗi mục bắt đầu bằng dấu gạch ngang",
                    "Ví dụ:\n    - cong: phuong-1\n      " + columns.get(1) + ": …");
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (Node item : seq.getValue()) {
            int line = Yamls.line(item, 1);
            if (!(item instanceof MappingNode m)) {
                problems.error(rel, line, "mục này không phải các dòng \"khóa: giá trị\"", "Ví dụ:\n    - cong: phuong-1");
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            Map<String, Integer> lines = new HashMap<>();
            List<String> written = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (NodeTuple tu : m.getValue()) {
                String key = tu.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
                Node v = tu.getValueNode();
                String value;
                if (v instanceof SequenceNode list) {
                    List<String> parts = new ArrayList<>();
                    for (Node x : list.getValue()) {
                        parts.add(x instanceof ScalarNode s ? s.getValue().strip() : "");
                    }
                    value = String.join("; ", parts);
                } else {
                    value = v instanceof ScalarNode s && !Yamls.isNull(v) ? s.getValue().strip() : "";
                }
                written.add(key);
                names.add(column(key));
                cells.put(column(key), value);
                lines.put(column(key), Yamls.line(tu.getKeyNode(), 1));
            }
            if (checkColumns(names, written, line, columns, required, rel, "khóa", problems)) {
                cells.remove(IGNORED);
                rows.add(new Row(line, cells, lines, "khóa"));
            }
        }
        return new Table(rel, rows);
    }

    /** The declared portals, and what a cell in {@code cong} may name. */
    private static final class Portals {
        final SiteConfig config;
        final Set<String> ids = new TreeSet<>();
        /** The city's id when the site also has wards: its figures are the wards' sum, not a row of their own. */
        final String city;

        Portals(SiteConfig config) {
            this.config = config;
            config.portals().forEach(p -> ids.add(p.id()));
            this.city = config.portals().size() > 1 && config.city() != null ? config.city().id() : null;
        }

        String name(String id) {
            return config.portal(id).map(SiteConfig.Portal::name).orElse(id);
        }

        /** The cell's portal id, or null after reporting; {@code ""} on a site without portals and an empty cell. */
        String check(Row row, Table t, Problems problems, String cityHint) {
            String id = row.get("cong");
            int line = row.line("cong");
            if (id.isEmpty()) {
                if (ids.isEmpty()) {
                    return "";
                }
                problems.error(t.rel(), line, "chưa ghi cổng thông tin (" + row.word() + " cong)",
                        "Ghi mã của xã, phường như trong site.yaml, ví dụ " + example() + ".");
                return null;
            }
            if (!ids.contains(id)) {
                String list = config.portals().stream().map(SiteConfig.Portal::id).filter(i -> !i.equals(city))
                        .reduce((a, b) -> a + ", " + b).orElse("");
                String guess = guess(id);
                problems.error(t.rel(), line, "không có cổng thông tin \"" + id + "\" trong site.yaml", ids.isEmpty()
                        ? "Khai báo các cổng trong mục portals của site.yaml, hoặc để trống " + row.word() + " cong."
                        : (guess == null ? "" : "Có phải ý bạn là \"" + guess + "\"? ") + "Ghi mã của xã, phường như trong site.yaml: "
                                + list + ".");
                return null;
            }
            if (id.equals(city)) {
                problems.error(t.rel(), line, "\"" + id + "\" là cổng của thành phố, " + cityHint,
                        "Ghi mã của xã, phường, ví dụ " + example() + "; trang của thành phố tự gộp số liệu của các xã, phường.");
                return null;
            }
            return id;
        }

        private String example() {
            return config.portals().stream().map(SiteConfig.Portal::id).filter(i -> !i.equals(city)).findFirst().orElse("phuong-1");
        }

        /** The declared id closest to what was written: the same words ({@code Phường 1}), else a near spelling. */
        private String guess(String written) {
            String slug = Slug.of(written);
            for (SiteConfig.Portal p : config.portals()) {
                if (p.id().equals(slug) || Slug.of(p.name()).equals(slug)) {
                    return p.id();
                }
            }
            return ids.stream().min(Comparator.comparingInt((String i) -> camnang.EditDistance.of(slug, i)).thenComparing(i -> i))
                    .filter(i -> camnang.EditDistance.of(slug, i) <= 3).orElse(null);
        }
    }

    private static void teams(Table t, Portals portals, Problems problems, List<LocalData.Team> out) {
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : t.rows()) {
            boolean ok = true;
            String portal = portals.check(row, t, problems, "tổ hòa giải thuộc xã, phường");
            ok &= portal != null;
            String name = row.get("to_hoa_giai");
            if (name.isEmpty()) {
                problems.error(t.rel(), row.line("to_hoa_giai"), "chưa ghi tên tổ hòa giải (" + row.word() + " to_hoa_giai)",
                        "Ghi tên tổ, ví dụ Tổ hòa giải khóm 1.");
                ok = false;
            }
            List<String> phones = new ArrayList<>();
            String phone = row.get("dien_thoai");
            if (!phone.isEmpty() && !PLACEHOLDERS.contains(Slug.of(phone))) {
                for (String p : phone.split("[,;/]")) {
                    String s = p.strip();
                    if (s.isEmpty()) {
                        continue;
                    }
                    if (!PHONE.matcher(s).matches() || s.replaceAll("[^0-9]", "").length() < 6) {
                        problems.error(t.rel(), row.line("dien_thoai"), "số điện thoại \"" + s + "\" không hợp lệ",
                                "Ghi số bằng chữ số, ví dụ 0277 3861 234; nhiều số thì cách nhau bằng dấu phẩy; chưa có thì để trống.");
                        ok = false;
                    } else {
                        phones.add(s);
                    }
                }
            }
            if (ok) {
                String key = portal + "\u0000" + Slug.of(name);
                Integer first = seen.putIfAbsent(key, row.line());
                if (first != null) {
                    problems.error(t.rel(), row.line(), "tổ hòa giải \"" + name + "\"" + (portal.isEmpty() ? "" : " của " + portals.name(portal))
                            + " đã có ở dòng " + first, "Mỗi tổ một dòng: xóa dòng trùng, hoặc đặt tên khác cho một trong hai tổ.");
                    continue;
                }
                List<String> members = new ArrayList<>();
                for (String m : row.get("thanh_vien").split(";")) {
                    if (!m.isBlank()) {
                        members.add(m.strip());
                    }
                }
                out.add(new LocalData.Team(portal, name, row.get("dia_ban"), row.get("to_truong"), members, phones,
                        row.get("ghi_chu"), row.line()));
            }
        }
    }

    private static void results(Table t, Portals portals, Problems problems, List<LocalData.Result> out) {
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : t.rows()) {
            String portal = portals.check(row, t, problems, "kết quả của thành phố được cộng từ các xã, phường");
            boolean ok = portal != null;
            Integer year = year(row, t, problems);
            Integer trained = count(row, "hoa_giai_vien_tap_huan", t, problems);
            Integer received = count(row, "vu_viec_tiep_nhan", t, problems);
            Integer settled = count(row, "vu_viec_hoa_giai_thanh", t, problems);
            if (received != null && settled != null && settled > received) {
                problems.error(t.rel(), row.line("vu_viec_hoa_giai_thanh"), "số vụ việc hòa giải thành (" + settled
                                + ") lớn hơn số vụ việc tiếp nhận (" + received + ")",
                        "Vụ việc hòa giải thành là một phần của vụ việc tiếp nhận; kiểm tra lại hai " + row.word()
                                + " vu_viec_hoa_giai_thanh và vu_viec_tiep_nhan.");
                ok = false;
            }
            if (!ok || year == null || trained == null || received == null || settled == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(portal + "\u0000" + year, row.line());
            if (first != null) {
                problems.error(t.rel(), row.line(), "số liệu năm " + year + (portal.isEmpty() ? "" : " của " + portals.name(portal))
                        + " đã có ở dòng " + first, "Mỗi xã, phường mỗi năm một dòng: xóa dòng trùng hoặc gộp số liệu vào một dòng.");
                continue;
            }
            out.add(new LocalData.Result(portal, year, trained, received, settled, row.get("ghi_chu"), row.line()));
        }
    }

    private static Integer year(Row row, Table t, Problems problems) {
        String s = row.get("nam");
        int line = row.line("nam");
        if (s.isEmpty()) {
            problems.error(t.rel(), line, "chưa ghi năm (" + row.word() + " nam)", "Ghi năm của số liệu, ví dụ 2024.");
            return null;
        }
        if (!s.matches("(19|20)[0-9]{2}")) {
            problems.error(t.rel(), line, row.word() + " nam: \"" + s + "\" không phải là năm", "Ghi năm đủ bốn chữ số, ví dụ 2024.");
            return null;
        }
        return Integer.parseInt(s);
    }

    /** A whole number of people or cases; {@code 1.234} is read as Vietnamese Excel writes a thousand and more. */
    private static Integer count(Row row, String column, Table t, Problems problems) {
        String s = row.get(column);
        int line = row.line(column);
        if (s.isEmpty()) {
            problems.error(t.rel(), line, "chưa ghi số ở " + row.word() + " " + column, "Ghi 0 nếu không có.");
            return null;
        }
        String digits = s.replace(" ", "");
        if (digits.startsWith("-") && NUMBER.matcher(digits.substring(1)).matches()) {
            problems.error(t.rel(), line, row.word() + " " + column + ": số âm (" + s + ")",
                    "Số người, số vụ việc không thể âm; kiểm tra lại số liệu của dòng này.");
            return null;
        }
        if (!NUMBER.matcher(digits).matches() || digits.length() > 9) {
            problems.error(t.rel(), line, row.word() + " " + column + ": \"" + s + "\" không phải là số",
                    "Ghi số nguyên bằng chữ số, ví dụ 12 (không ghi chữ, không có phần thập phân).");
            return null;
        }
        return Integer.parseInt(digits.replace(".", ""));
    }
}
