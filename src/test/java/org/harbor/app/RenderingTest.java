package org.harbor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.harbor.testing.ChildJvm;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: the software renderer is chosen only where no graphics device can be reached. */
@DisplayName("JavaFX's renderer before the toolkit starts")
class RenderingTest {

    @Test
    @DisplayName("Linux with no /dev/dri and no NVIDIA device: software, without trying OpenGL")
    void noDeviceMeansSoftware(@TempDir Path dev) throws Exception {
        Properties properties = new Properties();
        assertTrue(Rendering.choose(properties, "Linux", dev));
        assertEquals("sw", properties.getProperty(Rendering.ORDER));

        Files.createDirectory(dev.resolve("dri"));
        Properties emptyDri = new Properties();
        assertTrue(Rendering.choose(emptyDri, "Linux", dev), "an empty /dev/dri has no device either");
        assertEquals("sw", emptyDri.getProperty(Rendering.ORDER));
    }

    @Test
    @DisplayName("a DRI, NVIDIA or WSL2 GPU device: JavaFX picks as it always did")
    void deviceLeavesJavaFxToChoose(@TempDir Path dev) throws Exception {
        Files.createDirectories(dev.resolve("dri").resolve("renderD128"));
        Properties properties = new Properties();
        assertFalse(Rendering.choose(properties, "Linux", dev));
        assertNull(properties.getProperty(Rendering.ORDER));

        Path nvidia = dev.resolve("nvidia-only");
        Files.createDirectories(nvidia);
        Files.createFile(nvidia.resolve("nvidiactl"));
        assertFalse(Rendering.choose(properties, "Linux", nvidia));
        assertNull(properties.getProperty(Rendering.ORDER));

        Path wsl = dev.resolve("wsl");
        Files.createDirectories(wsl);
        Files.createFile(wsl.resolve("dxg"));
        assertFalse(Rendering.choose(properties, "Linux", wsl), "WSL2's GPU");
        assertNull(properties.getProperty(Rendering.ORDER));
    }

    /** The child: chooses as the app does with {@code args[0]} as /dev, then prints what GTK and JavaFX will read. */
    public static void main(String[] args) throws Throwable {
        Rendering.chooseBeforeLaunch(Path.of(args[0]));
        Linker linker = Linker.nativeLinker();
        MethodHandle getenv = linker.downcallHandle(linker.defaultLookup().find("getenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = (MemorySegment) getenv.invokeExact(arena.allocateFrom(Rendering.GTK_OPENGL));
            String gtk = value.equals(MemorySegment.NULL) ? "unset" : value.reinterpret(64).getString(0);
            System.out.println("prism.order=" + System.getProperty(Rendering.ORDER) + " GDK_GL=" + gtk);
        }
    }

    @Test
    @DisplayName("on Linux with no device, GTK is told in this process's environment not to set up OpenGL; a value set before is kept")
    void gtkWithoutOpenGl(@TempDir Path dev) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        assertEquals("prism.order=sw GDK_GL=disable", child(dev, null));
        assertEquals("prism.order=sw GDK_GL=always", child(dev, "always"));
        Files.createDirectories(dev.resolve("dri").resolve("card0"));
        assertEquals("prism.order=null GDK_GL=unset", child(dev, null));
    }

    private static String child(Path dev, String gtkOpenGl) throws Exception {
        ProcessBuilder pb = ChildJvm.builder(RenderingTest.class, dev.toString());
        pb.environment().remove(Rendering.GTK_OPENGL);
        if (gtkOpenGl != null) {
            pb.environment().put(Rendering.GTK_OPENGL, gtkOpenGl);
        }
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.startsWith("prism.order=")).findFirst().orElse(out);
    }

    @Test
    @DisplayName("a renderer set by hand, and other systems, are left alone")
    void leftAlone(@TempDir Path dev) {
        Properties chosen = new Properties();
        chosen.setProperty(Rendering.ORDER, "es2");
        assertFalse(Rendering.choose(chosen, "Linux", dev));
        assertEquals("es2", chosen.getProperty(Rendering.ORDER));

        for (String os : new String[] {"Windows 11", "Mac OS X"}) {
            Properties properties = new Properties();
            assertFalse(Rendering.choose(properties, os, dev));
            assertNull(properties.getProperty(Rendering.ORDER));
        }
    }
}
