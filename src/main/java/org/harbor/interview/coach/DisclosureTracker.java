package org.harbor.interview.coach;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the survivor has actually said in one interview session, so that the coach can tell a
 * question about a disclosed detail from one that presumes an undisclosed one.
 *
 * <p>Words are matched after light normalisation: lower case, accents stripped, a crude stem
 * folding plurals and common verb endings ("locked" matches "lock", "encerró" matches
 * "encerraba"), irregular forms mapped to their lemma ("took" matches "take"). Function words
 * of the language are ignored. Synonyms are not matched: "car" does not match "vehicle".
 *
 * <p>Not thread-safe: one tracker belongs to one interview and is fed from one thread.
 */
public final class DisclosureTracker {

    /** A noun phrase as the survivor said it, turned to the interviewer's point of view. */
    record Phrase(String asSaid, String secondMention) {
    }

    private final Lexicon lexicon;
    private final Set<String> heardStems = new HashSet<>();
    private final Set<String> contentWords = new LinkedHashSet<>();
    private final Map<String, Phrase> phrases = new HashMap<>();
    private Set<String> lastTurnStems = Set.of();
    private final Assurances assurances;
    private boolean someone;

    public DisclosureTracker(Language language) {
        this.lexicon = Lexicon.of(Objects.requireNonNull(language, "language"));
        this.assurances = new Assurances(lexicon, new TurnParser(lexicon));
    }

    public Language language() {
        return lexicon.language();
    }

    /** Records one survivor utterance. */
    public void heard(String survivorText) {
        List<Words.Token> tokens = lexicon.tokens(Objects.requireNonNull(survivorText, "survivorText"));
        Set<String> turnStems = new HashSet<>();
        boolean sentenceStart = true;
        for (int i = 0; i < tokens.size(); i++) {
            Words.Token token = tokens.get(i);
            if (!token.isWord()) {
                sentenceStart = sentenceStart || token.kind() != Words.Kind.COMMA;
                continue;
            }
            someone |= assurances.isThirdPersonPronoun(token) || assurances.isPersonNoun(token.folded())
                    || (!sentenceStart && !lexicon.isStopWord(token.folded()) && Character.isUpperCase(token.text().charAt(0)));
            if (!lexicon.isStopWord(token.folded())) {
                String stem = lexicon.stem(token.folded());
                heardStems.add(stem);
                turnStems.add(stem);
                if (lexicon.isContent(token.folded())) {
                    contentWords.add(token.folded());
                    rememberPhrase(tokens, i, stem, sentenceStart);
                }
            }
            sentenceStart = false;
        }
        lastTurnStems = Set.copyOf(turnStems);
    }

    /**
     * Whether the survivor has said this word (or, for a phrase, each of its words that is not a
     * function word) in any inflection.
     */
    public boolean mentioned(String word) {
        List<String> stems = lexicon.tokens(Objects.requireNonNull(word, "word")).stream()
                .filter(Words.Token::isWord)
                .map(Words.Token::folded)
                .filter(w -> !lexicon.isStopWord(w))
                .map(lexicon::stem)
                .toList();
        return !stems.isEmpty() && heardStems.containsAll(stems);
    }

    /**
     * The content words of an interviewer's turn (people, places, objects, actions) that the
     * survivor never said, lower-cased, in order, without repeats.
     */
    public List<String> unmentionedContentWords(String turn) {
        Set<String> result = new LinkedHashSet<>();
        for (Words.Token token : lexicon.tokens(Objects.requireNonNull(turn, "turn"))) {
            if (token.isWord() && lexicon.isContent(token.folded()) && !heardWord(token.folded())) {
                result.add(token.lower());
            }
        }
        return List.copyOf(result);
    }

    /** The content words heard so far, folded, in the order first heard. */
    public Set<String> contentWords() {
        return Collections.unmodifiableSet(contentWords);
    }

    /**
     * Whether the survivor has mentioned any person other than themselves: "he", "she", "they", a
     * word for a person ("a man", "la señora") or a name. A question about "him" before that
     * takes a person for granted.
     */
    public boolean mentionedSomeone() {
        return someone;
    }

    boolean heardWord(String folded) {
        return heardStems.contains(lexicon.stem(folded));
    }

    boolean inLastTurn(String folded) {
        return lastTurnStems.contains(lexicon.stem(folded));
    }

    Optional<Phrase> phraseFor(String folded) {
        return Optional.ofNullable(phrases.get(lexicon.stem(folded)));
    }

    /**
     * Keeps "the van", "my passport" (as "your passport") or a name, the way the survivor said
     * it. Only a determiner directly before a word that ends the phrase counts, so "the man kept"
     * or "a white" are never kept.
     */
    private void rememberPhrase(List<Words.Token> tokens, int i, String stem, boolean sentenceStart) {
        Words.Token word = tokens.get(i);
        boolean endsPhrase = i + 1 >= tokens.size() || !tokens.get(i + 1).isWord()
                || !lexicon.isContent(tokens.get(i + 1).folded());
        Words.Token before = i > 0 ? tokens.get(i - 1) : null;
        Phrase phrase = null;
        if (endsPhrase && before != null && before.isWord() && lexicon.determiners().contains(before.folded())) {
            String determiner = lexicon.secondPerson().getOrDefault(before.folded(), before.folded());
            String second = lexicon.definite().getOrDefault(determiner, determiner);
            phrase = new Phrase(joined(determiner, word.text()), joined(second, word.text()));
        } else if (!sentenceStart && Character.isUpperCase(word.text().charAt(0))) {
            phrase = new Phrase(word.text(), word.text());
        }
        if (phrase != null) {
            phrases.putIfAbsent(stem, phrase);
        }
    }

    /** "the van"; an elided French article takes no space: "l'atelier". */
    private static String joined(String determiner, String word) {
        return determiner.endsWith("'") ? determiner + word : determiner + " " + word;
    }

    @Override
    public String toString() {
        return "DisclosureTracker[" + language() + ", " + contentWords.size() + " content words]";
    }
}
