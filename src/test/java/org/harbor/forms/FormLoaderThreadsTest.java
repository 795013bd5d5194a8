package org.harbor.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Forms load on any thread: the desktop's background sync and a form opening at once")
class FormLoaderThreadsTest {

    @Test
    @Timeout(120)
    @DisplayName("four threads loading forms at the same moment all succeed (JavaRosa refuses a second parse running at once; Harbor lines them up)")
    void parsesAtOnceAllSucceed() throws Exception {
        byte[] xml;
        try (InputStream in = FormLoaderThreadsTest.class.getResourceAsStream("/org/harbor/forms/builtin/" + firstBuiltin())) {
            xml = in.readAllBytes();
        }
        int threads = 4;
        int rounds = 15;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int loaded = 0;
                    for (int r = 0; r < rounds; r++) {
                        new FormLoader().load(xml);
                        loaded++;
                    }
                    return loaded;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(rounds, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String firstBuiltin() throws Exception {
        try (InputStream in = FormLoaderThreadsTest.class.getResourceAsStream("/org/harbor/forms/builtin/index.txt")) {
            if (in != null) {
                return new String(in.readAllBytes()).lines().filter(l -> l.endsWith(".xml")).findFirst().orElseThrow();
            }
        }
        return "safety.xml";
    }
}
