package org.harbor.interview.coach;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Per-type precision, recall and F1 of predicted against expected labels. */
final class Scorecard {

    record Miss(int line, QuestionType expected, Classification actual, String turn) {
    }

    private final Map<QuestionType, int[]> cells = new EnumMap<>(QuestionType.class); // tp, fp, fn, support
    private final List<Miss> misses = new ArrayList<>();
    private int total;
    private int correct;

    Scorecard() {
        for (QuestionType type : QuestionType.values()) {
            cells.put(type, new int[4]);
        }
    }

    void add(int line, QuestionType expected, Classification actual, String turn) {
        total++;
        cells.get(expected)[3]++;
        if (expected == actual.type()) {
            correct++;
            cells.get(expected)[0]++;
        } else {
            cells.get(actual.type())[1]++;
            cells.get(expected)[2]++;
            misses.add(new Miss(line, expected, actual, turn));
        }
    }

    int total() {
        return total;
    }

    int support(QuestionType type) {
        return cells.get(type)[3];
    }

    double precision(QuestionType type) {
        int[] c = cells.get(type);
        return c[0] + c[1] == 0 ? 0.0 : (double) c[0] / (c[0] + c[1]);
    }

    double recall(QuestionType type) {
        int[] c = cells.get(type);
        return c[0] + c[2] == 0 ? 0.0 : (double) c[0] / (c[0] + c[2]);
    }

    double f1(QuestionType type) {
        double p = precision(type);
        double r = recall(type);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the types that occur in the expected labels. */
    double macroF1() {
        return List.of(QuestionType.values()).stream()
                .filter(t -> support(t) > 0)
                .mapToDouble(this::f1)
                .average()
                .orElse(0.0);
    }

    double accuracy() {
        return total == 0 ? 0.0 : (double) correct / total;
    }

    List<Miss> misses() {
        return List.copyOf(misses);
    }

    String table(String title) {
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n');
        sb.append(String.format(Locale.ROOT, "%-9s %7s %9s %7s %6s%n", "type", "support", "precision", "recall", "F1"));
        for (QuestionType type : QuestionType.values()) {
            sb.append(String.format(Locale.ROOT, "%-9s %7d %9.3f %7.3f %6.3f%n", type.code(), support(type),
                    precision(type), recall(type), f1(type)));
        }
        sb.append(String.format(Locale.ROOT, "macro-F1 %.3f   accuracy %.3f (%d/%d)%n", macroF1(), accuracy(),
                correct, total));
        for (Miss miss : misses) {
            sb.append(String.format(Locale.ROOT, "  line %d: expected %s, got %s [%s %s]: %s%n", miss.line(),
                    miss.expected().code(), miss.actual().type().code(), miss.actual().ruleId(),
                    miss.actual().evidence(), miss.turn()));
        }
        return sb.toString();
    }
}
