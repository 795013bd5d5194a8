package org.harbor.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.harbor.Harbor;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: the registry of use cases that Harbor builds, one accessor per use case. */
@DisplayName("Use cases between the faces and the services: Harbor builds every use case of the registry")
class UseCasesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("every accessor of UseCases gives its use case, made once")
    void everyAccessorIsRegistered() throws Exception {
        try (Harbor harbor = TestVaults.open(dir, MutableClock.atStart())) {
            List<Method> accessors = Arrays.stream(UseCases.class.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                            && m.getReturnType().getPackageName().equals(UseCases.class.getPackageName()))
                    .toList();
            for (Method accessor : accessors) {
                Object made = accessor.invoke(harbor.useCases());
                assertNotNull(made, accessor.getName());
                assertEquals(accessor.getReturnType(), made.getClass(), accessor.getName());
                assertSame(made, accessor.invoke(harbor.useCases()), accessor.getName() + " is made once");
            }
        }
    }

    @Test
    @DisplayName("a use case the composition root does not make is a programming error, said at once")
    void unregistered() {
        assertThrows(IllegalStateException.class, new UseCases(type -> null, Clock.systemUTC())::logIn);
    }
}
