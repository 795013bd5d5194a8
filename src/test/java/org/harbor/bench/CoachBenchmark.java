package org.harbor.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.harbor.interview.coach.DisclosureTracker;
import org.harbor.interview.coach.Language;
import org.harbor.interview.coach.QuestionCoach;

/**
 * Time from a finished turn (the last keystroke) to its label, over every turn of the labelled
 * sets, after a warm-up. Run with {@code bench/coach.sh}; not a test.
 */
public final class CoachBenchmark {

    private CoachBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (Language language : Language.values()) {
            List<String[]> turns = read("/org/harbor/interview/coach/labelled-" + language.code() + ".tsv");
            QuestionCoach coach = new QuestionCoach(language);
            for (int i = 0; i < 20; i++) {
                runAll(coach, language, turns, null);
            }
            List<Long> samples = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                runAll(coach, language, turns, samples);
            }
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("coach %s: %d labels, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms (budget 50 ms)%n",
                    language.code(), sorted.length, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6);
        }
    }

    private static void runAll(QuestionCoach coach, Language language, List<String[]> turns, List<Long> samples) {
        DisclosureTracker tracker = new DisclosureTracker(language);
        for (String[] turn : turns) {
            if (turn[0].equals("#said")) {
                tracker.heard(turn[1]);
                continue;
            }
            if (turn[0].equals("#reset")) {
                tracker = new DisclosureTracker(language);
                continue;
            }
            long start = System.nanoTime();
            coach.classify(turn[1], tracker);
            long took = System.nanoTime() - start;
            if (samples != null) {
                samples.add(took);
            }
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    private static List<String[]> read(String resource) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CoachBenchmark.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#said:")) {
                    out.add(new String[] {"#said", line.substring(6)});
                } else if (line.startsWith("#reset")) {
                    out.add(new String[] {"#reset", ""});
                } else if (!line.isBlank() && !line.startsWith("#") && line.contains("\t")) {
                    out.add(Arrays.copyOf(line.split("\t", 2), 2));
                }
            }
        }
        return out;
    }
}
