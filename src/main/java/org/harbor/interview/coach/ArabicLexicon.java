package org.harbor.interview.coach;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Modern Standard Arabic word lists, as an interviewer speaks to a child: imperatives and verbs
 * in both the masculine and the feminine second person ("احكِ"/"احكي", "أخبرني"/"أخبريني",
 * "تريد"/"تريدين"). Entries are written as spelled and folded on load (see {@link ArabicText}),
 * so "إلى"/"الى" and "مرّة"/"مره" are one entry. Attached "و"/"ف" before a particle, and the
 * interrogative "أ", are separate tokens by the time a list is consulted.
 */
final class ArabicLexicon implements Lexicon {

    static final ArabicLexicon INSTANCE = new ArabicLexicon();

    private static final Set<String> STOP = folded("""
            في من إلى الى على عن مع ب ل ك و ف ثم أو او أم ام لكن بل حتى منذ قبل بعد عند عندما حين حينما
            لما إذا اذا لو إن ان أن أنّ كي لكي لأن لان لأنك لأنه لأنها هل ما ماذا لماذا كيف متى أين كم أي
            مين الذي التي الذين اللذين اللتين اللواتي هذا هذه ذلك تلك هؤلاء أولئك ذاك هنا هناك هنالك الآن
            أنا أنت أنتِ هو هي هم هن نحن أنتم أنتما هما لي لك له لها لنا لكم لهم لهن بي بك به بها بنا بكم بهم
            عني عنك عنه عنها عنا عنكم عنهم مني منك منه منها منا منكم منهم معي معك معه معها معنا معكم معهم
            علي عليك عليه عليها علينا عليكم عليهم إلي إليك إليه إليها إلينا إليهم فيه فيها فيك فيهم فينا
            عندي عندك عنده عندها عندنا عندهم نعم لا لم لن ليس ليست قد لقد سوف كل بعض غير أيضا أيضًا كذلك
            جدا جدًا فقط ربما يعني حسنا حسنًا طيب أمم ممم آه اه شكرا شكرًا يا إنه انه إنها انها إنك انك إنني
            أنني أنه أنها أنك أنكِ حول قرب بين داخل خارج فوق تحت أمام خلف وراء مثل كما هكذا بهذا بذلك لهذا
            لذلك هذا وهذا أحد أي أحدًا شيئًا إنكِ لأنكِ بعدها قبلها عندئذ أ ا
            """);

    private static final Set<String> GENERIC = folded("""
            حدث يحدث حصل يحصل صار يصير جرى يجري شيء أشياء وقت الوقت يوم أيام ليلة ليل نهار صباح مساء مرة
            مرات ساعة دقيقة أسبوع شهر سنة سنوات عام بداية البداية نهاية آخر أول مكان اسم عمر عمرك عدد لون
            نوع طريقة شخص ناس قال يقول قل تقول قولي قلت حكى يحكي احك احكي تحكي أخبر يخبر أخبرني أخبريني تخبرني
            تحدث يتحدث تتحدث تكلم يتكلم سأل يسأل أسأل عرف يعرف تعرف تعرفين فكر يفكر ظن شعر يشعر تشعر تذكر
            يتذكر تتذكر تتذكرين نسي رأى يرى رأيت سمع يسمع نظر أراد يريد تريد تريدين أحب يحب تحب تحبين احتاج
            يحتاج تحتاج فهم يفهم تفهم ذهب يذهب تذهب جاء يجيء جئت أتى أتيت وصل يصل فعل يفعل تفعل تفعلين تفعليه
            كان يكون كانت كانوا كنت كنا كنتم تكون يكونوا أصبح بقي استطاع يستطيع يمكن يمكنك تستطيع عاش يعيش
            تعيش سكن يسكن تسكن تسكنين نام ينام تنام أكل يأكل شرب يشرب استيقظ يستيقظ بدأ يبدأ انتهى جميل جيد
            سيء سيئ كبير صغير جديد قديم مهم مختلف واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة
            ثاني أخير التالي اليوم أمس غدا غدًا صحيح حقيقة خطأ كثير قليل قليلًا المزيد مزيد أكثر أقل طفل أطفال
            صحح صححي صححني كلمة كلمات سؤال أسئلة جواب إجابة أمر الأمر بخير حال كيفك وصف صف صفي اشرح اشرحي
            تصف تصفي تشرح حدثني حدثيني ساعات أسابيع أشهر لحظة موضوع قصة شيئا يوجد توجد موجود موجودة
            قضى قضيت قضيته قضيتِ مؤخرًا مؤخرا قريب عاد يعود تعود تعودون تعودين رجع يرجع ترجع عدت رجعت
            أتى يأتي تأتي يأتون تأتين خرج يخرج تخرج خرجت دخل يدخل تدخل دخلت بقي يبقى تبقى بقيت بقيتم
            بقيتِ ذهبتم جئتم وصلتم عادة عادةً بالنسبة النسبة جزء الجزء نفس نفسك نفسكِ أشخاص الأشخاص يجب
            تود تودين تودّ تودّين تظن تظنين ترى أظن أعتقد تعتقد تعتقدين يسعدني يسرني سعيد سعيدة مسرور تبلي
            بلاء بلاءً شجاع شجاعة شاطر شاطرة
            """);

    private static final Set<String> GENERIC_STEMS =
            GENERIC.stream().map(ArabicText::stem).collect(Collectors.toUnmodifiableSet());

    /** Interrogatives whatever their place. */
    private static final Set<String> WH = folded("ماذا لماذا كيف متى أين كم");
    /** "من" (who/from), "ما" (what/not), "أي" (which/any), "مين": interrogative only where a question starts. */
    private static final Set<String> WH_POSITIONAL = folded("من ما أي مين");
    private static final Set<String> PERSON_WH = folded("من مين");
    private static final Set<String> WHAT = folded("ماذا ما");
    /** Particles that open a new question after "و" by themselves. */
    /** After "أي", these make it "any" ("أي شيء", "أي أحد"), no question. */
    private static final Set<String> INDEFINITES = folded("شيء شيئا شي أحد مكان وقت سؤال");
    private static final Set<String> OPENERS = folded("هل من ما مين أ");

    private static final Set<String> AUXILIARIES = folded("هل أ");
    private static final Set<String> NEGATIVE_STARTS = folded("ألم أليس أليست ألا ألن لم لا لن ليس ليست");
    private static final Set<String> MARKERS = folded("و ف حسنا حسنًا طيب الآن إذن لكن اسمع اسمعي انظر انظري يعني ثم");
    private static final Set<String> CONTINUATIONS = folded("ثم بعد بعدين بعدها بعدئذ");
    private static final List<List<String>> IMPERATIVE_TELLS = phrases2("""
            احكِ لي|احكِ|احكي لي|احكي|احكيلي|أخبرني|أخبريني|أخبرني عن|قل لي|قولي لي|قلي|صِف لي|صِف|صفي لي|صفي|
            اشرح لي|اشرحي لي|اشرح|اشرحي|حدثني|حدثيني|كلمني|كلميني|تكلم عن|تكلمي عن|تحدث عن|تحدثي عن""");
    private static final List<List<String>> REQUEST_TELLS = phrases2("""
            تحكي لي|تحكي|تحكيلي|تخبرني|تخبريني|تقول لي|تقولي لي|تصف لي|تصفي لي|تصف|تصفي|تشرح لي|تشرحي لي|
            تشرح|تشرحي|تحدثني|تحدثيني|تتحدث عن|تتحدثي عن|تتكلم عن|تتكلمي عن|أسمع عن|أسمع منك عن|أسمع منكِ عن|
            أسمع|أعرف|أعرف المزيد عن""");
    private static final List<List<String>> REQUEST_PREFIXES = phrases2("""
            هل يمكنك أن|هل يمكنك|يمكنك أن|يمكنك|هل تستطيع أن|هل تستطيعين أن|تستطيع أن|تستطيعين أن|
            هل ممكن أن|ممكن أن|ممكن|أريد أن|أريدك أن|أود أن|أرجو أن|أرجوك|من فضلك|لو سمحت|لو سمحتِ|
            هل تريد أن|هل تريدين أن|هل تحب أن|هل تحبين أن|أحب أن""");
    private static final List<List<String>> CUES = phrases2("""
            قلت|قلت لي|ذكرت|ذكرت لي|أخبرتني|أخبرتني أن|حكيت|حكيت لي|تحدثت عن|تكلمت عن|كنت تحكي|كنت تقول|
            كنت تقولين|كنتِ تحكين|قلت قبل قليل|ذكرت قبل قليل|قلت سابقا|ذكرت سابقا""");
    private static final List<List<String>> TAGS = phrases2("""
            أليس كذلك|أليس صحيحًا|أليس صحيحا|أليس صحيح|أليس هذا صحيحًا|أليس هذا صحيحا|صحيح|صح|صحيح أم لا|
            أليس الأمر كذلك|أليس|ألا|هل هذا صحيح|هل هذا صح|هل هذا ما حدث|حقًا|أليس هذا ما حدث|مش كذا|مضبوط""");
    private static final List<List<String>> FRONT_TAGS = phrases2("""
            أليس صحيحًا أن|أليس صحيحا أن|أليس صحيحًا أنه|أليس صحيحًا أنها|صحيح أن|صحيح أنه|صحيح أنها|
            أليس صحيح أن|أليس صحيحًا أنك|صحيح أنك""");
    private static final List<List<String>> CLAUSE_OPENERS = phrases2("""
            عندما|حين|حينما|لما|بعدما|بعد أن|قبل أن|قبلما|بينما|لأن|منذ أن|حتى|كلما""");
    private static final List<List<String>> REPETITION_MARKERS = phrases2("""
            مرة أخرى|مرة ثانية|من جديد|مجددًا|مجددا|ثانية|لا يزال|ما زال|ما زالت|ظل|ظلت|كالعادة""");
    private static final Set<String> OR_WORDS = folded("أو أم");
    private static final Set<String> OR_EXCLUSIONS = folded("لا");
    private static final Set<String> AND_WORDS = folded("و ف");
    private static final Set<String> HAPPENED = folded("حدث حصل صار جرى يحدث يحصل جاء");
    private static final Set<String> ELSE = folded("أيضا أيضًا غير");
    private static final Set<String> FILLERS = folded("الذي");
    private static final Set<String> TRANSITION = folded("جئت جئتِ أتيت أتيتِ حضرت جئتم أنت أنتِ");
    private static final Set<String> IF_WORDS = folded("إذا اذا لو هل");
    private static final List<List<String>> GROUND_RULE_CONDITIONS = phrases2("""
            قلت|أخطأت|أخطات|لم تفهم|لم تفهمي|كنت لا تعرف|كنتِ لا تعرفين|لم تعرف|لم تعرفي|لا تعرف|لا تعرفين|
            لم تتذكر|لم تتذكري|لا تتذكر|لا تتذكرين|احتجت|أردت|شعرت|كان سؤالي|لم يكن|كنت لا تفهم|لم تكن متأكدًا|
            لم تكوني متأكدة""");
    private static final Set<String> ENCOURAGERS = folded("""
            حسنا حسنًا طيب نعم آه اه أمم ممم همم أها فهمت أفهم شكرا شكرًا تمام أكمل استمر أكملي استمري أنا
            أسمعك معك مفهوم""");
    private static final Set<String> PREPOSITIONS = folded("في مع إلى من عن على ب ل حتى منذ");

    private ArabicLexicon() {
    }

    private static Set<String> folded(String spaceSeparated) {
        return Lexicon.words(spaceSeparated).stream().map(Words::fold).collect(Collectors.toUnmodifiableSet());
    }

    private static List<List<String>> phrases2(String pipeSeparated) {
        return Lexicon.phrases(pipeSeparated).stream()
                .map(p -> p.stream().map(Words::fold).toList())
                .toList();
    }

    /** Folds and splits one word the way the tokenizer does; used by {@link Assurances} for its lists. */
    static Set<String> foldedWords(String spaceSeparated) {
        return folded(spaceSeparated);
    }

    static List<List<String>> foldedPhrases(String pipeSeparated) {
        return phrases2(pipeSeparated);
    }

    @Override public Language language() { return Language.AR; }
    @Override public String stem(String folded) { return ArabicText.stem(folded); }
    /** A function word, also with "و", "ف", "ب" or "ل" attached ("بكل", "وهذا", "لذلك"). */
    @Override
    public boolean isStopWord(String folded) {
        return STOP.contains(folded)
                || (folded.length() > 2 && "وفبل".indexOf(folded.charAt(0)) >= 0 && STOP.contains(folded.substring(1)));
    }

    @Override
    public boolean isGeneric(String folded) {
        return GENERIC.contains(folded) || GENERIC_STEMS.contains(stem(folded));
    }

    @Override
    public boolean isWh(Words.Token token, boolean interrogativePosition) {
        return WH.contains(token.folded()) || (interrogativePosition && WH_POSITIONAL.contains(token.folded()));
    }

    @Override public boolean isPersonWh(String folded) { return PERSON_WH.contains(folded); }
    @Override public boolean isWhat(String folded) { return WHAT.contains(folded); }
    @Override public boolean isWhatFiller(String folded) { return FILLERS.contains(folded); }
    @Override public boolean opensQuestion(String folded) { return OPENERS.contains(folded); }
    @Override public Set<String> indefinites() { return INDEFINITES; }
    @Override public Set<String> auxiliaries() { return AUXILIARIES; }
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
    @Override public Set<String> happenedWords() { return HAPPENED; }
    @Override public Set<String> elseWords() { return ELSE; }
    @Override public String whatWord() { return "ماذا"; }
    @Override public Set<String> transitionWords() { return TRANSITION; }
    @Override public Set<String> ifWords() { return IF_WORDS; }
    @Override public List<List<String>> groundRuleConditions() { return GROUND_RULE_CONDITIONS; }
    @Override public Set<String> encouragers() { return ENCOURAGERS; }
    @Override public Set<String> prepositions() { return PREPOSITIONS; }
    /** Arabic marks definiteness on the word ("ال"), so there is no determiner token to keep. */
    @Override public Set<String> determiners() { return Set.of(); }
    @Override public Map<String, String> secondPerson() { return Map.of(); }
    @Override public Map<String, String> definite() { return Map.of(); }
    @Override public String cuedRewrite() { return "ذكرتَ/ذكرتِ {0}. احكِ/احكي لي كل شيء عن {1}."; }
    @Override public String openRewrite() { return "احكِ/احكي لي كل ما حدث."; }
}
