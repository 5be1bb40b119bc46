package camnang.content;

import java.util.List;

/** A folder: its index page, its pages and sub-sections in reading order. */
public record Section(String dir, Page index, List<Page> pages, List<Section> children) {

    public String title() {
        return index.title();
    }

    /** Pages of this section and of every section below it. */
    public int pageCountDeep() {
        int n = pages.size();
        for (Section c : children) {
            n += c.pageCountDeep();
        }
        return n;
    }
}
