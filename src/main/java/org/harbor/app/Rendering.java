package org.harbor.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Chooses JavaFX's software renderer, before JavaFX starts, on a Linux machine that has no graphics
 * device to draw with: no {@code /dev/dri} entry, no NVIDIA device and no WSL2 GPU ({@code /dev/dxg}). There GTK would set up
 * OpenGL for its windows and JavaFX would try it, loading Mesa's software OpenGL with LLVM (about
 * 50 MB resident for the whole session), and JavaFX would then draw in software anyway, as it does
 * not draw with a software OpenGL. So on such a machine JavaFX is told to draw in software
 * ({@code prism.order=sw}) and GTK not to set up OpenGL ({@code GDK_GL=disable}, set in this
 * process's environment before GTK reads it). Where a device exists, or someone chose the renderer
 * or GTK's OpenGL themselves, nothing changes (issue 16, ADR 0018).
 */
public final class Rendering {

    static final String ORDER = "prism.order";
    static final String GTK_OPENGL = "GDK_GL";

    private Rendering() {
    }

    /** Called by {@code main} before the JavaFX toolkit starts (and by the unlock benchmark, as the app does). */
    public static void chooseBeforeLaunch() {
        chooseBeforeLaunch(Path.of("/dev"));
    }

    static void chooseBeforeLaunch(Path devices) {
        try {
            if (choose(System.getProperties(), System.getProperty("os.name", ""), devices)) {
                withoutGtkOpenGl();
            }
        } catch (RuntimeException e) {
            // whatever went wrong looking, JavaFX chooses as it always did
        }
    }

    /**
     * {@code setenv("GDK_GL", "disable", 0)} through the C library: Java cannot change its own
     * environment, and GTK reads it from the C library when JavaFX starts it, after this. A value
     * someone set is kept. Called before JavaFX starts its threads; if the call is not possible,
     * GTK sets up OpenGL as before and only memory is lost.
     */
    private static void withoutGtkOpenGl() {
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            try (Arena arena = Arena.ofConfined()) {
                int failed = (int) setenv.invokeExact(arena.allocateFrom(GTK_OPENGL), arena.allocateFrom("disable"), 0);
                if (failed != 0 && Boolean.getBoolean("prism.verbose")) {
                    System.err.println("Harbor: GDK_GL could not be set; GTK sets up OpenGL");
                }
            }
        } catch (Throwable e) {
            // not on this system's C library: GTK sets up OpenGL as before
            if (Boolean.getBoolean("prism.verbose")) {
                System.err.println("Harbor: GDK_GL could not be set (" + e.getClass().getSimpleName() + "); GTK sets up OpenGL");
            }
        }
    }

    /** @return true when the software renderer was chosen */
    static boolean choose(Properties properties, String os, Path devices) {
        if (properties.getProperty(ORDER) != null || !os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return false;
        }
        // DRI (Intel, AMD, most virtual machines' GPUs), NVIDIA's own driver, WSL2's GPU (dxg)
        if (hasEntries(devices.resolve("dri")) || Files.exists(devices.resolve("nvidiactl")) || Files.exists(devices.resolve("dxg"))) {
            return false;
        }
        properties.setProperty(ORDER, "sw");
        return true;
    }

    private static boolean hasEntries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException | UncheckedIOException e) {
            // unreadable: assume a device is there and leave JavaFX to try it, as it always did
            return true;
        }
    }
}
