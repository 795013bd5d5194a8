package org.harbor.central;

/**
 * A phonetic key for one normalised name token (ADR 0010), so that spellings of one name heard by
 * two workers ("Mohamed", "Muhammad"; "Katarina", "Catarina" does not) meet in the duplicate list.
 *
 * <p>Latin-script tokens: American Soundex as the US National Archives define it: the first
 * letter; then b f p v → 1, c g j k q s x z → 2, d t → 3, l → 4, m n → 5, r → 6; vowels
 * (a e i o u y) separate equal codes, h and w do not; adjacent equal codes count once, also with
 * the first letter; padded or cut to four characters. Digits are kept as they are.
 *
 * <p>Tokens in any other script: the normalised token itself (see {@link NameTokens}): no
 * phonetic rules are claimed for scripts they were not designed for.
 */
public final class Phonetic {

    private static final String CODES = "01230120022455012623010202"; // a..z

    private Phonetic() {
    }

    /** The phonetic key of a token from {@link NameTokens#of}. */
    public static String key(String token) {
        if (token.isEmpty() || !NameTokens.isLatin(token)) {
            return token;
        }
        String letters = token.replaceAll("[^a-z]", "");
        if (letters.isEmpty()) {
            return token;
        }
        StringBuilder out = new StringBuilder(4);
        out.append(Character.toUpperCase(letters.charAt(0)));
        char last = code(letters.charAt(0));
        for (int i = 1; i < letters.length() && out.length() < 4; i++) {
            char ch = letters.charAt(i);
            char c = code(ch);
            if (ch == 'h' || ch == 'w') {
                continue; // neither coded nor a separator
            }
            if (c == '0') {
                last = '0'; // a vowel separates equal codes
                continue;
            }
            if (c != last) {
                out.append(c);
            }
            last = c;
        }
        while (out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }

    private static char code(char letter) {
        return letter >= 'a' && letter <= 'z' ? CODES.charAt(letter - 'a') : '0';
    }
}
