package org.harbor.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class of this test run in a separate JVM, with the same class path. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static ProcessBuilder builder(Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Dharbor.kdf.calibrate=false");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    public static Process start(Class<?> main, String... args) throws IOException {
        return builder(main, args).redirectErrorStream(false).start();
    }
}
