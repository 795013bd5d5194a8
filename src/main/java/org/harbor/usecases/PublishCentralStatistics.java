package org.harbor.usecases;

import java.util.List;
import java.util.function.Supplier;
import org.harbor.central.Statistics;

/**
 * Publishes the central office's statistics (issue 17): the store's raw counts go through
 * small-cell suppression ({@link Statistics#suppress}, k = 11) before anyone sees them, on the
 * desktop's statistics screen and in {@code harbor central stats}; raw counts never leave here.
 */
public final class PublishCentralStatistics {

    private final Supplier<Statistics.Counts> counts;

    /** {@code counts}: the store's raw counts ({@code CentralStore::countCases}). */
    public PublishCentralStatistics(Supplier<Statistics.Counts> counts) {
        this.counts = counts;
    }

    /** Every dimension's table, suppressed. */
    public List<Statistics.Table> tables() {
        return Statistics.suppress(counts.get());
    }

    /** The tables as aligned text for a terminal ("<11" where a count is suppressed). */
    public static String text(List<Statistics.Table> tables) {
        StringBuilder out = new StringBuilder();
        for (Statistics.Table t : tables) {
            out.append(t.dimension()).append('\n');
            List<String> years = new java.util.ArrayList<>(t.years().stream().map(String::valueOf).toList());
            years.add(Statistics.ALL);
            out.append(String.format("  %-20s", ""));
            years.forEach(y -> out.append(String.format("%8s", y)));
            out.append('\n');
            t.cells().forEach((category, byYear) -> {
                out.append(String.format("  %-20s", category));
                for (String y : years) {
                    if (!byYear.containsKey(y)) {
                        out.append(String.format("%8s", ""));
                    } else {
                        Long n = byYear.get(y);
                        out.append(String.format("%8s", n == null ? "<" + Statistics.K : n.toString()));
                    }
                }
                out.append('\n');
            });
        }
        return out.toString();
    }
}
