package org.harbor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "Resident memory <= 300 MB with 10 000 cases on screen, <= 250 MB at the login
 * window": the JVM options that bring it there are the packaged launcher's
 * ({@code installer/jpackage/launcher.args}), and {@code mvn exec:exec} runs the app with the
 * same ones, so what a developer measures is what users run. {@code bench/unlock.sh} reads
 * launcher.args itself.
 */
@DisplayName("Issue 16: resident memory, the launcher's JVM options")
class LauncherOptionsTest {

    /** The launcher's {@code --java-options}, less the two only a packaged image has or needs. */
    static List<String> launcherOptions() throws Exception {
        return Files.readAllLines(Path.of("installer", "jpackage", "launcher.args")).stream()
                .filter(l -> l.startsWith("--java-options "))
                .map(l -> l.substring("--java-options ".length()).strip())
                .filter(o -> !o.startsWith("--enable-native-access") && !o.startsWith("-XX:AOTCache"))
                .toList();
    }

    /** The arguments of {@code mvn exec:exec} between the native-access switch and the class path. */
    static List<String> execOptions() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        int plugin = pom.indexOf("<artifactId>exec-maven-plugin</artifactId>");
        String arguments = pom.substring(pom.indexOf("<arguments>", plugin), pom.indexOf("</arguments>", plugin));
        Matcher m = Pattern.compile("<argument>([^<]*)</argument>").matcher(arguments);
        List<String> all = m.results().map(r -> r.group(1).strip()).toList();
        return all.subList(all.indexOf("${jvm.native}") + 1, all.indexOf("-classpath"));
    }

    @Test
    @DisplayName("resident memory <= 300 MB: mvn exec:exec runs the app with the launcher's JVM options, in the same order")
    void execMirrorsTheLauncher() throws Exception {
        assertEquals(launcherOptions(), execOptions());
    }

    @Test
    @DisplayName("resident memory <= 300 MB: the launcher caps the heap, gives back free heap and returns freed native memory to the system")
    void launcherKeepsMemoryDown() throws Exception {
        List<String> options = launcherOptions();
        assertTrue(options.contains("-Xmx512m"), options.toString());
        assertTrue(options.contains("-XX:MaxHeapFreeRatio=25"), options.toString());
        assertTrue(options.stream().anyMatch(o -> o.startsWith("-XX:TrimNativeHeapInterval=")),
                "glibc keeps what SQLite and JavaFX freed unless it is trimmed: " + options);
    }
}
