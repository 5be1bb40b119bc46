package camnang.content;

import camnang.Problems;
import java.util.ArrayList;
import java.util.List;

/** Finds the courses in the section tree and checks what a course asks of its lessons. */
final class Courses {
    private Courses() {
    }

    static List<Course> of(Section root, List<StaticFile> files, Problems problems) {
        List<Course> out = new ArrayList<>();
        Study home = root.index().meta().study();
        if (home != null && home.course()) {
            problems.error(root.index().source(), home.courseLine(), "trang chủ không thể là một khóa học",
                    "Đặt khóa học vào một thư mục riêng (ví dụ khoa-hoc/_index.md có course: true) và bỏ course ở trang chủ.");
        }
        walk(root, null, files, problems, out);
        return List.copyOf(out);
    }

    private static void walk(Section s, Course outer, List<StaticFile> files, Problems problems, List<Course> out) {
        for (Page p : s.pages()) {
            Study st = p.meta().study();
            if (st != null && st.course()) {
                problems.error(p.source(), st.courseLine(), "khóa \"course\" chỉ dùng trong tệp _index.md của thư mục khóa học",
                        "Bỏ dòng này; để làm một khóa học, ghi course: true trong _index.md của thư mục chứa các học phần.");
            }
        }
        for (Section c : s.children()) {
            Study st = c.index().meta().study();
            if (st != null && st.course()) {
                if (outer != null) {
                    problems.error(c.index().source(), st.courseLine(), "khóa học nằm trong khóa học \""
                                    + outer.index().title() + "\"",
                            "Một thư mục trong khóa học là một học phần; bỏ course: true ở tệp này.");
                } else {
                    Course course = course(c, files, problems);
                    out.add(course);
                    walk(c, course, files, problems, out);
                    continue;
                }
            }
            walk(c, outer, files, problems, out);
        }
    }

    private static Course course(Section s, List<StaticFile> files, Problems problems) {
        for (Page p : s.pages()) {
            if (p.meta().type() == PageType.LESSON) {
                problems.warning(p.source(), line(p), "bài học nằm ngay trong thư mục khóa học, không thuộc học phần nào",
                        "Chuyển bài học vào một thư mục học phần (ví dụ " + s.dir() + "/hoc-phan-1/, có tệp _index.md ghi tên học phần).");
            }
        }
        List<Course.Module> modules = new ArrayList<>();
        for (Section m : s.children()) {
            List<Page> lessons = new ArrayList<>();
            for (Page p : m.pages()) {
                if (Course.isLesson(p)) {
                    lessons.add(p);
                    check(p, problems);
                }
            }
            Course.Module module = new Course.Module(m.index(), List.copyOf(lessons));
            String print = module.printPath();
            for (Page p : m.pages()) {
                if (p.output().equals(print)) {
                    problems.error(p.source(), 1, "đường dẫn đầu ra \"" + print + "\" trùng với trang in cả học phần do camnang tự tạo",
                            "Đổi tên tệp (ví dụ in-an.md), hoặc đặt \"slug\" khác trong phần đầu trang.");
                }
            }
            for (StaticFile f : files) {
                if (f.output().equals(print)) {
                    problems.error(f.source(), 0, "tệp \"" + print + "\" trùng với trang in cả học phần do camnang tự tạo",
                            "Đổi tên tệp này.");
                }
            }
            modules.add(module);
        }
        return new Course(s.index(), List.copyOf(modules));
    }

    private static void check(Page lesson, Problems problems) {
        Study st = lesson.meta().study();
        java.util.Set<String> written = st == null ? java.util.Set.of() : st.written();
        if (!written.contains("goals")) {
            problems.error(lesson.source(), line(lesson), "bài học trong khóa học thiếu khóa \"goals\" (mục tiêu bài học)",
                    "Thêm vào phần đầu trang, ví dụ: goals: [Nêu được các nguyên tắc hòa giải ở cơ sở, Biết cách chuẩn bị một buổi hòa giải]");
        } else if (st.goals().isEmpty()) {
            problems.error(lesson.source(), line(lesson), "khóa \"goals\" của bài học chưa có mục tiêu nào",
                    "Viết ít nhất một mục tiêu, ví dụ: goals: [Nêu được các nguyên tắc hòa giải ở cơ sở]");
        }
        if (!written.contains("minutes")) {
            problems.error(lesson.source(), line(lesson), "bài học trong khóa học thiếu khóa \"minutes\" (thời gian học ước tính, phút)",
                    "Thêm vào phần đầu trang, ví dụ: minutes: 15");
        }
    }

    private static int line(Page p) {
        Study st = p.meta().study();
        return st == null ? 1 : st.line();
    }
}
