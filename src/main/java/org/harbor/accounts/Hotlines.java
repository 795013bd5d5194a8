package org.harbor.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The default emergency contacts of each country Harbor ships (R2): the child helpline and the
 * trafficking hotline, from the data files in {@code org/harbor/accounts/hotlines/}, one per
 * country, each number with the page it was taken from. A supervisor may edit or remove them.
 */
public final class Hotlines {

    private static final String DIR = "/org/harbor/accounts/hotlines/";

    /**
     * A shipped default.
     *
     * @param kind {@code child}, {@code trafficking} or {@code traffickingText}: the "when to call"
     *             sentence is {@code emergency.hotline.<kind>.when} in the display language
     * @param source the page the number was taken from
     */
    public record Hotline(String name, String number, String kind, String source) {
    }

    private Hotlines() {
    }

    /** The countries with shipped defaults, ISO 3166-1 alpha-2 codes in the data file's order. */
    public static List<String> countries() {
        List<String> out = new ArrayList<>();
        for (String line : read("countries.txt").lines().toList()) {
            String code = line.strip();
            if (!code.isEmpty() && !code.startsWith("#")) {
                out.add(code);
            }
        }
        return List.copyOf(out);
    }

    /** The country's defaults in the data file's order; none for a country not shipped. */
    public static List<Hotline> of(String country) {
        if (country == null || !countries().contains(country)) {
            return List.of();
        }
        Properties p = new Properties();
        try (InputStream in = Hotlines.class.getResourceAsStream(DIR + country + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Hotline> out = new ArrayList<>();
        for (int i = 1; p.containsKey(i + ".number"); i++) {
            out.add(new Hotline(p.getProperty(i + ".name"), p.getProperty(i + ".number"), p.getProperty(i + ".kind"),
                    p.getProperty(i + ".source")));
        }
        return List.copyOf(out);
    }

    private static String read(String name) {
        try (InputStream in = Hotlines.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
