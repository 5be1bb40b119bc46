package camnang.content;

/** A Markdown page, or the index page of a section (a folder); the root section is the home page. */
public enum Kind {
    HOME, SECTION, PAGE
}
