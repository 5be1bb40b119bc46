package camnang;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real headless Chromium for browser tests: loads a page and returns the DOM after its scripts ran. */
public final class Chromium {
    private Chromium() {
    }

    /** The Chromium binary; skips the test where there is none, except in CI, where .ci/run installs it. */
    public static String binary() {
        for (String b : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(b))) {
                return b;
            }
        }
        if (System.getenv("CI") != null) {
            fail("Chromium is missing: .ci/run installs it (apt-get install -y chromium)");
        }
        assumeTrue(false, "skipped: no Chromium on this machine (apt-get install -y chromium)");
        return null;
    }

    /** The serialised DOM of {@code url} once its scripts have run. */
    public static String dumpDom(String url, Path profile) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--user-data-dir=" + profile, "--virtual-time-budget=10000",
                "--dump-dom", url));
        Path out = Files.createTempFile(profile.getParent(), "dom", ".html");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish loading " + url);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
