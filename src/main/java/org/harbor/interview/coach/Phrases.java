package org.harbor.interview.coach;

import java.util.List;

import org.harbor.interview.coach.Words.Token;

/** Matching folded word sequences against token lists. Stateless. */
final class Phrases {

    private Phrases() {
    }

    /** Whether the tokens from index i are exactly the words of the phrase (no punctuation between). */
    static boolean matchAt(List<Token> tokens, int i, List<String> phrase) {
        if (i < 0 || i + phrase.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < phrase.size(); k++) {
            Token token = tokens.get(i + k);
            if (!token.isWord() || !token.folded().equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the words equal one of the phrases, ignoring punctuation. */
    static boolean wordsEqual(List<Token> words, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            if (phrase.size() == words.size() && matchAt(words, 0, phrase)) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first occurrence of any phrase at or after from, or -1. */
    static int find(List<Token> tokens, int from, List<List<String>> phrases) {
        for (int i = Math.max(from, 0); i < tokens.size(); i++) {
            for (List<String> phrase : phrases) {
                if (matchAt(tokens, i, phrase)) {
                    return i;
                }
            }
        }
        return -1;
    }

    static boolean isAny(Token token, String... folded) {
        if (!token.isWord()) {
            return false;
        }
        for (String f : folded) {
            if (token.folded().equals(f)) {
                return true;
            }
        }
        return false;
    }

    /** The tokens as typed, joined by single spaces, punctuation dropped. */
    static String text(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token token : tokens) {
            if (token.isWord()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(token.text());
            }
        }
        return sb.toString();
    }
}
