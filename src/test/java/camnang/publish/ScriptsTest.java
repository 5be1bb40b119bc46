package camnang.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptsTest {
    @TempDir
    Path tmp;

    @Test
    void commentsAndIndentationGoEachLineStaysWhereItWas() {
        String js = """
                /**
                 * Why this module exists.
                 */
                (function () {
                  'use strict';
                  // A comment of its own line.
                  var a = 1; // and one after code
                  var b = a/**/+ 2;   \t
                  /* two
                     lines */ var c = 3;
                })();
                """;
        assertEquals("\n\n\n(function () {\n'use strict';\n\nvar a = 1;\nvar b = a + 2;\n\nvar c = 3;\n})();\n",
                Scripts.lean(js));
    }

    @Test
    void slashesInsideStringsAndRegularExpressionsStay() {
        String js = """
                var url = 'http://x.gov.vn/*not a comment*/';
                var q = "// nor this";
                var re = /[/*]+\\/\\//g, s = x.replace(/\\/\\/.*$/, '');
                if (!/^\\/\\//.test(url)) return;
                """;
        assertEquals(js, Scripts.lean(js));
    }

    @Test
    void aSlashAfterAValueDividesAfterAnOperatorBeginsARegularExpression() {
        String js = """
                var half = total / 2; // half
                var mean = (a + b) / 2 / n; // mean
                var next = i++ / 2; // after a postfix
                var found = x === /a\\/b/.exec(y) / 1; // a regex, then a division
                return /'/.test(q); // a quote in a regex
                """;
        assertEquals("var half = total / 2;\nvar mean = (a + b) / 2 / n;\nvar next = i++ / 2;\n"
                + "var found = x === /a\\/b/.exec(y) / 1;\nreturn /'/.test(q);\n", Scripts.lean(js));
    }

    @Test
    void aScriptThatCannotBeReadByLinesIsServedAsWritten() {
        for (String js : List.of("var t = `a\n// b`;\n", "var s = 'a\\\n// b';\n", "var a; /* never closed\n",
                "var s = 'runs on\n// b';\n", "var r = /runs on\n// b/;\n")) {
            assertNull(Scripts.lean(js), js);
            byte[] bytes = js.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(bytes, Scripts.lean(bytes), js);
        }
        byte[] latin1 = "// Tìm kiếm\nvar a;\n".getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(latin1, Scripts.lean(latin1));
    }

    @Test
    void theSiteServesLeanScriptsNamedByTheirOwnBytes() throws IOException {
        Path dir = tmp.resolve("assets");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a.js"), "// Vì sao.\nvar a = 1;\n");
        Files.writeString(dir.resolve("style.css"), "/* giữ nguyên */\nbody{}\n");
        Assets assets = Assets.scan(dir);
        String script = assets.outputs().get("a.js");
        assertEquals("assets/" + Assets.hashed("a.js", "\nvar a = 1;\n".getBytes(StandardCharsets.UTF_8)), script);
        try (Output out = Output.open(tmp.resolve("_site"))) {
            assets.writeTo(out);
            out.commit();
        }
        assertEquals("\nvar a = 1;\n", Files.readString(tmp.resolve("_site").resolve(script)));
        assertEquals("/* giữ nguyên */\nbody{}\n",
                Files.readString(tmp.resolve("_site").resolve(assets.outputs().get("style.css"))));
        assertArrayEquals("\nvar a = 1;\n".getBytes(StandardCharsets.UTF_8), assets.script("a.js"));
    }

    @Test
    void theBundledScriptsAreServedLeanLineForLine() throws IOException {
        try (var files = Files.list(Path.of("site-templates/assets"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String source = Files.readString(f);
                String lean = Scripts.lean(source);
                assertEquals(source.split("\n", -1).length, lean.split("\n", -1).length, f.toString());
                assertEquals(-1, lean.indexOf("\n//"), f.toString());
                assertEquals(-1, lean.indexOf("\n "), f.toString());
            }
        }
    }
}
