package camnang.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row of the shared Vietnamese analysis cases, and of the project's own copy (so the
 * tests run without ../shared).
 */
class AnalyzerCasesTest {
    static final Path SHARED = Path.of("../shared/search/analyzer-cases.tsv");

    @TestFactory
    Stream<DynamicTest> sharedCases() throws IOException {
        assumeTrue(Files.isRegularFile(SHARED), "skipped: " + SHARED.toAbsolutePath() + " is absent; the project's copy still runs");
        return cases(Files.readString(SHARED, StandardCharsets.UTF_8), "shared");
    }

    @TestFactory
    Stream<DynamicTest> projectCopyOfTheCases() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/search/analyzer-cases.tsv")) {
            return cases(new String(in.readAllBytes(), StandardCharsets.UTF_8), "copy");
        }
    }

    static Stream<DynamicTest> cases(String tsv, String where) {
        List<DynamicTest> tests = new ArrayList<>();
        int lineNo = 0;
        for (String line : tsv.split("\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t");
            String relation = c[0];
            String a = c[1];
            String b = c[2];
            String name = where + ":" + lineNo + " " + relation + " " + a + " | " + b;
            tests.add(DynamicTest.dynamicTest(name, () -> check(relation, a, b)));
        }
        assertTrue(tests.size() >= 30, "cases read: " + tests.size());
        return tests.stream();
    }

    static void check(String relation, String a, String b) {
        switch (relation) {
            case "same-exact" -> assertEquals(exact(b), exact(a));
            case "differ-exact" -> assertNotEquals(exact(b), exact(a));
            case "same-folded" -> assertEquals(folded(b), folded(a));
            case "same-docno" -> {
                List<String> da = docnos(a);
                assertEquals(1, da.size(), "one document number in " + a + ": " + Analysis.tokens(a, VietnameseAnalyzer.Form.EXACT));
                assertEquals(docnos(b), da);
            }
            case "docno-in-text" -> {
                List<String> db = docnos(b);
                assertEquals(1, db.size(), b);
                assertTrue(docnos(a).contains(db.get(0)), docnos(a) + " should hold " + db.get(0));
            }
            default -> throw new AssertionError("unknown relation " + relation);
        }
    }

    static List<String> exact(String s) {
        return Analysis.terms(s, VietnameseAnalyzer.Form.EXACT);
    }

    static List<String> folded(String s) {
        return Analysis.terms(s, VietnameseAnalyzer.Form.FOLDED);
    }

    static List<String> docnos(String s) {
        return Analysis.tokens(s, VietnameseAnalyzer.Form.EXACT).stream()
                .filter(t -> t.type().equals(VietnameseTokenizer.DOCNO)).map(Analysis.Token::text).toList();
    }
}
