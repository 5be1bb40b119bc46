package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import camnang.Chromium;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript analyzer in site-templates/assets/camnang.js gives exactly the Java
 * analyzer's tokens (text, position, offsets, type), in both forms, in real headless
 * Chromium: on every case-file row, lines of the sample site and the legal corpus, and
 * random strings.
 */
class AnalyzerTwinTest {
    @TempDir
    Path tmp;

    @Test
    void javaScriptGivesTheSameTokensAsJava() throws Exception {
        List<String> inputs = inputs();
        assertTrue(inputs.size() >= 2000, "inputs: " + inputs.size());
        // The script as the site serves it, without its comments.
        Files.write(tmp.resolve("camnang.js"), camnang.publish.Assets.scan(Path.of("site-templates/assets")).script("camnang.js"));
        StringBuilder page = new StringBuilder("<!DOCTYPE html><meta charset=utf-8><pre id=out></pre>"
                + "<script src=\"camnang.js\"></script><script>var inputs = [");
        for (int i = 0; i < inputs.size(); i++) {
            page.append(i == 0 ? "" : ",").append(json(inputs.get(i)));
        }
        page.append("];\nvar lines = inputs.map(function (s) { return JSON.stringify(camnang.analyze(s, {form: 'exact'})) + ' '"
                + " + JSON.stringify(camnang.analyze(s, {form: 'folded'})) + ' ' + JSON.stringify(camnang.analyze(s, {form: 'bigram'})); });\n"
                + "document.getElementById('out').textContent = lines.join('\\n');</script>");
        Path html = tmp.resolve("twin.html");
        Files.writeString(html, page, StandardCharsets.UTF_8);
        String dom = Chromium.dumpDom(html.toUri().toString(), tmp.resolve("profile"));
        String[] got = Jsoup.parse(dom).getElementById("out").wholeText().split("\n", -1);
        assertEquals(inputs.size(), got.length, "one line per input");
        int mismatches = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            String s = inputs.get(i);
            String expected = json(Analysis.tokens(s, VietnameseAnalyzer.Form.EXACT)) + " "
                    + json(Analysis.tokens(s, VietnameseAnalyzer.Form.FOLDED)) + " "
                    + json(Analysis.tokens(s, VietnameseAnalyzer.Form.BIGRAM));
            if (!expected.equals(got[i]) && mismatches++ < 5) {
                report.append("\ninput ").append(json(s)).append("\n  java ").append(expected).append("\n  js   ").append(got[i]);
            }
        }
        assertEquals(0, mismatches, report.toString());
    }

    /**
     * Legal forms searched for (issue 4): a document number in each spelling and shortened, an
     * article cited, the headings and citations the legal structure writes into section text
     * and titles.
     */
    static final List<String> LEGAL = List.of("15/2014/NĐ-CP", "15/2014/ND-CP", "15/2014/nd-cp", "nđ 15/2014", "NĐ 15/2014",
            "nghị định 15/2014", "Nghị định số 15/2014/NĐ-CP.", "01/2014/NQLT/CP-UBTƯMTTQVN", "27-NQ/TW", "315/QĐ-TTg",
            "điều 9 luật hòa giải ở cơ sở", "dieu 9 luat hoa giai o co so", "Điều 9 của Luật Hòa giải ở cơ sở",
            "Điều 9 Luật Hòa giải ở cơ sở", "Điều 5 Nghị định số 15/2014/NĐ-CP", "khoản 2 Điều 8", "điểm đ khoản 2 Điều 8",
            "Điều 37.1.LQ.9. Quyền của hòa giải viên (Điều 9 Luật số 35/2013/QH13)", "Điều 16.1.NĐ.1.1a. Phạm vi",
            "Luật Hòa giải ở cơ sở số 35/2013/QH13 (tóm tắt từng điều); 35/2013/QH13", "ngày 25/4/2014", "Điều 7a.");

    /** Case-file strings, sampled lines of the sample site and of the legal corpus, random strings. */
    static List<String> inputs() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = AnalyzerTwinTest.class.getResourceAsStream("/search/analyzer-cases.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] c = line.split("\t");
                    out.add(c[1]);
                    out.add(c[2]);
                }
            }
        }
        out.addAll(LEGAL);
        sample(Path.of("content"), 1, 1500, out);
        sample(Path.of("../shared/corpus/phap-dien"), 97, 1500, out);
        Random r = new Random(7);
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĐQG0123456789 /-.,:;()\u0300\u0301\u0303\u0309\u0323\t\u00a0\u2007\u202f\u3000\ufeff😀";
        for (int n = 0; n < 500; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = r.nextInt(30); i > 0; i--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            out.add(sb.toString().replace("\uD83D", "").replace("\uDE00", "😀"));
        }
        return out;
    }

    private static void sample(Path dir, int every, int max, List<String> out) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        int seen = 0;
        int taken = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (line.isBlank() || seen++ % every != 0) {
                        continue;
                    }
                    out.add(line.length() > 300 ? line.substring(0, 300) : line);
                    if (++taken >= max) {
                        return;
                    }
                }
            }
        }
    }

    static String json(List<Analysis.Token> tokens) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < tokens.size(); i++) {
            Analysis.Token t = tokens.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"text\":").append(json(t.text())).append(",\"position\":").append(t.position())
                    .append(",\"start\":").append(t.start()).append(",\"end\":").append(t.end())
                    .append(",\"type\":").append(json(t.type())).append('}');
        }
        return sb.append(']').toString();
    }

    /** As JSON.stringify writes a string, and safe inside a script element. */
    static String json(String s) {
        return camnang.Json.string(s).replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
