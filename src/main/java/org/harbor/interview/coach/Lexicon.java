package org.harbor.interview.coach;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The word lists of one language. Every entry is folded (lower-case, no accents) unless a method
 * says otherwise; multi-word entries are lists of tokens. Implementations are immutable.
 */
sealed interface Lexicon permits EnglishLexicon, SpanishLexicon, ArabicLexicon, FrenchLexicon {

    static Lexicon of(Language language) {
        return switch (language) {
            case EN -> EnglishLexicon.INSTANCE;
            case ES -> SpanishLexicon.INSTANCE;
            case AR -> ArabicLexicon.INSTANCE;
            case FR -> FrenchLexicon.INSTANCE;
        };
    }

    Language language();

    /** The tokens of a text; French splits elisions and inverted pronouns ("qu'est-ce", "as-tu"). */
    default List<Words.Token> tokens(String text) {
        return Words.tokenize(text);
    }

    /**
     * Whether an interrogative asks from where it stands, not first: French "Tu dormais où ?"
     * (near the end) or "Tu faisais quoi à l'usine ?" (anywhere). None in English or Spanish.
     */
    default boolean asksInPlace(Words.Token token, boolean nearEnd) {
        return false;
    }

    /** Whether this interrogative, followed by a "happened" word, asks what happened ("comment ça s'est passé"). */
    default boolean asksWhatHappened(String foldedWh) {
        return isWhat(foldedWh);
    }

    /** A crude stem for matching inflected forms ("locked"/"lock", "encerró"/"encerraba"). */
    String stem(String folded);

    /** Function words: never content, never tracked. */
    boolean isStopWord(String folded);

    /** Words that frame a question without presuming anything (time, place, saying, seeing, living). */
    boolean isGeneric(String folded);

    /** A person, object, place or action word, whose use can presume something undisclosed. */
    default boolean isContent(String folded) {
        return folded.length() > 1 && !folded.chars().allMatch(Character::isDigit)
                && !isStopWord(folded) && !isGeneric(folded);
    }

    /** Whether a token is an interrogative word; Spanish needs the accent except where position decides. */
    boolean isWh(Words.Token token, boolean interrogativePosition);

    /** Whether a folded interrogative asks for a person: "who", "whom", "quién", "quiénes". */
    default boolean isPersonWh(String folded) {
        return Set.of("who", "whom", "quien", "quienes").contains(folded);
    }

    Set<String> auxiliaries();

    Set<String> negativeStarts();

    /** Words skipped at the start of a unit: "okay", "so", "and", "now"; "y", "bueno", "ahora". */
    Set<String> leadingMarkers();

    /** "then", "next", "luego", "después": a unit of only these (and markers) asks to go on. */
    Set<String> continuations();

    List<List<String>> imperativeTells();

    /** Tell verbs that only invite after a request prefix ("I'd like to hear about", "me puedes contar"). */
    List<List<String>> requestTells();

    List<List<String>> requestPrefixes();

    List<List<String>> cuePhrases();

    List<List<String>> tagTails();

    List<List<String>> frontTags();

    Set<String> subjects();

    /** Conjunctions opening a clause whose content a yes/no question takes for granted. */
    List<List<String>> clauseOpeners();

    List<List<String>> repetitionMarkers();

    Set<String> orWords();

    /** Words that, right after "or", make it no choice: "or not", "o sea". */
    Set<String> orExclusions();

    Set<String> andWords();

    Set<String> happenedWords();

    Set<String> elseWords();

    String whatWord();

    /** Whether a folded interrogative is "what" (Arabic has two: "ماذا" and "ما"). */
    default boolean isWhat(String folded) {
        return folded.equals(whatWord());
    }

    /** A word allowed between "what" and "happened": Arabic "ما الذي حدث؟". */
    default boolean isWhatFiller(String folded) {
        return false;
    }

    /** Words after an interrogative that make it an indefinite instead: Arabic "أي شيء" (anything). */
    default Set<String> indefinites() {
        return Set.of();
    }

    /** A particle that opens a new question after "and" by itself (Arabic "وهل …", "ومن …"). */
    default boolean opensQuestion(String folded) {
        return false;
    }

    /** Verbs or adverbs that, after "why you", make the standard transition prompt ("why you came"). */
    Set<String> transitionWords();

    Set<String> ifWords();

    /** Conditions that make "tell me if …" a ground rule, not a question ("if I get it wrong"). */
    List<List<String>> groundRuleConditions();

    Set<String> encouragers();

    Set<String> prepositions();

    Set<String> determiners();

    /** Survivor's first person to the interviewer's second person: my → your. */
    Map<String, String> secondPerson();

    /** Indefinite to definite article, for the second mention in a rewrite. */
    Map<String, String> definite();

    /** Rewrite with the survivor's words; {0} = phrase as said, {1} = phrase for a second mention. */
    String cuedRewrite();

    /** Rewrite when none of the survivor's words fit. */
    String openRewrite();

    static Set<String> words(String spaceSeparated) {
        return Set.copyOf(Arrays.asList(spaceSeparated.trim().split("\\s+")));
    }

    static List<List<String>> phrases(String pipeSeparated) {
        return Arrays.stream(pipeSeparated.split("\\|"))
                .map(p -> List.of(p.trim().split("\\s+")))
                .toList();
    }

    static Map<String, String> lemmas(String entries) {
        // "lemma:form1,form2 lemma2:form3"
        return Arrays.stream(entries.trim().split("\\s+"))
                .flatMap(e -> {
                    String[] parts = e.split(":");
                    return Arrays.stream(parts[1].split(",")).map(f -> Map.entry(f, parts[0]));
                })
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
