package org.harbor.interview.coach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.harbor.interview.coach.TurnParser.Tell;
import org.harbor.interview.coach.TurnParser.Unit;
import org.harbor.interview.coach.Words.Kind;
import org.harbor.interview.coach.Words.Token;

/**
 * Reads the form of one unit (invitation, tell-me question, choice, yes/no, wh-, echo) and which
 * of its words it takes for granted. Whether those words were disclosed is decided by the caller.
 * Immutable and thread-safe.
 */
final class UnitReader {

    enum Form { INVITATION, TELL_QUESTION, CHOICE, YES_NO, WH, ECHO, NONE }

    /**
     * @param evidence the words that decided the form
     * @param presumed content words the unit takes for granted (for an invitation: the words it cues)
     */
    record Reading(Form form, List<Token> evidence, List<Token> presumed) {
    }

    private final Lexicon lexicon;
    private final TurnParser parser;
    private final Alternatives alternatives;

    UnitReader(Lexicon lexicon, TurnParser parser) {
        this.lexicon = lexicon;
        this.parser = parser;
        this.alternatives = new Alternatives(lexicon, parser);
    }

    Reading read(Unit unit, DisclosureTracker tracker) {
        List<Token> t = unit.tokens();
        if (onlyAsksToGoOn(unit.words())) {
            return new Reading(Form.INVITATION, unit.words(), List.of());
        }
        Optional<Tell> tell = parser.findTell(t);
        if (tell.isPresent()) {
            Optional<Reading> reading = readTell(unit, tell.get());
            if (reading.isPresent()) {
                return reading.get();
            }
        }
        int wh = whIndex(t);
        if (wh >= 0) {
            return readWh(t, wh);
        }
        if (!unit.question()) {
            return new Reading(Form.NONE, List.of(), List.of());
        }
        Optional<Reading> choice = alternatives.find(t, false);
        if (choice.isPresent()) {
            return choice.get();
        }
        int first = parser.skipMarkers(t, 0);
        boolean auxiliaryFirst = first < t.size() && lexicon.auxiliaries().contains(t.get(first).folded());
        if (!auxiliaryFirst && isEcho(unit.words(), tracker)) {
            return new Reading(Form.ECHO, unit.words(), List.of());
        }
        List<Token> evidence = first < t.size() ? List.of(t.get(first)) : List.of();
        return new Reading(Form.YES_NO, evidence, presupposed(t, first + 1));
    }

    /** "And then?", "What else?", "¿Y después?": nothing but a request to continue ("Who else …?" is not). */
    private boolean onlyAsksToGoOn(List<Token> words) {
        boolean continuation = false;
        for (Token w : words) {
            String f = w.folded();
            if (lexicon.isWh(w, true) && !lexicon.isWhat(f)) {
                return false; // "Who else was there?" asks for a detail: a wh- question, not a prompt to go on
            }
            if (lexicon.continuations().contains(f)) {
                continuation = true;
            } else if (!lexicon.isStopWord(f) && !lexicon.leadingMarkers().contains(f)
                    && !lexicon.happenedWords().contains(f)) {
                return false;
            }
        }
        return continuation;
    }

    private Optional<Reading> readTell(Unit unit, Tell tell) {
        List<Token> t = unit.tokens();
        List<Token> tellWords = t.subList(tell.start(), tell.end());
        int j = tell.end();
        boolean pause = false;
        while (j < t.size() && (!t.get(j).isWord() || Phrases.isAny(t.get(j), "please"))) {
            pause |= !t.get(j).isWord();
            j++;
        }
        if (j >= t.size()) {
            return Optional.of(new Reading(Form.INVITATION, tellWords, List.of()));
        }
        if (lexicon.ifWords().contains(t.get(j).folded())) {
            if (parser.longestMatch(t, j + 1, lexicon.groundRuleConditions()) > 0) {
                return Optional.empty();
            }
            return Optional.of(new Reading(Form.TELL_QUESTION, join(tellWords, t.get(j)), presupposed(t, j + 1)));
        }
        int wh = whAt(t, j, true);
        if (wh >= 0) {
            Optional<Reading> invitation = whatHappened(t, wh);
            if (invitation.isPresent()) {
                return invitation;
            }
            if (asksWhyYouCame(t, wh)) {
                return Optional.of(new Reading(Form.INVITATION, tellWords, List.of()));
            }
            return Optional.of(new Reading(Form.TELL_QUESTION, join(tellWords, t.get(wh)), content(t, wh + 1)));
        }
        if (pause && unit.question()) {
            return Optional.of(new Reading(Form.TELL_QUESTION, tellWords, presupposed(t, j)));
        }
        return Optional.of(new Reading(Form.INVITATION, tellWords, content(t, j)));
    }

    private Reading readWh(List<Token> t, int wh) {
        Optional<Reading> invitation = whatHappened(t, wh);
        if (invitation.isPresent()) {
            return invitation.get();
        }
        Optional<Reading> choice = alternatives.find(t, true);
        if (choice.isPresent()) {
            return choice.get();
        }
        List<Token> presumed = new ArrayList<>(content(t, 0));
        presumed.remove(t.get(wh));
        return new Reading(Form.WH, List.of(t.get(wh)), presumed);
    }

    /** "What happened (next / to the phone / when you got there)?", "What else …?": an invitation. */
    private Optional<Reading> whatHappened(List<Token> t, int wh) {
        if (!lexicon.asksWhatHappened(t.get(wh).folded())) {
            return Optional.empty();
        }
        int n = TurnParser.skipPunctuation(t, wh + 1);
        while (n < t.size() && lexicon.isWhatFiller(t.get(n).folded())) {
            n = TurnParser.skipPunctuation(t, n + 1);
        }
        if (n < t.size() && lexicon.elseWords().contains(t.get(n).folded())) {
            int m = TurnParser.skipPunctuation(t, n + 1);
            boolean happened = m < t.size() && lexicon.happenedWords().contains(t.get(m).folded());
            int from = happened ? m + 1 : n + 1;
            return Optional.of(new Reading(Form.INVITATION, t.subList(wh, Math.min(from, t.size())), content(t, from)));
        }
        if (n < t.size() && lexicon.happenedWords().contains(t.get(n).folded())) {
            return Optional.of(new Reading(Form.INVITATION, List.of(t.get(wh), t.get(n)), content(t, n + 1)));
        }
        return Optional.empty();
    }

    /** The standard transition prompt "tell me why you came here today" is an invitation. */
    private boolean asksWhyYouCame(List<Token> t, int wh) {
        boolean why = Phrases.isAny(t.get(wh), "why", "لماذا", "pourquoi") || (wh > 0 && Phrases.isAny(t.get(wh - 1), "por")
                && Phrases.isAny(t.get(wh), "que"));
        if (!why) {
            return false;
        }
        int window = lexicon.language() == Language.FR ? 4 : 3; // "pourquoi on se voit", "pourquoi tu es venu"
        for (int k = wh + 1; k < Math.min(t.size(), wh + window); k++) {
            if (lexicon.transitionWords().contains(t.get(k).folded())) {
                return true;
            }
        }
        return false;
    }

    /** Index of the interrogative word opening the unit (after markers, a preposition, or a pause). */
    private int whIndex(List<Token> t) {
        int i = parser.skipMarkers(t, 0);
        int wh = whAt(t, i, true);
        if (wh >= 0 || i >= t.size() || lexicon.auxiliaries().contains(t.get(i).folded())) {
            return wh;
        }
        for (int p = i + 1; p < t.size(); p++) {
            if (t.get(p).kind() == Kind.COMMA || t.get(p).kind() == Kind.OPEN_QUESTION) {
                int after = whAt(t, TurnParser.skipPunctuation(t, p + 1), true);
                if (after >= 0) {
                    return after;
                }
            }
        }
        return whInPlace(t, i);
    }

    /** An interrogative that asks from where it stands (French): among the last two words, or "quoi" anywhere. */
    private int whInPlace(List<Token> t, int from) {
        List<Integer> words = new ArrayList<>();
        for (int k = from; k < t.size(); k++) {
            if (t.get(k).isWord()) {
                words.add(k);
            }
        }
        for (int n = 0; n < words.size(); n++) {
            int k = words.get(n);
            if (lexicon.asksInPlace(t.get(k), n >= words.size() - 2)) {
                return k;
            }
        }
        return -1;
    }

    private int whAt(List<Token> t, int i, boolean interrogativePosition) {
        if (i >= t.size()) {
            return -1;
        }
        if (asksAt(t, i, interrogativePosition)) {
            return i;
        }
        boolean preposition = lexicon.prepositions().contains(t.get(i).folded());
        return preposition && i + 1 < t.size() && asksAt(t, i + 1, interrogativePosition) ? i + 1 : -1;
    }

    /** An interrogative at i that is no indefinite ("أي شيء", anything). */
    private boolean asksAt(List<Token> t, int i, boolean interrogativePosition) {
        return lexicon.isWh(t.get(i), interrogativePosition)
                && (i + 1 >= t.size() || !lexicon.indefinites().contains(t.get(i + 1).folded()));
    }

    /** Repeating the survivor's last words back ("The bus?", "¿Te pegó?"). */
    private boolean isEcho(List<Token> words, DisclosureTracker tracker) {
        List<Token> said = words.stream().filter(w -> !lexicon.isStopWord(w.folded())).toList();
        return !said.isEmpty() && words.size() <= 6 && said.stream().allMatch(w -> tracker.inLastTurn(w.folded()));
    }

    /**
     * What a yes/no question takes for granted: everything, after "again"/"otra vez"; otherwise
     * the clauses after "when/after/before…" and embedded wh- clauses ("did he say why he took …").
     */
    private List<Token> presupposed(List<Token> t, int from) {
        if (Phrases.find(t, from, lexicon.repetitionMarkers()) >= 0) {
            return content(t, from);
        }
        List<Token> presumed = new ArrayList<>();
        for (int p = Math.max(from, 1); p < t.size(); p++) {
            Token token = t.get(p);
            if (token.isWord() && (parser.longestMatch(t, p, lexicon.clauseOpeners()) > 0 || lexicon.isWh(token, false))) {
                for (int k = p + 1; k < t.size() && t.get(k).kind() != Kind.COMMA; k++) {
                    if (t.get(k).isWord() && lexicon.isContent(t.get(k).folded()) && !presumed.contains(t.get(k))) {
                        presumed.add(t.get(k));
                    }
                }
            }
        }
        return presumed;
    }

    private List<Token> content(List<Token> t, int from) {
        return content(lexicon, t, from);
    }

    /** The content words (see {@link Lexicon#isContent}) from index from on. */
    static List<Token> content(Lexicon lexicon, List<Token> t, int from) {
        List<Token> content = new ArrayList<>();
        for (int i = Math.max(from, 0); i < t.size(); i++) {
            if (t.get(i).isWord() && lexicon.isContent(t.get(i).folded())) {
                content.add(t.get(i));
            }
        }
        return content;
    }

    private static List<Token> join(List<Token> words, Token last) {
        List<Token> joined = new ArrayList<>(words);
        joined.add(last);
        return joined;
    }
}
