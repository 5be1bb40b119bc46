package camnang.cli;

import camnang.Camnang;
import camnang.Problem;
import camnang.content.SiteConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: parses options, calls {@link Camnang}, prints the report. No logic lives here. */
@Command(name = "camnang", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n",
        optionListHeading = "%nTùy chọn:%n", commandListHeading = "%nLệnh:%n",
        description = "Biến thư mục Markdown thành trang web tĩnh có tìm kiếm.",
        subcommands = {Main.Build.class, Main.Check.class, ServeCommand.class, NewCommand.class, ImportCommand.class,
                Main.SearchCommand.class,
                Main.DaemonCommand.class})
public final class Main implements Callable<Integer> {
    static final int OK = 0;
    static final int CONTENT_ERRORS = 1;
    static final int USAGE = 2;
    /** Warnings shown before the rest are only counted (all with --verbose). */
    static final int WARNINGS_SHOWN = 50;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này rồi thoát.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Hiện phiên bản rồi thoát.")
    boolean version;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return USAGE;
    }

    /** Whether the standard streams are a terminal (progress is then drawn on one line). */
    static boolean terminal;

    public static void main(String[] args) {
        String daemon = System.getProperty(Daemon.PROPERTY);
        if (daemon != null) {
            try {
                Daemon.serve(Path.of(daemon));
            } catch (java.io.IOException e) {
                System.err.println("camnang daemon: " + e);
                System.exit(1);
            }
            return;
        }
        terminal = System.console() != null;
        int forked = Launcher.maybeFork(args);
        System.exit(forked >= 0 ? forked : run(args, utf8(System.out), utf8(System.err)));
    }

    private static PrintStream utf8(PrintStream s) {
        return new PrintStream(s, true, StandardCharsets.UTF_8);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCommandName("java -jar target/camnang.jar");
        cl.getCommandSpec().version("camnang 0.1.0");
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("Lỗi cách dùng: " + translate(ex));
            c.getErr().println("Xem hướng dẫn: java -jar target/camnang.jar "
                    + (c.getCommandSpec().parent() == null ? "" : c.getCommandName() + " ") + "--help");
            return USAGE;
        });
        cl.setExitCodeExceptionMapper(e -> 3);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.setOut(new PrintWriter(out, true));
            sub.setErr(new PrintWriter(err, true));
        }
        Build.out = out;
        Build.err = err;
        return cl.execute(args);
    }

    static String translate(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return "không hiểu " + String.join(" ", u.getUnmatched());
        }
        if (ex instanceof CommandLine.MissingParameterException) {
            return "thiếu giá trị: " + ex.getMessage();
        }
        return ex.getMessage();
    }

    static class Common {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này rồi thoát.")
        boolean help;

        @Option(names = "--source", paramLabel = "THƯ_MỤC", defaultValue = "content",
                description = "Thư mục nội dung Markdown (mặc định: ${DEFAULT-VALUE}).")
        Path source;

        @Option(names = "--templates", paramLabel = "THƯ_MỤC",
                description = "Thư mục mẫu giao diện (mặc định: site-templates nếu có, nếu không thì giao diện có sẵn).")
        Path templates;

        @Option(names = "--broken-links", paramLabel = "error|warn",
                description = "Liên kết hỏng là lỗi (error, mặc định) hay chỉ là cảnh báo (warn, cho nội dung nhập từ nơi khác).")
        String brokenLinks;

        @Option(names = {"-v", "--verbose"}, description = "Hiện mọi cảnh báo và lưu ý, không rút gọn.")
        boolean verbose;

        SiteConfig.BrokenLinks mode() {
            if (brokenLinks == null) {
                return null;
            }
            return switch (brokenLinks) {
                case "error" -> SiteConfig.BrokenLinks.ERROR;
                case "warn" -> SiteConfig.BrokenLinks.WARN;
                default -> throw new CommandLine.ParameterException(new CommandLine(this),
                        "--broken-links chỉ nhận error hoặc warn, không phải \"" + brokenLinks + "\"");
            };
        }
    }

    @Command(name = "build", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n", optionListHeading = "%nTùy chọn:%n",
            description = {"Xây dựng trang web vào thư mục đầu ra.",
                    "Mã thoát: 0 thành công, 1 nội dung có lỗi (trang cũ được giữ nguyên), 2 sai cách dùng."})
    static final class Build extends Common implements Callable<Integer> {
        static PrintStream out = System.out;
        static PrintStream err = System.err;

        @Option(names = "--out", paramLabel = "THƯ_MỤC", defaultValue = "_site",
                description = "Thư mục đầu ra (mặc định: ${DEFAULT-VALUE}); chỉ được thay khi build thành công.")
        Path output;

        @Option(names = "--base-url", paramLabel = "ĐỊA_CHỈ",
                description = "Địa chỉ công khai của trang, ví dụ https://sadec.dongthap.gov.vn/hoa-giai/ (để tạo sitemap.xml và feed.xml).")
        String baseUrl;

        @Option(names = "--no-cache", description = "Dựng lại mọi trang, không dùng kết quả của lần build trước.")
        boolean noCache;

        @Option(names = "--search", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Ghi chỉ mục tìm kiếm (mặc định: có); --no-search bỏ qua để build nhanh hơn khi chỉ xem trước.")
        boolean search;

        @Option(names = "--portal", paramLabel = "MÃ",
                description = "Build trang của một cổng thông tin khai báo trong site.yaml (mặc định: cổng của thành phố).")
        String portal;

        @Option(names = "--all-portals",
                description = "Build trang của mọi cổng thông tin, mỗi cổng một thư mục <đầu ra>/<mã cổng>/.")
        boolean allPortals;

        @Option(names = "--zip",
                description = {"Sau khi build thành công, nén thêm mỗi trang thành một tệp zip để tải lên cổng thông tin "
                        + "hoặc chép vào USB: <đầu ra>.zip cạnh thư mục đầu ra (mặc định _site.zip); với --all-portals "
                        + "là <đầu ra>/<mã cổng>.zip cạnh mỗi thư mục cổng. Giải nén được một thư mục mở thẳng bằng "
                        + "trình duyệt; cùng nội dung luôn cho cùng một tệp zip."})
        boolean zip;

        @Override
        public Integer call() {
            if (portal != null && allPortals) {
                err.println("Lỗi cách dùng: chỉ dùng một trong hai tùy chọn --portal và --all-portals.");
                return USAGE;
            }
            String base = baseUrl;
            if (base != null) {
                if (!base.matches("(?i)^https?://[^/\\s]+.*")) {
                    err.println("Lỗi cách dùng: --base-url phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, không phải \""
                            + base + "\"");
                    return USAGE;
                }
                base = base.endsWith("/") ? base : base + "/";
            }
            Camnang.Options options = new Camnang.Options(source, output, base, mode(), templates, !noCache, search, portal, false, zip);
            if (allPortals) {
                int exit = 0;
                List<Camnang.Report> reports = Camnang.buildAllPortals(options);
                for (Camnang.Report r : reports) {
                    exit = Math.max(exit, report(r, verbose, out, err, true));
                }
                if (exit == 0) {
                    out.println("Đã build " + reports.size() + " cổng thông tin; danh sách ở " + output.resolve("index.html") + ".");
                    if (zip) {
                        out.println("Đã nén mỗi cổng thành một tệp <mã cổng>.zip trong " + output + ".");
                    }
                }
                return exit;
            }
            ProgressPrinter progress = new ProgressPrinter(err, terminal);
            Camnang.Report r = Camnang.build(options, progress);
            progress.done();
            int exit = report(r, verbose, out, err, true);
            if (exit == OK && zip) {
                out.println("Đã nén trang vào " + camnang.publish.Zips.pathFor(output) + " để tải lên.");
            }
            return exit;
        }
    }

    @Command(name = "check", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n", optionListHeading = "%nTùy chọn:%n",
            description = {"Kiểm tra nội dung như khi build, nhưng không ghi tệp nào.",
                    "Mã thoát: 0 không có lỗi, 1 nội dung có lỗi, 2 sai cách dùng."})
    static final class Check extends Common implements Callable<Integer> {
        @Option(names = "--fix", description = "Tự sửa những lỗi chữ sửa được an toàn (dạng Unicode, kiểu bỏ dấu, ký tự ẩn, "
                + "mã cũ TCVN3/VNI), in ra những gì đã sửa, rồi kiểm tra lại.")
        boolean fix;

        @Override
        public Integer call() {
            if (fix) {
                int fixed = CheckFix.run(source, Build.out, Build.err);
                if (fixed != OK) {
                    return fixed;
                }
            }
            Camnang.Report r = Camnang.checkAll(new Camnang.Options(source, null, null, mode(), templates));
            return report(r, verbose, Build.out, Build.err, false);
        }
    }

    @Command(name = "search", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n", optionListHeading = "%nTùy chọn:%n",
            description = {"Tìm trong chỉ mục Lucene của một trang đã build, như ô tìm kiếm của trang.",
                    "Mã thoát: 0 thành công, 1 không có chỉ mục, 2 sai cách dùng."})
    static final class SearchCommand implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này rồi thoát.")
        boolean help;

        @Option(names = "--site", paramLabel = "THƯ_MỤC", defaultValue = "_site",
                description = "Thư mục trang đã build (mặc định: ${DEFAULT-VALUE}).")
        Path site;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Số kết quả (mặc định: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "In kết quả dạng JSON: url, title, heading, score.")
        boolean json;

        @Option(names = "--prefix", description = "Coi từ cuối là từ đang gõ dở (như kết quả hiện ngay khi gõ).")
        boolean prefix;

        @Option(names = "--section", paramLabel = "THƯ_MỤC", description = "Chỉ tìm trong một mục (thư mục cấp đầu, ví dụ van-ban).")
        String section;

        @Option(names = "--type", paramLabel = "LOẠI", description = "Chỉ tìm trang thuộc loại này (guide, law, plan, lesson, faq, news).")
        String type;

        @Option(names = "--audience", paramLabel = "ĐỐI_TƯỢNG", description = "Chỉ tìm trang dành cho nguoi-dan, hoa-giai-vien hoặc can-bo.")
        String audience;

        @Option(names = "--form", paramLabel = "LOẠI_VĂN_BẢN",
                description = "Chỉ tìm trong văn bản pháp luật thuộc loại này (ví dụ \"Nghị định\", \"luat\"; có dấu hay không đều được).")
        String form;

        @Option(names = "--status", paramLabel = "TÌNH_TRẠNG",
                description = "Chỉ tìm trong văn bản có tình trạng hiệu lực này (còn hiệu lực, hết hiệu lực một phần, hết hiệu lực, chưa có hiệu lực).")
        String status;

        @CommandLine.Parameters(arity = "1..*", paramLabel = "TỪ_KHÓA", description = "Nội dung cần tìm.")
        List<String> words;

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isDirectory(site.resolve(camnang.search.SearchIndex.DIR))) {
                Build.err.println(site + ": lỗi: không có chỉ mục tìm kiếm\n    → Chạy build (không dùng --no-search) trước.");
                return CONTENT_ERRORS;
            }
            if (limit < 1) {
                Build.err.println("Lỗi cách dùng: --limit phải lớn hơn 0");
                return USAGE;
            }
            Map<String, String> filters = new java.util.LinkedHashMap<>();
            if (section != null) {
                filters.put("section", section);
            }
            if (type != null) {
                filters.put("type", type);
            }
            if (audience != null) {
                filters.put("audience", audience);
            }
            if (form != null) {
                filters.put("form", form);
            }
            if (status != null) {
                filters.put("status", status);
            }
            List<camnang.search.Search.Hit> hits = camnang.search.Search.search(site,
                    new camnang.search.Search.Request(String.join(" ", words), limit, prefix, filters));
            if (json) {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < hits.size(); i++) {
                    camnang.search.Search.Hit h = hits.get(i);
                    sb.append(i == 0 ? "\n  " : ",\n  ").append("{\"url\": ").append(camnang.Json.string(h.url()))
                            .append(", \"title\": ").append(camnang.Json.string(h.title()))
                            .append(", \"heading\": ").append(camnang.Json.string(h.heading()))
                            .append(", \"score\": ").append(h.score()).append('}');
                }
                Build.out.println(sb.append(hits.isEmpty() ? "]" : "\n]"));
            } else if (hits.isEmpty()) {
                Build.out.println("Không tìm thấy kết quả.");
            } else {
                for (camnang.search.Search.Hit h : hits) {
                    Build.out.printf(Locale.ROOT, "%8.4f  %s%n          %s%s%n", h.score(), h.url(), h.title(),
                            h.heading().isEmpty() ? "" : " — " + h.heading());
                }
            }
            return OK;
        }
    }

    @Command(name = "daemon", synopsisHeading = "Cách dùng: ", descriptionHeading = "%n", optionListHeading = "%nTùy chọn:%n",
            description = {"Xem hoặc dừng các tiến trình nền của camnang.",
                    "Lần build đầu tiên trong một thư mục để lại một tiến trình nền; các lần build sau chạy trong đó và "
                            + "nhanh gấp đôi. Tiến trình tự dừng sau " + Daemon.IDLE_MINUTES + " phút không build. Đặt biến "
                            + "môi trường CAMNANG_DAEMON=0 để không dùng tiến trình nền.",
                    "Mã thoát: 0 thành công, 2 sai cách dùng."})
    static final class DaemonCommand implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Hiện hướng dẫn này rồi thoát.")
        boolean help;

        @Option(names = "--stop", description = "Dừng mọi tiến trình nền (tiến trình đang build thì dừng khi build xong).")
        boolean stop;

        @Override
        public Integer call() {
            Path dir = Daemon.dir();
            List<Daemon.Running> running = dir == null ? List.of() : Daemon.running(dir);
            if (running.isEmpty()) {
                Build.out.println("Không có tiến trình nền nào của camnang.");
                return OK;
            }
            for (Daemon.Running d : running) {
                Build.out.println((stop ? "Dừng" : "Đang chạy") + ": tiến trình " + d.pid() + " cho thư mục " + d.folder());
                if (stop) {
                    Daemon.stop(d.socket());
                }
            }
            return OK;
        }
    }

    static int report(Camnang.Report r, boolean verbose, PrintStream out, PrintStream err, boolean build) {
        int warningsShown = 0;
        int hidden = 0;
        for (Problem p : r.problems()) {
            if (p.severity() != Problem.Severity.ERROR && !verbose && warningsShown >= WARNINGS_SHOWN) {
                hidden++;
                continue;
            }
            if (p.severity() != Problem.Severity.ERROR) {
                warningsShown++;
            }
            err.println(p.format());
        }
        if (hidden > 0) {
            err.println("… và " + hidden + " cảnh báo, lưu ý khác (thêm --verbose để xem tất cả).");
        }
        String counts = r.count(Problem.Severity.ERROR) + " lỗi, " + r.count(Problem.Severity.WARNING) + " cảnh báo, "
                + r.count(Problem.Severity.NOTICE) + " lưu ý";
        if (!r.ok()) {
            err.println((build ? "Build thất bại" : "Kiểm tra thấy lỗi") + ": " + counts + "."
                    + (build ? " Thư mục " + r.out() + " cũ được giữ nguyên." : ""));
            return CONTENT_ERRORS;
        }
        for (String n : r.notes()) {
            out.println("Lưu ý: " + n);
        }
        if (build) {
            out.println("Đã xây dựng " + r.pages() + " trang, " + r.sections() + " mục vào " + r.out() + " ("
                    + String.format(Locale.forLanguageTag("vi"), "%,d", r.files()) + " tệp; " + counts + ").");
            r.written().forEach((kind, what) -> out.println("  " + kind + ": " + what));
            out.println("Mở " + r.out().resolve("index.html") + " bằng trình duyệt để xem.");
        } else {
            out.println("Kiểm tra xong " + r.pages() + " trang, " + r.sections() + " mục: " + counts + ".");
        }
        out.println("Thời gian: " + times(r.millis()));
        return OK;
    }

    private static String times(Map<String, Long> millis) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : millis.entrySet()) {
            if (sb.length() > 0) {
                sb.append(" · ");
            }
            sb.append(e.getKey()).append(' ').append(String.format(Locale.forLanguageTag("vi"), "%.2f s", e.getValue() / 1000.0));
        }
        return sb.toString();
    }
}
