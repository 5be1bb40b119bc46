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
        // Skip the folders both paths share, then climb out of the rest of from's folders.
        int common = 0;
        int n = Math.min(from.length(), to.length());
        for (int i = 0; i < n && from.charAt(i) == to.charAt(i); i++) {
            if (from.charAt(i) == '/') {
                common = i + 1;
            }
        }
        StringBuilder sb = new StringBuilder(to.length() - common + 12);
        for (int i = common; i < from.length(); i++) {
            if (from.charAt(i) == '/') {
                sb.append("../");
            }
        }
        sb.append(to, common, to.length());
        return sb.length() == 0 ? "index.html" : sb.toString();
    }

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("(?i)[a-z][a-z0-9+.-]*:");

    /** A link to another site ({@code https:}, {@code mailto:}, {@code //host}), left as written. */
    public static boolean isExternal(String url) {
        return SCHEME.matcher(url).lookingAt() || url.startsWith("//");
    }

    /** Escapes the characters of a path that a URL may not hold as they are. */
    public static String encodePath(String path) {
        if (isPlain(path)) {
            return path;
        }
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

    private static boolean isPlain(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/' || c == '.' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
