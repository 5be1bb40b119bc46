package camnang.render;

import camnang.content.LocalData;
import camnang.content.Site;
import camnang.content.SiteConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the two data pages show on one portal's site: its own teams and results on a ward's
 * site; every ward's, grouped by ward, on the city's (which has none of its own).
 */
final class LocalPages {
    private LocalPages() {
    }

    /** Who the site speaks for: its portal, and the wards when it is the city's site among others. */
    private record Scope(SiteConfig.Portal portal, List<SiteConfig.Portal> wards) {
        boolean city() {
            return !wards.isEmpty();
        }

        String subject() {
            if (city()) {
                return "các xã, phường thuộc " + lowerFirst(portal.name());
            }
            return portal == null ? "" : portal.name();
        }

        <T> boolean shows(T row, Function<T, String> portalOf) {
            return city() || portal == null || portalOf.apply(row).equals(portal.id());
        }
    }

    private static Scope scope(Site site) {
        SiteConfig.Portal p = site.portal();
        SiteConfig c = site.config();
        List<SiteConfig.Portal> wards = p != null && p == c.city() && c.portals().size() > 1
                ? c.portals().stream().filter(x -> x != p).toList() : List.of();
        return new Scope(p, wards);
    }

    /** The teams this site shows, or null when it has none. */
    static View.Teams teams(Site site) {
        Scope s = scope(site);
        List<LocalData.Team> rows = site.data().teams().stream().filter(t -> s.shows(t, LocalData.Team::portal)).toList();
        if (rows.isEmpty()) {
            return null;
        }
        String note = common(rows, LocalData.Team::note);
        List<View.TeamGroup> groups = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (s.city()) {
            for (SiteConfig.Portal w : s.wards()) {
                List<LocalData.Team> own = rows.stream().filter(t -> t.portal().equals(w.id())).toList();
                if (own.isEmpty()) {
                    missing.add(w.name());
                } else {
                    groups.add(new View.TeamGroup(w.name(), "to-" + w.id(), "Các tổ hòa giải của " + w.name(), teamViews(own, note)));
                }
            }
        } else {
            String whose = s.subject().isEmpty() ? "Các tổ hòa giải" : "Các tổ hòa giải của " + s.subject();
            groups.add(new View.TeamGroup("", "to-hoa-giai", whose, teamViews(rows, note)));
        }
        return new View.Teams(s.subject(), note, List.copyOf(groups), List.copyOf(missing));
    }

    private static List<View.Team> teamViews(List<LocalData.Team> rows, String common) {
        List<View.Team> out = new ArrayList<>();
        for (LocalData.Team t : rows) {
            List<View.Phone> phones = t.phones().stream().map(p -> new View.Phone(p, "tel:" + (p.startsWith("+") ? "+" : "")
                    + p.replaceAll("[^0-9]", ""))).toList();
            out.add(new View.Team(t.name(), t.area(), t.leader(), String.join(", ", t.members()), phones,
                    common.isEmpty() ? t.note() : ""));
        }
        return out;
    }

    /** The yearly results this site shows, or null when it has none. */
    static View.Results results(Site site) {
        Scope s = scope(site);
        List<LocalData.Result> rows = site.data().results().stream().filter(r -> s.shows(r, LocalData.Result::portal)).toList();
        if (rows.isEmpty()) {
            return null;
        }
        String note = common(rows, LocalData.Result::note);
        List<View.ResultTable> tables = new ArrayList<>();
        if (s.city()) {
            Map<Integer, List<LocalData.Result>> byYear = new TreeMap<>(Comparator.reverseOrder());
            for (LocalData.Result r : rows) {
                byYear.computeIfAbsent(r.year(), k -> new ArrayList<>()).add(r);
            }
            String totalLabel = "Toàn " + lowerFirst(s.portal().name());
            byYear.forEach((year, list) -> {
                Map<String, LocalData.Result> byWard = new LinkedHashMap<>();
                list.forEach(r -> byWard.put(r.portal(), r));
                List<View.ResultRow> table = new ArrayList<>();
                List<Charts.Bar> bars = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                int trained = 0;
                int received = 0;
                int settled = 0;
                for (SiteConfig.Portal w : s.wards()) {
                    LocalData.Result r = byWard.get(w.id());
                    if (r == null) {
                        missing.add(w.name());
                        continue;
                    }
                    table.add(row(w.name(), r.trained(), r.received(), r.settled(), note.isEmpty() ? r.note() : ""));
                    bars.add(new Charts.Bar(w.name(), r.received(), r.settled(), false));
                    trained += r.trained();
                    received += r.received();
                    settled += r.settled();
                }
                bars.add(new Charts.Bar(totalLabel, received, settled, true));
                String id = "nam-" + year;
                tables.add(new View.ResultTable(id, "Năm " + year, "Kết quả hòa giải ở cơ sở năm " + year + " theo xã, phường",
                        "Xã, phường", List.copyOf(table), row(totalLabel, trained, received, settled, ""),
                        Charts.rates("bd-" + id, "Tỷ lệ hòa giải thành năm " + year + " của " + s.subject(), bars),
                        List.copyOf(missing)));
            });
        } else {
            List<LocalData.Result> byYear = new ArrayList<>(rows);
            byYear.sort(Comparator.comparingInt(LocalData.Result::year));
            List<View.ResultRow> table = new ArrayList<>();
            List<Charts.Bar> bars = new ArrayList<>();
            for (LocalData.Result r : byYear) {
                table.add(row(Integer.toString(r.year()), r.trained(), r.received(), r.settled(), note.isEmpty() ? r.note() : ""));
                bars.add(new Charts.Bar("Năm " + r.year(), r.received(), r.settled(), false));
            }
            String whose = s.subject().isEmpty() ? "" : " của " + s.subject();
            tables.add(new View.ResultTable("theo-nam", "", "Kết quả hòa giải ở cơ sở" + whose + " theo năm", "Năm",
                    List.copyOf(table), null, Charts.rates("bd-theo-nam", "Tỷ lệ hòa giải thành" + whose + " qua các năm", bars),
                    List.of()));
        }
        return new View.Results(s.subject(), note, List.copyOf(tables));
    }

    private static View.ResultRow row(String label, int trained, int received, int settled, String note) {
        int t = Charts.tenths(settled, received);
        String verdict = t < 0 ? "" : !Charts.met(t) ? "Chưa đạt" : t > Charts.MODEL_TARGET * 10 ? "Đạt (trên 90%)" : "Đạt";
        return new View.ResultRow(label, count(trained), count(received), count(settled), t < 0 ? "" : Charts.percent(t),
                verdict, t < 0 ? "" : Charts.met(t) ? "dat" : "chua-dat", note);
    }

    /** {@code 1.234}: thousands grouped with dots, as Vietnamese writes them. */
    static String count(int n) {
        String s = Integer.toString(n);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && (s.length() - i) % 3 == 0) {
                sb.append('.');
            }
            sb.append(s.charAt(i));
        }
        return sb.toString();
    }

    /** The note every row carries, or {@code ""}: then each row shows its own. */
    private static <T> String common(List<T> rows, Function<T, String> note) {
        String first = note.apply(rows.get(0));
        return rows.stream().allMatch(r -> note.apply(r).equals(first)) ? first : "";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.forLanguageTag("vi")) + s.substring(1);
    }
}
