package camnang.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code build} and {@code check} in the working folder's daemon ({@link Daemon}), started
 * if need be; with {@code CAMNANG_DAEMON=0}, on a CI server, or when no daemon can take the
 * build, in a second JVM of its own with a heap sized to the content. Left to itself the JVM
 * takes up to a quarter of the machine's memory and a build of 10,000 pages grows to over
 * a gigabyte although it needs a few hundred megabytes; staff run {@code java -jar} without
 * flags, so camnang chooses them: a heap of 384 MB plus four times the size of the Markdown;
 * the parallel collector, which costs the least CPU on a small machine; the quick compiler
 * only, since in a build of seconds the optimising one costs more CPU than it saves (measured
 * on 10,000 pages: 11.5 s instead of 12.7 s from scratch, 3.9 s instead of 5.0 s from the
 * cache, and 14.8 s instead of 17.1 s for the legal corpus); and a class-data archive kept in
 * the temporary folder, made by the first such build,
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
        Path archive = archive(jar);
        if (daemonWanted()) {
            int code = viaDaemon(jar, archive, heap, args);
            if (code >= 0) {
                return code;
            }
        }
        List<String> flags = new ArrayList<>(List.of("-Xmx" + Math.max(256, heap / MB) + "m", "-XX:TieredStopAtLevel=1"));
        Path dumping = null;
        if (archive != null && !Files.isRegularFile(archive)) {
            dumping = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            flags.add("-XX:ArchiveClassesAtExit=" + dumping);
        }
        List<String> cmd = java(jar, archive, flags);
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

    /** Whether builds go to a daemon: unless CAMNANG_DAEMON=0, or on a CI server (CI set) where each build is the only one. */
    static boolean daemonWanted() {
        String setting = System.getenv("CAMNANG_DAEMON");
        if (setting != null && !setting.isBlank()) {
            return !List.of("0", "false", "no", "off").contains(setting.strip().toLowerCase(java.util.Locale.ROOT));
        }
        String ci = System.getenv("CI");
        return ci == null || ci.isBlank();
    }

    /**
     * The exit code of the build run by this folder's daemon, started first if need be; -1 when
     * no daemon can take it. A daemon's heap is rounded up to 256 MB so that a growing site
     * keeps its daemon; it uses the optimising compiler, which a fresh JVM cannot afford but a
     * daemon's later builds live on (10,000 pages: about 5.4 s warm against 10.2 s).
     */
    private static int viaDaemon(Path jar, Path archive, long heap, String[] args) {
        Path dir = Daemon.dir();
        if (dir == null) {
            return -1;
        }
        long heapMb = Math.max(256, (heap / MB + 255) / 256 * 256);
        String cwd = Path.of("").toAbsolutePath().toString();
        StringBuilder key = new StringBuilder();
        try {
            key.append(jar.toAbsolutePath()).append('|').append(Files.size(jar)).append('|')
                    .append(Files.getLastModifiedTime(jar).toMillis());
        } catch (IOException e) {
            return -1;
        }
        key.append('|').append(System.getProperty("java.home")).append('|').append(System.getProperty("java.vm.version"))
                .append('|').append(heapMb);
        // What a fresh JVM would read from the environment must be the daemon's too.
        new java.util.TreeMap<>(System.getenv()).forEach((k, v) -> {
            if ((k.startsWith("CAMNANG_") && !k.equals("CAMNANG_DAEMON")) || List.of("TZ", "LANG", "LC_ALL", "LC_CTYPE",
                    "SOURCE_DATE_EPOCH", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").contains(k)) {
                key.append('|').append(k).append('=').append(v);
            }
        });
        String folder = name(cwd);
        Path socket = dir.resolve(folder + "-" + name(key.toString()) + ".sock");
        int code = Daemon.request(socket, args, Main.terminal, System.out, System.err);
        if (code != Daemon.NONE) {
            return code;
        }
        // A daemon of this folder for another jar or heap is of no more use.
        for (Path other : Daemon.sockets(dir, folder + "-")) {
            if (!other.equals(socket)) {
                Daemon.stop(other);
            }
        }
        List<String> cmd = java(jar, archive, List.of("-Xmx" + heapMb + "m", "-D" + Daemon.PROPERTY + "=" + socket));
        return Daemon.start(cmd, socket) ? Daemon.request(socket, args, Main.terminal, System.out, System.err) : -1;
    }

    /**
     * The command that runs camnang's main class from {@code jar} in a new JVM with {@code flags},
     * the parallel collector (the least CPU on a small machine) and the class-data archive if made.
     */
    private static List<String> java(Path jar, Path archive, List<String> flags) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.add("-XX:+UseParallelGC");
        if (archive != null && Files.isRegularFile(archive)) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
        }
        // A stale or foreign class-data archive is ignored by the JVM; its warnings mean nothing to staff.
        cmd.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-D" + FORKED + "=1", "-Dfile.encoding=UTF-8"));
        cmd.add("-cp");
        cmd.add(jar.toString());
        cmd.add(Main.class.getName());
        return cmd;
    }

    private static String name(String key) {
        return camnang.Digests.hex(camnang.Digests.sha256().digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .substring(0, 12);
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
        // Every build goes through here before it reaches its daemon, in a JVM that has just started:
        // one stat per file, read from the walk itself (a stream and a second stat took 0.1 s on 10,000 pages).
        long[] sum = {0};
        try {
            Files.walkFileTree(source, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        sum[0] += attrs.size();
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return 0;
        }
        return sum[0];
    }
}
