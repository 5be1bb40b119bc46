package camnang;

/** The little JSON camnang writes (CLI output, test pages): strings escaped as JSON.stringify does. */
public final class Json {
    private Json() {
    }

    public static String string(String s) {
        // Runs that need no escape are copied whole: the search index writes a hundred
        // megabytes of text through here, nearly all of it plain.
        StringBuilder sb = null;
        int last = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(n + 16).append('"');
            }
            sb.append(s, last, i);
            last = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb == null ? "\"" + s + "\"" : sb.append(s, last, s.length()).append('"').toString();
    }
}
