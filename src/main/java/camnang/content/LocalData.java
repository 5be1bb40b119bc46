package camnang.content;

import java.util.List;

/**
 * The portals' own figures from {@code _du-lieu/}: their mediation teams and their yearly
 * results. Rows that failed a check are left out (and reported), so what is here is valid.
 *
 * @param teams   every team, in file order
 * @param results every yearly result, in file order
 */
public record LocalData(List<Team> teams, List<Result> results) {
    public static final LocalData EMPTY = new LocalData(List.of(), List.of());

    public LocalData {
        teams = List.copyOf(teams);
        results = List.copyOf(results);
    }

    /**
     * A mediation team (tổ hòa giải) of a ward.
     *
     * @param portal  the ward's portal id, or {@code ""} on a site without portals
     * @param area    where it works: ấp, khóm, tổ dân phố…
     * @param members its members, without the leader
     * @param phones  phone numbers as written; the view makes {@code tel:} links of them
     * @param note    the row's {@code ghi_chu}, e.g. "Số liệu minh họa"
     */
    public record Team(String portal, String name, String area, String leader, List<String> members,
                       List<String> phones, String note, int line) {
        public Team {
            members = List.copyOf(members);
            phones = List.copyOf(phones);
        }
    }

    /**
     * One ward's figures for one year; {@code settled <= received}, none negative.
     *
     * @param trained  hòa giải viên được tập huấn
     * @param received vụ việc tiếp nhận
     * @param settled  vụ việc hòa giải thành
     */
    public record Result(String portal, int year, int trained, int received, int settled, String note, int line) {
    }
}
