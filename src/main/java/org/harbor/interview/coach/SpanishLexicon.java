package org.harbor.interview.coach;

import static org.harbor.interview.coach.Lexicon.lemmas;
import static org.harbor.interview.coach.Lexicon.phrases;
import static org.harbor.interview.coach.Lexicon.words;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Spanish word lists, folded (no accents) except the accented interrogatives. */
final class SpanishLexicon implements Lexicon {

    static final SpanishLexicon INSTANCE = new SpanishLexicon();

    private static final Map<String, String> IRREGULAR = lemmas("""
            decir:dijo,dije,dijiste,dijeron,dijimos,digo,dices,dice hacer:hizo,hice,hiciste,hicieron,hago,hace
            poner:puso,puse,pusiste,pusieron,pone traer:trajo,traje,trajeron tener:tuvo,tuve,tuviste,tuvieron,tengo,tiene,tienes,tienen
            venir:vino,vine,viniste,vinieron,viene,vienes,vienen estar:estuvo,estuve,estuviste,estuvieron,estoy,estan
            dar:dio,di,diste,dieron,daba,daban,dabas,doy,da ver:vio,vi,viste,vieron,veo,ve
            poder:pudo,pude,puedo,puede,puedes,pueden,puedas querer:quiso,quise,quiero,quiere,quieres,quieras,quieren
            saber:supo,supe,sabe,sabes ir:fui,fuiste,fueron,fuimos,iba,iban,ibas,ibamos,voy,va,vas,van
            dormir:durmio,durmieron,duerme,duermo,duermes,duermen pedir:pidio,pidieron,pide,pides
            sentir:sintio,siento,siente,sientes morir:murio,muere haber:hubo,habia,hay ser:era,eras,eran,es,son,fue
            recordar:recuerdo,recuerdas,recuerda acordar:acuerdo,acuerdas,acuerda pensar:pienso,piensas,piensa
            entender:entiendo,entiendes,entiende contar:cuento,cuentas empezar:empieza,empiezas,empiezo
            cerrar:cierra,cierras,cierro volver:vuelve,vuelves,vuelvo seguir:sigue,siguio,sigo
            oir:oyo,oyeron,oigo,oyes encontrar:encuentra,encuentro jugar:juega,juego,juegas
            """);

    private static final Set<String> STOP = words("""
            el la lo los las un una unos unas al del de a en con por para sin sobre desde hasta hacia
            entre contra segun tras y e o u ni pero sino que quien quienes cual cuales cuando donde adonde
            como cuanto cuanta cuantos cuantas porque pues si no ya aqui ahi alli alla aca entonces luego
            despues antes mientras tambien tampoco muy mas menos tan tanto mucho mucha muchos muchas poco
            poca pocos pocas todo toda todos todas algo nada alguien nadie alguno alguna algunos algunas
            algun ningun ninguno ninguna otro otra otros otras mismo misma este esta estos estas ese esa
            esos esas aquel aquella eso esto aquello yo me mi mis mio mia conmigo tu te ti tus tuyo tuya
            contigo el ella ello ellos ellas le les se su sus suyo nos nosotros nosotras nuestro nuestra
            os usted ustedes ok okey vale aja bueno claro gracias favor mm mm-hmm hmm siempre nunca jamas
            acaso casi solo sola solos solas asi ademas
            """);

    private static final Set<String> GENERIC = words("""
            cosa cosas pasar paso pasa pasaron suceder ocurrir tiempo vez veces dia noche manana tarde
            semana mes ano hora minuto momento principio final resto parte lugar nombre color edad numero
            tipo forma manera persona gente nino nina decir contar hablar preguntar llamar saber conocer
            pensar creer sentir recordar acordar olvidar ver oir mirar querer gustar necesitar entender ir
            venir llegar hacer tener estar ser haber poder vivir quedar dormir comer beber despertar
            empezar terminar comenzar acabar bonito bueno malo feliz triste grande pequeno viejo joven
            largo corto nuevo importante diferente igual primero ultimo siguiente proximo uno dos tres
            cuatro cinco seis siete ocho nueve diez once doce veinte cien cierto verdad mal bien hoy ayer
            ultima primera
            """);

    private static final Set<String> GENERIC_STEMS =
            GENERIC.stream().map(w -> Words.stemSpanish(w, IRREGULAR)).collect(Collectors.toUnmodifiableSet());

    private static final Set<String> WH_ACCENTED = words("""
            qué quién quiénes dónde adónde cuándo cómo cuánto cuánta cuántos cuántas cuál cuáles
            """);
    private static final Set<String> WH_FOLDED = words("""
            que quien quienes donde adonde cuando como cuanto cuanta cuantos cuantas cual cuales
            """);
    private static final Set<String> MARKERS = words("""
            y e bueno ahora pues vale ok okey entonces luego despues pero oye mira
            """);
    private static final List<List<String>> IMPERATIVE_TELLS = phrases("""
            cuentame|cuentanos|dime|digame|dinos|hablame|hableme|describe|describeme|
            explicame|expliqueme|platicame|relatame|cuenteme""");
    private static final List<List<String>> REQUEST_TELLS = phrases("""
            contar|contarme|decir|decirme|hablar|hablarme|describir|describirme|explicar|explicarme|
            platicar|platicarme|relatar|cuentes|digas|hables|expliques|me cuentes|me digas|me hables|
            me expliques|me cuentas|me dices|escuchar sobre|saber que paso""");
    private static final List<List<String>> REQUEST_PREFIXES = phrases("""
            me puedes|puedes|me podrias|podrias|me quieres|quieres|te gustaria|quiero que|necesito que|
            me gustaria|quisiera|me gustaria que|me ayudas a|por favor""");
    private static final List<List<String>> CUES = phrases("""
            dijiste|me dijiste|mencionaste|me contaste|contaste|hablaste|me hablaste|comentaste|
            nombraste|me estabas contando|estabas diciendo""");
    private static final List<List<String>> TAGS = phrases("""
            verdad|no|cierto|no es asi|no es cierto|no es verdad|si|a que si|verdad que si|no crees|
            correcto|no es correcto|eh""");

    private static final Set<String> NEGATIVE_STARTS = words("no nunca jamas");
    private static final Set<String> CONTINUATIONS = words("luego despues entonces mas");
    private static final List<List<String>> FRONT_TAGS = phrases("verdad que|a que|cierto que|no es asi que");
    private static final List<List<String>> CLAUSE_OPENERS = phrases("cuando|mientras|porque|antes|despues|desde que|hasta que");
    private static final List<List<String>> REPETITION_MARKERS = phrases("otra vez|de nuevo|nuevamente|todavia|aun|seguia|seguian");
    private static final Set<String> OR_WORDS = words("o u");
    private static final Set<String> OR_EXCLUSIONS = words("no sea algo");
    private static final Set<String> AND_WORDS = words("y e");
    private static final Set<String> HAPPENED_WORDS = words("paso pasa pasaron sucedio ocurrio pasaba");
    private static final Set<String> ELSE_WORDS = Set.of("mas");
    private static final Set<String> TRANSITION_WORDS = words("viniste vienes estas venido vinieron trajeron");
    private static final Set<String> IF_WORDS = Set.of("si");
    private static final Set<String> PREPOSITIONS = words("a de con en para por desde hasta hacia sobre");
    private static final Set<String> DETERMINERS = words("el la los las un una unos unas mi mis su sus tu tus este esta ese esa");
    private static final Map<String, String> SECOND_PERSON = Map.of("mi", "tu", "mis", "tus");
    private static final Map<String, String> DEFINITE = Map.of("un", "el", "una", "la", "unos", "los", "unas", "las");
    private static final List<List<String>> GROUND_RULE_CONDITIONS =
            phrases("yo|me equivoco|digo|no entiendes|no sabes|necesitas|quieres|te sientes|no te acuerdas");
    private static final Set<String> ENCOURAGERS =
            words("aja si vale okey ok mm mm-hmm hmm bueno claro entiendo ya veo gracias de acuerdo esta bien sigue");

    private SpanishLexicon() {
    }

    @Override public Language language() { return Language.ES; }
    @Override public String stem(String folded) { return Words.stemSpanish(folded, IRREGULAR); }
    @Override public boolean isStopWord(String folded) { return STOP.contains(folded); }

    @Override
    public boolean isGeneric(String folded) {
        return GENERIC.contains(folded) || GENERIC_STEMS.contains(stem(folded));
    }

    @Override
    public boolean isWh(Words.Token token, boolean interrogativePosition) {
        return WH_ACCENTED.contains(token.lower()) || (interrogativePosition && WH_FOLDED.contains(token.folded()));
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
    @Override public String cuedRewrite() { return "Mencionaste {0}. Cuéntame todo sobre {1}."; }
    @Override public String openRewrite() { return "Cuéntame todo lo que pasó."; }
}
