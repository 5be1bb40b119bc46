package camnang;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 for the stages that compare contents by digest (the memo, live output, the offline worker). */
public final class Digests {
    private Digests() {
    }

    /** One per thread: looking the algorithm up costs more than hashing a page. */
    private static final ThreadLocal<MessageDigest> SHA = ThreadLocal.withInitial(Digests::sha256);

    /** The SHA-256 of {@code bytes}, in hexadecimal. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(SHA.get().digest(bytes));
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
