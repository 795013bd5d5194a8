package org.harbor.interview.coach;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.harbor.interview.coach.TurnParser.Sentence;
import org.harbor.interview.coach.TurnParser.Unit;
import org.harbor.interview.coach.Words.Kind;
import org.harbor.interview.coach.Words.Token;

/**
 * Finds the two suggestive forms that need no disclosure tracking: tag questions and questions
 * that start with a negative. Immutable and thread-safe.
 */
final class SuggestiveForms {

    private static final Set<String> TAG_PRONOUNS = Set.of("he", "she", "it", "they", "you", "i", "we", "there", "that");

    private final Lexicon lexicon;
    private final TurnParser parser;

    SuggestiveForms(Lexicon lexicon, TurnParser parser) {
        this.lexicon = lexicon;
        this.parser = parser;
    }

    /**
     * A tag signalling the expected answer: ", didn't he?", ", right?", ", ¿verdad?", a separate
     * "Is that right?" after a statement, or a leading "¿Verdad que …?". Returns the tag words.
     */
    Optional<List<Token>> tag(List<Sentence> sentences) {
        for (int s = 0; s < sentences.size(); s++) {
            Sentence sentence = sentences.get(s);
            List<Token> t = sentence.tokens();
            if (!sentence.question()) {
                // Arabic typed without "؟": "كنتِ خائفة منها أليس كذلك" still ends with its tag.
                Optional<List<Token>> tail = lexicon.language() == Language.AR ? tail(t) : Optional.empty();
                if (tail.isPresent() && tail.get().size() >= 2 && isStatement(t, parser.skipMarkers(t, 0))
                        && isTag(tail.get())) {
                    return tail;
                }
                continue;
            }
            int start = parser.skipMarkers(t, 0);
            int front = parser.longestMatch(t, start, lexicon.frontTags());
            if (front > 0 && t.subList(start, start + front).stream().noneMatch(w -> lexicon.isWh(w, false))) {
                return Optional.of(t.subList(start, start + front));
            }
            Optional<List<Token>> tail = tail(t);
            if (tail.isPresent() && isStatement(t, start) && isTag(tail.get())) {
                return tail;
            }
            List<Token> words = t.subList(start, t.size()).stream().filter(Token::isWord).toList();
            if (s > 0 && !sentences.get(s - 1).question() && Phrases.wordsEqual(words, lexicon.tagTails())) {
                return Optional.of(words);
            }
        }
        return Optional.empty();
    }

    /** The words after the last pause ("," or a "¿" inside the sentence) if a statement comes before. */
    private Optional<List<Token>> tail(List<Token> t) {
        for (int p = t.size() - 1; p > 0; p--) {
            Kind kind = t.get(p).kind();
            if (kind == Kind.COMMA || kind == Kind.OPEN_QUESTION) {
                long before = t.subList(0, p).stream().filter(Token::isWord).count();
                List<Token> after = t.subList(p + 1, t.size()).stream().filter(Token::isWord).toList();
                return before >= 2 && !after.isEmpty() ? Optional.of(after) : Optional.empty();
            }
        }
        List<Token> words = t.stream().filter(Token::isWord).toList();
        if (lexicon.language() == Language.EN && words.size() >= 4) {
            return Optional.of(words.subList(words.size() - 2, words.size()));
        }
        if (lexicon.language() == Language.AR) {
            // Typed without the comma: "أخذ هاتفك أليس كذلك؟"; only tags of two words or more, so a final
            // "صحيح" inside a question is no tag.
            for (List<String> tag : lexicon.tagTails()) {
                int from = words.size() - tag.size();
                if (tag.size() >= 2 && from >= 2 && Phrases.matchAt(words, from, tag)) {
                    return Optional.of(words.subList(from, words.size()));
                }
            }
        }
        if (lexicon.language() == Language.FR) {
            // "Il t'a frappé n'est-ce pas ?" without the comma: a tag of several words, or "hein"
            for (List<String> tag : lexicon.tagTails()) {
                int from = words.size() - tag.size();
                if ((tag.size() > 1 || tag.getFirst().equals("hein")) && from >= 2 && Phrases.matchAt(words, from, tag)) {
                    return Optional.of(words.subList(from, words.size()));
                }
            }
        }
        return Optional.empty();
    }

    private boolean isTag(List<Token> tail) {
        if (Phrases.wordsEqual(tail, lexicon.tagTails())) {
            return true;
        }
        if (lexicon.language() != Language.EN || tail.size() < 2 || tail.size() > 3) {
            return false;
        }
        String auxiliary = tail.get(0).folded();
        boolean aux = lexicon.auxiliaries().contains(auxiliary) || lexicon.negativeStarts().contains(auxiliary);
        boolean pronoun = TAG_PRONOUNS.contains(tail.get(1).folded());
        return aux && pronoun && (tail.size() == 2 || Phrases.isAny(tail.get(2), "not"));
    }

    /** A tag needs a statement before it, not a question that happens to contain a comma. */
    private boolean isStatement(List<Token> t, int start) {
        if (start >= t.size()) {
            return false;
        }
        Token first = t.get(start);
        if (lexicon.language() == Language.ES) {
            // Spanish marks the question itself with "¿": "No te pagaba, ¿verdad?" is a statement and a tag.
            return t.getFirst().kind() != Kind.OPEN_QUESTION && !lexicon.isWh(first, true);
        }
        String f = first.folded();
        return !lexicon.auxiliaries().contains(f) && !lexicon.negativeStarts().contains(f)
                && !lexicon.isWh(first, true) && parser.findTell(t).isEmpty();
    }

    /**
     * A question starting with a negative: "Didn't …", "Did he not …", "¿No te …?", "¿Acaso no …?",
     * "¿Nunca …?". Returns the negative words.
     */
    Optional<List<Token>> negativeStart(List<Unit> units) {
        for (Unit unit : units) {
            List<Token> t = unit.tokens();
            if (!unit.question() || unit.words().size() < 2) {
                continue;
            }
            int i = parser.skipMarkers(t, 0);
            if (i >= t.size()) {
                continue;
            }
            String first = t.get(i).folded();
            if (lexicon.negativeStarts().contains(first)) {
                return Optional.of(List.of(t.get(i)));
            }
            if (first.equals("acaso") && i + 1 < t.size() && lexicon.negativeStarts().contains(t.get(i + 1).folded())) {
                return Optional.of(t.subList(i, i + 2));
            }
            if (lexicon.auxiliaries().contains(first) && i + 2 < t.size() && Phrases.isAny(t.get(i + 2), "not")) {
                return Optional.of(t.subList(i, i + 3));
            }
            if (lexicon instanceof FrenchLexicon french && !lexicon.isWh(t.get(i), true)) {
                Optional<List<Token>> negation = frenchNegation(french, t, i);
                if (negation.isPresent()) {
                    return negation;
                }
            }
        }
        return Optional.empty();
    }

    /** French puts the negation around the verb: "Tu ne pouvais pas … ?", "Personne ne t'a jamais … ?". */
    private static Optional<List<Token>> frenchNegation(FrenchLexicon french, List<Token> t, int from) {
        for (int k = from; k < t.size(); k++) {
            if (!Phrases.isAny(t.get(k), "ne")) {
                continue;
            }
            for (int m = k + 1; m < Math.min(t.size(), k + 5); m++) {
                if (t.get(m).isWord() && french.isNegation(t.get(m).folded())) {
                    return Optional.of(List.of(t.get(k), t.get(m)));
                }
            }
        }
        return Optional.empty();
    }
}
