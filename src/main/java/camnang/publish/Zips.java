package camnang.publish;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A built site as one zip to upload to a portal or copy to a USB stick: {@code <folder>.zip}
 * beside the folder, holding its files under one top folder of the same name, so unpacking
 * gives a folder that opens from disk.
 *
 * <p>Deterministic, like the rest of the output: the same folder gives the same bytes, so a
 * portal can tell from a checksum whether anything changed. Entries are sorted by name, every
 * directory has its entry, every entry carries the same date and no extra fields, and all files
 * are deflated at one level. Files that are not deterministic themselves (Lucene's) are left
 * out by the caller.
 */
public final class Zips {
    /**
     * Every entry's date. {@link ZipEntry#setTimeLocal} stores it as MS-DOS date and time only:
     * {@code setTime} would convert through the machine's time zone (other bytes elsewhere) and
     * {@code setLastModifiedTime} adds an extended-timestamp extra field.
     */
    static final LocalDateTime DATE = LocalDateTime.of(2024, 1, 1, 0, 0);
    static final int LEVEL = Deflater.DEFAULT_COMPRESSION;

    private Zips() {
    }

    /** Where {@link #write} puts the zip of {@code folder}: {@code <folder>.zip} beside it. */
    public static Path pathFor(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".zip");
    }

    /**
     * Writes the zip of {@code folder} to {@link #pathFor}, replacing an older one only once the
     * new one is complete: a failure leaves the old zip as it was. Returns the zip's path.
     *
     * @param leaveOut folders of the site (relative, with '/') whose files the zip leaves out
     */
    public static Path write(Path folder, Set<String> leaveOut) {
        Path abs = folder.toAbsolutePath().normalize();
        Path zip = pathFor(abs);
        Path temp = null;
        try {
            // Not Files.createTempFile, whose owner-only permissions the zip would keep: staff copy it on.
            temp = zip.resolveSibling("." + zip.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(System.nanoTime()) + ".tmp");
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), 1 << 16)) {
                write(abs, abs.getFileName().toString(), leaveOut, os);
            }
            try {
                Files.move(temp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, zip, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The build already failed with the first error; a stray hidden temp file is harmless.
                }
            }
        }
    }

    private static void write(Path folder, String top, Set<String> leaveOut, OutputStream os) throws IOException {
        // Names with '/' on every system, sorted as strings: the order cannot depend on the file system.
        Map<String, Path> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.forEach(p -> {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                if (leaveOut.stream().anyMatch(l -> rel.equals(l) || rel.startsWith(l + "/"))) {
                    return;
                }
                String name = rel.isEmpty() ? top + "/" : top + "/" + rel;
                entries.put(Files.isDirectory(p) ? (name.endsWith("/") ? name : name + "/") : name, p);
            });
        }
        ZipOutputStream zip = new ZipOutputStream(os);
        zip.setLevel(LEVEL);
        byte[] buffer = new byte[1 << 16];
        for (Map.Entry<String, Path> e : entries.entrySet()) {
            ZipEntry entry = new ZipEntry(e.getKey());
            entry.setTimeLocal(DATE);
            if (e.getKey().endsWith("/")) {
                // Stored and empty: a directory needs no deflate stream.
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(0);
                entry.setCompressedSize(0);
                entry.setCrc(new CRC32().getValue());
                zip.putNextEntry(entry);
            } else {
                entry.setMethod(ZipEntry.DEFLATED);
                zip.putNextEntry(entry);
                try (var in = Files.newInputStream(e.getValue())) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        zip.write(buffer, 0, n);
                    }
                }
            }
            zip.closeEntry();
        }
        zip.finish();
    }
}
