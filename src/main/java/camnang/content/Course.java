package camnang.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A course (issue 7): a folder whose {@code _index.md} says {@code course: true}; its modules
 * are its sub-folders in reading order, and a module's lessons are its pages that are lessons
 * (no {@code type}, or {@code type: lesson}), by weight then title.
 */
public record Course(Page index, List<Module> modules) {

    /** The name of the page that prints a whole module, in the module's folder. */
    public static final String PRINT_PAGE = "in.html";

    /** A module: its index page and its lessons in order. */
    public record Module(Page index, List<Page> lessons) {
        /** Its estimated study time: the sum of its lessons' minutes. */
        public int minutes() {
            return lessons.stream().mapToInt(Course::minutes).sum();
        }

        /** The output path of the page that prints the module's lessons one after another. */
        public String printPath() {
            String out = index.output();
            return out.substring(0, out.length() - "index.html".length()) + PRINT_PAGE;
        }
    }

    /** Every lesson of the course, module after module. */
    public List<Page> lessons() {
        List<Page> all = new ArrayList<>();
        for (Module m : modules) {
            all.addAll(m.lessons());
        }
        return all;
    }

    public int minutes() {
        return modules.stream().mapToInt(Module::minutes).sum();
    }

    /** The module a lesson, a module index or a module's print page belongs to. */
    public Optional<Module> moduleOf(Page p) {
        for (Module m : modules) {
            if (m.index() == p || m.lessons().contains(p)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** A lesson's minutes, 0 when it states none (an error already reported). */
    public static int minutes(Page lesson) {
        Study s = lesson.meta().study();
        return s == null || s.minutes() == null ? 0 : s.minutes();
    }

    /** Whether a page of a module folder is one of its lessons: other types are material beside them. */
    static boolean isLesson(Page p) {
        return p.meta().type() == null || p.meta().type() == PageType.LESSON;
    }
}
