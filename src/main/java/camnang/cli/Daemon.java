package camnang.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A build JVM kept running between builds, as Gradle's daemon is. A fresh JVM runs a build
 * of 10,000 pages in about twice the time a warm one takes, because it spends the build
 * compiling and running unoptimised code; staff rebuild the same site many times a day, so
 * the second and later builds go to a JVM that has already done that work. Nothing of a build
 * is kept for the next one but the compiled code: each build reads and renders as if alone.
 *
 * <p>One daemon serves one working folder with one JVM, jar and environment (its socket's
 * name is made of them), so relative paths, {@code site-templates/} and the heap mean what
 * they mean in a fresh JVM. It takes one build at a time and answers "busy" to a second, which
 * then runs in a JVM of its own; it stops when its client is interrupted (Ctrl-C), after a
 * programming error, after {@link #IDLE_MILLIS} without a build, or when asked
 * ({@code daemon --stop}). Its socket is a Unix-domain socket in a folder only its user can
 * open.
 */
final class Daemon {
    /** Set in the daemon's JVM: the path of its socket. */
    static final String PROPERTY = "camnang.daemon";
    /** A daemon left without builds for this long stops, giving its memory back. */
    static final int IDLE_MINUTES = 15;
    static final long IDLE_MILLIS = IDLE_MINUTES * 60_000L;
    private static final int MAGIC = 0x434e4731; // "CNG1": the protocol's version
    private static final byte RUN = 1;
    private static final byte STOP = 2;
    private static final byte OUT = 1;
    private static final byte ERR = 2;
    private static final byte EXIT = 3;
    private static final byte BUSY = 4;
    /** What {@link #request} returns when no daemon listens, and when the one that does is busy. */
    static final int NONE = -1;
    static final int BUSY_NOW = -2;
    /** Exit code of a build that threw: the daemon's state is no longer trusted. */
    private static final int CRASH = 3;

    private Daemon() {
    }

    /** The folder of this user's daemons, made private to the user; null where it cannot be trusted. */
    static Path dir() {
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "camnang-daemon-".concat(user));
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            // Another user's folder of the same name in a shared /tmp would let them answer our builds.
            if (posix && (!Files.getOwner(dir).getName().equals(System.getProperty("user.name"))
                    || !Files.getPosixFilePermissions(dir).equals(Set.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)))) {
                return null;
            }
            return dir;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs a command in the daemon listening at {@code socket}, copying its output to ours.
     * Returns its exit code, {@link #NONE} when no daemon listens or {@link #BUSY_NOW} when it has a build.
     */
    static int request(Path socket, String[] args, boolean terminal, PrintStream out, PrintStream err) {
        SocketChannel ch;
        try {
            ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        boolean started = false;
        try (ch) {
            DataOutputStream req = header(ch, RUN);
            req.writeBoolean(terminal);
            req.writeInt(args.length);
            for (String a : args) {
                byte[] b = a.getBytes(StandardCharsets.UTF_8);
                req.writeInt(b.length);
                req.write(b);
            }
            req.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(input(ch)));
            while (true) {
                byte type = in.readByte();
                if (type == BUSY) {
                    return BUSY_NOW;
                }
                started = true;
                if (type == EXIT) {
                    return in.readInt();
                }
                byte[] b = in.readNBytes(in.readInt());
                PrintStream to = type == OUT ? out : err;
                to.write(b, 0, b.length);
                to.flush();
            }
        } catch (IOException e) {
            if (!started) {
                return NONE;
            }
            err.println("Lỗi: tiến trình nền của camnang dừng giữa chừng (" + e.getMessage() + ").");
            err.println("    → Chạy lại lệnh; nếu vẫn lỗi, đặt biến môi trường CAMNANG_DAEMON=0 để build không qua tiến trình nền.");
            return CRASH;
        }
    }

    /** Asks the daemon at {@code socket} to stop (after its build, if it has one); whether one was listening. */
    static boolean stop(Path socket) {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            header(ch, STOP).flush();
            new DataInputStream(new BufferedInputStream(input(ch))).readByte();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A daemon that answers: its socket, process and working folder. */
    record Running(Path socket, long pid, String folder) {
    }

    /** This user's daemons that answer a ping. */
    static List<Running> running(Path dir) {
        List<Running> found = new ArrayList<>();
        for (Path socket : sockets(dir, "")) {
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                ping(ch);
                List<String> pid = Files.readAllLines(pidFile(socket), StandardCharsets.UTF_8);
                found.add(new Running(socket, Long.parseLong(pid.get(0).strip()), pid.size() > 1 ? pid.get(1) : "?"));
            } catch (IOException | RuntimeException e) {
                // Not answering: a socket left by a daemon that was killed.
            }
        }
        return found;
    }

    /** What the daemon prints for itself (a request that failed, why it stopped); deleted when empty. */
    private static Path logFile(Path socket) {
        return socket.resolveSibling(socket.getFileName().toString().replace(".sock", ".log"));
    }

    private static Path pidFile(Path socket) {
        return socket.resolveSibling(socket.getFileName().toString().replace(".sock", ".pid"));
    }

    private static void ping(SocketChannel ch) throws IOException {
        header(ch, (byte) 0).flush(); // the daemon closes without answering
    }

    /** A request to the daemon, begun: the protocol's mark and the request's kind, not yet sent. */
    private static DataOutputStream header(SocketChannel ch, byte kind) throws IOException {
        DataOutputStream req = new DataOutputStream(new BufferedOutputStream(output(ch)));
        req.writeInt(MAGIC);
        req.writeByte(kind);
        return req;
    }

    /** The sockets of this user's daemons whose names start with {@code prefix}. */
    static List<Path> sockets(Path dir, String prefix) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".sock"))
                    .sorted().forEach(found::add);
        } catch (IOException | RuntimeException e) {
            // No folder, no daemons.
        }
        return found;
    }

    /**
     * Starts a daemon with {@code command} (a java command line without the main class's
     * arguments) and waits until it listens; false when it did not come up in time.
     */
    static boolean start(List<String> command, Path socket) {
        List<String> cmd = new ArrayList<>();
        // Its own session: a Ctrl-C or a closed terminal meant for one build must not stop it.
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                cmd.add(setsid);
                break;
            }
        }
        cmd.addAll(command);
        Path log = logFile(socket);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .redirectOutput(log.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return false;
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(socket)) {
                try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                    ping(ch);
                    return true;
                } catch (IOException e) {
                    // Not listening yet.
                }
            }
            // setsid may fork and leave at once (exit 0) while the daemon starts; a JVM that failed exits 1.
            if (!p.isAlive() && p.exitValue() != 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The daemon's life: listens at {@code socket} until it is told or left to stop. */
    static void serve(Path socket) throws IOException {
        ServerSocketChannel server = bind(socket);
        if (server == null) {
            return;
        }
        Path pidFile = pidFile(socket);
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + Path.of("").toAbsolutePath() + "\n");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(pidFile);
                Path log = logFile(socket);
                if (Files.isRegularFile(log) && Files.size(log) == 0) {
                    Files.delete(log);
                }
            } catch (IOException e) {
                // Left behind: the next client finds nobody listening and starts afresh.
            }
        }));
        ignoreTerminalSignals();
        AtomicBoolean busy = new AtomicBoolean();
        AtomicBoolean stopAfter = new AtomicBoolean();
        AtomicLong last = new AtomicLong(System.currentTimeMillis());
        Thread idle = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    return;
                }
                if (!busy.get() && System.currentTimeMillis() - last.get() > IDLE_MILLIS) {
                    System.exit(0);
                }
            }
        }, "camnang-daemon-idle");
        idle.setDaemon(true);
        idle.start();
        PrintStream log = System.out;
        while (true) {
            SocketChannel ch = server.accept();
            Thread t = new Thread(() -> answer(ch, busy, stopAfter, last, log), "camnang-daemon-request");
            t.start();
        }
    }

    private static ServerSocketChannel bind(Path socket) throws IOException {
        if (Files.exists(socket)) {
            try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return null; // another daemon took this place first
            } catch (IOException e) {
                Files.deleteIfExists(socket);
            }
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return server;
    }

    private static void answer(SocketChannel ch, AtomicBoolean busy, AtomicBoolean stopAfter, AtomicLong last, PrintStream log) {
        boolean mine = false;
        String[] args = null;
        try (ch) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(input(ch)));
            DataOutputStream res = new DataOutputStream(new BufferedOutputStream(output(ch)));
            if (in.readInt() != MAGIC) {
                return;
            }
            byte kind = in.readByte();
            if (kind == STOP) {
                res.writeByte(EXIT);
                res.writeInt(0);
                res.flush();
                if (!busy.get()) {
                    System.exit(0);
                }
                stopAfter.set(true);
                return;
            }
            if (kind != RUN) {
                return;
            }
            if (!busy.compareAndSet(false, true)) {
                res.writeByte(BUSY);
                res.flush();
                return;
            }
            mine = true;
            boolean terminal = in.readBoolean();
            String[] read = new String[in.readInt()];
            for (int i = 0; i < read.length; i++) {
                read[i] = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            }
            int exit = run(read, terminal, in, res, log);
            args = read;
            synchronized (res) {
                res.writeByte(EXIT);
                res.writeInt(exit);
                res.flush();
            }
            if (exit == CRASH) {
                log.println("a build ended with a programming error; stopping");
                System.exit(0);
            }
        } catch (IOException | RuntimeException e) {
            log.println("request failed: " + e);
        } finally {
            if (mine) {
                last.set(System.currentTimeMillis());
                busy.set(false);
                if (stopAfter.get()) {
                    System.exit(0);
                }
            }
        }
        if (args != null) {
            afterBuild(args);
        }
    }

    /**
     * What the daemon does once its client has the answer, while it waits for the next build:
     * it walks the folder built for the launcher ({@link Launcher#remember}), and collects the
     * build's garbage. A build left some 55 MB of it in the old generation of the heap, and the
     * next build paid a full collection for it (about 0.1 s of 5 on 10,000 pages).
     */
    private static void afterBuild(String[] args) {
        // Beside its socket: the launcher's temporary folder, which may not be this JVM's default.
        Launcher.remember(Path.of(System.getProperty(PROPERTY)).getParent(), args);
        System.gc();
    }

    private static int run(String[] args, boolean terminal, InputStream in, DataOutputStream res, PrintStream log) {
        AtomicBoolean finished = new AtomicBoolean();
        // The client sends nothing more: reading returns only when it is gone, i.e. interrupted.
        Thread watch = new Thread(() -> {
            try {
                in.read();
            } catch (IOException e) {
                // Gone as well.
            }
            if (!finished.get()) {
                log.println("client gone during a build; stopping");
                System.exit(130);
            }
        }, "camnang-daemon-client");
        watch.setDaemon(true);
        watch.start();
        PrintStream out = new PrintStream(new Frames(res, OUT), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new Frames(res, ERR), true, StandardCharsets.UTF_8);
        PrintStream sysOut = System.out;
        PrintStream sysErr = System.err;
        System.setOut(out);
        System.setErr(err);
        Main.terminal = terminal;
        try {
            return Main.run(args, out, err);
        } catch (Throwable t) {
            t.printStackTrace(err);
            return CRASH;
        } finally {
            out.flush();
            err.flush();
            finished.set(true);
            System.setOut(sysOut);
            System.setErr(sysErr);
        }
    }

    /** An output stream sent to the client as frames of one type. */
    private static final class Frames extends OutputStream {
        private final DataOutputStream res;
        private final byte type;

        Frames(DataOutputStream res, byte type) {
            this.res = res;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            synchronized (res) {
                res.writeByte(type);
                res.writeInt(len);
                res.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (res) {
                res.flush();
            }
        }
    }

    // Not Channels.newInputStream/newOutputStream: on Java 17 both take the channel's blocking
    // lock, so a read waiting for the client (to notice Ctrl-C) would hold up every write.
    private static OutputStream output(SocketChannel ch) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer bb = ByteBuffer.wrap(b, off, len);
                while (bb.hasRemaining()) {
                    ch.write(bb);
                }
            }
        };
    }

    private static InputStream input(SocketChannel ch) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : ch.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    private static void ignoreTerminalSignals() {
        for (String name : List.of("INT", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Not a signal on this system (HUP on Windows).
            }
        }
    }
}
