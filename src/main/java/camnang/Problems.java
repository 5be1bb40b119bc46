package camnang;

import java.util.ArrayList;
import java.util.List;

/** A thread-safe collector of problems; stages running in parallel add to one. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();
    private final String root;
    private final Problems parent;

    /** @param root how the source folder is named in messages, e.g. {@code content} */
    public Problems(String root) {
        this(root, null);
    }

    private Problems(String root, Problems parent) {
        this.root = root;
        this.parent = parent;
    }

    /** A collector that passes everything on to this one and also keeps its own list (of one page's problems). */
    public Problems recording() {
        return new Problems(root, this);
    }

    /** Turns a source-relative path into the path shown to staff. */
    public String display(String relativePath) {
        if (relativePath == null || relativePath.isEmpty()) {
            return root;
        }
        if (root.isEmpty() || root.equals(".")) {
            return relativePath;
        }
        return root.endsWith("/") ? root + relativePath : root + "/" + relativePath;
    }

    public void add(Problem p) {
        synchronized (this) {
            list.add(p);
        }
        if (parent != null) {
            parent.add(p);
        }
    }

    /** What was added here, in the order it was added. */
    public synchronized List<Problem> all() {
        return List.copyOf(list);
    }

    /** Adds a problem whose severity depends on a setting, such as broken links in warn mode. */
    public void add(Problem.Severity severity, String relativePath, int line, String message, String hint) {
        add(new Problem(severity, display(relativePath), line, message, hint));
    }

    public void error(String relativePath, int line, String message, String hint) {
        add(Problem.error(display(relativePath), line, message, hint));
    }

    public void warning(String relativePath, int line, String message, String hint) {
        add(Problem.warning(display(relativePath), line, message, hint));
    }

    public void notice(String relativePath, int line, String message, String hint) {
        add(Problem.notice(display(relativePath), line, message, hint));
    }

    public synchronized boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    public synchronized List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(Problem.ORDER);
        return List.copyOf(copy);
    }

    public synchronized long count(Problem.Severity s) {
        return list.stream().filter(p -> p.severity() == s).count();
    }
}
