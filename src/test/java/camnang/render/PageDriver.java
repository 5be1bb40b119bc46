package camnang.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import camnang.Chromium;
import camnang.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Drives a built page in headless Chromium: a script injected into a copy of the page runs
 * {@code async function test()} once the page's own scripts have, types into boxes with
 * the helpers below, and records what it sees with {@code rec(key, value)}; the values come
 * back from the dumped DOM. Every run also checks that hostile markup ({@code <img src=x
 * onerror=alert(…)>}) in queries or results never became an element and never ran.
 */
final class PageDriver {
    private PageDriver() {
    }

    static final String HELPERS = """
            var recorded = [];
            function rec(k, v) { recorded.push([k, typeof v === "string" ? v : JSON.stringify(v)]); }
            function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
            // Waits until check() gives something truthy (at most 20 s, then gives what it gives):
            // a fixed pause is too short on a busy machine.
            async function until(check, ms) {
              var end = Date.now() + (ms || 20000), v;
              while (!(v = check()) && Date.now() < end) {
                await sleep(50);
              }
              return v;
            }
            function type(input, text, pause) {
              input.focus();
              // One input event per character, as a person types: the box searches once, after the pause.
              for (var i = 1; i <= text.length; i++) {
                input.value = text.slice(0, i);
                input.dispatchEvent(new Event("input", {bubbles: true}));
              }
              return sleep(pause || 500);
            }
            function key(input, k) {
              var e = new KeyboardEvent("keydown", {key: k, bubbles: true, cancelable: true});
              input.dispatchEvent(e);
              return e.defaultPrevented;
            }
            function attrs(e, names) { return names.map(function (n) { return n + "=" + e.getAttribute(n); }).join(" "); }
            function lastCall() { return camnang.calls[camnang.calls.length - 1]; }
            function text(sel) { var e = document.querySelector(sel); return e ? e.textContent : "(none)"; }
            window.alert = function (x) { window.ranScript = "alert " + x; };
            document.addEventListener("DOMContentLoaded", function () {
              Promise.resolve().then(test).catch(function (e) { rec("error", String(e && e.stack || e)); }).then(function () {
                rec("hostileImages", String(document.querySelectorAll("img[src=x]").length));
                rec("ranScript", String(window.ranScript));
                var box = document.createElement("div");
                box.id = "t-out";
                recorded.forEach(function (kv) {
                  var p = document.createElement("pre");
                  p.setAttribute("data-k", kv[0]);
                  p.textContent = kv[1];
                  box.appendChild(p);
                });
                document.body.appendChild(box);
              });
            });
            """;

    /** Copies the site {@code built} into {@code dir} and injects {@code test} into {@code page}; returns {@code dir}. */
    static Path copyWith(Path built, Path dir, String page, String test) {
        TestSites.tree(built).forEach((rel, bytes) -> TestSites.writeBytes(dir, rel, bytes));
        Path file = dir.resolve(page);
        try {
            String html = Files.readString(file, StandardCharsets.UTF_8);
            Files.writeString(file, html.replace("</body>", "<script>\n" + HELPERS + test + "\n</script>\n</body>"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Loads {@code url} and returns what the injected script recorded; fails on a script error. */
    static Map<String, String> run(String url, Path profile) throws IOException, InterruptedException {
        String dom = Chromium.dumpDom(url, profile);
        Map<String, String> out = new LinkedHashMap<>();
        for (Element e : Jsoup.parse(dom).select("#t-out pre[data-k]")) {
            out.put(e.attr("data-k"), e.wholeText());
        }
        if (out.isEmpty()) {
            fail("the page recorded nothing:\n" + dom);
        }
        if (out.containsKey("error")) {
            fail(out.get("error"));
        }
        assertEquals("0", out.get("hostileImages"), out.toString());
        assertEquals("undefined", out.get("ranScript"));
        return out;
    }
}
