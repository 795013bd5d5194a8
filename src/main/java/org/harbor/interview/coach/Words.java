package org.harbor.interview.coach;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokenising and light normalisation shared by the tracker and the coach. Stateless. */
final class Words {

    enum Kind { WORD, COMMA, STOP, QUESTION, OPEN_QUESTION }

    /**
     * One token of a turn.
     *
     * @param text   as typed (for evidence)
     * @param lower  lower-cased, accents kept (Spanish "qué" versus "que")
     * @param folded lower-cased, accents stripped, curly apostrophes straightened, Arabic letter
     *               variants folded (for matching)
     */
    record Token(String text, String lower, String folded, Kind kind) {
        boolean isWord() {
            return kind == Kind.WORD;
        }
    }

    private static final Pattern TOKEN =
            Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*(?:['\\-][\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}]*)*"
                    + "|[,;:\u060C\u061B]|[.!\u06D4]+|[?\u061F]|¿");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02BC\u00B4`]");
    private static final Pattern DASHES = Pattern.compile("\\s[\u2013\u2014-]+\\s|[\u2013\u2014]");

    private Words() {
    }

    static List<Token> tokenize(String text) {
        String cleaned = DASHES.matcher(APOSTROPHES.matcher(text).replaceAll("'")).replaceAll(", ");
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(cleaned);
        while (m.find()) {
            for (String raw : ArabicText.isArabic(m.group()) ? ArabicText.split(m.group()) : List.of(m.group())) {
                String lower = raw.toLowerCase(Locale.ROOT);
                tokens.add(new Token(raw, lower, stripAccents(lower), kindOf(raw)));
            }
        }
        return tokens;
    }

    /** Lower-case, accents stripped: the form every word list is written in. */
    static String fold(String text) {
        return stripAccents(APOSTROPHES.matcher(text).replaceAll("'").toLowerCase(Locale.ROOT));
    }

    /** Accents and harakat stripped; Arabic letter variants folded too (see {@link ArabicText#fold}). */
    private static String stripAccents(String lower) {
        return ArabicText.fold(MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll(""));
    }

    private static Kind kindOf(String raw) {
        return switch (raw.charAt(0)) {
            case ',', ';', ':', '\u060C', '\u061B' -> Kind.COMMA;
            case '.', '!', '\u06D4' -> Kind.STOP;
            case '?', '\u061F' -> Kind.QUESTION;
            case '¿' -> Kind.OPEN_QUESTION;
            default -> Kind.WORD;
        };
    }

    /** Crude English stem: irregular lemma, then plural and -ed/-ing folding, doubled consonant, final e. */
    static String stemEnglish(String folded, Map<String, String> irregular) {
        String w = folded.endsWith("'s") ? folded.substring(0, folded.length() - 2) : folded;
        w = irregular.getOrDefault(w, w);
        if (w.length() > 4 && (w.endsWith("ies") || w.endsWith("ied"))) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
                && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() >= 4 && w.endsWith("ed") && w.charAt(w.length() - 3) != 'e') {
            w = w.substring(0, w.length() - 2);
        }
        return trimEnding(w);
    }

    private static String trimEnding(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "aeiou".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        if (n >= 3 && w.endsWith("e")) {
            return w.substring(0, n - 1);
        }
        return w;
    }

    private static final String[] SPANISH_SUFFIXES = {
        "abamos", "iamos", "aremos", "eremos", "iremos", "aramos", "ieramos",
        "ieron", "iendo", "abais", "ando", "aban", "abas", "aron", "aste", "iste", "amos", "emos",
        "imos", "ados", "adas", "idos", "idas", "aba", "ian", "ias", "ado", "ada", "ido", "ida",
        "ar", "er", "ir", "ia", "io", "es", "as", "os", "an", "en", "a", "o", "e", "s",
    };
    private static final String[] SPANISH_CLITICS = {"selo", "sela", "me", "te", "se", "le", "lo", "la",
        "nos", "les", "los", "las"};

    /** Crude Spanish stem: irregular lemma, infinitive clitics, then the longest verb, plural or gender ending. */
    static String stemSpanish(String folded, Map<String, String> irregular) {
        String w = irregular.getOrDefault(folded, folded);
        for (String clitic : SPANISH_CLITICS) {
            String base = w.length() > clitic.length() + 3 ? w.substring(0, w.length() - clitic.length()) : "";
            if (w.endsWith(clitic) && (base.endsWith("ar") || base.endsWith("er") || base.endsWith("ir"))) {
                w = irregular.getOrDefault(base, base);
                break;
            }
        }
        for (String suffix : SPANISH_SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }
}
