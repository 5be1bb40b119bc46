package camnang.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's reading of its own command line (the daemon itself is tested on the jar, in {@code JarIT}). */
class LauncherTest {
    @Test
    void theJvmsOptionsEndAtTheJarOrTheMainClass() {
        assertEquals(List.of("-Xmx1g"), Launcher.jvmOptions(new String[] {"-Xmx1g", "-jar", "camnang.jar", "build", "-Xmx2g"}));
        assertEquals(List.of(), Launcher.jvmOptions(new String[] {"-jar", "camnang.jar", "build", "--source", "-Xmx"}));
        // A class path's value is not an option, nor is the main class or what follows it.
        assertEquals(List.of("-cp", "-XX:MaxRAM=2g"), Launcher.jvmOptions(
                new String[] {"-cp", "-Xmx9g.jar", "-XX:MaxRAM=2g", "camnang.cli.Main", "build", "-Xmx1g"}));
        assertEquals(List.of("--add-opens", "-Dx=1"), Launcher.jvmOptions(
                new String[] {"--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Dx=1", "-m", "camnang/camnang.cli.Main"}));
        assertEquals(List.of(), Launcher.jvmOptions(new String[0]));
    }
}
