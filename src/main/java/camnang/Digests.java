package camnang;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests for the stages that compare or name contents: the memo, the fragment cache, live output, the offline worker, hashed asset and shard names, the template cache. */
public final class Digests {
    private Digests() {
    }

    /**
     * One per thread: looking the algorithm up costs more than hashing a page. In a class of its
     * own, so that the launcher, which only needs {@link #checksums}, does not make it.
     */
    private static final class Sha {
        static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(Digests::sha256);
    }

    /** The SHA-256 of {@code bytes}, in hexadecimal. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(Sha.SHA.get().digest(bytes));
    }

    /**
     * A fingerprint of {@code bytes} for telling an edited file from the one a cache holds:
     * its length, CRC-32C and CRC-32 (12 bytes). Both checksums run on the processor's own
     * instructions; a SHA-256 of every page cost a third of a rebuild with nothing changed,
     * since a build's short-lived JVM runs the digest's Java code unoptimised. An accidental
     * change that keeps the length and both checksums has odds of about 2^-64.
     */
    public static byte[] checksums(byte[] bytes) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(bytes);
        java.util.zip.CRC32 d = new java.util.zip.CRC32();
        d.update(bytes);
        return java.nio.ByteBuffer.allocate(12).putInt(bytes.length).putInt((int) c.getValue())
                .putInt((int) d.getValue()).array();
    }

    /** A new SHA-256 digest, for contents fed in parts. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
