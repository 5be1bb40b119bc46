package camnang;

/** Relative URLs between output files, so one folder works at any sub-path and from file://. */
public final class Urls {
    private Urls() {
    }

    /**
     * The relative URL from the page at output path {@code from} to the file at {@code to};
     * both are relative to the output root ({@code a/b.html}, {@code a/index.html}).
     */
    public static String relative(String from, String to) {
        String[] f = from.split("/");
        String[] t = to.split("/");
        int common = 0;
        while (common < f.length - 1 && common < t.length - 1 && f[common].equals(t[common])) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < f.length - 1; i++) {
            sb.append("../");
        }
        for (int i = common; i < t.length; i++) {
            sb.append(t[i]);
            if (i < t.length - 1) {
                sb.append('/');
            }
        }
        return sb.length() == 0 ? "index.html" : sb.toString();
    }

    /** Escapes the characters of a path that a URL may not hold as they are. */
    public static String encodePath(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        byte[] bytes = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
