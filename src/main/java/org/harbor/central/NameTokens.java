package org.harbor.central;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Normalised tokens of a name or alias, the input of the blind indexes (ADR 0010): the same person
 * written by two laptops with different accents, case, spacing or punctuation gives the same tokens.
 *
 * <ul>
 *   <li>Unicode NFKC, then lower case (locale-independent);</li>
 *   <li>Latin script: accents and other combining marks removed (NFD), ß → ss, æ → ae, ø → o, ł → l;</li>
 *   <li>Arabic script: harakat and tatweel removed, alef forms (أ إ آ ٱ) → ا, ة → ه, ى → ي, ؤ → و, ئ → ي;</li>
 *   <li>split at anything that is not a letter or digit; tokens of one character are dropped
 *       (initials match too much to be evidence).</li>
 * </ul>
 * Other scripts keep their letters as NFKC gives them: plain normalised tokens.
 */
public final class NameTokens {

    private NameTokens() {
    }

    /** The distinct tokens of a name, in order of first appearance. */
    public static List<String> of(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = foldLatin(text);
        text = foldArabic(text);
        Set<String> out = new LinkedHashSet<>();
        StringBuilder token = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                token.appendCodePoint(cp);
            } else if (!isMark(cp)) {
                flush(token, out);
            }
        });
        flush(token, out);
        return List.copyOf(out);
    }

    /** The tokens of several names (a display name and its aliases), distinct. */
    public static List<String> ofAll(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            out.addAll(of(n));
        }
        return new ArrayList<>(out);
    }

    /** Whether every letter of the token is in the Latin script (digits allowed). */
    public static boolean isLatin(String token) {
        return token.codePoints().allMatch(cp -> Character.isDigit(cp)
                || Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
    }

    private static void flush(StringBuilder token, Set<String> out) {
        if (token.codePointCount(0, token.length()) > 1) {
            out.add(token.toString());
        }
        token.setLength(0);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static String foldLatin(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            if (isMark(cp) && isLatinBase(out)) {
                return;
            }
            switch (cp) {
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ø' -> out.append('o');
                case 'ł' -> out.append('l');
                case 'đ' -> out.append('d');
                case 'ı' -> out.append('i');
                default -> out.appendCodePoint(cp);
            }
        });
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static boolean isLatinBase(StringBuilder sofar) {
        if (sofar.isEmpty()) {
            return false;
        }
        int last = sofar.codePointBefore(sofar.length());
        return Character.UnicodeScript.of(last) == Character.UnicodeScript.LATIN;
    }

    private static String foldArabic(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640) {
                return; // harakat, superscript alef, tatweel
            }
            switch (cp) {
                case 0x0623, 0x0625, 0x0622, 0x0671 -> out.append('\u0627');
                case 0x0629 -> out.append('\u0647');
                case 0x0649 -> out.append('\u064A');
                case 0x0624 -> out.append('\u0648');
                case 0x0626 -> out.append('\u064A');
                default -> out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
