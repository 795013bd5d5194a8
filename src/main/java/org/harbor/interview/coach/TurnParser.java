package org.harbor.interview.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.harbor.interview.coach.Words.Kind;
import org.harbor.interview.coach.Words.Token;

/**
 * Splits a turn into sentences and into units: each question, and each "tell me"-style prompt,
 * that wants its own answer. Statements ("You said the van was white.") are not units.
 * Immutable and thread-safe.
 */
final class TurnParser {

    /** Tokens between two sentence ends; punctuation other than commas and "¿" removed. */
    record Sentence(List<Token> tokens, boolean question) {
        List<Token> words() {
            return tokens.stream().filter(Token::isWord).toList();
        }
    }

    /** One question or prompt. */
    record Unit(List<Token> tokens, boolean question) {
        List<Token> words() {
            return tokens.stream().filter(Token::isWord).toList();
        }
    }

    /** Where a tell construction ("tell me", "could you describe", "cuéntame") starts and ends. */
    record Tell(int start, int end) {
    }

    private final Lexicon lexicon;

    TurnParser(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<Sentence> sentences(List<Token> tokens) {
        List<Sentence> sentences = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            if (token.kind() == Kind.STOP || token.kind() == Kind.QUESTION) {
                addIfWords(sentences, current, token.kind() == Kind.QUESTION);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        addIfWords(sentences, current, false);
        return sentences;
    }

    private static void addIfWords(List<Sentence> sentences, List<Token> tokens, boolean question) {
        if (tokens.stream().anyMatch(Token::isWord)) {
            sentences.add(new Sentence(List.copyOf(tokens), question));
        }
    }

    List<Unit> units(List<Sentence> sentences) {
        List<Unit> units = new ArrayList<>();
        for (Sentence sentence : sentences) {
            if (sentence.question() || findTell(sentence.tokens()).isPresent()) {
                units.addAll(splitCoordinated(sentence));
            }
        }
        return units;
    }

    /** "Who was there and what did they do?" is two units; "Was it day or night?" is one. */
    private List<Unit> splitCoordinated(Sentence sentence) {
        List<Unit> units = new ArrayList<>();
        List<Token> tokens = sentence.tokens();
        int from = 0;
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).isWord() && lexicon.andWords().contains(tokens.get(i).folded())
                    && hasWords(tokens, from, i) && opensQuestion(tokens, i + 1)) {
                units.add(new Unit(List.copyOf(tokens.subList(from, i)), sentence.question()));
                from = i + 1;
            }
        }
        units.add(new Unit(List.copyOf(tokens.subList(from, tokens.size())), sentence.question()));
        return units;
    }

    private boolean opensQuestion(List<Token> tokens, int i) {
        int k = skipPunctuation(tokens, i);
        if (k >= tokens.size()) {
            return false;
        }
        Token first = tokens.get(k);
        Token second = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
        // French "et qui …", "et où …" after "and" open a question (no accent tells them apart, as in Spanish);
        // so do Arabic particles by themselves ("وهل …", "ومن …")
        if (lexicon.isWh(first, lexicon.language() == Language.FR) || lexicon.opensQuestion(first.folded())) {
            return true;
        }
        if (second != null && lexicon.prepositions().contains(first.folded()) && lexicon.isWh(second, false)) {
            return true;
        }
        return second != null && lexicon.auxiliaries().contains(first.folded())
                && (lexicon.subjects().contains(second.folded()) || Character.isUpperCase(second.text().charAt(0)));
    }

    /**
     * A tell construction at the start of the unit (after markers), after a request prefix
     * ("could you", "me puedes"), or coordinated after a comma or "and" ("take your time, and
     * tell me …"). "Is there anything else you want to tell me?" has none.
     */
    Optional<Tell> findTell(List<Token> tokens) {
        int start = skipMarkers(tokens, 0);
        int prefix = longestMatch(tokens, start, lexicon.requestPrefixes());
        if (prefix > 0) {
            int j = start + prefix;
            while (j < tokens.size() && Phrases.isAny(tokens.get(j), "please", "now", "just", "por", "favor")) {
                j++;
            }
            int tell = Math.max(longestMatch(tokens, j, lexicon.imperativeTells()),
                    longestMatch(tokens, j, lexicon.requestTells()));
            if (tell > 0) {
                return Optional.of(new Tell(start, j + tell));
            }
        }
        int tell = longestMatch(tokens, start, lexicon.imperativeTells());
        if (tell > 0) {
            return Optional.of(new Tell(start, start + tell));
        }
        for (int p = start + 1; p < tokens.size(); p++) {
            Token before = tokens.get(p - 1);
            boolean coordinated = before.kind() == Kind.COMMA
                    || (before.isWord() && lexicon.andWords().contains(before.folded()));
            int coordinatedTell = coordinated ? longestMatch(tokens, p, lexicon.imperativeTells()) : 0;
            if (coordinatedTell > 0) {
                return Optional.of(new Tell(p, p + coordinatedTell));
            }
        }
        return Optional.empty();
    }

    /** Index of the first token that is not a discourse marker, comma or "¿". */
    int skipMarkers(List<Token> tokens, int from) {
        int i = from;
        while (i < tokens.size() && (!tokens.get(i).isWord()
                || lexicon.leadingMarkers().contains(tokens.get(i).folded()))) {
            i++;
        }
        return i;
    }

    static int skipPunctuation(List<Token> tokens, int from) {
        int i = from;
        while (i < tokens.size() && !tokens.get(i).isWord()) {
            i++;
        }
        return i;
    }

    int longestMatch(List<Token> tokens, int i, List<List<String>> phrases) {
        int best = 0;
        for (List<String> phrase : phrases) {
            if (phrase.size() > best && Phrases.matchAt(tokens, i, phrase)) {
                best = phrase.size();
            }
        }
        return best;
    }

    private static boolean hasWords(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).isWord()) {
                return true;
            }
        }
        return false;
    }
}
