package camnang.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code sw.js}, the service worker that keeps a course readable offline: the template
 * {@code site-templates/offline/sw.js} with this build's version and the files to keep.
 * The version is a digest of exactly those files, so a rebuild that changes none of them
 * does not make every reader download the course again, and one that changes any does.
 */
public final class ServiceWorker {
    /** Where the worker lies in the output folder: its root, so that its scope is the whole site. */
    public static final String PATH = "sw.js";
    /** The template, under the templates folder. */
    public static final String TEMPLATE = "offline/sw.js";

    private ServiceWorker() {
    }

    /** Writes {@code sw.js} keeping {@code files} (output paths), when the templates have one. */
    public static void write(Output out, Path templates, List<String> files) {
        Path template = templates.resolve(TEMPLATE);
        if (!Files.isRegularFile(template)) {
            return;
        }
        TreeSet<String> sorted = new TreeSet<>(files);
        MessageDigest md = camnang.Digests.sha256();
        StringBuilder list = new StringBuilder("[");
        for (String f : sorted) {
            md.update(f.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(camnang.Digests.sha256().digest(out.read(f)));
            list.append(list.length() > 1 ? ",\n  " : "\n  ").append('"').append(f.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        list.append(sorted.isEmpty() ? "]" : "\n]");
        try {
            String js = Files.readString(template, StandardCharsets.UTF_8);
            md.update(js.getBytes(StandardCharsets.UTF_8));
            String version = HexFormat.of().formatHex(md.digest(), 0, 6);
            out.write(PATH, js.replace("\"CAMNANG_VERSION\"", "\"" + version + "\"").replace("CAMNANG_FILES", list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
