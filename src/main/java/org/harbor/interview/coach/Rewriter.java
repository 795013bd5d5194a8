package org.harbor.interview.coach;

import java.util.List;
import java.util.Optional;

import org.harbor.interview.coach.Words.Token;

/**
 * Proposes an open alternative to a closed or suggestive turn, in the survivor's own words when
 * the turn names something they said ("You mentioned the van. Tell me everything about the
 * van."), otherwise a plain invitation. Never reuses a word the survivor has not said.
 */
final class Rewriter {

    private final Lexicon lexicon;

    Rewriter(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    Optional<String> rewrite(QuestionType type, List<Token> turn, DisclosureTracker tracker) {
        if (!type.wantsRewrite()) {
            return Optional.empty();
        }
        DisclosureTracker.Phrase phrase = null;
        for (Token token : turn) {
            if (token.isWord() && lexicon.isContent(token.folded()) && tracker.heardWord(token.folded())) {
                phrase = tracker.phraseFor(token.folded()).orElse(phrase);
            }
        }
        if (phrase == null) {
            return Optional.of(lexicon.openRewrite());
        }
        return Optional.of(lexicon.cuedRewrite()
                .replace("{0}", phrase.asSaid())
                .replace("{1}", phrase.secondMention()));
    }
}
