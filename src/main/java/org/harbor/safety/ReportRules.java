package org.harbor.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The shipped mandatory-report rule packs (R18): one data file per jurisdiction in
 * {@code org/harbor/safety/rules/}, listed in {@code index.txt}, each with its citation and the
 * page it was paraphrased from. A pack holds no law's text, only Harbor's paraphrase.
 */
public final class ReportRules {

    private static final String DIR = "/org/harbor/safety/rules/";
    private static final List<ReportRule> ALL = load();

    private ReportRules() {
    }

    /** Every shipped rule, in the index's order. */
    public static List<ReportRule> all() {
        return ALL;
    }

    /** The jurisdictions a supervisor may pick, in the index's order. */
    public static List<String> jurisdictions() {
        return ALL.stream().map(ReportRule::jurisdiction).distinct().toList();
    }

    /** The rule of a jurisdiction; empty for none or an unknown one. */
    public static Optional<ReportRule> of(String jurisdiction) {
        return ALL.stream().filter(r -> r.jurisdiction().equals(jurisdiction)).findFirst();
    }

    /** The rule with this id; empty for an unknown one. */
    public static Optional<ReportRule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static List<ReportRule> load() {
        List<ReportRule> out = new ArrayList<>();
        for (String line : read("index.txt").lines().toList()) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            Properties p = new Properties();
            try (InputStreamReader in = new InputStreamReader(open(file), StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.add(new ReportRule(required(p, "id", file), required(p, "jurisdiction", file),
                    Duration.ofHours(Long.parseLong(required(p, "hours", file))), Boolean.parseBoolean(required(p, "statutory", file)),
                    required(p, "citation", file), required(p, "source", file), Integer.parseInt(required(p, "steps", file))));
        }
        return List.copyOf(out);
    }

    private static String required(Properties p, String key, String file) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the rule pack " + file + " has no " + key);
        }
        return value.strip();
    }

    private static String read(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = ReportRules.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IllegalStateException("a shipped rule pack is missing: " + name);
        }
        return in;
    }
}
