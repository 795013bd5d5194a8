package org.harbor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.harbor.Harbor;
import org.harbor.app.Rendering;
import org.harbor.app.Shell;
import org.harbor.crypto.Argon2Params;
import org.harbor.usecases.ChooseCentralStore;
import org.harbor.vault.HarborHome;

/**
 * Resident memory of the central desktop app with the central store on PostgreSQL (issue 17:
 * "memory of the central app with 1 M cases at most 400 MB resident"), in the real window; run by
 * {@code bench/central-memory.sh}, not a test. Opens the central vault that {@code bench/central.sh}
 * generated its cases under (so the server's million cases open with its keys), points it at the
 * server when it is not yet, logs in, shows the central office with the first page of the case
 * list, then after two collections reads VmRSS and VmHWM from /proc.
 *
 * <p>Arguments: the bench vault's folder, the server's JDBC URL, role and password file.
 */
public final class CentralMemoryBenchmark {

    static final String USER = "bench-central";
    static final char[] PASS = "bench central pass phrase".toCharArray();

    private CentralMemoryBenchmark() {
    }

    public static void main(String[] args) {
        Window.args = args;
        Rendering.chooseBeforeLaunch(); // as the desktop app does
        Application.launch(Window.class);
    }

    /** Kept apart from {@code main}'s class: the class JavaFX launches must not be the main class. */
    public static final class Window extends Application {
        static String[] args;

        @Override
        public void start(Stage stage) {
            Harbor harbor = Harbor.open(new HarborHome(Path.of(args[0])), new Harbor.Options(Clock.systemUTC(), () -> Argon2Params.FLOOR,
                    Locale.ENGLISH));
            Shell shell = new Shell(harbor, stage);
            shell.start();
            stage.show();
            Thread.ofPlatform().name("bench-driver").start(() -> {
                int status = 0;
                try {
                    run(harbor, shell, stage.getScene());
                } catch (Throwable e) {
                    e.printStackTrace();
                    status = 1;
                }
                int exit = status;
                Platform.runLater(() -> {
                    shell.dispose();
                    harbor.close();
                    Platform.exit();
                    System.exit(exit);
                });
            });
        }

        private static void run(Harbor harbor, Shell shell, Scene scene) throws Exception {
            Harbor.warmUp();
            harbor.accounts().login(USER, PASS.clone());
            var session = harbor.accounts().current().orElseThrow();
            ChooseCentralStore choose = harbor.useCases().chooseCentralStore();
            if (choose.current(session).isEmpty()) {
                choose.usePostgres(session, new ChooseCentralStore.Server(args[1], args[2], Path.of(args[3])));
                System.out.println("the bench vault now keeps its cases on " + args[1]);
            }
            long t0 = System.nanoTime();
            CountDownLatch shown = new CountDownLatch(1);
            int[] rows = new int[1];
            Runnable listener = () -> {
                if (shown.getCount() > 0 && scene.lookup("#centralCaseTable") instanceof TableView<?> table && !table.getItems().isEmpty()) {
                    rows[0] = table.getItems().size();
                    shown.countDown();
                }
            };
            Platform.runLater(() -> {
                scene.addPostLayoutPulseListener(listener);
                shell.toCentralOffice();
            });
            if (!shown.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the central office did not show its case list");
            }
            Platform.runLater(() -> scene.removePostLayoutPulseListener(listener));
            System.out.printf("central office shown with %d rows on the list in %.0f ms%n", rows[0], (System.nanoTime() - t0) / 1e6);
            Thread.sleep(2000);
            System.gc();
            System.gc();
            Thread.sleep(1000);
            String status = Files.readString(Path.of("/proc/self/status"));
            double heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0;
            long total; // counted after the figures are read, so that the count's own store changes none of them
            try (var store = org.harbor.central.CentralStores.open(harbor.vault())) {
                total = store.list(org.harbor.central.CentralStore.CaseFilter.ALL, 0, 1).total();
            }
            System.out.printf("resident memory of the central app, store on PostgreSQL with %,d cases, case list on screen: %s (peak %s; "
                    + "budget 400 MB); Java heap used %.0f MB%n", total, field(status, "VmRSS"), field(status, "VmHWM"), heap);
        }

        private static String field(String status, String name) {
            return Arrays.stream(status.split("\n")).filter(l -> l.startsWith(name + ":"))
                    .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse("?");
        }
    }
}
