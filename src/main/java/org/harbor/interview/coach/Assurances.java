package org.harbor.interview.coach;

import static org.harbor.interview.coach.Lexicon.phrases;
import static org.harbor.interview.coach.Lexicon.words;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.harbor.interview.coach.TurnParser.Sentence;
import org.harbor.interview.coach.Words.Kind;
import org.harbor.interview.coach.Words.Token;

/**
 * What a turn says or offers rather than asks, in one language: promises and guarantees the
 * interviewer cannot keep (R21), welfare and procedural checks ("Would you like some water?"),
 * statements that narrate an event ("The boss hit you."), and which words refer to a person.
 * Immutable and thread-safe.
 *
 * <p>The word lists are short and hand-written: they name the forms seen in forensic-interview
 * guidance (WHO: no promises that cannot be kept), not every way of saying them.
 */
final class Assurances {

    private record Words4(List<List<String>> vows, Set<String> futureWords, List<List<String>> futurePhrases,
                          List<List<String>> outcomes, List<List<String>> welfareFrames,
                          List<List<String>> welfareTerms, Set<String> pronouns, Set<String> personNouns,
                          Set<String> subjectDeterminers, Set<String> clitics, Set<String> pastForms) {
    }

    private static final Words4 ENGLISH = new Words4(
            phrases("""
                    i promise|i swear|i guarantee|i can promise|i can guarantee|i give you my word|
                    i'll make sure|i will make sure|i'm promising|i'll promise"""),
            words("will won't wont shall gonna never"),
            phrases("going to|is going to|are going to|is not going to|are not going to|isn't going to|aren't going to"),
            phrases("""
                    deport|deported|deportation|sent back|send you back|go back|money back|jail|prison|
                    trouble|safe|hurt|harm|arrest|arrested|punish|punished|find you|nothing bad|be okay|be fine|
                    be alright|be all right|be ok|see him again|see her again|see them again|take you away"""),
            phrases("""
                    would you like|do you want|do you need|would you want|are you|is it|is it too|shall we|
                    should we|can i get you|could i get you|can we|do you feel|are you feeling|would it help|
                    do you wanna|want|need|how about|is the room|is the chair|is your chair|is this chair|would a"""),
            phrases("""
                    water|drink|juice|tea|snack|food|something to eat|eat|hungry|thirsty|break|rest|pause|
                    toilet|bathroom|loo|restroom|warm|cold|hot|comfortable|comfy|tired|sleepy|tissue|tissues|
                    blanket|stop|keep going|carry on|go on"""),
            words("he him his she her hers they them their theirs himself herself themselves"),
            words("""
                    man men woman women boy boys girl girls lady ladies guy guys boss bosses people person
                    friend friends cousin cousins uncle aunt auntie mother mum mom mummy father dad daddy
                    brother sister stepfather stepmother grandma grandmother grandpa grandfather police
                    policeman officer driver owner owners someone somebody teacher neighbour neighbor
                    husband wife boyfriend girlfriend captain farmer guard guards manager madam sir
                    """),
            words("the his her their your a an that those these"),
            Set.of(),
            words("""
                    was were had did got took went drove ate slept left brought bought made said told kept
                    gave came saw ran hid paid sold sent caught held threw woke wore wrote spoke stole broke
                    felt found lost knew thought bit fought met stood sat began drank rode flew hung shot
                    struck taught fell forgot chose bled fled led heard hit put cut hurt let shut beat set
                    locked touched grabbed pushed pulled"""));

    private static final Words4 SPANISH = new Words4(
            phrases("""
                    prometo|te prometo|te lo prometo|le prometo|les prometo|juro|te juro|te lo juro|garantizo|
                    te garantizo|te lo garantizo|te aseguro|te lo aseguro|te doy mi palabra"""),
            words("nunca jamas"),
            phrases("va a|van a|vas a|vamos a|voy a"),
            phrases("""
                    deportar|deporten|deportado|deportada|deportacion|de vuelta|carcel|prision|preso|presa|dano|
                    lastimar|pegar|a salvo|problemas|encontrar|separar|nada malo|salir bien|estar bien|
                    tu dinero|volver a verlo|volver a verla"""),
            phrases("""
                    quieres|necesitas|tienes|estas|te gustaria|prefieres|podemos|seguimos|te traigo|
                    quieres que|te sientes|paramos|descansamos|hacemos|te apetece"""),
            phrases("""
                    agua|jugo|refresco|cafe|leche|comida|comer|algo de comer|galleta|galletas|hambre|sed|frio|
                    calor|bano|descansar|descanso|pausa|parar|seguir|continuar|comoda|comodo|comodos|comodas|
                    cansada|cansado|sueno|panuelo|panuelos|cobija|manta|tomar algo|paremos|paramos|descansemos"""),
            Set.of("él", "ella", "ellos", "ellas"),
            words("""
                    hombre hombres mujer mujeres senor senora senores senoras muchacho muchacha muchachos
                    muchachas chico chica chicos chicas jefe jefa jefes dueno duena amigo amiga amigos amigas
                    primo prima tio tia mama papa madre padre hermano hermana padrastro madrastra abuela
                    abuelo policia policias vecino vecina gente alguien novio novia esposo esposa don dona
                    capitan patron patrona guardia"""),
            words("el la los las un una unos unas tu tus su sus"),
            words("te le les"),
            words("""
                    dijo hizo puso trajo tuvo vino dio vio fue era eran quiso pudo supo dijeron hicieron
                    dieron trajeron pusieron fueron tuvieron vinieron"""));

    /** Modern Standard Arabic, to a boy and to a girl; folded on load like the lexicon. */
    private static final Words4 ARABIC = new Words4(
            ArabicLexicon.foldedPhrases("""
                    أعدك|أوعدك|وعد مني|وعدًا مني|أقسم|أقسم لك|أحلف|أحلف لك|أضمن لك|أضمن|أؤكد لك|أتعهد|
                    أتعهد لك|أعطيك كلمتي|كلمة شرف"""),
            ArabicLexicon.foldedWords("سوف لن"),
            List.of(),
            ArabicLexicon.foldedPhrases("""
                    ترحيل|ترحيلك|ترحيلكِ|يرحلك|يرحلوك|يرحلونك|ترحل|ترحلين|تُرحَّل|يرحّلك|السجن|سجن|تسجن|تسجنين|
                    تُسجن|مشكلة|مشاكل|مشكلات|أمان|بأمان|آمن|آمنة|بخير|يؤذيك|يؤذوك|يؤذونك|أذى|يضربك|يضربوك|
                    يعاقبك|يعاقبوك|عقاب|تعاقب|يجدك|يجدوك|يجدونك|يرسلك|يرسلوك|يرسلونك|يعيدك|يعيدوك|يعيدونك|
                    تعود|تعودين|تعودي|ترجع|ترجعين|يأخذك|يأخذوك|يأخذونك|يحدث لك|يحصل لك|يمسك|يلمسك|تراه|تريه|
                    تراهم|أموالك|مالك|يقبضوا عليك|يقبض عليك|يعتقلك|يعتقلوك"""),
            ArabicLexicon.foldedPhrases("""
                    هل تريد|هل تريدين|تريد|تريدين|هل تحب|هل تحبين|هل تحتاج|هل تحتاجين|تحتاج|تحتاجين|هل أنت|
                    أنت|هل تشعر|هل تشعرين|هل نأخذ|هل نرتاح|هل نتوقف|هل نكمل|هل نستمر|هل أحضر لك|هل أجلب لك|
                    هل أحضر|هل الكرسي|هل الغرفة|أ تريد|أ تريدين|أ تحتاج|أ تحتاجين|هل تود|هل تودين|هل تفضل|
                    هل تفضلين|هل يمكن أن أحضر|هل نأخذ استراحة|هل من|ما رأيك|ما رأيك أن"""),
            ArabicLexicon.foldedPhrases("""
                    ماء|الماء|مياه|عصير|شاي|حليب|أكل|الأكل|طعام|تأكل|تأكلين|تأكليه|تأكله|تشرب|تشربين|جائع|
                    جائعة|جوعان|جوعانة|عطشان|عطشانة|استراحة|راحة|ترتاح|ترتاحي|ترتاحين|نرتاح|نستريح|نتوقف|
                    توقف|الحمام|حمام|دورة المياه|المرحاض|برد|بالبرد|بردان|بردانة|الحر|بالحر|حر|دافئ|مرتاح|
                    مرتاحة|مرتاحا|متعب|متعبة|تعبان|تعبانة|نعسان|نعسانة|منديل|مناديل|بطانية|غطاء|نكمل|نستمر|
                    نتابع|نواصل|بخير|مريح|مريحة|سندويشة|بسكويت|تفاحة"""),
            ArabicLexicon.foldedWords("هو هي هم هن هما"),
            personNouns(ArabicLexicon.foldedWords("""
                    رجل الرجل رجال الرجال رجلين الرجلين رجلان الرجلان امرأة المرأة نساء النساء سيدة السيدة
                    السيد سيد ولد الولد أولاد بنت البنت فتاة الفتاة صبي الصبي شاب الشاب صاحب مدير المدير رئيس
                    الرئيس معلم المعلم صديق صديقة أصدقاء جار جارة سائق السائق حارس الحارس شرطة الشرطة شرطي
                    الشرطي أبي أمي أبوك أمك أباك أبيك أخ أخي أخوك أخت أختي أختك عمي عمك عمتي عمتك خالي خالك
                    خالتي خالتك جدي جدتي جدك جدتك زوج زوجة ابن ابنة شخص أحد ناس الناس والدي والدتي والدك والدتك
                    المعلمة الجارة الجيران عصابة المهرب المهربين""")),
            Set.of(),
            Set.of(),
            ArabicLexicon.foldedWords("""
                    قال قالت قالوا فعل فعلت فعلوا ضرب ضربت ضربوا ضربك ضربتك ضربوك أخذ أخذت أخذوا أخذك أخذتك
                    أخذوك أعطى أعطت أعطوا أعطاك أعطتك أعطوك حبس حبست حبسوا حبسك حبستك حبسوك أغلق أغلقت أغلقوا
                    هدد هددت هددوا هددك هددتك هددوك أجبر أجبرت أجبروا أجبرك أجبرتك أجبروك باع باعت باعوا باعك
                    باعوك سرق سرقت سرقوا أخفى أخفت لمس لمست لمسوا لمسك لمستك لمسوك طلب طلبت طلبوا أرسل أرسلت
                    أرسلوا أرسلك أرسلوك وعد وعدت وعدوا وعدك وعدتك وعدوك كسر كسرت كسروا صرخ صرخت صرخوا عاقب
                    عاقبك عاقبوك دفع دفعت دفعوا"""));

    /** Words that start like an Arabic future ("سي…", "ست…") and are none. */
    private static final Set<String> NOT_FUTURE_AR = ArabicLexicon.foldedWords(
            "سيارة السيارة سيارتي سيارتك سيارات ستارة سنة سنوات سنين سيد سيدة سيدي ستة ستين سيء سيئة سنتين سيف");

    private static final Words4 FRENCH = new Words4(
            phrases("""
                    je promets|je te promets|je te le promets|promis|je jure|je te jure|je te le jure|je garantis|
                    je te garantis|je te le garantis|je te assure|je te le assure|je te donne ma parole|je vous promets"""),
            words("va vas vont vais"),
            phrases("ne va pas|ne vont pas|ne vas pas"),
            phrases("""
                    expulse|expulsee|expulser|expulsion|renvoye|renvoyee|renvoyer|prison|ennuis|probleme|problemes|
                    mal|blesser|punir|puni|punie|arrete|arretee|retrouver|trouver|en securite|bien se passer|
                    revoir|retourner|retourneras|separer|rien de mal|rien de grave"""),
            phrases("""
                    tu veux|veux tu|tu voudrais|voudrais tu|tu as besoin|as tu besoin|tu as|as tu|tu es|es tu|
                    on fait|on peut|on continue|on se arrete|on prend|tu preferes|ca|tu te sens|je te apporte|
                    je peux te apporter|tu aimerais|tu aurais besoin"""),
            phrases("""
                    eau|boire|a boire|jus|lait|the|manger|quelque chose a manger|gouter|biscuit|faim|soif|pause|
                    petite pause|repos|reposer|toilettes|froid|chaud|confortable|bien assis|bien assise|
                    bien installe|bien installee|fatigue|fatiguee|mouchoir|mouchoirs|couverture|continuer|
                    arreter|va"""),
            Set.of("il", "elle", "ils", "elles", "lui", "eux"),
            words("""
                    homme hommes femme femmes monsieur madame dame dames garcon garcons fille filles patron
                    patronne patrons chef chefs ami amie amis amies cousin cousine oncle tante mere maman pere
                    papa frere soeur beau-pere belle-mere grand-mere grand-pere policier policiers police
                    voisin voisine gens client clients gardien gardiens proprietaire mari copain copine
                    chauffeur surveillant passeur passeurs"""),
            words("le la les l' un une mon ma mes ton ta tes son sa ses"),
            Set.of(),
            words("a as ont avait avais avaient fut"));

    private final Lexicon lexicon;
    private final TurnParser parser;
    private final Words4 w;
    private final Set<String> welfareStems;
    private final Set<String> outcomeStems;

    Assurances(Lexicon lexicon, TurnParser parser) {
        this.lexicon = lexicon;
        this.parser = parser;
        this.w = switch (lexicon.language()) {
            case EN -> ENGLISH;
            case AR -> ARABIC;
            case ES -> SPANISH;
            case FR -> FRENCH;
        };
        this.welfareStems = stemsOf(w.welfareTerms());
        this.outcomeStems = stemsOf(w.outcomes());
    }

    /**
     * Whether one of the terms occurs from index from on; in Arabic also a one-word term in another
     * form ("العصير" for "عصير", "تأكلي" for "تأكل").
     */
    private boolean hasTerm(List<Token> t, int from, List<List<String>> terms, Set<String> stems) {
        if (Phrases.find(t, from, terms) >= 0) {
            return true;
        }
        for (int k = Math.max(from, 0); k < t.size(); k++) {
            if (t.get(k).isWord() && stems.contains(lexicon.stem(t.get(k).folded()))) {
                return true;
            }
        }
        return false;
    }

    private Set<String> stemsOf(List<List<String>> terms) {
        if (lexicon.language() != Language.AR) {
            return Set.of();
        }
        Set<String> stems = new HashSet<>();
        terms.stream().filter(p -> p.size() == 1).forEach(p -> stems.add(lexicon.stem(p.getFirst())));
        return Set.copyOf(stems);
    }

    /** The Arabic person words and their stems of three letters or more ("أختي" and "أخت", not "أم"). */
    private static Set<String> personNouns(Set<String> folded) {
        Set<String> all = new HashSet<>(folded);
        folded.stream().map(ArabicText::stem).filter(s -> s.length() >= 3).forEach(all::add);
        return Set.copyOf(all);
    }

    /**
     * The first sentence that promises or guarantees: a vow ("I promise", "te juro") anywhere, or,
     * outside a question, a future about the survivor's fate ("you won't be deported", "nadie te
     * va a hacer daño"). Returns the sentence's words.
     */
    Optional<List<Token>> promise(List<Sentence> sentences) {
        for (Sentence sentence : sentences) {
            List<Token> t = sentence.tokens();
            if (Phrases.find(t, 0, w.vows()) >= 0 || (!asks(sentence) && futureOutcome(t))) {
                return Optional.of(sentence.words());
            }
        }
        return Optional.empty();
    }

    /** A future tense and an outcome for the survivor anywhere in the sentence ("Nothing bad will happen"). */
    private boolean futureOutcome(List<Token> t) {
        for (int i = 0; i < t.size(); i++) {
            if (isFuture(t, i)) {
                return hasTerm(t, 0, w.outcomes(), outcomeStems) || (lexicon.language() == Language.AR
                        && t.stream().anyMatch(k -> k.isWord() && k.folded().length() > 3 && k.folded().startsWith("س")
                                && outcomeStems.contains(lexicon.stem(k.folded().substring(1)))));
            }
        }
        return false;
    }

    private boolean isFuture(List<Token> t, int i) {
        Token token = t.get(i);
        if (!token.isWord()) {
            return false;
        }
        if (w.futureWords().contains(token.folded()) || parser.longestMatch(t, i, w.futurePhrases()) > 0) {
            return true;
        }
        if (lexicon.language() == Language.EN) {
            return token.folded().endsWith("'ll");
        }
        if (lexicon.language() == Language.AR) {
            // "سيكون", "ستعود", "سنحميك", "سأتأكد": the future prefix on an imperfect verb.
            String f = token.folded();
            return f.length() >= 4 && f.charAt(0) == 'س' && "يتنا".indexOf(f.charAt(1)) >= 0
                    && !NOT_FUTURE_AR.contains(f);
        }
        if (lexicon.language() == Language.FR) {
            String f = token.folded();
            return f.length() >= 4 && (f.endsWith("ra") || f.endsWith("ras") || f.endsWith("rai") || f.endsWith("ront")
                    || f.endsWith("rez") || f.endsWith("rons"));
        }
        String lower = token.lower();
        return lower.length() > 4 && (lower.endsWith("rá") || lower.endsWith("rán") || lower.endsWith("rás"));
    }

    /** A question proper: "?" and, in English, an auxiliary or wh- word first; in Spanish, "¿" first. */
    private boolean asks(Sentence sentence) {
        if (!sentence.question()) {
            return false;
        }
        List<Token> t = sentence.tokens();
        if (lexicon.language() == Language.ES) {
            return t.getFirst().kind() == Kind.OPEN_QUESTION;
        }
        if (lexicon.language() == Language.FR) {
            return true; // French asks by intonation: the "?" is the question
        }
        int i = parser.skipMarkers(t, 0);
        if (i >= t.size()) {
            return false;
        }
        String f = t.get(i).folded();
        return lexicon.auxiliaries().contains(f) || lexicon.negativeStarts().contains(f) || lexicon.isWh(t.get(i), true);
    }

    /**
     * A welfare or procedural check: a want/need/feel frame first, then water, a break, the
     * toilet, warmth…, and no other person named.
     */
    boolean isWelfare(List<Token> unit) {
        int i = parser.skipMarkers(unit, 0);
        int frame = parser.longestMatch(unit, i, w.welfareFrames());
        if (frame == 0 || !hasTerm(unit, i + frame, w.welfareTerms(), welfareStems)) {
            return false;
        }
        // "Is it true that he gave you water?" is about the event: a check names no one else.
        return unit.stream().filter(Token::isWord).noneMatch(t -> isThirdPersonPronoun(t) || isPersonNoun(t.folded()));
    }

    /**
     * The content words of a statement that narrates an event, when the survivor has not said
     * them: a person or thing as subject ("The boss", "he", "Viktor", "Te …" in Spanish) and a past
     * tense soon after ("hit", "took", "pegó", "quitaron"). Questions, prompts and statements
     * quoting the survivor ("You said …") are not read here. Empty when nothing is slipped in.
     */
    List<Token> slippedIn(Sentence sentence, DisclosureTracker tracker) {
        List<Token> t = sentence.tokens();
        if (sentence.question() || parser.findTell(t).isPresent()
                || Phrases.find(t, 0, lexicon.cuePhrases()) >= 0) {
            return List.of();
        }
        int i = parser.skipMarkers(t, 0);
        int verbFrom = subjectEnd(t, i);
        if (verbFrom < 0 || !pastTenseWithin(t, verbFrom, 3)) {
            return List.of();
        }
        List<Token> unheard = new ArrayList<>();
        for (Token token : UnitReader.content(lexicon, t, i)) {
            if (!tracker.heardWord(token.folded())) {
                unheard.add(token);
            }
        }
        return unheard;
    }

    /** Index after the subject of a narrating statement, or -1 if it does not start with one. */
    private int subjectEnd(List<Token> t, int i) {
        if (i >= t.size() || !t.get(i).isWord()) {
            return -1;
        }
        Token first = t.get(i);
        String f = first.folded();
        if (isThirdPersonPronoun(first) || (lexicon.language() == Language.EN && f.equals("you"))) {
            return i + 1;
        }
        if (w.subjectDeterminers().contains(f) && i + 1 < t.size() && t.get(i + 1).isWord()
                && !lexicon.isStopWord(t.get(i + 1).folded())) {
            return i + 2;
        }
        if (w.clitics().contains(f)) {
            return i + 1;
        }
        if (lexicon.language() == Language.AR) {
            // A person first ("المدير ضربك"), or a past verb done to "you" first ("ضربك المدير").
            if (isPersonNoun(f)) {
                return i + 1;
            }
            return isPast(first) && (f.endsWith("ك") || f.endsWith("وا")) ? i : -1;
        }
        boolean capitalised = Character.isUpperCase(first.text().charAt(0));
        return capitalised && !lexicon.isStopWord(f) && !lexicon.isGeneric(f) ? i + 1 : -1;
    }

    private boolean pastTenseWithin(List<Token> t, int from, int span) {
        for (int k = from; k < Math.min(t.size(), from + span); k++) {
            if (t.get(k).kind() == Kind.COMMA) {
                return false;
            }
            if (t.get(k).isWord() && isPast(t.get(k))) {
                return true;
            }
        }
        return false;
    }

    private boolean isPast(Token token) {
        String f = token.folded();
        if (lexicon.language() == Language.FR) {
            // the auxiliary of the passé composé ("t'a frappé"; not "à"), or an imperfect ("criait")
            String lower = token.lower();
            return w.pastForms().contains(lower) || (f.length() > 4 && (f.endsWith("ait") || f.endsWith("aient")));
        }
        if (w.pastForms().contains(f)) {
            return true;
        }
        if (lexicon.language() == Language.EN) {
            return f.length() > 4 && f.endsWith("ed");
        }
        if (lexicon.language() == Language.AR) {
            // "أخذوا", "ضربوك": the third-person plural past.
            return f.length() >= 4 && (f.endsWith("وا") || f.endsWith("وك")) && !lexicon.isStopWord(f);
        }
        String lower = token.lower();
        return (lower.length() > 2 && lower.endsWith("ó")) || f.endsWith("aron") || f.endsWith("ieron")
                || (f.length() > 4 && (f.endsWith("aba") || f.endsWith("aban") || f.endsWith("abas")))
                || (lower.length() > 3 && (lower.endsWith("ía") || lower.endsWith("ían")));
    }

    /** "he", "she", "they" and their forms; Spanish "él", "ella", "ellos", "ellas" (with the accent). */
    boolean isThirdPersonPronoun(Token token) {
        return lexicon.language() == Language.ES ? w.pronouns().contains(token.lower()) : w.pronouns().contains(token.folded());
    }

    /** A word for a person ("man", "boss", "señora"), in any inflection the stemmer folds. */
    boolean isPersonNoun(String folded) {
        return w.personNouns().contains(folded) || w.personNouns().contains(lexicon.stem(folded));
    }

    /**
     * In a Spanish wh- question, a clitic and a third-person past ("¿Qué te dijo?") take for granted
     * someone who acted; the imperfect is left out ("¿Qué te gustaba?" names no actor). Returns the verb, or empty. Always empty in English (the pronoun shows it).
     */
    Optional<Token> impliedActor(List<Token> unit) {
        if (lexicon.language() == Language.AR) {
            // "ماذا قال لك؟", "ماذا أعطاك؟": a past verb in the third person, done to "you".
            for (int i = 0; i < unit.size(); i++) {
                Token verb = unit.get(i);
                boolean toYou = verb.folded().endsWith("ك")
                        || (i + 1 < unit.size() && Phrases.isAny(unit.get(i + 1), "لك", "منك", "بك", "عليك"));
                if (verb.isWord() && w.pastForms().contains(verb.folded()) && toYou) {
                    return Optional.of(verb);
                }
            }
            return Optional.empty();
        }
        if (lexicon.language() != Language.ES) {
            return Optional.empty();
        }
        for (int i = 0; i + 1 < unit.size(); i++) {
            Token next = unit.get(i + 1);
            if (unit.get(i).isWord() && w.clitics().contains(unit.get(i).folded()) && next.isWord()
                    && !lexicon.happenedWords().contains(next.folded()) && isPast(next)
                    && !next.folded().endsWith("aba") && !next.lower().endsWith("ía")) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }
}
