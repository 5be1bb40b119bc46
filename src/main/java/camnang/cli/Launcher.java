package camnang.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        if (ownHeap()) {
            return -1;
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
        Path source = source(args);
        Path archive = archive(jar);
        long[] walked = {-1};
        if (daemonWanted()) {
            int code = viaDaemon(jar, archive, source, walked, args);
            if (code >= 0) {
                return code;
            }
        }
        long markdown = walked[0] >= 0 ? walked[0] : markdownBytes(source);
        long heap = heap(markdown);
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

    /** The heap a build of {@code markdown} bytes of Markdown is given: 384 MB plus four times that. */
    private static long heap(long markdown) {
        return Math.min(384 * MB + 4 * markdown, Runtime.getRuntime().maxMemory());
    }

    /**
     * The exit code of the build run by this folder's daemon, started first if need be; -1 when
     * no daemon can take it. A daemon's heap is rounded up to 256 MB so that a growing site
     * keeps its daemon; it uses the optimising compiler, which a fresh JVM cannot afford but a
     * daemon's later builds live on (10,000 pages: about 5.4 s warm against 10.2 s).
     *
     * <p>The heap, and so the daemon, follows from the size of the Markdown. Walking the folder
     * to learn it took 0.1 s of every build of 10,000 pages, in a JVM just started; the daemon
     * therefore walks it after each build, while it waits for the next ({@link #remember}), and
     * the launcher reads what it found. Only when no daemon listens for that size does the
     * launcher walk the folder itself. {@code walked} receives the size when it did.
     */
    private static int viaDaemon(Path jar, Path archive, Path source, long[] walked, String[] args) {
        Path dir = Daemon.dir();
        if (dir == null) {
            return -1;
        }
        String cwd = Path.of("").toAbsolutePath().toString();
        StringBuilder key = new StringBuilder();
        try {
            key.append(jar.toAbsolutePath()).append('|').append(Files.size(jar)).append('|')
                    .append(Files.getLastModifiedTime(jar).toMillis());
        } catch (IOException e) {
            return -1;
        }
        key.append('|').append(System.getProperty("java.home")).append('|').append(System.getProperty("java.vm.version"));
        // What a fresh JVM would read from the environment must be the daemon's too.
        // Loops rather than lambdas here: the first lambda of a JVM costs it milliseconds.
        for (java.util.Map.Entry<String, String> e : new java.util.TreeMap<>(System.getenv()).entrySet()) {
            String k = e.getKey();
            if ((k.startsWith("CAMNANG_") && !k.equals("CAMNANG_DAEMON")) || List.of("TZ", "LANG", "LC_ALL", "LC_CTYPE",
                    "SOURCE_DATE_EPOCH", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").contains(k)) {
                key.append('|').append(k).append('=').append(e.getValue());
            }
        }
        String folder = name(cwd);
        long known = remembered(dir, source);
        long knownMb = known < 0 ? -1 : daemonHeapMb(known);
        if (known >= 0) {
            int code = Daemon.request(socket(dir, folder, key, knownMb), args, Main.terminal, System.out, System.err);
            if (code != Daemon.NONE) {
                return code;
            }
        }
        walked[0] = markdownBytes(source);
        long heapMb = daemonHeapMb(walked[0]);
        Path socket = socket(dir, folder, key, heapMb);
        if (heapMb != knownMb) {
            int code = Daemon.request(socket, args, Main.terminal, System.out, System.err);
            if (code != Daemon.NONE) {
                return code;
            }
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

    private static long daemonHeapMb(long markdown) {
        return Math.max(256, (heap(markdown) / MB + 255) / 256 * 256);
    }

    // StringBuilder and concat rather than +: in a JVM just started, each new shape of string
    // concatenation is spun at its first use, about 12 ms for those of this path.
    private static Path socket(Path dir, String folder, CharSequence key, long heapMb) {
        return dir.resolve(new StringBuilder(folder).append('-').append(name(new StringBuilder(key).append('|').append(heapMb)
                .toString())).append(".sock").toString());
    }

    /** Where the daemons of this working folder keep the size of the Markdown in {@code source}. */
    private static Path sizeFile(Path dir, Path source) {
        return dir.resolve(new StringBuilder(name(Path.of("").toAbsolutePath().toString())).append('-')
                .append(name(source.toAbsolutePath().normalize().toString())).append(".size").toString());
    }

    /** The size of the Markdown in {@code source} that a daemon found after its last build of it; -1 if none did. */
    static long remembered(Path dir, Path source) {
        try {
            return Long.parseLong(Files.readString(sizeFile(dir, source)).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Called by a daemon after a build or check, once its client has the answer: walks the
     * folder built and keeps the size of its Markdown in {@code dir} for the next launcher.
     */
    static void remember(Path dir, String[] args) {
        if (dir == null || args.length == 0 || !(args[0].equals("build") || args[0].equals("check"))) {
            return;
        }
        Path source = source(args);
        Path file = sizeFile(dir, source);
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(tmp, markdownBytes(source) + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // The next launcher walks the folder itself.
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Left in the user's own temporary folder.
            }
        }
    }

    /**
     * Whether this JVM was given a heap size of its own ({@code -Xmx}, {@code -XX:MaxHeapSize},
     * {@code -XX:MaxRAM}): the build then runs in it. Read from the command line and the
     * environment variables the {@code java} launcher reads; {@code java.lang.management}, which
     * gives the same list, took 27 ms of every build's start.
     */
    static boolean ownHeap() {
        for (String env : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
            String v = System.getenv(env);
            if (v != null && heapFlags(List.of(v.strip().split("\\s+")))) {
                return true;
            }
        }
        String[] line = commandLine();
        boolean argFile = false;
        for (String a : line == null ? new String[0] : line) {
            argFile |= a.startsWith("@");
        }
        if (line == null || argFile) {
            // No command line from the system, or options read from a file: ask the JVM.
            return heapFlags(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
        return heapFlags(jvmOptions(line));
    }

    /**
     * This process's arguments after the program's name, from Linux's {@code /proc}; null
     * elsewhere. ({@code ProcessHandle.current().info()} starts a thread pool to learn them.)
     */
    private static String[] commandLine() {
        try {
            String all = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), java.nio.charset.StandardCharsets.UTF_8);
            String[] parts = all.split("\0");
            return parts.length == 0 ? null : java.util.Arrays.copyOfRange(parts, 1, parts.length);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The JVM's options in a {@code java} command line's arguments: those before the jar or main class. */
    static List<String> jvmOptions(String[] args) {
        Set<String> withValue = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path",
                "--add-modules", "--limit-modules", "--add-opens", "--add-exports", "--add-reads", "--patch-module",
                "--enable-native-access");
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-jar") || a.equals("-m") || a.equals("--module") || !a.startsWith("-")) {
                break;
            }
            options.add(a);
            if (withValue.contains(a)) {
                i++;
            }
        }
        return options;
    }

    private static boolean heapFlags(List<String> options) {
        for (String o : options) {
            if (o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize") || o.startsWith("-XX:MaxRAM")) {
                return true;
            }
        }
        return false;
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

    /**
     * A short name for {@code key} in a file name. Its two checksums, not a SHA-256: loading
     * the security providers took 36 ms of every build's start.
     */
    private static String name(String key) {
        byte[] sums = camnang.Digests.checksums(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(sums, 4, 12);
    }

    /** The class-data archive for this jar and this JVM, or null when the temporary folder is not usable. */
    private static Path archive(Path jar) {
        try {
            String key = new StringBuilder().append(jar.toAbsolutePath()).append('|').append(Files.size(jar)).append('|')
                    .append(Files.getLastModifiedTime(jar).toMillis()).append('|').append(System.getProperty("java.vm.version"))
                    .toString();
            String name = Integer.toHexString(key.hashCode()) + Long.toHexString(key.length());
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "camnang-cds");
            Files.createDirectories(dir);
            return dir.resolve(name.concat(".jsa"));
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
