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
            Path dir = Files.createTempDirectory("camnang-templates");
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
            dir.toFile().deleteOnExit();
            unpacked = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
