package org.harbor.interview.coach;

import static org.harbor.interview.coach.Lexicon.lemmas;
import static org.harbor.interview.coach.Lexicon.phrases;
import static org.harbor.interview.coach.Lexicon.words;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** English word lists. */
final class EnglishLexicon implements Lexicon {

    static final EnglishLexicon INSTANCE = new EnglishLexicon();

    private static final Map<String, String> IRREGULAR = lemmas("""
            take:took,taken go:went,gone drive:drove,driven eat:ate,eaten sleep:slept leave:left
            bring:brought buy:bought make:made say:said tell:told keep:kept give:gave,given come:came
            see:saw,seen run:ran hide:hid,hidden pay:paid sell:sold send:sent catch:caught hold:held
            throw:threw,thrown wake:woke,woken wear:wore,worn write:wrote,written speak:spoke,spoken
            steal:stole,stolen break:broke,broken get:got,gotten feel:felt find:found lose:lost
            know:knew,known think:thought bite:bit,bitten fight:fought meet:met beat:beaten stand:stood
            sit:sat begin:began,begun drink:drank,drunk ride:rode,ridden fly:flew,flown hang:hung
            shoot:shot strike:struck teach:taught fall:fell,fallen forget:forgot,forgotten
            choose:chose,chosen bleed:bled flee:fled lead:led hear:heard have:had,has do:did,done,does
            be:was,were,been,is,are,am man:men woman:women child:children foot:feet tooth:teeth
            wife:wives knife:knives swim:swam,swum sing:sang dig:dug sweep:swept spend:spent build:built
            lend:lent bend:bent mean:meant understand:understood become:became lie:lay,lain
            """);

    private static final Set<String> STOP = words("""
            a an the this that these those some any each every all both either neither no none another
            other others such i me my mine myself you your yours yourself he him his himself she her
            hers herself it its itself we us our ours they them their theirs themselves one ones
            be am is are was were been being have has had having do does did done doing will would shall
            should can could may might must ought isn't aren't wasn't weren't haven't hasn't hadn't don't
            doesn't didn't won't wouldn't shouldn't can't cannot couldn't mustn't i'm you're he's she's
            it's we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll
            he'll she'll we'll they'll that's there's what's who's let's and or but nor so yet if whether
            because as than then though although while when where who whom whose what which why how about
            above across after against along among around at before behind below beneath beside between
            beyond by down during except for from in inside into near of off on onto out outside over
            past since through till to toward towards under until up upon with within without not never
            ever again also too very really just only even still already ago here there now soon later
            earlier once twice okay ok yes no yeah yep please thank thanks well oh um uh hmm mm mhm
            mm-hmm uh-huh huh eh right alright sure like away back
            """);

    private static final Set<String> GENERIC = words("""
            thing things something anything everything nothing stuff happen happened happens happening
            time times day days night nights morning evening afternoon week weekend month year hour minute
            second moment today yesterday tonight tomorrow recently usually sometimes always often first
            last next end start started beginning middle rest part whole place way kind type sort name
            colour color size number age old young long far big small little tall short new good bad fun
            nice happy sad important different same else more most much many few lot lots less people
            person someone somebody anyone anybody everyone everybody nobody children child kids kid
            say tell talk speak ask answer mention know think feel remember forget see hear look mean want
            need like understand go going come coming get getting make let do have be live stay sleep eat
            drink wake arrive own belong true wrong sure fine real able one two three four five six seven
            eight nine ten eleven twelve fifteen twenty hundred
            """);

    private static final Set<String> GENERIC_STEMS =
            GENERIC.stream().map(w -> Words.stemEnglish(w, IRREGULAR)).collect(Collectors.toUnmodifiableSet());

    private static final Set<String> WH = words("who whom whose what which where when why how");
    private static final Set<String> AUX = words("""
            do does did is are am was were has have had can could will would shall should may might must
            """);
    private static final Set<String> NEGATIVE = words("""
            isn't aren't wasn't weren't haven't hasn't hadn't don't doesn't didn't won't wouldn't
            shouldn't can't couldn't mustn't ain't
            """);
    private static final Set<String> MARKERS = words("okay ok so and now well alright oh um uh but anyway right yeah please then");
    private static final Set<String> CONTINUATIONS = words("then next afterwards else");
    private static final List<List<String>> IMPERATIVE_TELLS = phrases("tell me|tell us|describe|explain");
    private static final List<List<String>> REQUEST_TELLS =
            phrases("tell me|tell us|describe|explain|hear about|talk about|talk to me about");
    private static final List<List<String>> REQUEST_PREFIXES = phrases("""
            can you please|could you please|would you please|can you|could you|would you|will you|
            would you like to|do you want to|would you be able to|i'd like you to|i would like you to|
            i want you to|i need you to|i'd like to|i would like to|i want to|let's|let us""");
    private static final List<List<String>> CUES = phrases("""
            you said|you mentioned|you told me|you told us|you talked about|you were telling me|
            you described|you've said|you have said|you've mentioned|you have mentioned|you spoke about|
            you brought up|you were talking about""");
    private static final List<List<String>> TAGS = phrases("""
            right|correct|yeah|yes|no|huh|eh|true|is that right|isn't that right|is that true|
            isn't that true|is that correct|isn't that so|am i right|don't you think|wouldn't you say""");
    private static final Set<String> SUBJECTS = words("""
            i you he she it we they there anyone anybody someone somebody everyone nobody the a an your
            his her my their this that
            """);
    private static final List<List<String>> OPENERS = phrases("when|after|before|while|since|until|because");
    private static final List<List<String>> REPETITION_MARKERS = phrases("again|still|anymore|any more|another time");
    private static final Set<String> OR_WORDS = Set.of("or");
    private static final Set<String> OR_EXCLUSIONS = words("not so anything whatever");
    private static final Set<String> AND_WORDS = Set.of("and");
    private static final Set<String> HAPPENED_WORDS = words("happen happened happens happening");
    private static final Set<String> ELSE_WORDS = Set.of("else");
    private static final Set<String> TRANSITION_WORDS = words("came come are here you're been");
    private static final Set<String> IF_WORDS = words("if whether");
    private static final Set<String> PREPOSITIONS = words("in at with to from for of on by about into");
    private static final Set<String> DETERMINERS = words("the a an my his her their our your this that");
    private static final Map<String, String> SECOND_PERSON = Map.of("my", "your", "our", "your");
    private static final Map<String, String> DEFINITE = Map.of("a", "the", "an", "the");
    private static final List<List<String>> GROUND_RULE_CONDITIONS =
            phrases("i|i'm|i've|i'd|you don't|you do not|you need|you want|you can't|you cannot|you feel|you get");
    private static final Set<String> ENCOURAGERS =
            words("okay ok mm hmm mm-hmm mhm uh-huh uh huh yes yeah right alright i see sure thanks thank you go on");

    private EnglishLexicon() {
    }

    @Override public Language language() { return Language.EN; }
    @Override public String stem(String folded) { return Words.stemEnglish(folded, IRREGULAR); }
    @Override public boolean isStopWord(String folded) { return STOP.contains(folded); }

    @Override
    public boolean isGeneric(String folded) {
        return GENERIC.contains(folded) || GENERIC_STEMS.contains(stem(folded));
    }

    @Override
    public boolean isWh(Words.Token token, boolean interrogativePosition) {
        return WH.contains(token.folded());
    }

    @Override public Set<String> auxiliaries() { return AUX; }
    @Override public Set<String> negativeStarts() { return NEGATIVE; }
    @Override public Set<String> leadingMarkers() { return MARKERS; }
    @Override public Set<String> continuations() { return CONTINUATIONS; }
    @Override public List<List<String>> imperativeTells() { return IMPERATIVE_TELLS; }
    @Override public List<List<String>> requestTells() { return REQUEST_TELLS; }
    @Override public List<List<String>> requestPrefixes() { return REQUEST_PREFIXES; }
    @Override public List<List<String>> cuePhrases() { return CUES; }
    @Override public List<List<String>> tagTails() { return TAGS; }
    @Override public List<List<String>> frontTags() { return List.of(); }
    @Override public Set<String> subjects() { return SUBJECTS; }
    @Override public List<List<String>> clauseOpeners() { return OPENERS; }
    @Override public List<List<String>> repetitionMarkers() { return REPETITION_MARKERS; }
    @Override public Set<String> orWords() { return OR_WORDS; }
    @Override public Set<String> orExclusions() { return OR_EXCLUSIONS; }
    @Override public Set<String> andWords() { return AND_WORDS; }
    @Override public Set<String> happenedWords() { return HAPPENED_WORDS; }
    @Override public Set<String> elseWords() { return ELSE_WORDS; }
    @Override public String whatWord() { return "what"; }
    @Override public Set<String> transitionWords() { return TRANSITION_WORDS; }
    @Override public Set<String> ifWords() { return IF_WORDS; }
    @Override public List<List<String>> groundRuleConditions() { return GROUND_RULE_CONDITIONS; }
    @Override public Set<String> encouragers() { return ENCOURAGERS; }
    @Override public Set<String> prepositions() { return PREPOSITIONS; }
    @Override public Set<String> determiners() { return DETERMINERS; }
    @Override public Map<String, String> secondPerson() { return SECOND_PERSON; }
    @Override public Map<String, String> definite() { return DEFINITE; }
    @Override public String cuedRewrite() { return "You mentioned {0}. Tell me everything about {1}."; }
    @Override public String openRewrite() { return "Tell me everything that happened."; }
}
