package camnang.publish;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A script as the site serves it: without its comments and indentation, which are a third of
 * the bundled scripts' bytes (camnang.js 59 KB → 37 KB) that a citizen's phone downloads for
 * nothing. Each line stays where it was, so a line number in the browser's console is the
 * line in the template's file. A script this reading cannot follow (a template literal, a
 * string that runs on past its line, a file that is not UTF-8) is served as written.
 */
final class Scripts {
    private Scripts() {
    }

    /** Words after which a {@code /} begins a regular expression, not a division. */
    private static final Set<String> BEFORE_REGEX = Set.of("return", "typeof", "instanceof",
            "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    /** {@code js} without comments and the white space that begins and ends its lines; {@code js} itself if unsure. */
    static byte[] lean(byte[] js) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(js)).toString();
        } catch (CharacterCodingException e) {
            return js;
        }
        String out = lean(s);
        return out == null ? js : out.getBytes(StandardCharsets.UTF_8);
    }

    /** The text without comments and indentation, or null where a reading by lines could go wrong. */
    static String lean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        // The last two characters of code written (not white space, not a comment), and the word the last ends, if any.
        char last = 0;
        char beforeLast = 0;
        String lastWord = "";
        int n = s.length();
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                trimEnd(out);
                out.append('\n');
                lineStart = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
                if (!lineStart) {
                    out.append(c);
                }
                i++;
                continue;
            }
            lineStart = false;
            if (c == '`') {
                return null;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? n : end;
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    return null;
                }
                int lines = 0;
                for (int k = i; k < end; k++) {
                    if (s.charAt(k) == '\n') {
                        lines++;
                    }
                }
                i = end + 2;
                if (lines == 0) {
                    // A space keeps apart what the comment kept apart: a/**/b is not ab.
                    out.append(' ');
                } else {
                    for (int k = 0; k < lines; k++) {
                        trimEnd(out);
                        out.append('\n');
                    }
                    lineStart = true;
                }
                continue;
            }
            int start = i;
            if (c == '\'' || c == '"') {
                i = skipQuoted(s, i, c);
            } else if (c == '/' && regexMayStart(beforeLast, last, lastWord)) {
                i = skipRegex(s, i);
            } else if (Character.isJavaIdentifierPart(c)) {
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
            if (i < 0) {
                return null;
            }
            out.append(s, start, i);
            beforeLast = i - start > 1 ? s.charAt(i - 2) : last;
            last = s.charAt(i - 1);
            lastWord = Character.isJavaIdentifierPart(c) ? s.substring(start, i) : "";
        }
        trimEnd(out);
        return out.toString();
    }

    private static void trimEnd(StringBuilder out) {
        int k = out.length();
        while (k > 0 && out.charAt(k - 1) != '\n' && Character.isWhitespace(out.charAt(k - 1))) {
            k--;
        }
        out.setLength(k);
    }

    /**
     * A {@code /} after these begins a regular expression: after a value ({@code x / 2},
     * {@code f() / 2}, {@code i++ / 2}) it divides.
     */
    private static boolean regexMayStart(char beforeLast, char last, String lastWord) {
        if (!lastWord.isEmpty()) {
            return BEFORE_REGEX.contains(lastWord);
        }
        if ((last == '+' || last == '-') && beforeLast == last) {
            return false;
        }
        return last == 0 || "(,=:[!&|?{};+-*%<>~^".indexOf(last) >= 0;
    }

    /** Where the string that opens at {@code i} ends (after its quote); -1 if it runs past its line. */
    private static int skipQuoted(String s, int i, char quote) {
        for (int k = i + 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                if (k + 1 < s.length() && (s.charAt(k + 1) == '\n' || s.charAt(k + 1) == '\r')) {
                    return -1;
                }
                k++;
            } else if (c == quote) {
                return k + 1;
            } else if (c == '\n' || c == '\r') {
                return -1;
            }
        }
        return -1;
    }

    /** Where the regular expression that opens at {@code i} ends (after its flags); -1 if it runs past its line. */
    private static int skipRegex(String s, int i) {
        boolean inClass = false;
        for (int k = i + 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '\n' || c == '\r') {
                return -1;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                k++;
                while (k < s.length() && Character.isJavaIdentifierPart(s.charAt(k))) {
                    k++;
                }
                return k;
            }
        }
        return -1;
    }
}
