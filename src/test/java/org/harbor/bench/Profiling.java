package org.harbor.bench;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Optional CPU profiling of one benchmark step with async-profiler, for finding where the time goes
 * (JDK 25's {@code jfr print} fails on this project's recordings). Off unless the system property
 * {@code harbor.bench.profile} names the step to profile and {@code harbor.bench.profile.file} the
 * report; the profiler is found by reflection, so the benchmarks carry no dependency on it (the
 * shell script that sets the properties puts its jar on the class path and its agent on the JVM).
 * Samples of every timed round of the step accumulate; the report (hottest frames, then the hottest
 * stacks) is written when {@link #report()} is called.
 */
final class Profiling {
    private static final String STEP = System.getProperty("harbor.bench.profile", "");
    private static boolean started;

    private Profiling() {
    }

    /** Runs the step, profiled if it is the one asked for. */
    static Object around(String step, PackageBenchmark.Step body) throws Exception {
        if (!STEP.equals(step)) {
            return body.run();
        }
        // per thread (its name the first frame of each stack) when asked: the unlock benchmark's cold
        // list is the FX thread's work beside a worker's and the compilers'
        // wall-clock sampling (harbor.bench.profile.event=wall) shows where a thread waits, too
        String event = System.getProperty("harbor.bench.profile.event", "itimer");
        String sampling = Boolean.getBoolean("harbor.bench.profile.threads") || event.equals("wall")
                ? ",event=" + event + ",interval=1ms,threads" : ",event=" + event + ",interval=2ms";
        execute((started ? "resume" : "start") + sampling);
        started = true;
        try {
            return body.run();
        } finally {
            execute("stop");
        }
    }

    /** Writes the report of the profiled step, if one was asked for. */
    static void report() throws Exception {
        if (STEP.isEmpty() || !started) {
            return;
        }
        String flat = execute("flat=40,traces=0");
        String traces = execute("traces=25,flat=0");
        Path file = Path.of(System.getProperty("harbor.bench.profile.file"));
        Files.writeString(file, flat + "\n" + traces);
        // Every stack with its samples, one line each (flame graph tools read this form).
        Files.writeString(Path.of(file + ".collapsed"), execute("collapsed"));
    }

    private static String execute(String command) throws Exception {
        Class<?> profiler = Class.forName("one.profiler.AsyncProfiler");
        Object instance = profiler.getMethod("getInstance").invoke(null);
        Method execute = profiler.getMethod("execute", String.class);
        return (String) execute.invoke(instance, command);
    }
}
