package camnang.content;

import java.util.List;

/**
 * What a page says of self-study (issue 7): on a folder's {@code _index.md}, {@code course: true}
 * makes the folder a course; on a lesson, its goals, estimated minutes and the articles of law
 * it rests on.
 *
 * @param goals   mục tiêu bài học, in the order written
 * @param minutes thời gian học ước tính, in minutes; null when not given
 * @param laws    citations as staff write them ("Điều 7 Luật Hòa giải ở cơ sở")
 * @param line    the line of {@code type:} (else of the first study key), where a lesson missing
 *                a required key is reported
 * @param courseLine the line of {@code course:}, or 0
 * @param written the study keys the page writes, even with a wrong value (already reported)
 */
public record Study(boolean course, List<String> goals, Integer minutes, List<String> laws, int line, int courseLine,
                    java.util.Set<String> written) {
}
