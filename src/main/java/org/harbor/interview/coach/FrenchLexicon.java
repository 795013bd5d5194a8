package org.harbor.interview.coach;

import static org.harbor.interview.coach.Lexicon.lemmas;
import static org.harbor.interview.coach.Lexicon.phrases;
import static org.harbor.interview.coach.Lexicon.words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.harbor.interview.coach.Words.Kind;
import org.harbor.interview.coach.Words.Token;

/**
 * French word lists, folded (no accents) except "où", which keeps its accent so that it is never
 * "ou" (or). The interviewer speaks to a child, with "tu".
 *
 * <p>French needs its own tokens: an elided word is split off and read as the full word ("qu'"
 * is "que", "t'" is "te"; "l'" stays "l'" so a remembered phrase reads "l'atelier"), inverted
 * pronouns are split from their verb ("as-tu", "a-t-il", "raconte-moi"), and a few fixed
 * sequences become one token: "qu'est-ce que/qui" is the interrogative "que"; "est-ce que"
 * opening a yes/no question is a marker (and is dropped after another interrogative, "où
 * est-ce que"); "s'est passé", "se passait", "t'est arrivé" are the word "happened"; the
 * impersonal "il" of "il y a", "il faut", "il s'est passé" is not a person; "quoi" is the
 * interrogative "que".
 */
final class FrenchLexicon implements Lexicon {

    static final FrenchLexicon INSTANCE = new FrenchLexicon();

    private static final Map<String, String> IRREGULAR = lemmas("""
            prendre:pris,prise,prises,prit,prend,prends,prenait,prenais,prenaient,prennent
            faire:fait,faits,faite,faites,fais,faisait,faisais,faisaient,font,fera,ferai,feras
            dire:dit,dite,dits,dis,disait,disais,disaient,dira,dirai disent:disent
            voir:vu,vue,vus,vois,voit,voyait,voyais,voyaient,verra,verras
            avoir:eu,ai,as,a,avait,avais,avaient,ont,aura,auras
            etre:ete,suis,es,est,sont,etait,etais,etaient,sera,seras,serai,fut
            aller:va,vas,vais,vont,allait,allais,allaient,ira,iras,irai,alle,allee,alles,allees
            venir:venu,venue,venus,venues,vient,viens,venait,venais,venaient,viendra,viennent
            pouvoir:peux,peut,pouvait,pouvais,pouvaient,pu,pourra,pourras,pourrais,peuvent
            vouloir:veux,veut,voulait,voulais,voulaient,voulu,voudrais,voudrait,veulent
            savoir:sais,sait,savait,savais,savaient,su,saura,sauras
            mettre:mis,mise,mises,met,mets,mettait,mettais,mettaient
            dormir:dors,dort,dormait,dormais,dormaient,dormi
            partir:pars,part,partait,partais,parti,partie,partis
            sortir:sors,sort,sortait,sortais,sorti,sortie
            battre:bat,bats,battu,battue,battait,battais
            boire:bu,bois,boit,buvait,buvais
            devoir:doit,dois,devait,devais,du,doivent
            connaitre:connu,connue,connais,connait,connaissait,connaissais
            vendre:vends,vend,vendu,vendue,vendus,vendues,vendait,vendais
            tenir:tient,tiens,tenait,tenais,tenu,tenue
            """);

    private static final String[] SUFFIXES = {
        "issaient", "issions", "eraient", "iraient", "issait", "issais", "assent", "erions", "aient",
        "erais", "erait", "erons", "eront", "irent", "erent", "asses", "ions", "iez", "ais", "ait", "ant",
        "ent", "ees", "ons", "ez", "er", "ir", "re", "es", "ee", "is", "it", "us", "ue", "e", "s", "x", "a", "i", "u",
    };

    private static final Set<String> STOP = words("""
            le la les l' un une des du de au aux a en dans sur sous avec sans pour par chez vers entre
            contre depuis pendant avant apres et ou où mais donc or ni car que qui quoi dont quand
            comment pourquoi combien quel quelle quels quelles lequel laquelle lesquels lesquelles si ne
            pas plus jamais rien personne aucun aucune je me moi tu te toi il elle on nous vous ils elles
            lui leur leurs eux se soi mon ma mes ton ta tes son sa ses notre nos votre vos ce cet cette
            ces ca cela ceci celui celle ceux celles y tout toute tous toutes meme memes tres trop peu
            beaucoup aussi encore deja toujours bien oui non ok okay accord merci alors puis ensuite la
            ici voila voici hein estceque comme quelque quelques quelqu'un quelqu'une chaque ah oh euh hum
            mm mm-hmm hmm bon est sont suis es etait etais etaient ai as avait avais avaient ont fait
            juste seulement vraiment peut-etre assez autant vite ainsi
            """);

    private static final Set<String> GENERIC = words("""
            chose choses passe passer arriver moment moments temps fois jour jours journee journees nuit
            nuits matin soir soiree semaine semaines mois annee annees an ans heure heures minute debut
            fin suite reste partie endroit lieu nom couleur age numero genre sorte facon maniere gens
            personne enfant enfants dire raconter parler demander appeler appelait savoir connaitre
            penser croire sentir souvenir rappeler oublier voir regarder entendre vouloir aimer falloir
            comprendre aller venir faire avoir etre pouvoir vivre habiter rester dormir manger boire
            reveiller lever commencer finir terminer partir sortir entrer rentrer devoir beau bon
            mauvais content triste grand grande petit petite vieux vieille jeune long court nouveau
            important different pareil premier premiere dernier derniere prochain suivant un deux trois
            quatre cinq six sept huit neuf dix onze douze quinze vingt cent vrai aujourd'hui hier demain
            maintenant vie autre autres ailleurs quelque-chose donner mettre prendre amener
            """);

    private static final Set<String> GENERIC_STEMS =
            GENERIC.stream().map(FrenchLexicon::stemFrench).collect(Collectors.toUnmodifiableSet());

    /** Interrogatives wherever they stand (by their lower-case form, accents kept). */
    private static final Set<String> WH_ANYWHERE = Set.of("où", "comment", "pourquoi", "combien", "quoi",
            "quel", "quelle", "quels", "quelles", "lequel", "laquelle", "lesquels", "lesquelles",
            "qu'est-ce que", "qu'est-ce qui");
    /** Interrogatives only where a question starts or ends; elsewhere they are conjunctions or relatives. */
    private static final Set<String> WH_POSITIONAL = words("que qui quand ou comment pourquoi combien");
    /** Interrogatives that ask in place anywhere in the question ("Tu faisais quoi à l'usine ?"). */
    private static final Set<String> IN_PLACE_ANYWHERE = Set.of("quoi", "quel", "quelle", "quels", "quelles", "combien");

    private static final Set<String> MARKERS = words("et alors bon bien ok okay donc maintenant mais estceque euh ecoute");
    private static final List<List<String>> IMPERATIVE_TELLS = phrases("""
            raconte moi|raconte nous|raconte|racontez moi|dis moi|dites moi|parle moi|parlez moi|
            decris moi|decris|decrivez moi|explique moi|explique|expliquez moi|montre moi""");
    private static final List<List<String>> REQUEST_TELLS = phrases("""
            me raconter|raconter|me dire|dire|me parler|parler|me decrire|decrire|me expliquer|expliquer|
            me racontes|me dises|me parles|me decrives|me expliques|me montrer|en savoir plus sur""");
    private static final List<List<String>> REQUEST_PREFIXES = phrases("""
            tu peux|peux tu|tu pourrais|pourrais tu|tu veux bien|veux tu|voudrais tu|tu voudrais bien|
            je voudrais que tu|je aimerais que tu|je voudrais|je aimerais|je aimerais bien|
            je voudrais bien|on peut|essaie de|essaye de""");
    private static final List<List<String>> CUES = phrases("""
            tu as dit|tu me as dit|tu as parle|tu me as parle|tu as mentionne|tu me as raconte|
            tu as raconte|tu as explique|tu disais|tu me disais|tu as evoque|tu viens de dire""");
    private static final List<List<String>> TAGS = phrases("""
            ne est ce pas|hein|non|pas vrai|ce est ca|ce est bien ca|ce est vrai|vrai|ce est pas vrai|
            je ai raison|tu es de accord|non hein""");
    private static final Set<String> NEGATIVE_STARTS = words("ne");
    private static final Set<String> NEGATIONS = words("pas jamais plus rien personne aucun aucune");
    private static final Set<String> CONTINUATIONS = words("apres ensuite puis suite");
    private static final List<List<String>> FRONT_TAGS = phrases("ne est ce pas que");
    private static final List<List<String>> CLAUSE_OPENERS = phrases("""
            quand|lorsque|pendant que|parce que|avant que|apres que|depuis que|jusque a ce que|des que""");
    private static final List<List<String>> REPETITION_MARKERS = phrases("encore|de nouveau|a nouveau|une autre fois");
    private static final Set<String> OR_WORDS = Set.of("ou");
    private static final Set<String> OR_EXCLUSIONS = words("pas non quelque");
    private static final Set<String> AND_WORDS = Set.of("et");
    private static final Set<String> HAPPENED_WORDS = words("passe");
    private static final Set<String> ELSE_WORDS = Set.of("autre");
    private static final Set<String> TRANSITION_WORDS = words("es venu venue venus venues viens voit amene amenee");
    private static final Set<String> IF_WORDS = Set.of("si");
    private static final Set<String> PREPOSITIONS = words("a avec chez de depuis pour par sur sous dans vers contre pendant");
    private static final Set<String> DETERMINERS = words("le la les l' un une des mon ma mes ton ta tes son sa ses ce cette");
    private static final Map<String, String> SECOND_PERSON = Map.of("mon", "ton", "ma", "ta", "mes", "tes");
    private static final Map<String, String> DEFINITE = Map.of("un", "le", "une", "la", "des", "les");
    private static final List<List<String>> GROUND_RULE_CONDITIONS =
            phrases("je|tu ne|tu as besoin|tu veux|tu te sens|tu es fatigue|tu es fatiguee|on");
    private static final Set<String> ENCOURAGERS =
            words("de accord ok okay oui mm hmm mm-hmm hum je vois merci bien entendu continue vas y ah bon");

    /** Elided words and the full word they stand for. */
    private static final Map<String, String> ELIDED = Map.ofEntries(Map.entry("l", "l'"), Map.entry("j", "je"),
            Map.entry("t", "te"), Map.entry("m", "me"), Map.entry("s", "se"), Map.entry("n", "ne"),
            Map.entry("d", "de"), Map.entry("c", "ce"), Map.entry("qu", "que"), Map.entry("jusqu", "jusque"),
            Map.entry("lorsqu", "lorsque"), Map.entry("puisqu", "puisque"));
    /** Pronouns that follow their verb after a hyphen ("as-tu", "dis-moi", "a-t-il"). */
    private static final Set<String> AFTER_HYPHEN = words("je tu il elle on nous vous ils elles moi toi lui leur le la les en y ce t");
    private static final Set<String> WH_BEFORE_EST_CE = words("où ou quand comment pourquoi combien qui quoi que quel quelle quels quelles");

    private FrenchLexicon() {
    }

    @Override public Language language() { return Language.FR; }
    @Override public String stem(String folded) { return stemFrench(folded); }
    @Override public boolean isStopWord(String folded) { return STOP.contains(folded); }

    @Override
    public boolean isGeneric(String folded) {
        return GENERIC.contains(folded) || GENERIC_STEMS.contains(stem(folded));
    }

    @Override
    public boolean isWh(Token token, boolean interrogativePosition) {
        return WH_ANYWHERE.contains(token.lower()) || (interrogativePosition && WH_POSITIONAL.contains(token.folded()));
    }

    @Override
    public boolean isPersonWh(String folded) {
        return folded.equals("qui");
    }

    private static final Set<String> IN_PLACE_NEAR_END = words("qui quand que");

    @Override
    public boolean asksInPlace(Token token, boolean nearEnd) {
        return IN_PLACE_ANYWHERE.contains(token.lower())
                || nearEnd && (WH_ANYWHERE.contains(token.lower()) || IN_PLACE_NEAR_END.contains(token.folded()));
    }

    @Override
    public boolean asksWhatHappened(String foldedWh) {
        return foldedWh.equals("que") || foldedWh.equals("comment");
    }

    /** Whether a yes/no question is put in the negative: "ne … pas / jamais / rien". */
    boolean isNegation(String folded) {
        return NEGATIONS.contains(folded);
    }

    @Override public Set<String> auxiliaries() { return Set.of(); }
    @Override public Set<String> negativeStarts() { return NEGATIVE_STARTS; }
    @Override public Set<String> leadingMarkers() { return MARKERS; }
    @Override public Set<String> continuations() { return CONTINUATIONS; }
    @Override public List<List<String>> imperativeTells() { return IMPERATIVE_TELLS; }
    @Override public List<List<String>> requestTells() { return REQUEST_TELLS; }
    @Override public List<List<String>> requestPrefixes() { return REQUEST_PREFIXES; }
    @Override public List<List<String>> cuePhrases() { return CUES; }
    @Override public List<List<String>> tagTails() { return TAGS; }
    @Override public List<List<String>> frontTags() { return FRONT_TAGS; }
    @Override public Set<String> subjects() { return Set.of(); }
    @Override public List<List<String>> clauseOpeners() { return CLAUSE_OPENERS; }
    @Override public List<List<String>> repetitionMarkers() { return REPETITION_MARKERS; }
    @Override public Set<String> orWords() { return OR_WORDS; }
    @Override public Set<String> orExclusions() { return OR_EXCLUSIONS; }
    @Override public Set<String> andWords() { return AND_WORDS; }
    @Override public Set<String> happenedWords() { return HAPPENED_WORDS; }
    @Override public Set<String> elseWords() { return ELSE_WORDS; }
    @Override public String whatWord() { return "que"; }
    @Override public Set<String> transitionWords() { return TRANSITION_WORDS; }
    @Override public Set<String> ifWords() { return IF_WORDS; }
    @Override public List<List<String>> groundRuleConditions() { return GROUND_RULE_CONDITIONS; }
    @Override public Set<String> encouragers() { return ENCOURAGERS; }
    @Override public Set<String> prepositions() { return PREPOSITIONS; }
    @Override public Set<String> determiners() { return DETERMINERS; }
    @Override public Map<String, String> secondPerson() { return SECOND_PERSON; }
    @Override public Map<String, String> definite() { return DEFINITE; }
    @Override public String cuedRewrite() { return "Tu as mentionné {0}. Raconte-moi tout ce que tu sais sur {1}."; }
    @Override public String openRewrite() { return "Raconte-moi tout ce qui s'est passé."; }

    // --- tokens ------------------------------------------------------------------------------

    @Override
    public List<Token> tokens(String text) {
        List<Token> split = new ArrayList<>();
        for (Token token : Words.tokenize(text)) {
            if (token.isWord()) {
                splitWord(token, split);
            } else {
                split.add(token);
            }
        }
        return merge(split);
    }

    private static void splitWord(Token token, List<Token> out) {
        String text = token.text();
        int apostrophe = text.indexOf('\'');
        if (apostrophe > 0 && apostrophe < text.length() - 1) {
            String before = text.substring(0, apostrophe);
            String full = ELIDED.get(Words.fold(before));
            if (full != null) {
                out.add(new Token(before + "'", full, full, Kind.WORD));
                splitWord(word(text.substring(apostrophe + 1)), out);
                return;
            }
        }
        String[] parts = text.split("-");
        boolean inverted = parts.length > 1;
        for (int i = 1; i < parts.length && inverted; i++) {
            inverted = AFTER_HYPHEN.contains(Words.fold(parts[i]));
        }
        if (!inverted || parts[0].isEmpty()) {
            out.add(word(text));
            return;
        }
        for (int i = 0; i < parts.length; i++) {
            if (i > 0 && Words.fold(parts[i]).equals("t")) {
                continue; // the euphonic t of "a-t-il"
            }
            out.add(word(parts[i]));
        }
    }

    private static Token word(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String folded = lower.equals("où") ? "où" : Words.fold(lower);
        return new Token(text, lower, folded, Kind.WORD);
    }

    private static List<Token> merge(List<Token> t) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            String f = token.isWord() ? token.folded() : "";
            // "qu'est-ce que / qui": the interrogative "que"
            if (f.equals("que") && is(t, i + 1, "est") && is(t, i + 2, "ce") && (is(t, i + 3, "que") || is(t, i + 3, "qui"))) {
                String lower = "qu'est-ce " + t.get(i + 3).folded();
                out.add(new Token(join(t, i, i + 4), lower, "que", Kind.WORD));
                i += 3;
                continue;
            }
            // "est-ce que": dropped after an interrogative, a marker opening a yes/no question
            if (f.equals("est") && is(t, i + 1, "ce") && (is(t, i + 2, "que") || is(t, i + 2, "qui"))) {
                Token previous = out.isEmpty() ? null : out.getLast();
                if (previous == null || !previous.isWord() || !WH_BEFORE_EST_CE.contains(previous.folded())) {
                    out.add(new Token(join(t, i, i + 3), "est-ce que", "estceque", Kind.WORD));
                }
                i += 2;
                continue;
            }
            // "s'est passé", "se passait", "t'est arrivé": happened
            int happened = happened(t, i);
            if (happened > 0) {
                if (!out.isEmpty() && out.getLast().isWord() && out.getLast().lower().equals("ce")
                        && out.getLast().text().equalsIgnoreCase("il")) {
                    out.removeLast(); // the impersonal "il" of "qu'est-ce qu'il s'est passé"
                }
                out.add(new Token(join(t, i, i + happened), "passé", "passe", Kind.WORD));
                i += happened - 1;
                continue;
            }
            // "quoi": the interrogative "que"; "d'autre": else
            if (f.equals("quoi")) {
                out.add(new Token(token.text(), "quoi", "que", Kind.WORD));
                continue;
            }
            if (f.equals("de") && is(t, i + 1, "autre") && token.text().endsWith("'")) {
                out.add(new Token(join(t, i, i + 2), "d'autre", "autre", Kind.WORD));
                i++;
                continue;
            }
            if (f.equals("il") && impersonal(t, i)) {
                out.add(new Token(token.text(), "ce", "ce", Kind.WORD));
                continue;
            }
            out.add(token);
        }
        return out;
    }

    /** "il y a", "il n'y a", "il faut", "il était une fois", "y a-t-il", "il s'est passé". */
    private static boolean impersonal(List<Token> t, int i) {
        int next = is(t, i + 1, "ne") ? i + 2 : i + 1;
        if (is(t, next, "y") || is(t, next, "faut") || is(t, next, "fallait") || happened(t, next) > 0) {
            return true;
        }
        return i >= 2 && is(t, i - 2, "y") && (is(t, i - 1, "a") || is(t, i - 1, "avait"));
    }

    private static int happened(List<Token> t, int i) {
        boolean reflexive = is(t, i, "se") || is(t, i, "te") || is(t, i, "me");
        if (!reflexive) {
            return 0;
        }
        if ((is(t, i + 1, "est") || is(t, i + 1, "etait")) && (isAny(t, i + 2, "passe", "passee", "produit", "arrive", "arrivee"))) {
            return 3;
        }
        return is(t, i, "se") && isAny(t, i + 1, "passe", "passait", "passaient", "produit", "produisait") ? 2 : 0;
    }

    private static boolean is(List<Token> t, int i, String folded) {
        return i >= 0 && i < t.size() && t.get(i).isWord() && t.get(i).folded().equals(folded);
    }

    private static boolean isAny(List<Token> t, int i, String... folded) {
        for (String f : folded) {
            if (is(t, i, f)) {
                return true;
            }
        }
        return false;
    }

    private static String join(List<Token> t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            String text = t.get(k).text();
            if (!sb.isEmpty() && !(sb.charAt(sb.length() - 1) == '\'')) {
                sb.append(k > from && AFTER_HYPHEN.contains(Words.fold(text)) ? '-' : ' ');
            }
            sb.append(text);
        }
        return sb.toString();
    }

    // --- stems -------------------------------------------------------------------------------


    /** Crude French stem: irregular lemma, then the longest verb, plural or gender ending. */
    static String stemFrench(String folded) {
        String w = IRREGULAR.getOrDefault(folded, folded);
        for (String suffix : SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                String stem = w.substring(0, w.length() - suffix.length());
                // "mangeais" / "manger": the e kept before a and o is not part of the stem
                return stem.endsWith("ge") ? stem.substring(0, stem.length() - 1) : stem;
            }
        }
        return w;
    }
}
