package org.harbor.central;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Aggregate statistics of the central office in the terms of IOM's Human Trafficking Case Data
 * Standard (HTCDS): cases per year by form of exploitation, age band, gender and nationality, with
 * small-cell suppression before anything is shown or exported.
 *
 * <p><b>Threshold.</b> A count from 1 to {@link #K} − 1 is never published: the Counter
 * Trafficking Data Collaborative (CTDC, IOM) published its k-anonymised global dataset with
 * k = 11 (no combination of published values shared by fewer than 11 victims). Zero is published:
 * it tells that no case exists, not who a case is.
 *
 * <p><b>Differencing.</b> Each dimension is a table of categories × years with row totals (all
 * years), column totals (cases of the year, the same in every table) and a grand total. A
 * suppressed cell would be recovered by subtracting the published cells of its row or column from
 * the published total, so suppression is completed line by line (each row and column with its
 * total, and the totals' own row and column): a line with a published total never has exactly one
 * suppressed cell, and the suppressed cells of such a line add up to at least {@code K}; where
 * needed the smallest non-zero published cell of the line is suppressed too (or, when there is
 * none, the line's total). This repeats until no line changes. The year totals are shared by all
 * tables, so a year total suppressed in one table is suppressed in all of them, and the
 * suppression is run again until the pattern is stable. Form of exploitation is multi-valued (a
 * case may name several forms), so its table publishes no year totals of its own: its cells do not
 * add up to the cases of a year. This is the classic "at least two per line" complementary
 * suppression; it is not an exact linear-programming audit of every combination of tables, which
 * is why only these four one-dimensional-by-year tables are offered and never cross-tabulations of
 * two dimensions.
 */
public final class Statistics {

    /** CTDC's k-anonymity threshold: counts below it are never published. */
    public static final int K = 11;

    public static final String EXPLOITATION = "exploitation_type";
    public static final String AGE_BAND = "age_band";
    public static final String GENDER = "gender";
    public static final String NATIONALITY = "nationality";
    public static final List<String> DIMENSIONS = List.of(EXPLOITATION, AGE_BAND, GENDER, NATIONALITY);
    public static final String UNKNOWN = "unknown";
    /** The category, year or both of a total in tables and CSV. */
    public static final String ALL = "all";

    private Statistics() {
    }

    /**
     * Raw counts as the store reads them: per dimension, category, year, how many cases; and the cases per year.
     * Never shown as they are: {@link #suppress} first.
     */
    public record Counts(Map<String, Map<String, Map<Integer, Long>>> byDimension, Map<Integer, Long> casesPerYear) {
        public long cases() {
            return casesPerYear.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A published cell: {@code count} is null when suppressed. */
    public record Cell(String dimension, String category, String year, Long count) {
        public boolean suppressed() {
            return count == null;
        }
    }

    /** One dimension's table after suppression: categories × years, with totals where they add up. */
    public record Table(String dimension, List<String> categories, List<Integer> years, Map<String, Map<String, Long>> cells,
                        boolean yearTotals) {
        /** The published count of a category ({@link #ALL} for totals) in a year ({@link #ALL} for all years); null: suppressed. */
        public Long count(String category, String year) {
            return cells.getOrDefault(category, Map.of()).get(year);
        }

        public boolean suppressed(String category, String year) {
            return cells.getOrDefault(category, Map.of()).containsKey(year) && count(category, year) == null;
        }
    }

    /** Every dimension's table, suppressed consistently (shared year totals suppressed alike). */
    public static List<Table> suppress(Counts counts) {
        TreeSet<Integer> yearSet = new TreeSet<>(counts.casesPerYear().keySet());
        for (var byCategory : counts.byDimension().values()) {
            byCategory.values().forEach(m -> yearSet.addAll(m.keySet()));
        }
        List<Integer> years = List.copyOf(yearSet);
        Set<Integer> forcedYears = new LinkedHashSet<>();
        boolean forcedGrand = false;
        while (true) {
            List<Grid> grids = new ArrayList<>();
            for (String dimension : DIMENSIONS) {
                Grid g = new Grid(dimension, counts.byDimension().getOrDefault(dimension, Map.of()), years, counts.casesPerYear(),
                        !EXPLOITATION.equals(dimension));
                g.run(forcedYears, forcedGrand);
                grids.add(g);
            }
            Set<Integer> union = new LinkedHashSet<>(forcedYears);
            boolean grand = forcedGrand;
            for (Grid g : grids) {
                if (g.margins) {
                    for (int j = 0; j < years.size(); j++) {
                        if (g.colTotalSuppressed[j]) {
                            union.add(years.get(j));
                        }
                    }
                    grand |= g.grandSuppressed;
                }
            }
            if (union.equals(forcedYears) && grand == forcedGrand) {
                return grids.stream().map(Grid::table).toList();
            }
            forcedYears = union;
            forcedGrand = grand;
        }
    }

    /** Every published and suppressed cell of the tables, as CSV (RFC 4180; an empty count is a suppressed one). */
    public static String csv(List<Table> tables) {
        StringBuilder out = new StringBuilder("dimension,category,year,count,suppressed\r\n");
        for (Table t : tables) {
            t.cells().forEach((category, byYear) -> byYear.forEach((year, count) -> out.append(field(t.dimension())).append(',')
                    .append(field(category)).append(',').append(field(year)).append(',')
                    .append(count == null ? "" : count.toString()).append(',').append(count == null ? "true" : "false").append("\r\n")));
        }
        return out.toString();
    }

    private static String field(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** HTCDS gender from what the form recorded (free text in the survivor's words): male, female, other or unknown. */
    public static String gender(String said) {
        if (said == null || said.isBlank()) {
            return UNKNOWN;
        }
        String s = said.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "m", "male", "man", "boy", "hombre", "masculino", "varón", "varon", "niño", "nino", "chico", "ذكر", "رجل", "ولد", "صبي" -> "male";
            case "f", "female", "woman", "girl", "mujer", "femenino", "niña", "nina", "chica", "أنثى", "انثى", "امرأة", "بنت", "فتاة" -> "female";
            default -> "other";
        };
    }

    /** HTCDS forms of exploitation as the trafficking form records them (space-separated codes). */
    public static List<String> exploitationTypes(String selected) {
        if (selected == null || selected.isBlank()) {
            return List.of();
        }
        return List.of(selected.strip().split("\\s+"));
    }

    /** The first ISO 3166-1 code recorded (upper case), or unknown. */
    public static String nationality(String codes) {
        if (codes == null || codes.isBlank()) {
            return UNKNOWN;
        }
        return codes.strip().split("[\\s,;]+")[0].toUpperCase(Locale.ROOT);
    }

    /** A table of one dimension while it is suppressed: rows are categories, columns years; index n is the totals. */
    private static final class Grid {
        final String dimension;
        final List<String> categories;
        final List<Integer> years;
        final boolean margins;
        final long[][] value;
        final boolean[][] suppressed;
        final long[] rowTotal;
        final boolean[] rowTotalSuppressed;
        final long[] colTotal;
        final boolean[] colTotalSuppressed;
        final long grand;
        boolean grandSuppressed;

        Grid(String dimension, Map<String, Map<Integer, Long>> raw, List<Integer> years, Map<Integer, Long> casesPerYear,
             boolean margins) {
            this.dimension = dimension;
            this.categories = List.copyOf(new TreeMap<>(raw).keySet());
            this.years = years;
            this.margins = margins;
            int r = categories.size();
            int c = years.size();
            value = new long[r][c];
            suppressed = new boolean[r][c];
            rowTotal = new long[r];
            rowTotalSuppressed = new boolean[r];
            colTotal = new long[c];
            colTotalSuppressed = new boolean[c];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    value[i][j] = raw.get(categories.get(i)).getOrDefault(years.get(j), 0L);
                    rowTotal[i] += value[i][j];
                }
            }
            long g = 0;
            for (int j = 0; j < c; j++) {
                colTotal[j] = casesPerYear.getOrDefault(years.get(j), 0L);
                g += colTotal[j];
            }
            grand = g;
        }

        void run(Set<Integer> forcedYears, boolean forcedGrand) {
            int r = categories.size();
            int c = years.size();
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    suppressed[i][j] = small(value[i][j]);
                }
                rowTotalSuppressed[i] = small(rowTotal[i]);
            }
            for (int j = 0; j < c; j++) {
                colTotalSuppressed[j] = margins && (small(colTotal[j]) || forcedYears.contains(years.get(j)));
            }
            grandSuppressed = margins && (small(grand) || forcedGrand);
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < r; i++) {
                    final int row = i;
                    changed |= line(c, j -> value[row][j], j -> suppressed[row][j], j -> suppressed[row][j] = true,
                            rowTotalSuppressed[i], () -> rowTotalSuppressed[row] = true);
                }
                if (!margins) {
                    continue;
                }
                for (int j = 0; j < c; j++) {
                    final int col = j;
                    changed |= line(r, i -> value[i][col], i -> suppressed[i][col], i -> suppressed[i][col] = true,
                            colTotalSuppressed[j], () -> colTotalSuppressed[col] = true);
                }
                changed |= line(r, i -> rowTotal[i], i -> rowTotalSuppressed[i], i -> rowTotalSuppressed[i] = true,
                        grandSuppressed, () -> grandSuppressed = true);
                changed |= line(c, j -> colTotal[j], j -> colTotalSuppressed[j], j -> colTotalSuppressed[j] = true,
                        grandSuppressed, () -> grandSuppressed = true);
            }
        }

        /**
         * One line (cells and their total): with the total published, suppressed cells must be none, or at least two adding up
         * to at least K; otherwise the smallest non-zero published cell is suppressed, or the total when there is none.
         */
        private static boolean line(int n, java.util.function.IntToLongFunction value, java.util.function.IntPredicate isSuppressed,
                                    java.util.function.IntConsumer suppress, boolean totalSuppressed, Runnable suppressTotal) {
            if (totalSuppressed) {
                return false;
            }
            int count = 0;
            long sum = 0;
            int smallest = -1;
            for (int k = 0; k < n; k++) {
                if (isSuppressed.test(k)) {
                    count++;
                    sum += value.applyAsLong(k);
                } else if (value.applyAsLong(k) > 0 && (smallest < 0 || value.applyAsLong(k) < value.applyAsLong(smallest))) {
                    smallest = k;
                }
            }
            if (count == 0 || (count >= 2 && sum >= K)) {
                return false;
            }
            if (smallest >= 0) {
                suppress.accept(smallest);
            } else {
                suppressTotal.run();
            }
            return true;
        }

        private static boolean small(long v) {
            return v > 0 && v < K;
        }

        Table table() {
            Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
            for (int i = 0; i < categories.size(); i++) {
                Map<String, Long> byYear = new LinkedHashMap<>();
                for (int j = 0; j < years.size(); j++) {
                    byYear.put(years.get(j).toString(), suppressed[i][j] ? null : value[i][j]);
                }
                byYear.put(ALL, rowTotalSuppressed[i] ? null : rowTotal[i]);
                cells.put(categories.get(i), byYear);
            }
            if (margins) {
                Map<String, Long> totals = new LinkedHashMap<>();
                for (int j = 0; j < years.size(); j++) {
                    totals.put(years.get(j).toString(), colTotalSuppressed[j] ? null : colTotal[j]);
                }
                totals.put(ALL, grandSuppressed ? null : grand);
                cells.put(ALL, totals);
            }
            return new Table(dimension, categories, years, cells, margins);
        }
    }
}
