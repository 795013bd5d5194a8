package org.harbor.interview.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Arabic spelling variation and attached particles, for the tokenizer and the Arabic lexicon.
 * Stateless.
 *
 * <p>Folding (after {@link Words#fold} has lower-cased and stripped the harakat, which also takes
 * the hamza off alef, waw and ya): alef wasla to alef, ta marbuta to ha, alef maqsura to ya,
 * tatweel removed. So "أخبرني", "اخبرني" and "أخْبِرْنِي" are one word, and "مرّة"/"مره" too.
 *
 * <p>Splitting: a conjunction "و"/"ف", a preposition "ب"/"ل" before an interrogative, and the
 * interrogative hamza "أ" are written attached to the next word ("وماذا", "فهل", "لمن", "أكان").
 * They become their own tokens when what follows is a known particle or verb, so that "وماذا
 * حدث؟" reads as "و ماذا حدث؟". A content word that merely starts with the same letter ("ولد",
 * "فتاة", "بيت") is never split.
 */
final class ArabicText {

    private static final char TATWEEL = '\u0640';

    /** Words that may carry an attached "و" or "ف" and are split from it. Folded. */
    private static final Set<String> CONJOINED = Set.of(
            "ماذا", "لماذا", "كيف", "متي", "اين", "من", "مين", "كم", "اي", "هل", "ما", "لمن", "بمن", "بماذا",
            "الي", "في", "مع", "عن", "علي", "بعد", "بعدين", "بعدها", "بعديذ", "ثم", "الان", "عندها",
            "عندما", "لم", "لا", "لن", "ليس", "الم", "اليس", "الا", "احك", "احكي", "اخبرني", "اخبريني",
            "قولي", "صفي", "اشرح", "اشرحي", "حدثني", "حدثيني", "انت", "انا", "هو", "هي", "ايضا",
            "اذا", "لو", "حين", "لكن", "كان", "كانت");

    /** Interrogatives that may carry an attached "ب" or "ل" ("بماذا", "لمن"); "لماذا" is one word. */
    private static final Set<String> PREPOSED = Set.of("ماذا", "من", "مين", "اي", "ما");

    /** Words that look like a preposition and an interrogative but are one word: "لماذا" (why), "لما". */
    private static final Set<String> UNSPLIT = Set.of("لماذا", "لما", "بما");

    /** Words after which a written "أ" is the interrogative particle ("أكان", "أتريد"). Folded. */
    private static final Set<String> QUESTIONED = Set.of(
            "كان", "كانت", "كنت", "هو", "هي", "هذا", "هذه", "ذلك", "تريد", "تريدين", "تعرف", "تعرفين",
            "تتذكر", "تتذكرين", "تحب", "تحبين", "تحتاج", "تحتاجين", "رايت", "سمعت", "ذهبت", "انت");

    /** The "five nouns" and a few plurals the light stem cannot reach: "أخوك", "أباك", "بنات". */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("اخي", "اخ"), Map.entry("اخوك", "اخ"), Map.entry("اخاك", "اخ"),
            Map.entry("اخيك", "اخ"), Map.entry("اخوه", "اخ"), Map.entry("اخاه", "اخ"),
            Map.entry("اخيه", "اخ"), Map.entry("اخو", "اخ"),
            Map.entry("ابي", "اب"), Map.entry("ابوك", "اب"), Map.entry("اباك", "اب"),
            Map.entry("ابيك", "اب"), Map.entry("ابوه", "اب"), Map.entry("اباه", "اب"),
            Map.entry("ابيه", "اب"), Map.entry("ابو", "اب"),
            Map.entry("امي", "ام"), Map.entry("امك", "ام"), Map.entry("امه", "ام"),
            Map.entry("بنات", "بنت"), Map.entry("بنتا", "بنت"),
            Map.entry("رجال", "رجل"), Map.entry("نساء", "امراه"), Map.entry("مرا", "امراه"),
            Map.entry("امرا", "امراه"), Map.entry("امراه", "امراه"), Map.entry("مراه", "امراه"));

    private static final String[] PREFIXES = {"وال", "بال", "كال", "فال", "لل", "ال"};
    private static final String[] PRONOUN_SUFFIXES = {"كما", "هما", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ك", "ه", "ي"};
    private static final String[] PLURAL_SUFFIXES = {"ات", "ان", "ون", "ين", "وا", "تم", "تن"};

    private ArabicText() {
    }

    static boolean isArabic(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.UnicodeBlock.of(text.charAt(i)) == Character.UnicodeBlock.ARABIC) {
                return true;
            }
        }
        return false;
    }

    /** The Arabic letter folding of an already lower-cased, mark-stripped word; other scripts pass unchanged. */
    static String fold(String stripped) {
        StringBuilder sb = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            switch (c) {
                case TATWEEL -> { }
                case '\u0671', '\u0622', '\u0623', '\u0625' -> sb.append('\u0627');
                case '\u0629' -> sb.append('\u0647');
                case '\u0649' -> sb.append('\u064A');
                case '\u0624' -> sb.append('\u0648');
                case '\u0626' -> sb.append('\u064A');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The pieces of one word as typed: an attached conjunction, preposition or interrogative hamza
     * split off when the rest is a known word, else the word itself.
     */
    static List<String> split(String raw) {
        List<String> pieces = new ArrayList<>();
        String rest = raw;
        for (int guard = 0; guard < 3; guard++) {
            int first = firstLetterEnd(rest);
            if (first >= rest.length()) {
                break;
            }
            char letter = rest.charAt(0);
            String tail = Words.fold(rest.substring(first));
            boolean conjunction = (letter == 'و' || letter == 'ف') && CONJOINED.contains(tail);
            boolean preposition = (letter == 'ب' || letter == 'ل') && PREPOSED.contains(tail)
                    && !UNSPLIT.contains(Words.fold(rest));
            boolean question = (letter == '\u0623' || rest.startsWith("\u0627\u0654")) && QUESTIONED.contains(tail);
            if (!(conjunction || preposition || question)) {
                break;
            }
            pieces.add(rest.substring(0, first));
            rest = rest.substring(first);
        }
        pieces.add(rest);
        return pieces;
    }

    /** Index after the first letter and the marks on it. */
    private static int firstLetterEnd(String word) {
        int i = 1;
        while (i < word.length() && Character.getType(word.charAt(i)) == Character.NON_SPACING_MARK) {
            i++;
        }
        return i;
    }

    /**
     * A light stem: conjunction and article off the front, attached pronouns and plural endings
     * off the back, then a final "ت" and an imperfect prefix. Crude and consistent, which is all
     * matching a child's words against an interviewer's needs: "السيارة", "سيارتي" and
     * "بالسيارة" meet, "يضربك" and "ضربني" meet.
     */
    static String stem(String folded) {
        String w = folded;
        boolean conjunction = w.length() >= 5 || (w.length() == 4 && w.charAt(1) == 'ا'); // "وأخذ", not "ورشة"
        if (conjunction && (w.charAt(0) == 'و' || w.charAt(0) == 'ف') && !w.startsWith("وال") && !w.startsWith("فال")) {
            w = w.substring(1);
        }
        boolean article = false;
        for (String prefix : PREFIXES) {
            if (w.startsWith(prefix) && w.length() - prefix.length() >= 2) {
                w = w.substring(prefix.length());
                article = true;
                break;
            }
        }
        if (!article && w.length() >= 4 && "بلك".indexOf(w.charAt(0)) >= 0
                && (w.charAt(1) == 'ا' || w.length() >= 6)) {
            w = w.substring(1); // "لأعمل", "بأمان", "بشاحنة"; not "بيت", "لعبت"
        }
        String irregular = IRREGULAR.get(w);
        if (irregular != null) {
            return irregular;
        }
        if (w.length() >= 4 && w.endsWith("وا")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() >= 4 && w.endsWith("ا") && !w.endsWith("نا") && !w.endsWith("ها")) {
            w = w.substring(0, w.length() - 1); // tanween: "رجلًا", "مالًا"
        }
        boolean pronoun = false;
        for (String suffix : PRONOUN_SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                w = w.substring(0, w.length() - suffix.length());
                pronoun = true;
                break;
            }
        }
        for (String suffix : PLURAL_SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 2) {
                w = w.substring(0, w.length() - suffix.length());
                break;
            }
        }
        if (w.length() >= 4 && w.endsWith("ه")) {
            w = w.substring(0, w.length() - 1);
        }
        if ((pronoun ? w.length() >= 3 : w.length() >= 4) && w.endsWith("ت")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() >= 3 && "يتنا".indexOf(w.charAt(0)) >= 0) {
            w = w.substring(1);
        }
        return IRREGULAR.getOrDefault(w, w);
    }
}
