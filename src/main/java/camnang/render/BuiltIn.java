package camnang.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The default templates packed in the jar, for a staff member who has only the jar and a content folder. */
final class BuiltIn {
    private static final String ROOT = "site-templates/";
    private static Path unpacked;

    private BuiltIn() {
    }

    static synchronized Path unpack() {
        if (unpacked != null) {
            return unpacked;
        }
        URL url = BuiltIn.class.getClassLoader().getResource(ROOT + "layout.jte");
        if (url == null) {
            throw new IllegalStateException("camnang's jar holds no default templates");
        }
        try {
            // One folder per jar (by its size and time), reused by every build made with it.
            java.net.URLConnection c = url.openConnection();
            String key = Long.toHexString(c.getLastModified()) + "-" + Long.toHexString(c.getContentLengthLong());
            if (url.getProtocol().equals("jar")) {
                Path jar = Path.of(((JarURLConnection) c).getJarFileURL().toURI());
                key = Long.toHexString(Files.getLastModifiedTime(jar).toMillis()) + "-" + Long.toHexString(Files.size(jar));
            }
            Path stable = Path.of(System.getProperty("java.io.tmpdir"), "camnang-templates", key);
            if (Files.isRegularFile(stable.resolve(".complete"))) {
                unpacked = stable;
                return stable;
            }
            Files.createDirectories(stable.getParent());
            Path dir = Files.createTempDirectory(stable.getParent(), key + ".tmp-");
            if (url.getProtocol().equals("jar")) {
                JarURLConnection conn = (JarURLConnection) url.openConnection();
                conn.setUseCaches(false);
                try (JarFile jar = conn.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry e = entries.nextElement();
                        if (e.getName().startsWith(ROOT) && !e.isDirectory()) {
                            Path target = dir.resolve(e.getName().substring(ROOT.length()));
                            Files.createDirectories(target.getParent());
                            try (InputStream in = jar.getInputStream(e)) {
                                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    }
                }
            } else {
                Path src = Path.of(url.toURI()).getParent();
                try (Stream<Path> walk = Files.walk(src)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        Path target = dir.resolve(src.relativize(p).toString());
                        Files.createDirectories(target.getParent());
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(dir.resolve(".complete"), key);
            try {
                Files.move(dir, stable, StandardCopyOption.ATOMIC_MOVE);
                unpacked = stable;
            } catch (IOException e) {
                // Another build unpacked them first.
                unpacked = Files.isRegularFile(stable.resolve(".complete")) ? stable : dir;
            }
            return unpacked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
