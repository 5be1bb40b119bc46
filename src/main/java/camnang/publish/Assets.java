package camnang.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Stylesheets and scripts from {@code site-templates/assets/}, written as
 * {@code assets/style.<hash>.css}: a portal may cache them for ever, and a new build
 * never shows an old stylesheet. Scripts are written without their comments ({@link Scripts#lean}).
 */
public final class Assets {
    private final Map<String, Path> sources;
    private final Map<String, String> outputs;
    /** The scripts as written, by name: the hash in a script's name is of these bytes. */
    private final Map<String, byte[]> scripts;

    private Assets(Map<String, Path> sources, Map<String, String> outputs, Map<String, byte[]> scripts) {
        this.sources = sources;
        this.outputs = outputs;
        this.scripts = scripts;
    }

    public static Assets scan(Path dir) {
        Map<String, Path> sources = new TreeMap<>();
        Map<String, String> outputs = new TreeMap<>();
        Map<String, byte[]> scripts = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
                for (Path f : files) {
                    String rel = dir.relativize(f).toString().replace('\\', '/');
                    if (rel.startsWith(".") || rel.contains("/.")) {
                        continue;
                    }
                    sources.put(rel, f);
                    byte[] bytes = Files.readAllBytes(f);
                    if (rel.endsWith(".js")) {
                        bytes = Scripts.lean(bytes);
                        scripts.put(rel, bytes);
                    }
                    outputs.put(rel, "assets/" + hashed(rel, bytes));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Assets(sources, outputs, scripts);
    }

    /** Asset name ({@code style.css}) → output path ({@code assets/style.1a2b3c4d5e.css}). */
    public Map<String, String> outputs() {
        return outputs;
    }

    /** The bytes the site serves for the script {@code name} ({@code camnang.js}); null if there is none. */
    public byte[] script(String name) {
        return scripts.get(name);
    }

    public void writeTo(Output out) {
        sources.forEach((rel, src) -> {
            byte[] script = scripts.get(rel);
            if (script != null) {
                out.write(outputs.get(rel), script);
            } else {
                out.copy(src, outputs.get(rel));
            }
        });
    }

    static String hashed(String rel, byte[] bytes) {
        String hash = HexFormat.of().formatHex(camnang.Digests.sha256().digest(bytes), 0, 5);
        int dot = rel.lastIndexOf('.');
        int slash = rel.lastIndexOf('/');
        return dot > slash + 1 ? rel.substring(0, dot) + "." + hash + rel.substring(dot) : rel + "." + hash;
    }
}
