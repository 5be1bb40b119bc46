package camnang.wordimport;

import java.util.List;

/** A paragraph, a table or a table of contents as read from Word, in document order. */
sealed interface Block {
    /**
     * @param number the paragraph's number in the document, for locating problems
     * @param text   its plain text (NFC, spaces collapsed), for recognising numbering and the header block
     * @param style  the heading level its style gives (1–9), {@link Styles#TITLE}, or 0
     * @param label  Word's automatic number, or null
     */
    record Para(int number, List<Inline> inlines, String text, int style, Numbering.Label label) implements Block {
    }

    record Cell(List<Para> paras) {
    }

    /** @param index the table's number in the document (1, 2 …), for messages */
    record Table(int number, int index, List<List<Cell>> rows) implements Block {
    }

    /** Word's table of contents, which the page replaces by its own ({@code [TOC]}). */
    record Toc(int number) implements Block {
    }
}
