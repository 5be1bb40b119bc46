package camnang.wordimport;

/** A piece of a paragraph as read from Word, before it is written as Markdown. */
sealed interface Inline {
    int BOLD = 1;
    int ITALIC = 2;
    int STRIKE = 4;
    int SUP = 8;
    int SUB = 16;

    /** Text with its format bits; {@code link} is the URL of the hyperlink it is in, or null. */
    record Text(String text, int format, String link) implements Inline {
    }

    /** A footnote or endnote reference, by its number in the page. */
    record NoteRef(int number) implements Inline {
    }

    /** An image extracted next to the page. */
    record Picture(String alt, String file) implements Inline {
    }

    /** A manual line break ({@code Shift+Enter}). */
    record Break() implements Inline {
    }
}
