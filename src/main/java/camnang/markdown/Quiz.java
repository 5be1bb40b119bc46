package camnang.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SegmentedSequence;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ```quiz} block read into questions: {@code ? } a question, {@code - [ ] } and
 * {@code - [x] } its options (one right answer: single choice; more: multiple choice), or
 * {@code = đúng} / {@code = sai} for a true/false question, then {@code > } lines that explain
 * the answer. Texts stay pieces of the page's source, so their inline Markdown is parsed with
 * the page and every place (a question, a citation in an explanation) keeps its line. A
 * question with a mistake is left out and the mistake is an issue at its line.
 *
 * @param offset    where the block starts in the page's source: the line of an empty block
 * @param questions the well-formed questions, in order
 * @param issues    what is wrong, in order of lines
 */
record Quiz(int offset, List<Question> questions, List<Issue> issues) {

    enum Kind {
        SINGLE("single"), MULTIPLE("multiple"), TRUEFALSE("truefalse");

        final String attr;

        Kind(String attr) {
            this.attr = attr;
        }
    }

    /**
     * A well-formed question.
     *
     * @param truth       for a true/false question, whether the statement is true
     * @param explanation its {@code > } lines, joined: one paragraph
     */
    record Question(int offset, BasedSequence text, Kind kind, List<Option> options, boolean truth,
                    BasedSequence explanation) {
        /** The 0-based indexes of the right options, or {@code true}/{@code false}: the {@code data-answer}. */
        String answer() {
            if (kind == Kind.TRUEFALSE) {
                return String.valueOf(truth);
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).correct()) {
                    sb.append(sb.length() > 0 ? "," : "").append(i);
                }
            }
            return sb.toString();
        }
    }

    record Option(int offset, BasedSequence text, boolean correct) {
    }

    /** A mistake at {@code offset} of the page's source. */
    record Issue(int offset, String message, String hint) {
    }

    static final String LINES_HINT = "Mỗi dòng trong khối quiz bắt đầu bằng \"? \" (câu hỏi), \"- [ ] \" hoặc \"- [x] \""
            + " (phương án), \"= \" (câu đúng/sai) hoặc \"> \" (lời giải thích); các câu hỏi cách nhau một dòng trống.";

    private static final Pattern OPTION = Pattern.compile("^-\\s*\\[([ xX])\\](?:\\s+|$)");

    /** Reads the lines between the fences; each line is a piece of the page's source, its line end included or not. */
    static Quiz parse(int offset, List<BasedSequence> lines) {
        Reader r = new Reader();
        for (BasedSequence raw : lines) {
            r.line(raw);
        }
        r.finish();
        if (r.questions.isEmpty() && r.issues.isEmpty()) {
            r.issues.add(new Issue(offset, "khối quiz không có câu hỏi nào",
                    "Viết ít nhất một câu hỏi: một dòng \"? …\", các phương án \"- [ ] …\" / \"- [x] …\" (hoặc \"= đúng\" /"
                            + " \"= sai\") và lời giải thích \"> …\"; hoặc xóa khối ```quiz."));
        }
        return new Quiz(offset, List.copyOf(r.questions), List.copyOf(r.issues));
    }

    /** One pass over the lines, a question open at a time. */
    private static final class Reader {
        final List<Question> questions = new ArrayList<>();
        final List<Issue> issues = new ArrayList<>();
        /** The open question, or null. */
        Draft q;

        /**
         * A question being read; {@code broken} once a mistake in it was reported (or it was no
         * question at all), so that it is left out and nothing more is said of it.
         */
        private static final class Draft {
            int offset;
            BasedSequence text;
            boolean broken;
            final List<Option> options = new ArrayList<>();
            int truthLines;
            Boolean truth;
            boolean badTruth;
            int bothAt = -1;
            final List<BasedSequence> explanation = new ArrayList<>();
            boolean blankAfterExplanation;
        }

        void line(BasedSequence raw) {
            BasedSequence t = raw.trimEOL().trim();
            if (t.isEmpty()) {
                if (q != null && !q.explanation.isEmpty()) {
                    q.blankAfterExplanation = true;
                }
                return;
            }
            char c = t.charAt(0);
            if (c == '?' && (t.length() == 1 || Character.isWhitespace(t.charAt(1)))) {
                finish();
                q = new Draft();
                q.offset = t.getStartOffset();
                q.text = t.subSequence(1).trim();
                if (q.text.isEmpty()) {
                    issues.add(new Issue(t.getStartOffset(), "dòng \"?\" không có nội dung câu hỏi",
                            "Viết câu hỏi ngay sau dấu \"? \", trên cùng một dòng."));
                    q.broken = true;
                }
                return;
            }
            Matcher option = OPTION.matcher(t);
            if (option.find()) {
                if (open(t)) {
                    BasedSequence text = t.subSequence(option.end()).trim();
                    if (text.isEmpty()) {
                        issues.add(new Issue(t.getStartOffset(), "phương án không có nội dung",
                                "Viết nội dung phương án sau \"- [ ] \" hoặc \"- [x] \", trên cùng một dòng."));
                        q.broken = true;
                    }
                    if (q.truthLines > 0 && q.bothAt < 0) {
                        q.bothAt = t.getStartOffset();
                    }
                    q.options.add(new Option(t.getStartOffset(), text, !option.group(1).equals(" ")));
                }
                return;
            }
            if (c == '=') {
                if (open(t)) {
                    q.truthLines++;
                    if (!q.options.isEmpty() && q.bothAt < 0) {
                        q.bothAt = t.getStartOffset();
                    }
                    if (q.truthLines == 2) {
                        issues.add(new Issue(t.getStartOffset(), "câu hỏi đúng/sai có hơn một dòng \"=\"",
                                "Câu đúng/sai có đúng một dòng \"= đúng\" hoặc \"= sai\"; xóa các dòng thừa."));
                    }
                    String value = Normalizer.normalize(t.subSequence(1).trim().toString(), Normalizer.Form.NFC)
                            .toLowerCase(Locale.ROOT);
                    if (value.equals("đúng") || value.equals("dung")) {
                        q.truth = q.truth == null ? Boolean.TRUE : q.truth;
                    } else if (value.equals("sai")) {
                        q.truth = q.truth == null ? Boolean.FALSE : q.truth;
                    } else {
                        issues.add(new Issue(t.getStartOffset(), "đáp án \"" + clip(t.toString()) + "\" không hợp lệ:"
                                + " câu đúng/sai chỉ nhận \"= đúng\" hoặc \"= sai\"",
                                "Viết \"= đúng\" nếu câu hỏi là một nhận định đúng, \"= sai\" nếu nhận định đó sai."));
                        q.badTruth = true;
                    }
                }
                return;
            }
            if (c == '>') {
                if (open(t)) {
                    BasedSequence text = t.subSequence(1);
                    if (!text.isEmpty() && text.charAt(0) == ' ') {
                        text = text.subSequence(1);
                    }
                    q.explanation.add(text);
                }
                return;
            }
            issues.add(new Issue(t.getStartOffset(), "dòng không đúng cú pháp của khối quiz: \"" + clip(t.toString()) + "\"",
                    LINES_HINT));
            if (q == null || q.blankAfterExplanation) {
                // Most likely a question written without its "? ": what follows is its own, not the last one's.
                finish();
                q = new Draft();
                q.offset = t.getStartOffset();
                q.broken = true;
            }
        }

        /** Whether an option, "=" or ">" line has a question to go to; says so when not. */
        private boolean open(BasedSequence t) {
            if (q == null) {
                issues.add(new Issue(t.getStartOffset(), "dòng này không thuộc câu hỏi nào: thiếu dòng \"? …\" ở trên",
                        "Mỗi câu hỏi bắt đầu bằng một dòng \"? \" và câu hỏi, tiếp đến các phương án rồi lời giải thích."));
                q = new Draft();
                q.offset = t.getStartOffset();
                q.broken = true;
                return false;
            }
            if (!q.explanation.isEmpty() && t.charAt(0) != '>' && !q.broken) {
                issues.add(new Issue(t.getStartOffset(), "dòng này đứng sau lời giải thích của câu hỏi",
                        "Lời giải thích (\"> …\") đứng cuối mỗi câu hỏi; câu hỏi tiếp theo bắt đầu bằng \"? \"."));
                q.broken = true;
                return false;
            }
            return !q.broken;
        }

        void finish() {
            Draft d = q;
            q = null;
            if (d == null || d.broken) {
                return;
            }
            boolean ok = !d.badTruth && d.truthLines < 2;
            if (d.options.isEmpty() && d.truthLines == 0) {
                issues.add(new Issue(d.offset, "câu hỏi không có phương án trả lời: cần các dòng \"- [ ] …\" / \"- [x] …\","
                                + " hoặc một dòng \"= đúng\" / \"= sai\"",
                        "Viết dưới câu hỏi các phương án, đánh dấu phương án đúng bằng [x] (ví dụ \"- [x] Nhân dân ở thôn,"
                                + " tổ dân phố bầu\"); với câu đúng/sai, viết một dòng \"= đúng\" hoặc \"= sai\"."));
                ok = false;
            } else if (d.bothAt >= 0) {
                issues.add(new Issue(d.bothAt, "câu hỏi có cả phương án (\"- [ ]\") lẫn đáp án đúng/sai (\"=\")",
                        "Câu trắc nghiệm chỉ có các dòng \"- [ ]\" / \"- [x]\"; câu đúng/sai chỉ có một dòng \"= đúng\""
                                + " hoặc \"= sai\". Bỏ một trong hai."));
                ok = false;
            } else if (!d.options.isEmpty()) {
                if (d.options.size() < 2) {
                    issues.add(new Issue(d.offset, "câu hỏi chỉ có 1 phương án; cần ít nhất 2",
                            "Thêm phương án sai (\"- [ ] …\"), hoặc viết thành câu đúng/sai với một dòng \"= đúng\" hay \"= sai\"."));
                    ok = false;
                } else if (d.options.stream().noneMatch(Option::correct)) {
                    issues.add(new Issue(d.offset, "câu hỏi không có phương án đúng: chưa phương án nào được đánh dấu [x]",
                            "Viết \"- [x]\" trước phương án đúng: một phương án đúng là câu chọn một, từ hai phương án"
                                    + " đúng trở lên là câu chọn nhiều."));
                    ok = false;
                }
            }
            BasedSequence explanation = d.explanation.isEmpty() ? BasedSequence.NULL : join(d.explanation);
            if (explanation.isEmpty()) {
                issues.add(new Issue(d.offset, "câu hỏi không có lời giải thích (dòng bắt đầu bằng \">\")",
                        "Thêm sau đáp án một dòng \"> …\" nói vì sao, nên dẫn điều luật, ví dụ \"> Theo Điều 8 Luật Hòa"
                                + " giải ở cơ sở, …\"."));
                ok = false;
            }
            if (!ok) {
                return;
            }
            Kind kind = d.options.isEmpty() ? Kind.TRUEFALSE
                    : d.options.stream().filter(Option::correct).count() == 1 ? Kind.SINGLE : Kind.MULTIPLE;
            questions.add(new Question(d.offset, d.text, kind, List.copyOf(d.options), Boolean.TRUE.equals(d.truth),
                    explanation));
        }

        /** The explanation's lines as one text, the source's line end between them (a soft break, as in a paragraph). */
        private static BasedSequence join(List<BasedSequence> lines) {
            List<BasedSequence> segments = new ArrayList<>();
            BasedSequence base = lines.get(0).getBaseSequence();
            for (BasedSequence line : lines) {
                BasedSequence l = line.trim();
                if (l.isEmpty()) {
                    continue;
                }
                if (!segments.isEmpty()) {
                    int nl = base.indexOf('\n', segments.get(segments.size() - 1).getEndOffset());
                    segments.add(base.baseSubSequence(nl, nl + 1));
                }
                segments.add(l);
            }
            if (segments.isEmpty()) {
                return BasedSequence.NULL;
            }
            return segments.size() == 1 ? segments.get(0) : SegmentedSequence.create(base, segments);
        }
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
