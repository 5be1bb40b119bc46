package camnang.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a build in a second JVM with a heap sized to the content. Left to itself the JVM
 * takes up to a quarter of the machine's memory and a build of 10,000 pages grows to over
 * a gigabyte although it needs a few hundred megabytes; staff run {@code java -jar} without
 * flags, so camnang chooses them: a heap of 384 MB plus four times the size of the Markdown;
 * the parallel collector, which costs the least CPU on a small machine; the quick compiler
 * only, since in a build of seconds the optimising one costs more CPU than it saves (measured
 * on 10,000 pages: 11.5 s instead of 12.7 s from scratch, 3.9 s instead of 5.0 s from the
 * cache, and 14.8 s instead of 17.1 s for the legal corpus); and a class-data archive kept in
 * the temporary folder, made by the first build,
 * which spares later builds loading and checking a few thousand classes. A JVM started
 * with its own {@code -Xmx}, or {@code CAMNANG_NO_FORK=1}, runs the build in place.
 */
final class Launcher {
    static final String FORKED = "camnang.forked";
    private static final long MB = 1024 * 1024;

    private Launcher() {
    }

    /** The exit code of the build run in a child JVM, or -1 when the build should run here. */
    static int maybeFork(String[] args) {
        if (System.getProperty(FORKED) != null || System.getenv("CAMNANG_NO_FORK") != null || args.length == 0
                || !(args[0].equals("build") || args[0].equals("check"))) {
            return -1;
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                return -1;
            }
        }
        for (String jvmArg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (jvmArg.startsWith("-Xmx") || jvmArg.startsWith("-XX:MaxHeapSize") || jvmArg.startsWith("-XX:MaxRAM")) {
                return -1;
            }
        }
        Path jar;
        try {
            jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            return -1;
        }
        if (!jar.toString().endsWith(".jar")) {
            return -1;
        }
        long markdown = markdownBytes(source(args));
        long heap = Math.min(384 * MB + 4 * markdown, Runtime.getRuntime().maxMemory());
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + Math.max(256, heap / MB) + "m");
        cmd.add("-XX:+UseParallelGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        Path archive = archive(jar);
        Path dumping = null;
        if (archive != null && Files.isRegularFile(archive)) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        } else if (archive != null) {
            dumping = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            cmd.add("-XX:ArchiveClassesAtExit=" + dumping);
        }
        // A stale or foreign archive is ignored by the JVM; its warnings mean nothing to staff.
        cmd.add("-Xlog:cds=off");
        cmd.add("-Xlog:cds+dynamic=off");
        cmd.add("-D" + FORKED + "=1");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(jar.toString());
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            int code = p.waitFor();
            if (dumping != null) {
                try {
                    if (Files.isRegularFile(dumping)) {
                        Files.move(dumping, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException e) {
                    // Another build made the archive first; ours is not needed.
                    Files.deleteIfExists(dumping);
                }
            }
            return code;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** The class-data archive for this jar and this JVM, or null when the temporary folder is not usable. */
    private static Path archive(Path jar) {
        try {
            String key = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                    + "|" + System.getProperty("java.vm.version");
            String name = Integer.toHexString(key.hashCode()) + Long.toHexString(key.length());
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "camnang-cds");
            Files.createDirectories(dir);
            return dir.resolve(name + ".jsa");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Path source(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--source") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--source=")) {
                return Path.of(args[i].substring("--source=".length()));
            }
        }
        return Path.of("content");
    }

    private static long markdownBytes(Path source) {
        if (!Files.isDirectory(source)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(p -> p.toString().endsWith(".md")).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
