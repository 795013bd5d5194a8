package org.harbor.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Small-cell suppression of the central statistics (issue 17): k = 11 as CTDC publishes, and no recovery by differencing. */
class StatisticsTest {

    static Statistics.Counts counts(Map<String, Map<String, Map<Integer, Long>>> byDimension) {
        // cases per year: from the gender table, which has one category per case
        Map<Integer, Long> perYear = new TreeMap<>();
        byDimension.getOrDefault(Statistics.GENDER, Map.of()).values()
                .forEach(m -> m.forEach((year, n) -> perYear.merge(year, n, Long::sum)));
        return new Statistics.Counts(byDimension, perYear);
    }

    @Test
    @DisplayName("small-cell suppression k >= 11 (CTDC's threshold): a count of 1 to 10 is never published, zero and 11 are")
    void primarySuppression() {
        var tables = Statistics.suppress(counts(Map.of(Statistics.GENDER, Map.of(
                "female", Map.of(2025, 10L, 2026, 40L),
                "male", Map.of(2025, 11L, 2026, 50L),
                "other", Map.of(2025, 30L, 2026, 0L)))));
        var gender = tables.stream().filter(t -> t.dimension().equals(Statistics.GENDER)).findFirst().orElseThrow();
        assertNull(gender.count("female", "2025"));
        assertEquals(0L, gender.count("other", "2026"));
        gender.cells().values().forEach(byYear -> byYear.values().forEach(v -> assertTrue(v == null || v == 0 || v >= 11)));
        var eleven = Statistics.suppress(counts(Map.of(Statistics.GENDER, Map.of("male", Map.of(2025, 11L))))).stream()
                .filter(t -> t.dimension().equals(Statistics.GENDER)).findFirst().orElseThrow();
        assertEquals(11L, eleven.count("male", "2025"));
        assertEquals(Statistics.K, 11);
    }

    @Test
    @DisplayName("suppression prevents differencing: no suppressed cell is recoverable from its row or column totals")
    void noDifferencing() {
        // female 2025 is 10: with the year total (51) and the other cells published it would be 51 - 11 - 30
        var tables = Statistics.suppress(counts(Map.of(Statistics.GENDER, Map.of(
                "female", Map.of(2025, 10L, 2026, 40L),
                "male", Map.of(2025, 11L, 2026, 50L),
                "other", Map.of(2025, 30L, 2026, 0L)))));
        var gender = tables.stream().filter(t -> t.dimension().equals(Statistics.GENDER)).findFirst().orElseThrow();
        assertEquals(51L, gender.count(Statistics.ALL, "2025"), "the year total stays published");
        assertTrue(gender.suppressed("male", "2025"), "a second cell of the column is suppressed");
        assertTrue(gender.suppressed("female", Statistics.ALL) || gender.suppressed("female", "2026"), "and a second one of the row");
        everyLineProtected(gender);
    }

    @Test
    @DisplayName("suppression prevents differencing on random tables: every line with a published total has no suppressed cell or two or more")
    void noDifferencingRandom() {
        Random random = new Random(17);
        for (int round = 0; round < 300; round++) {
            Map<String, Map<String, Map<Integer, Long>>> dims = new LinkedHashMap<>();
            for (String d : List.of(Statistics.GENDER, Statistics.AGE_BAND, Statistics.NATIONALITY)) {
                dims.put(d, new HashMap<>());
            }
            int cases = 0;
            int years = 1 + random.nextInt(4);
            for (int y = 0; y < years; y++) {
                int n = random.nextInt(80);
                for (int i = 0; i < n; i++) {
                    for (String d : dims.keySet()) {
                        String category = d + (random.nextInt(10) < 7 ? random.nextInt(2) : random.nextInt(6));
                        dims.get(d).computeIfAbsent(category, k -> new TreeMap<>()).merge(2020 + y, 1L, Long::sum);
                    }
                    cases++;
                }
            }
            Map<String, Map<String, Map<Integer, Long>>> exploitation = new HashMap<>(dims);
            Map<String, Map<Integer, Long>> types = new HashMap<>();
            types.put("labour", Map.of(2020, (long) random.nextInt(30)));
            types.put("sexual", Map.of(2020, (long) random.nextInt(30)));
            exploitation.put(Statistics.EXPLOITATION, types);
            var tables = Statistics.suppress(counts(exploitation));
            for (var t : tables) {
                everyLineProtected(t);
                t.cells().values().forEach(byYear -> byYear.values().forEach(v -> assertTrue(v == null || v == 0 || v >= Statistics.K)));
            }
            // year totals are suppressed alike in every table that publishes them
            List<String> years0 = new ArrayList<>();
            for (var t : tables) {
                if (t.yearTotals()) {
                    years0.add(t.cells().get(Statistics.ALL).toString().replaceAll("=\\d+", "=n"));
                }
            }
            assertEquals(1, years0.stream().distinct().count(), "round " + round + " with " + cases + " cases");
        }
    }

    /** For every row and column with a published total: no suppressed cell, or at least two whose sum is at least K. */
    static void everyLineProtected(Statistics.Table t) {
        List<String> yearKeys = new ArrayList<>(t.years().stream().map(String::valueOf).toList());
        List<String> rows = new ArrayList<>(t.categories());
        if (t.yearTotals()) {
            rows.add(Statistics.ALL);
        }
        for (String row : rows) {
            check(t, row, yearKeys.stream().map(y -> new String[] {row, y}).toList(), new String[] {row, Statistics.ALL});
        }
        if (!t.yearTotals()) {
            return;
        }
        List<String> columns = new ArrayList<>(yearKeys);
        columns.add(Statistics.ALL);
        for (String year : columns) {
            check(t, year, t.categories().stream().map(c -> new String[] {c, year}).toList(), new String[] {Statistics.ALL, year});
        }
    }

    private static void check(Statistics.Table t, String line, List<String[]> cells, String[] total) {
        if (t.suppressed(total[0], total[1])) {
            return;
        }
        int suppressed = 0;
        for (String[] c : cells) {
            if (t.suppressed(c[0], c[1])) {
                suppressed++;
            }
        }
        assertTrue(suppressed == 0 || suppressed >= 2, t.dimension() + " line " + line + " has one suppressed cell beside a published total");
    }

    @Test
    @DisplayName("exported as CSV: one line per published or suppressed cell, a suppressed count left empty")
    void csv() {
        var tables = Statistics.suppress(counts(Map.of(Statistics.GENDER, Map.of(
                "female", Map.of(2025, 10L), "male", Map.of(2025, 20L)))));
        String csv = Statistics.csv(tables);
        assertTrue(csv.startsWith("dimension,category,year,count,suppressed\r\n"));
        assertTrue(csv.contains("gender,female,2025,,true\r\n"));
        assertTrue(csv.contains("gender,male,2025,,true\r\n"), "the complement of female is suppressed too");
        assertTrue(csv.contains("gender,all,2025,30,false\r\n"));
    }

    @Test
    @DisplayName("HTCDS gender from the survivor's own words, in en, es and ar; nationality as the first ISO code")
    void categories() {
        assertEquals("female", Statistics.gender("Niña"));
        assertEquals("male", Statistics.gender("ولد"));
        assertEquals("other", Statistics.gender("non-binary"));
        assertEquals("unknown", Statistics.gender(" "));
        assertEquals("ER", Statistics.nationality("er sd"));
        assertEquals(List.of("labour", "sexual"), Statistics.exploitationTypes(" labour sexual "));
    }
}
