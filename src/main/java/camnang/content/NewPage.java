package camnang.content;

import camnang.EditDistance;
import camnang.Problem;
import camnang.Problems;
import camnang.Slug;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The page {@link Scaffold#create} writes: its name, its folder, its text. */
final class NewPage {
    /** Longer slugs are cut at a word: file names and addresses stay readable and fit every file system. */
    static final int MAX_SLUG = 80;

    private static final String TYPES = "guide (hướng dẫn), lesson (bài học), law (văn bản pháp luật), "
            + "faq (hỏi đáp), news (tin tức), plan (kế hoạch)";

    private NewPage() {
    }

    static Scaffold.Result create(Path source, String typeText, String titleText, String sectionText, String slugText,
                                  LocalDate today) {
        PageType type = typeText == null ? null : PageType.parse(typeText);
        if (type == null) {
            String t = typeText == null ? "" : typeText.strip();
            return invalid(null, "loại trang \"" + t + "\" không có", didYouMean(t) + "Các loại trang: " + TYPES + ".");
        }
        String title = cleanTitle(titleText);
        if (title.isEmpty()) {
            return invalid(type, "tiêu đề trống",
                    "Viết tiêu đề sau loại trang, trong dấu ngoặc kép, ví dụ: new guide \"Cách yêu cầu hòa giải\".");
        }
        String slug;
        if (slugText != null) {
            slug = slug(slugText);
            if (slug.isEmpty()) {
                return invalid(type, "--slug \"" + slugText.strip() + "\" không cho ra tên tệp",
                        "Dùng chữ cái, chữ số và dấu gạch ngang, ví dụ --slug cach-yeu-cau-hoa-giai.");
            }
        } else {
            slug = slug(title);
            if (slug.isEmpty()) {
                return invalid(type, "tiêu đề \"" + title + "\" không cho ra tên tệp (cần ít nhất một chữ cái hoặc chữ số)",
                        "Thêm chữ vào tiêu đề, hoặc đặt tên tệp bằng --slug, ví dụ --slug hoi-dap.");
            }
        }
        String shown = display(source);
        if (!Files.isDirectory(source)) {
            return new Scaffold.Result(Scaffold.Status.FAILED, null, null, type, Problem.error(shown, 0,
                    "không tìm thấy thư mục nội dung",
                    "Chạy lệnh trong thư mục dự án, hoặc chỉ rõ thư mục bằng --source."));
        }
        List<String> segments = new ArrayList<>();
        String bad = section(sectionText, segments);
        if (bad != null) {
            return invalid(type, bad, "Viết đường dẫn của thư mục tính từ trong thư mục nội dung, ví dụ --section nguoi-dan.");
        }
        String dirRel = String.join("/", segments);
        Path dir = dirRel.isEmpty() ? source : source.resolve(dirRel);
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                return invalid(type, "\"" + dirRel + "\" là một tệp, không phải thư mục", "Chọn một thư mục khác bằng --section.");
            }
            if (source.getFileName() != null && segments.get(0).equals(source.getFileName().toString())) {
                // "--section content/nguoi-dan" would make content/content/nguoi-dan/.
                String rest = String.join("/", segments.subList(1, segments.size()));
                return invalid(type, "không có thư mục \"" + dirRel + "\" trong thư mục nội dung " + shown,
                        rest.isEmpty() ? "Bỏ --section để đặt trang ở đầu thư mục nội dung."
                                : "Viết đường dẫn tính từ trong thư mục nội dung: --section " + rest + ".");
            }
        }
        String prefix = dirRel.isEmpty() ? "" : dirRel + "/";
        Siblings siblings = Siblings.read(dir, prefix);
        String outDir = Content.outputDir(dirRel);
        String taken = siblings.taken(slug, outDir);
        if (taken != null) {
            String file = shown + "/" + prefix + (taken.isEmpty() ? slug + ".md" : taken);
            String message;
            if (taken.isEmpty() && slug.equals("index")) {
                message = "tên index.md dành cho trang mục lục của thư mục; không ghi tệp này";
            } else if (taken.isEmpty()) {
                message = "địa chỉ " + outDir + slug + ".html là trang camnang tự tạo; không ghi tệp " + slug + ".md";
            } else if (taken.equals(slug + ".md")) {
                message = "đã có tệp này; camnang không ghi đè";
            } else {
                message = "tệp này đã dùng địa chỉ " + outDir + slug + ".html của trang mới; không ghi tệp " + slug + ".md";
            }
            String free = slug;
            for (int n = 2; siblings.taken(free, outDir) != null; n++) {
                free = slug + "-" + n;
            }
            return new Scaffold.Result(Scaffold.Status.EXISTS, null, null, type, Problem.error(file, 0, message,
                    "Chọn tiêu đề khác, hoặc đặt tên tệp khác bằng --slug, ví dụ --slug " + free + "."));
        }
        Path newFolder = null;
        if (!Files.isDirectory(dir)) {
            Path top = source;
            for (String s : segments) {
                top = top.resolve(s);
                if (!Files.exists(top)) {
                    newFolder = top;
                    break;
                }
            }
        }
        Path file = dir.resolve(slug + ".md");
        boolean newTones = newTones(SiteSettings.read(source, new Problems("")).toneMarks(), title);
        String text = text(type, title, today, siblings.nextWeight(), newTones);
        try {
            Files.createDirectories(dir);
            Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // Written by someone else between the look and the write: still not ours to replace.
            return new Scaffold.Result(Scaffold.Status.EXISTS, null, null, type, Problem.error(shown + "/" + prefix + slug
                    + ".md", 0, "đã có tệp này; camnang không ghi đè", "Chọn tiêu đề khác, hoặc đặt tên tệp khác bằng --slug."));
        } catch (IOException e) {
            return new Scaffold.Result(Scaffold.Status.FAILED, null, null, type, Problem.error(shown + "/" + prefix + slug
                    + ".md", 0, "không ghi được tệp: " + e.getMessage(), "Kiểm tra quyền ghi vào thư mục nội dung."));
        }
        return new Scaffold.Result(Scaffold.Status.CREATED, file, newFolder, type, null);
    }

    private static Scaffold.Result invalid(PageType type, String message, String hint) {
        return new Scaffold.Result(Scaffold.Status.INVALID, null, null, type, Problem.error("", 0, message, hint));
    }

    private static String didYouMean(String typeText) {
        String s = Slug.of(typeText);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (PageType t : PageType.values()) {
            int d = EditDistance.of(s, t.key);
            if (d < bestD) {
                bestD = d;
                best = t.key;
            }
        }
        return !s.isEmpty() && bestD <= 2 ? "Có phải ý bạn là \"" + best + "\"? " : "";
    }

    /**
     * The title on one line: NFC, invisible characters (zero-width spaces, soft hyphens, a
     * byte-order mark, control characters) dropped, runs of spaces of any kind made one.
     */
    static String cleanTitle(String title) {
        if (title == null) {
            return "";
        }
        String s = Normalizer.normalize(title, Normalizer.Form.NFC);
        s = s.replaceAll("[\\s\\p{Z}]+", " ").replaceAll("[\\p{Cf}\\p{Cc}]", "");
        return s.strip();
    }

    /** The readable slug of a title, cut at a word to at most {@link #MAX_SLUG} characters. */
    static String slug(String text) {
        String s = Slug.of(cleanTitle(text));
        if (s.length() <= MAX_SLUG) {
            return s;
        }
        int cut = s.lastIndexOf('-', MAX_SLUG);
        return cut > 0 ? s.substring(0, cut) : s.substring(0, MAX_SLUG);
    }

    /** The folder's segments into {@code out}; the reason it is refused, or null. */
    private static String section(String text, List<String> out) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFC).replace('\\', '/');
        if (s.startsWith("/") || s.startsWith("~") || s.matches("^[A-Za-z]:.*")) {
            return "thư mục \"" + text.strip() + "\" phải nằm trong thư mục nội dung, không phải đường dẫn tuyệt đối";
        }
        for (String seg : s.split("/")) {
            if (seg.isBlank() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                return "thư mục \"" + text.strip() + "\" ra ngoài thư mục nội dung (có \"..\")";
            }
            if (seg.startsWith(".")) {
                return "thư mục \"" + seg + "\" bắt đầu bằng dấu chấm nên bị bỏ qua khi build";
            }
            out.add(seg.strip());
        }
        if (out.isEmpty()) {
            return null;
        }
        String first = out.get(0);
        if (first.equals(DataFiles.DIR)) {
            return "thư mục \"" + DataFiles.DIR + "\" chỉ chứa tệp số liệu, không chứa trang";
        }
        String firstOut = Content.outputDir(first);
        if (Content.RESERVED_DIRS.contains(firstOut.substring(0, firstOut.length() - 1))) {
            return "thư mục \"" + first + "\" trùng với thư mục do camnang tự tạo ("
                    + String.join(", ", new java.util.TreeSet<>(Content.RESERVED_DIRS)) + ")";
        }
        return null;
    }

    /** The files already in the page's folder: which page addresses they take, their weights. */
    private record Siblings(Map<String, String> byOutput, Map<String, String> byLowerName, int maxWeight) {
        static Siblings read(Path dir, String prefix) {
            Map<String, String> byOutput = new TreeMap<>();
            Map<String, String> byLower = new TreeMap<>();
            int max = Integer.MIN_VALUE;
            if (Files.isDirectory(dir)) {
                List<Path> files;
                try (Stream<Path> list = Files.list(dir)) {
                    files = list.filter(Files::isRegularFile).sorted().toList();
                } catch (IOException e) {
                    files = List.of();
                }
                for (Path p : files) {
                    String name = p.getFileName().toString();
                    byLower.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                    String lower = name.toLowerCase(Locale.ROOT);
                    int dot = name.lastIndexOf('.');
                    String stem = dot > 0 ? name.substring(0, dot) : name;
                    if (!(lower.endsWith(".md") || lower.endsWith(".markdown"))) {
                        if (lower.endsWith(".html")) {
                            byOutput.putIfAbsent(Slug.of(stem) + lower.substring(dot), name);
                        }
                        continue;
                    }
                    if (stem.equals("_index") || stem.equals("index")) {
                        continue;
                    }
                    Meta meta = meta(p, prefix + name);
                    String out = meta != null && meta.slug() != null && !Slug.of(meta.slug()).isEmpty()
                            ? Slug.of(meta.slug()) : Slug.of(stem);
                    byOutput.putIfAbsent(out + ".html", name);
                    if (meta != null && meta.weight() != null) {
                        max = Math.max(max, meta.weight());
                    }
                }
            }
            return new Siblings(byOutput, byLower, max);
        }

        private static Meta meta(Path file, String rel) {
            Problems ignored = new Problems("");
            try {
                String text = SourceText.decode(Files.readAllBytes(file), rel, ignored);
                return text == null ? null : FrontMatter.parse(text, rel, ignored, new FrontMatter.Migrations()).meta();
            } catch (IOException e) {
                return null;
            }
        }

        /** The file that already takes {@code slug}, "" for a name the build keeps for itself, or null. */
        String taken(String slug, String outDir) {
            String name = byLowerName.get((slug + ".md").toLowerCase(Locale.ROOT));
            if (name != null) {
                return name;
            }
            name = byOutput.get(slug + ".html");
            if (name != null) {
                return name;
            }
            if (slug.equals("index") || Content.RESERVED_FILES.contains(outDir + slug + ".html")) {
                return "";
            }
            return null;
        }

        /** After the folder's last page, when its pages are ordered by weight; else none. */
        Integer nextWeight() {
            return maxWeight == Integer.MIN_VALUE ? null : maxWeight + 1;
        }
    }

    static String display(Path source) {
        String s = source.toString().replace('\\', '/');
        return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }

    /** The whole file: front matter with a comment on what each key takes, then the body to fill. */
    static String text(PageType type, String title, LocalDate today, Integer weight, boolean newTones) {
        StringBuilder sb = new StringBuilder();
        sb.append("description: \"\"  # một câu giới thiệu trang, hiện dưới tiêu đề và trong kết quả tìm kiếm\n");
        sb.append("date: ").append(today).append('\n');
        if (weight != null) {
            sb.append("weight: ").append(weight).append("  # thứ tự trong mục: số nhỏ đứng trước\n");
        }
        sb.append("tags: []  # chủ đề, ví dụ: [hòa giải, thủ tục]\n");
        sb.append("audience: [").append(audience(type)).append("]  # dành cho ai: người dân, hòa giải viên, cán bộ\n");
        sb.append("type: ").append(type.key).append('\n');
        if (type == PageType.LESSON) {
            // What a lesson of a course must say (a course's lesson without goals or minutes is an error).
            sb.append("""
                    minutes: 15  # thời gian học ước tính, tính bằng phút
                    goals:  # mục tiêu bài học: sau bài này, người học…
                      - Nêu được …
                      - Thực hành được …
                    laws: []  # căn cứ pháp lý, ví dụ: ["Điều 7 Luật Hòa giải ở cơ sở"]
                    """);
        }
        if (type == PageType.LAW) {
            sb.append("""
                    # Thông tin của văn bản. Năm khóa đầu là bắt buộc: còn trống thì check và build báo lỗi.
                    so_hieu:  # ví dụ: 15/2014/NĐ-CP
                    loai_van_ban:  # Luật, Nghị định, Thông tư, Quyết định…
                    co_quan_ban_hanh:  # ví dụ: Chính phủ
                    ngay_ban_hanh:  # ngày/tháng/năm, ví dụ: 27/02/2014
                    tinh_trang:  # còn hiệu lực, hết hiệu lực một phần, hết hiệu lực hoặc chưa có hiệu lực
                    nguoi_ky:  # không bắt buộc
                    ngay_hieu_luc:  # không bắt buộc, ví dụ: 25/04/2014
                    trich_yeu:  # không bắt buộc: văn bản quy định về việc gì
                    nguon:  # không bắt buộc: địa chỉ bản gốc, ví dụ: https://vbpl.vn/
                    """);
        }
        sb.append("---\n\n").append(body(type));
        String rest = newTones ? toNewTones(sb.toString()) : sb.toString();
        return "---\ntitle: " + quote(title) + "\n" + rest;
    }

    private static final Pattern OLD_TONES = Pattern.compile("(?<!q)([òóỏõọ][ae]|[ùúủũụ]y)(?!\\p{L})");
    private static final Pattern NEW_TONES = Pattern.compile("(?iu)(?<!q)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\\p{L})");

    /**
     * Whether camnang's own words in the page (hòa giải, khóa) take the tone mark of oa, oe, uy on
     * the second vowel (hoà, khoá): as the site's {@code tone_marks} says, else as the title writes
     * them, so that a new page never mixes the two styles.
     */
    static boolean newTones(SiteConfig.ToneMarks site, String title) {
        if (site != SiteConfig.ToneMarks.ANY) {
            return site == SiteConfig.ToneMarks.NEW;
        }
        String lower = title.toLowerCase(Locale.ROOT);
        return NEW_TONES.matcher(lower).find() && !OLD_TONES.matcher(lower).find();
    }

    /** Moves the tone mark of a syllable-final oa, oe, uy to its second vowel: hòa → hoà. */
    static String toNewTones(String text) {
        Matcher m = OLD_TONES.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String pair = Normalizer.normalize(m.group(1), Normalizer.Form.NFD);
            String moved = pair.charAt(0) + Normalizer.normalize(pair.substring(2) + pair.charAt(1), Normalizer.Form.NFC);
            m.appendReplacement(sb, Matcher.quoteReplacement(moved));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Whom a new page is for, as the sample content has it: guides and answers for citizens,
     * lessons for mediators, plans for staff; a legal text and news for all three, since
     * citizens look laws up, mediators apply them and staff cite them.
     */
    private static String audience(PageType type) {
        return switch (type) {
            case GUIDE, FAQ -> Audience.NGUOI_DAN.label;
            case LESSON -> Audience.HOA_GIAI_VIEN.label;
            case PLAN -> Audience.CAN_BO.label;
            case LAW, NEWS -> Audience.NGUOI_DAN.label + ", " + Audience.HOA_GIAI_VIEN.label + ", " + Audience.CAN_BO.label;
        };
    }

    private static String body(PageType type) {
        return switch (type) {
            case GUIDE -> """
                    Một đoạn mở đầu: trang này dành cho ai, giúp làm việc gì.

                    ## Khi nào cần làm?

                    Nêu những trường hợp cần làm việc này.

                    ## Cần chuẩn bị gì?

                    - Giấy tờ, thông tin cần có.

                    ## Các bước thực hiện

                    1. Bước thứ nhất.
                    2. Bước thứ hai.

                    ## Căn cứ pháp lý

                    - Tên văn bản và điều áp dụng.
                    """;
            case FAQ -> """
                    Một đoạn mở đầu: những câu hỏi dưới đây thường gặp khi nào, ai giải đáp.

                    ## Câu hỏi thứ nhất?

                    Trả lời ngắn gọn trước (có hay không, bao lâu, ở đâu), rồi giải thích và nêu căn cứ.

                    ## Câu hỏi thứ hai?

                    Trả lời.
                    """;
            case NEWS -> """
                    Đoạn mở đầu: việc gì, ở đâu, khi nào, những ai tham gia và kết quả chính, đủ để người đọc nắm tin chỉ qua đoạn này.

                    ## Diễn biến

                    Nội dung chi tiết.

                    ## Kết quả

                    Kết quả, ý nghĩa và việc làm tiếp theo.
                    """;
            case LESSON -> """
                    Một đoạn giới thiệu bài học.

                    ## Nội dung

                    ### 1. Phần thứ nhất

                    Nội dung.

                    ### 2. Phần thứ hai

                    Nội dung.

                    ## Câu hỏi ôn tập

                    ```quiz
                    ? Câu hỏi thứ nhất?
                    - [x] Phương án đúng
                    - [ ] Phương án sai
                    > Lời giải thích ngắn, dẫn Điều luật làm căn cứ.

                    ? Một câu để người học chọn đúng hay sai.
                    = đúng
                    > Lời giải thích ngắn.
                    ```
                    """;
            case PLAN -> """
                    Căn cứ ban hành kế hoạch.

                    ## I. MỤC ĐÍCH, YÊU CẦU

                    ### 1. Mục đích

                    Nội dung.

                    ### 2. Yêu cầu

                    Nội dung.

                    ## II. NỘI DUNG

                    Nội dung.

                    ## III. TỔ CHỨC THỰC HIỆN

                    Nội dung.
                    """;
            case LAW -> """
                    Chương I
                    NHỮNG QUY ĐỊNH CHUNG

                    Điều 1. Phạm vi điều chỉnh

                    Chép nội dung Điều 1 ở đây; mỗi dòng "Chương …", "Mục …", "Điều …" đứng riêng một đoạn.

                    Điều 2. Đối tượng áp dụng

                    Chép nội dung Điều 2 ở đây.
                    """;
        };
    }

    /** A YAML double-quoted scalar: titles hold colons, quotes and {@code #}, which plain scalars cannot. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('"').toString();
    }
}
