package org.harbor.interview.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.harbor.interview.coach.UnitReader.Reading;
import org.harbor.interview.coach.Words.Kind;
import org.harbor.interview.coach.Words.Token;

/** Finds the options of a forced-choice question and what it takes for granted. Immutable, thread-safe. */
final class Alternatives {

    private final Lexicon lexicon;
    private final TurnParser parser;
    /** Words that end the last option: "Was it your cousin or your uncle | who sold you?" */
    private final Set<String> phraseBoundaries;

    Alternatives(Lexicon lexicon, TurnParser parser) {
        this.lexicon = lexicon;
        this.parser = parser;
        this.phraseBoundaries = switch (lexicon.language()) {
            case EN -> Set.of("who", "that", "which", "when", "where", "whose");
            case AR -> ArabicLexicon.foldedWords("الذي التي الذين عندما حين حينما");
            case ES -> Set.of("que", "quien", "cuando", "donde");
            case FR -> Set.of("que", "qui", "quand", "où", "dont");
        };
    }

    /**
     * Alternatives joined by "or"/"o": "day or night", "a car, a van, or something else". In a
     * wh- question the options must follow a pause ("Who was there, your aunt or your uncle?").
     * Everything outside the alternatives is taken for granted.
     */
    Optional<Reading> find(List<Token> t, boolean afterPause) {
        boolean paused = false;
        for (int o = 1; o < t.size(); o++) {
            Token token = t.get(o);
            paused |= token.kind() == Kind.COMMA;
            if (!token.isWord() || !lexicon.orWords().contains(token.folded()) || (afterPause && !paused)) {
                continue;
            }
            int right = o + 1;
            while (right < t.size() && t.get(right).isWord() && !phraseBoundaries.contains(t.get(right).folded())
                    && parser.longestMatch(t, right, lexicon.clauseOpeners()) == 0) {
                right++;
            }
            int width = right - (o + 1);
            if (width == 0 || lexicon.orExclusions().contains(t.get(o + 1).folded())) {
                continue;
            }
            int left = leftAlternatives(t, o, width);
            if (left == o) {
                continue;
            }
            List<Token> options = t.subList(left, right);
            List<Token> shared = new ArrayList<>(UnitReader.content(lexicon, t, 0));
            shared.removeAll(options);
            return Optional.of(new Reading(UnitReader.Form.CHOICE, options, shared));
        }
        return Optional.empty();
    }

    /**
     * Start of the alternatives before "or": as many words as the last option has, then earlier
     * comma-separated items of a list as long as they are short ("a car, a van, or …").
     */
    private int leftAlternatives(List<Token> t, int or, int width) {
        int left = or > 0 && t.get(or - 1).kind() == Kind.COMMA ? or - 1 : or;
        for (int taken = 0; left > 0 && t.get(left - 1).isWord() && taken < width; taken++) {
            left--;
        }
        while (left > 1 && t.get(left - 1).kind() == Kind.COMMA) {
            int chunk = left - 1;
            while (chunk > 0 && t.get(chunk - 1).isWord()) {
                chunk--;
            }
            while (chunk < left - 1 && isFrame(t.get(chunk))) {
                chunk++;
            }
            if (chunk == left - 1 || UnitReader.content(lexicon, t.subList(chunk, left - 1), 0).size() > width) {
                break;
            }
            left = chunk;
        }
        return left;
    }

    /** Question scaffolding before a first option: "was it", "were you", "era". */
    private boolean isFrame(Token token) {
        String f = token.folded();
        return lexicon.auxiliaries().contains(f) || lexicon.isWh(token, true) || lexicon.isGeneric(f)
                || (lexicon.isStopWord(f) && !lexicon.determiners().contains(f));
    }
}
