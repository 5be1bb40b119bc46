package camnang.content;

/** A file of the source folder that is copied as it is (an image, a PDF). */
public record StaticFile(String source, String output) {
}
