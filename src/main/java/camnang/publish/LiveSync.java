package camnang.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The commit of a live {@link Output}: the served folder becomes what a full build would have written. */
final class LiveSync {
    private LiveSync() {
    }

    /**
     * @param staged  the build's staging folder, holding only what writers wrote there directly
     *                (the Lucene index, the search shards): each folder of it that holds files
     *                replaces the target's folder of the same path as a whole
     * @param memory  path → bytes or a source file to copy
     */
    static void commit(Path target, Path staged, Map<String, Object> memory, Output.Mirror mirror, Predicate<String> scope) {
        try {
            List<String> units = new ArrayList<>();
            findUnits(staged, "", units);
            for (String unit : units) {
                if (!scope.test(unit + "/")) {
                    throw new IllegalStateException("staged folder outside the output's scope: " + unit);
                }
                Path dest = target.resolve(unit);
                Files.createDirectories(dest.getParent());
                if (Files.exists(dest)) {
                    Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                    Files.delete(old);
                    move(dest, old);
                    move(staged.resolve(unit), dest);
                    Output.deleteTree(old);
                } else {
                    move(staged.resolve(unit), dest);
                }
            }
            memory.entrySet().parallelStream().forEach(e -> {
                String rel = e.getKey();
                if (!scope.test(rel)) {
                    throw new IllegalStateException("file outside the output's scope: " + rel);
                }
                if (e.getValue() == Output.KEEP) {
                    if (!mirror.digests.containsKey(rel) || !Files.isRegularFile(target.resolve(rel))) {
                        throw new IllegalStateException("kept a file no earlier build wrote: " + rel);
                    }
                    return;
                }
                try {
                    byte[] bytes = e.getValue() instanceof byte[] b ? b : Files.readAllBytes((Path) e.getValue());
                    String digest = digest(bytes);
                    Path dest = target.resolve(rel);
                    String known = mirror.digests.get(rel);
                    boolean exists = Files.isRegularFile(dest);
                    if (exists && known == null) {
                        // The first build of a session into a folder that already holds a site.
                        known = digest(Files.readAllBytes(dest));
                    }
                    if (!exists || !digest.equals(known)) {
                        Files.createDirectories(dest.getParent());
                        // Written beside and renamed, so the server never sends half a page.
                        Path part = dest.resolveSibling("." + dest.getFileName() + ".part");
                        Files.write(part, bytes);
                        move(part, dest);
                    }
                    mirror.digests.put(rel, digest);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
            deleteStale(target, memory.keySet(), Set.copyOf(units), mirror, scope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Folders of {@code dir} that hold a file: below them nothing is looked at. */
    private static void findUnits(Path dir, String rel, List<String> units) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        if (!rel.isEmpty() && children.stream().anyMatch(Files::isRegularFile)) {
            units.add(rel);
            return;
        }
        for (Path c : children) {
            if (Files.isDirectory(c)) {
                findUnits(c, rel.isEmpty() ? c.getFileName().toString() : rel + "/" + c.getFileName(), units);
            } else if (rel.isEmpty()) {
                throw new IllegalStateException("file written outside a folder of the staging area: " + c);
            }
        }
    }

    private static void deleteStale(Path target, Set<String> written, Set<String> units, Output.Mirror mirror,
                                    Predicate<String> scope) throws IOException {
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(target)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = rel(target, dir);
                return units.contains(rel) || !scope.test(rel + "/") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = rel(target, file);
                if (scope.test(rel) && !written.contains(rel)) {
                    Files.delete(file);
                    mirror.digests.remove(rel);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (!dir.equals(target)) {
                    try (Stream<Path> left = Files.list(dir)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(dir);
                        }
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static String digest(byte[] bytes) {
        return camnang.Digests.hex(bytes);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
