package org.harbor.interview.coach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.harbor.interview.coach.TurnParser.Sentence;
import org.harbor.interview.coach.TurnParser.Tell;
import org.harbor.interview.coach.TurnParser.Unit;
import org.harbor.interview.coach.UnitReader.Reading;
import org.harbor.interview.coach.Words.Token;

/**
 * Labels an interviewer's turn with one of the eleven question types of DOMAIN.md section 2 or
 * the two issue 12 added (WELF, PROM),
 * says which rule decided and on which words, and offers an open rewrite where one is wanted.
 *
 * <p>The turn is split into sentences, and the sentences into units: each question, and each
 * "tell me"-style prompt, that wants its own answer ("Who was there and what did they do?" is
 * two). Statements such as "You said he took your phone." are not units but may cue an
 * invitation. Rules are tried in this order, the first that matches decides:
 * <ol>
 *   <li>PROM: a promise or guarantee, in any sentence ("I promise", "you won't be deported",
 *       "nadie te va a hacer daño"; R21);</li>
 *   <li>SUG-TAG: a tag after a statement (", didn't he?", ", right?", ", ¿verdad?", "Is that
 *       right?" after a statement, "¿Verdad que …?");</li>
 *   <li>SUG-NEG: a question starting with a negative ("Didn't …", "Did he not …", "¿No …?");</li>
 *   <li>SUG-PRES: "you said X" where X was never said; or a unit taking for granted a content
 *       word the {@link DisclosureTracker} never heard: any content of a wh- question or of an
 *       invitation, the shared part of a choice, and in a yes/no question only what sits in a
 *       "when/after/before…" or embedded wh- clause, or all of it after "again"/"otra vez";</li>
 *   <li>SUG-PRES also: a wh- question about "him/her/them" (Spanish "¿Qué te dijo?") before the
 *       survivor has mentioned anyone, and a statement narrating an event with words the
 *       survivor never said ("The boss hit you.", "Te quitaron el pasaporte.");</li>
 *   <li>MULT: two or more units; welfare checks ("Would you like some water?") are not counted;</li>
 *   <li>WELF: nothing but welfare or procedural checks: no focused question, no rewrite;</li>
 *   <li>FAUX: "tell me" (also "can you tell me", "dime", "¿me puedes decir…?") wrapping
 *       if/whether/si or a wh- word, except "tell me what happened" and the transition prompt
 *       "tell me why you came here", and except ground rules ("tell me if I get it wrong");</li>
 *   <li>OP-FC: alternatives joined by "or"/"o"/"u" (not "or not", "o sea");</li>
 *   <li>OP-YN: any other question: auxiliary first, or (Spanish) no wh- word;</li>
 *   <li>DIR: a wh- question opening the unit;</li>
 *   <li>CINV / INV: "tell me / describe / cuéntame …", "what happened (next)?", "and then?";
 *       cued (CINV) when it reuses words the survivor said or follows "you said / mentioned";</li>
 *   <li>FAC: a question that only echoes the survivor's last words, and anything that is no
 *       question at all ("Okay.", "Mm-hmm.", "Ajá", "Thank you for telling me.").</li>
 * </ol>
 * Suggestive forms come first because they carry a block-level warning that must not be hidden
 * behind a milder label; MULT next because one-question-at-a-time is the fix whatever the parts.
 *
 * <p>Deterministic, no regular expression compiled per call. Instances are immutable and
 * thread-safe; the {@link DisclosureTracker} passed in is not and belongs to one interview.
 */
public final class QuestionCoach {

    private record Cue(List<Token> phrase, List<Token> content) {
    }

    private final Lexicon lexicon;
    private final TurnParser parser;
    private final UnitReader reader;
    private final SuggestiveForms suggestive;
    private final Rewriter rewriter;
    private final Assurances assurances;

    public QuestionCoach(Language language) {
        this.lexicon = Lexicon.of(Objects.requireNonNull(language, "language"));
        this.parser = new TurnParser(lexicon);
        this.reader = new UnitReader(lexicon, parser);
        this.suggestive = new SuggestiveForms(lexicon, parser);
        this.rewriter = new Rewriter(lexicon);
        this.assurances = new Assurances(lexicon, parser);
    }

    public Language language() {
        return lexicon.language();
    }

    /**
     * Classifies one interviewer turn against what the survivor has said so far.
     *
     * @throws IllegalArgumentException if the tracker is for another language
     */
    public Classification classify(String turn, DisclosureTracker tracker) {
        Objects.requireNonNull(turn, "turn");
        Objects.requireNonNull(tracker, "tracker");
        if (tracker.language() != language()) {
            throw new IllegalArgumentException("Tracker language " + tracker.language()
                    + " does not match coach language " + language());
        }
        List<Token> tokens = lexicon.tokens(turn);
        List<Sentence> sentences = parser.sentences(tokens);
        if (sentences.isEmpty()) {
            return result(Rule.EMPTY, List.of(), tokens, tracker);
        }
        Optional<List<Token>> promise = assurances.promise(sentences);
        if (promise.isPresent()) {
            return result(Rule.PROMISE, List.of(Phrases.text(promise.get())), tokens, tracker);
        }
        Optional<List<Token>> tag = suggestive.tag(sentences);
        if (tag.isPresent()) {
            return result(Rule.TAG, List.of(Phrases.text(tag.get())), tokens, tracker);
        }
        List<Unit> units = parser.units(sentences);
        Optional<List<Token>> negative = suggestive.negativeStart(units);
        if (negative.isPresent()) {
            return result(Rule.NEGATIVE, List.of(Phrases.text(negative.get())), tokens, tracker);
        }
        Optional<Cue> cue = cue(sentences);
        List<String> misquoted = unheard(cue.map(Cue::content).orElse(List.of()), tracker);
        if (!misquoted.isEmpty()) {
            return result(Rule.MISQUOTE, misquoted, tokens, tracker);
        }
        List<Reading> readings = new ArrayList<>();
        List<Unit> asked = new ArrayList<>();
        List<Unit> welfare = new ArrayList<>();
        List<Token> presumed = new ArrayList<>();
        List<String> people = new ArrayList<>();
        boolean askedWho = false;
        for (Unit unit : units) {
            Reading reading = reader.read(unit, tracker);
            UnitReader.Form form = reading.form();
            if (form == UnitReader.Form.NONE) {
                continue;
            }
            if (form != UnitReader.Form.INVITATION && form != UnitReader.Form.TELL_QUESTION
                    && assurances.isWelfare(unit.tokens())) {
                welfare.add(unit);
                continue;
            }
            readings.add(reading);
            asked.add(unit);
            presumed.addAll(reading.presumed());
            boolean asksWh = reading.evidence().stream().anyMatch(t -> lexicon.isWh(t, true));
            if (asksWh && !tracker.mentionedSomeone() && !askedWho) {
                unit.tokens().stream().filter(Token::isWord).filter(assurances::isThirdPersonPronoun)
                        .forEach(t -> people.add(t.text()));
                assurances.impliedActor(unit.tokens()).ifPresent(t -> people.add(t.text()));
            }
            // "Who was there and what did they do?": "they" are the answer to "who", not a presumption.
            askedWho |= unit.words().stream().anyMatch(t -> lexicon.isWh(t, true) && lexicon.isPersonWh(t.folded()));
        }
        List<String> undisclosed = unheard(presumed, tracker);
        if (!undisclosed.isEmpty()) {
            return result(Rule.PRESUMES, undisclosed, tokens, tracker);
        }
        if (!people.isEmpty()) {
            return result(Rule.PRESUMES_PERSON, distinct(people), tokens, tracker);
        }
        List<String> slipped = new ArrayList<>();
        for (Sentence sentence : sentences) {
            assurances.slippedIn(sentence, tracker).forEach(t -> slipped.add(t.text()));
        }
        if (!slipped.isEmpty()) {
            return result(Rule.STATEMENT_SLIPS_IN, distinct(slipped), tokens, tracker);
        }
        if (readings.size() > 1) {
            List<String> parts = asked.stream().map(u -> Phrases.text(u.words())).filter(s -> !s.isEmpty()).toList();
            return result(Rule.MULTIPLE, parts, tokens, tracker);
        }
        if (readings.isEmpty()) {
            if (!welfare.isEmpty()) {
                return result(Rule.WELFARE, welfare.stream().map(u -> Phrases.text(u.words())).toList(), tokens, tracker);
            }
            return facilitator(tokens, tracker);
        }
        Reading reading = readings.getFirst();
        List<String> evidence = List.of(Phrases.text(reading.evidence()));
        return switch (reading.form()) {
            case TELL_QUESTION -> result(Rule.FAUX, evidence, tokens, tracker);
            case CHOICE -> result(Rule.CHOICE, evidence, tokens, tracker);
            case YES_NO -> result(Rule.YES_NO, evidence, tokens, tracker);
            case WH -> result(Rule.WH, evidence, tokens, tracker);
            case ECHO -> result(Rule.ECHO, evidence, tokens, tracker);
            case INVITATION -> invitation(reading, cue, tokens, tracker);
            case NONE -> facilitator(tokens, tracker);
        };
    }

    private Classification invitation(Reading reading, Optional<Cue> cue, List<Token> tokens,
                                       DisclosureTracker tracker) {
        if (cue.isEmpty() && reading.presumed().isEmpty()) {
            return result(Rule.INVITATION, List.of(Phrases.text(reading.evidence())), tokens, tracker);
        }
        List<String> evidence = new ArrayList<>();
        cue.ifPresent(c -> evidence.add(Phrases.text(c.phrase())));
        reading.presumed().forEach(t -> evidence.add(t.text()));
        return result(Rule.CUED, distinct(evidence), tokens, tracker);
    }

    private Classification facilitator(List<Token> tokens, DisclosureTracker tracker) {
        List<Token> words = tokens.stream().filter(Token::isWord).toList();
        if (words.stream().allMatch(w -> lexicon.encouragers().contains(w.folded()))) {
            return result(Rule.ENCOURAGER, List.of(Phrases.text(words)), tokens, tracker);
        }
        List<Token> said = words.stream().filter(w -> !lexicon.isStopWord(w.folded())).toList();
        if (!said.isEmpty() && said.stream().allMatch(w -> tracker.inLastTurn(w.folded()))) {
            return result(Rule.ECHO, List.of(Phrases.text(words)), tokens, tracker);
        }
        return result(Rule.STATEMENT, List.of(), tokens, tracker);
    }

    /** "You said …", "Earlier you mentioned …", "Dijiste que …": the words attributed to the survivor. */
    private Optional<Cue> cue(List<Sentence> sentences) {
        for (Sentence sentence : sentences) {
            List<Token> t = sentence.tokens();
            int at = Phrases.find(t, 0, lexicon.cuePhrases());
            if (at < 0) {
                continue;
            }
            int length = parser.longestMatch(t, at, lexicon.cuePhrases());
            int end = parser.findTell(t).map(Tell::start).filter(s -> s > at).orElse(t.size());
            List<Token> content = t.subList(at + length, end).stream()
                    .filter(w -> w.isWord() && lexicon.isContent(w.folded()))
                    .toList();
            return Optional.of(new Cue(t.subList(at, at + length), content));
        }
        return Optional.empty();
    }

    private static List<String> unheard(List<Token> words, DisclosureTracker tracker) {
        return distinct(words.stream().filter(w -> !tracker.heardWord(w.folded())).map(Token::text).toList());
    }

    private static List<String> distinct(List<String> texts) {
        Map<String, String> seen = new LinkedHashMap<>();
        texts.forEach(t -> seen.putIfAbsent(Words.fold(t), t));
        return List.copyOf(seen.values());
    }

    private Classification result(Rule rule, List<String> evidence, List<Token> tokens, DisclosureTracker tracker) {
        return new Classification(rule.type(), rule.id(), rule.reason(evidence), evidence,
                rewriter.rewrite(rule.type(), tokens, tracker));
    }
}
