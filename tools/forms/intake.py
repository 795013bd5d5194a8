"""harbor-intake: who the person is, age and the child rule, languages, guardians, documents, needs."""
import copy

import safety
from codes import (COUNTRY_MANY, COUNTRY_MANY_MSG, LANGUAGE_MANY, LANGUAGE_MANY_MSG, PARTIAL_DATE,
                   PARTIAL_DATE_IN_FUTURE)
from common import LANGUAGE, SOURCES_COMMON, STAFF_ONLY, YES_NO
from xform import T, Form, calc, page, q, repeat

# Issue 12: coded nationality and languages, care status and current carer, the guardian question
# made a staff observation; the child rule (only a recorded "no reason to believe under 18", with
# why, makes an adult) and partial dates of birth. (Raise again, not merge, if another change raised
# it too.)
FORM_VERSION = "2026120411"

SOURCES = """\
Harbor built-in form: intake (harbor-intake).
""" + SOURCES_COMMON + """
  * Age: claimed age, documented date of birth with a doubt flag, assessed range and method,
    and the presumption of minority (a person whose age is uncertain is treated as a child when
    there is reason to believe they are under 18): Directive 2011/36/EU Art. 13(2); Council of
    Europe Convention on Action against Trafficking in Human Beings Art. 10(3); via Harbor
    DOMAIN.md section 4 (R19) and the ATHub "Age disputes" and YJLC/ECPAT age-assessment notes.
    Issue 12: only the worker's recorded "no reason to believe under 18", with why, makes an
    adult; documents, a bare "no" and "don't know" never do. Dates of birth may be partial
    (YYYY, YYYY-MM, YYYY-MM-DD, DOMAIN.md section 5 PartialDate) with an "approximate" flag.
  * Person fields after HTCDS prs_ (names, birthdate, gender, nationality) and the
    DOMAIN.md section 5 outline (Guardian/Contact, LanguageProf, IdentityDoc with held_by).
  * Coded values beside the person's own words: nationality as ISO 3166-1 alpha-2 codes (HTCDS
    prs_Nationality), languages as BCP 47 tags (DOMAIN.md section 5, LanguageProf).
  * Unaccompanied and separated children: UN Committee on the Rights of the Child, General
    Comment No. 6 (2005), paragraphs 7 and 8, paraphrased."""

CARE_STATUS = [
    ("unaccompanied", T("Unaccompanied: apart from both parents and other relatives, and no adult responsible by law "
                        "or custom is caring for the child",
                        "No acompañado o no acompañada: lejos de ambos padres y de otros familiares, sin ningún adulto "
                        "responsable por ley o costumbre que le cuide",
                        "غير مصحوب: منفصل عن الوالدين كليهما وعن الأقارب الآخرين، ولا يرعاه أي بالغ مسؤول عنه قانونًا "
                        "أو عرفًا")),
    ("separated", T("Separated: apart from both parents or the usual caregiver, but possibly with other relatives",
                    "Separado o separada: lejos de ambos padres o de quien le cuidaba habitualmente, aunque quizá con "
                    "otros familiares",
                    "منفصل: بعيد عن الوالدين كليهما أو عن مقدّم الرعاية المعتاد، وربما مع أقارب آخرين")),
    ("accompanied", T("With a parent or the usual caregiver", "Con la madre, el padre o quien lo cuida habitualmente",
                      "مع أحد الوالدين أو مقدّم الرعاية المعتاد")),
]

CURRENT_CARER = [
    ("parent", T("A parent", "Mi mamá o mi papá", "أحد والديّ")),
    ("relative", T("Another relative", "Otro familiar", "قريب آخر")),
    ("foster", T("A foster family, shelter or children's home", "Una familia de acogida, un albergue o un hogar "
                 "de niños y niñas", "أسرة حاضنة أو دار إيواء أو دار للأطفال")),
    ("friend", T("A friend or someone I know", "Un amigo, una amiga o alguien que conozco", "صديق أو شخص أعرفه")),
    ("employer", T("The people I work for", "Las personas para las que trabajo", "الأشخاص الذين أعمل لديهم")),
    ("nobody", T("Nobody", "Nadie", "لا أحد")),
    ("other", T("Someone else", "Otra persona", "شخص آخر")),
]

CLAIMED = "/data/age/claimed_age"
DOB = "/data/age/dob"
DOB_AGE = "/data/age/age_from_dob"
MIN = "/data/assessment/assessed_age_min"
MAX = "/data/assessment/assessed_age_max"
REASON = "/data/assessment/reason_under_18"
REASON_NOT_CHILD = "/data/assessment/reason_not_child"


def known(path):
    return f"string-length({path}) > 0"


UNDER_18 = (f"({known(CLAIMED)} and {CLAIMED} < 18) or ({known(DOB_AGE)} and {DOB_AGE} < 18) or "
            f"({known(MIN)} and {MIN} < 18) or ({known(MAX)} and {MAX} < 18)")
# Issue 12 (R19): a child unless nothing recorded says under 18, the worker answered that there is no
# reason to believe so, and wrote why. An unanswered question, "don't know" and a bare no leave a
# child; no document or date of birth, doubtful or not, makes an adult on its own.
TREATED_AS_CHILD = (f"if(not({UNDER_18}) and {REASON} = 'no' and "
                    f"string-length(normalize-space({REASON_NOT_CHILD})) > 0, 'no', 'yes')")
# The youngest age the (partial) date of birth allows: for a year alone the birthday may still be to
# come this year; for a year and month, when that month is this month or later.
_BY, _BM, _BD = f"number(substr({DOB}, 0, 4))", f"number(substr({DOB}, 5, 7))", f"number(substr({DOB}, 8, 10))"
AGE_FROM_DOB = (f"if(string-length({DOB}) = 0, '', number(format-date(today(), '%Y')) - {_BY} - "
                f"if(string-length({DOB}) = 4, 1, "
                f"if(string-length({DOB}) = 7, if({_BM} >= number(format-date(today(), '%m')), 1, 0), "
                f"if({_BM} * 100 + {_BD} > number(format-date(today(), '%m')) * 100 + "
                f"number(format-date(today(), '%d')), 1, 0))))")

AGE_RANGE_MSG = T("An age is a whole number from 0 to 120.", "Una edad es un número entero de 0 a 120.",
                  "العمر عدد صحيح من 0 إلى 120.")


def _future_or_no_such(future, no_such):
    """Which of the two the refused date of birth is: FormTexts.constraintMessage puts the refused value
    in the instance for the call, so that the output reads it as {@code .}."""
    return f"<output value=\"if({PARTIAL_DATE_IN_FUTURE}, '{future}', '{no_such}')\"/>"


# A date of birth is a partial date (codes.PARTIAL_DATE: from 1900, a day that exists, not in the future).
DOB_MSG = T(_future_or_no_such("A date of birth cannot be in the future.", "There is no such date.")
            + " Write a year (2009), a year and month (2009-06) or a whole date (2009-06-14).",
            _future_or_no_such("La fecha de nacimiento no puede ser futura.", "Esa fecha no existe.")
            + " Escriba un año (2009), un año y un mes (2009-06) o una fecha completa (2009-06-14).",
            _future_or_no_such("لا يمكن أن يكون تاريخ الميلاد في المستقبل.", "لا يوجد تاريخ كهذا.")
            + " اكتب سنة (2009)، أو سنة وشهرًا (2009-06)، أو تاريخًا كاملًا (2009-06-14).")

AGE_METHOD = [
    ("self_report", T("What the person said", "Lo que dijo la persona", "ما قاله الشخص")),
    ("documents", T("Documents", "Documentos", "الوثائق")),
    ("professional", T("Assessment by a trained professional", "Evaluación por personal profesional capacitado",
                       "تقييم من مختص مدرَّب")),
    ("appearance", T("Appearance and behaviour only", "Solo por apariencia y comportamiento",
                     "المظهر والسلوك فقط")),
    ("other", T("Another way", "Otra forma", "طريقة أخرى")),
]

WORKER_GENDER = [
    ("woman", T("A woman", "Una mujer", "امرأة")),
    ("man", T("A man", "Un hombre", "رجل")),
    ("no_preference", T("It does not matter", "Me da igual", "لا يهم")),
]

READS = [
    ("yes", T("Yes", "Sí", "نعم")),
    ("a_little", T("A little", "Un poco", "قليلًا")),
    ("no", T("No", "No", "لا")),
]

RELATION = [
    ("mother", T("Mother", "Madre", "الأم")),
    ("father", T("Father", "Padre", "الأب")),
    ("relative", T("Other relative", "Otro familiar", "قريب آخر")),
    ("legal_guardian", T("Legal guardian", "Tutor legal", "وصي قانوني")),
    ("carer", T("Carer or foster carer", "Cuidador o familia de acogida", "مقدّم رعاية أو أسرة حاضنة")),
    ("other", T("Someone else", "Otra persona", "شخص آخر")),
]

DOC_TYPE = [
    ("passport", T("Passport", "Pasaporte", "جواز سفر")),
    ("national_id", T("National identity card", "Documento nacional de identidad", "بطاقة هوية وطنية")),
    ("birth_certificate", T("Birth certificate", "Acta de nacimiento", "شهادة ميلاد")),
    ("visa", T("Visa", "Visa", "تأشيرة")),
    ("work_permit", T("Work permit", "Permiso de trabajo", "تصريح عمل")),
    ("other", T("Another document", "Otro documento", "وثيقة أخرى")),
]

HELD_BY = [
    ("self", T("I have it", "Lo tengo yo", "هي معي")),
    ("employer", T("An employer or boss", "Un empleador o jefe", "صاحب العمل أو المدير")),
    ("recruiter", T("The person who brought me or found me work", "La persona que me trajo o me buscó trabajo",
                    "الشخص الذي أحضرني أو وجد لي العمل")),
    ("family", T("Family", "Mi familia", "العائلة")),
    ("authorities", T("Police or other authorities", "La policía u otras autoridades", "الشرطة أو جهات رسمية أخرى")),
    ("other", T("Someone else", "Otra persona", "شخص آخر")),
]


def from_safety(name, **changes):
    """The same question, worded as in the safety form, so the ask-once fact reads alike."""
    for group in safety.NODES:
        for node in group.children:
            if node.name == name:
                clone = copy.copy(node)
                clone.children = []
                for key, value in changes.items():
                    setattr(clone, key, value)
                return clone
    raise KeyError(name)


NODES = [
    page("intro", T("About you", "Sobre ti", "عنك"),
         q("note", "intro_note",
           T("Now I would like to ask some questions about you, so that we can help in the right way. You can say "
             "you don't know, or that you prefer not to say.",
             "Ahora me gustaría hacerte unas preguntas sobre ti, para poder ayudarte de la forma adecuada. Puedes "
             "decir que no lo sabes o que prefieres no decirlo.",
             "أودّ الآن أن أطرح عليك بعض الأسئلة عنك، كي نساعدك بالطريقة الصحيحة. يمكنك الإجابة بـ«لا أعرف» "
             "أو بـ«أفضّل ألا أجيب»."),
           T("Reminds the person that every question may be left unanswered before personal questions begin.",
             "Recuerda a la persona, antes de las preguntas personales, que puede dejar cualquiera sin responder.",
             "يذكّر الشخص، قبل بدء الأسئلة الشخصية، بأنه يستطيع ترك أي سؤال دون إجابة."))),
    page("names", T("Names", "Nombres", "الأسماء"),
         q("text", "name",
           T("What is your name?", "¿Cómo te llamas?", "ما اسمك؟"),
           T("So we can call the person by their name; it also links this case's records.",
             "Para llamar a la persona por su nombre; también une los registros del caso.",
             "كي نناديه باسمه؛ ويربط الاسم أيضًا سجلات هذه الحالة."),
           required=True, fact="survivor.name", purpose="services referral law_enforcement national_referral"),
         q("text", "aliases",
           T("Have you used or been given any other names, nicknames or spellings?",
             "¿Has usado o te han dado otros nombres, apodos o formas de escribir tu nombre?",
             "هل استخدمت أو أُطلقت عليك أسماء أخرى، أو ألقاب، أو طرق أخرى لكتابة اسمك؟"),
           T("Other names help find earlier records and documents; exploiters sometimes give people new names.",
             "Otros nombres ayudan a encontrar registros y documentos anteriores; a veces los explotadores dan "
             "nombres nuevos a las personas.",
             "الأسماء الأخرى تساعد في إيجاد سجلات ووثائق سابقة؛ وأحيانًا يعطي المستغِلون الأشخاصَ أسماء جديدة."),
           fact="survivor.aliases", purpose="services law_enforcement national_referral")),
    page("age", T("Age", "Edad", "العمر"),
         q("int", "claimed_age",
           T("How old are you?", "¿Cuántos años tienes?", "كم عمرك؟"),
           T("The age the person gives is recorded as said, even if it seems wrong; it is one piece of evidence.",
             "La edad que da la persona se anota tal como la dice, aunque parezca incorrecta; es un dato más.",
             "يُسجَّل العمر كما يقوله الشخص، حتى لو بدا غير صحيح؛ فهو دليل واحد من عدة أدلة."),
           constraint=". >= 0 and . <= 120", cmsg=AGE_RANGE_MSG,
           fact="survivor.claimed_age", purpose="services referral law_enforcement national_referral research"),
         q("text", "dob",
           T("When were you born? The year, or the year and month, is enough if that is all you know.",
             "¿Cuándo naciste? Si solo sabes el año, o el año y el mes, con eso basta.",
             "متى وُلدت؟ تكفي السنة، أو السنة والشهر، إن كان هذا كل ما لديك."),
           T("Written as a year, a year and month, or a whole date (2009, 2009-06, 2009-06-14). A date of birth, "
             "said or from a document, is needed for most services and referrals.",
             "Se escribe como año, año y mes, o fecha completa (2009, 2009-06, 2009-06-14). La fecha de nacimiento, "
             "dicha o de un documento, hace falta para la mayoría de servicios y derivaciones.",
             "يُكتب سنةً، أو سنةً وشهرًا، أو تاريخًا كاملًا (2009، 2009-06، 2009-06-14). تاريخ الميلاد، سواء قاله "
             "الشخص أو ورد في وثيقة، مطلوب لمعظم الخدمات والإحالات."),
           constraint=PARTIAL_DATE, cmsg=DOB_MSG,
           fact="survivor.date_of_birth", purpose="services referral law_enforcement national_referral"),
         q("select1", "dob_approximate",
           T("Is this date of birth an estimate?", "¿Esta fecha de nacimiento es aproximada?",
             "هل تاريخ الميلاد هذا تقريبي؟"),
           T('Yes when the date is approximate ("around 2009"), so that nobody reads it as exact.',
             "Sí cuando la fecha es un cálculo aproximado («alrededor de 2009»), para que nadie la lea como exacta.",
             "«نعم» إذا كان التاريخ تقديرًا («نحو 2009»)، كي لا يقرأه أحد على أنه دقيق."),
           choices="yes_no", relevant=f"string-length({DOB}) > 0",
           fact="survivor.dob_approximate", purpose="services referral law_enforcement national_referral"),
         q("select1", "dob_uncertain",
           T("Is there any doubt about this date of birth?", "¿Hay alguna duda sobre esta fecha de nacimiento?",
             "هل هناك أي شك في تاريخ الميلاد هذا؟"),
           T("Documents can be false or belong to someone else, and exploiters coach people to give false ages; a "
             "doubtful date never makes someone an adult.",
             "Los documentos pueden ser falsos o de otra persona, y los explotadores enseñan a dar edades falsas; "
             "una fecha dudosa nunca convierte a nadie en adulto.",
             "قد تكون الوثائق مزوّرة أو لشخص آخر، ويلقّن المستغِلون الأشخاصَ أعمارًا غير صحيحة؛ والتاريخ "
             "المشكوك فيه لا يجعل أحدًا بالغًا أبدًا."),
           choices="yes_no", required=True, relevant="string-length(/data/age/dob) > 0",
           fact="survivor.dob_uncertain", purpose="services referral law_enforcement national_referral"),
         calc("age_from_dob", AGE_FROM_DOB)),
    page("assessment", T("Age assessment", "Valoración de la edad", "تقدير العمر"),
         q("int", "assessed_age_min",
           T("Assessed age: youngest likely age", "Edad estimada: la menor probable", "العمر المقدَّر: أصغر عمر محتمل"),
           T("An age range, not a single number, says honestly how certain the assessment is.",
             "Un intervalo de edad, y no una cifra única, dice con honestidad cuán segura es la valoración.",
             "نطاق العمر، لا رقم واحد، يبيّن بصدق مدى يقين التقدير."),
           constraint=". >= 0 and . <= 120", cmsg=AGE_RANGE_MSG,
           fact="survivor.assessed_age_min", purpose="services referral law_enforcement national_referral research"),
         q("int", "assessed_age_max",
           T("Assessed age: oldest likely age", "Edad estimada: la mayor probable", "العمر المقدَّر: أكبر عمر محتمل"),
           T("The upper end of the range; together with the lower end it shows whether the person may be under 18.",
             "El extremo superior del intervalo; junto con el inferior muestra si la persona podría ser menor de 18.",
             "الحد الأعلى للنطاق؛ ومع الحد الأدنى يبيّن ما إذا كان الشخص قد يكون دون 18."),
           constraint=f". >= 0 and . <= 120 and (string-length({MIN}) = 0 or . >= {MIN})",
           cmsg=T("The oldest age is a whole number from the youngest age up to 120.",
                  "La edad mayor es un número entero entre la edad menor y 120.",
                  "أكبر عمر عدد صحيح بين أصغر عمر و120."),
           fact="survivor.assessed_age_max", purpose="services referral law_enforcement national_referral research"),
         q("select", "age_method",
           T("How was the age assessed?", "¿Cómo se valoró la edad?", "كيف قُدِّر العمر؟"),
           T("The method shows how much weight the range can bear; appearance alone is weak evidence.",
             "El método indica cuánto peso tiene el intervalo; la apariencia sola es una prueba débil.",
             "الطريقة تبيّن مدى الاعتماد على النطاق؛ والمظهر وحده دليل ضعيف."),
           choices="age_method", relevant=f"{known(MIN)} or {known(MAX)}",
           fact="survivor.age_method", purpose="services law_enforcement national_referral"),
         q("select1", "reason_under_18",
           T("Is there any reason to believe this person may be under 18?",
             "¿Hay algún motivo para creer que esta persona podría tener menos de 18 años?",
             "هل هناك أي سبب للاعتقاد بأن هذا الشخص قد يكون دون 18 سنة؟"),
           T("Asked when nothing recorded says the person is under 18. Yes, don't know or no answer: the person is "
             "treated as a child. Only a no with your reason below treats them as an adult.",
             "Se pregunta cuando nada de lo anotado dice que la persona es menor. Con un sí, un «no sé» o sin "
             "respuesta, se la trata como menor. Solo un no con su motivo, abajo, hace que se la trate como adulta.",
             "يُسأل عندما لا يدل أي شيء مسجَّل على أن الشخص دون 18. مع «نعم» أو «لا أعرف» أو عدم الإجابة يُعامل "
             "الشخص كطفل. ولا يُعامل كبالغ إلا مع «لا» وسببك مكتوبًا أدناه."),
           choices="yes_no", relevant=f"not({UNDER_18})",
           fact="survivor.reason_under_18", purpose="services"),
         q("text", "reason_not_child",
           T("Why is there no reason to believe this person is under 18?",
             "¿Por qué no hay motivos para creer que esta persona tiene menos de 18 años?",
             "لماذا لا يوجد سبب للاعتقاد بأن هذا الشخص دون 18 سنة؟"),
           T("Your own reason, in your words. Documents alone are not enough: they can be false or belong to "
             "someone else.",
             "Su propio motivo, con sus palabras. Los documentos solos no bastan: pueden ser falsos o de otra "
             "persona.",
             "سببك أنت، بكلماتك. الوثائق وحدها لا تكفي: فقد تكون مزوّرة أو لشخص آخر."),
           required=True, relevant=f"{REASON} = 'no'", purpose="services"),
         calc("treated_as_child", TREATED_AS_CHILD, fact="survivor.treated_as_child",
              purpose="services referral law_enforcement national_referral research"),
         q("note", "child_rule",
           T("The rule: a person whose age is uncertain is treated as a child unless the worker records that there "
             "is no reason to believe they are under 18, and why. Documents alone never make someone an adult.",
             "La regla: una persona cuya edad es dudosa se trata como menor, salvo que quien la atiende anote que no "
             "hay motivos para creer que tiene menos de 18 años, y por qué. Los documentos solos nunca hacen adulta a "
             "una persona.",
             "القاعدة: يُعامل الشخص غير المؤكد عمره كطفل، إلا إذا سجّل العامل أنه لا يوجد سبب للاعتقاد بأنه دون 18 "
             "سنة، وذكر السبب. والوثائق وحدها لا تجعل أحدًا بالغًا أبدًا."),
           T("Shown so that everyone sees why the case is treated as it is (EU Directive 2011/36/EU, Article 13(2); "
             "Council of Europe Convention, Article 10(3)).",
             "Se muestra para que todos vean por qué el caso se trata así (Directiva 2011/36/UE, artículo 13.2; "
             "Convenio del Consejo de Europa, artículo 10.3).",
             "يُعرض كي يرى الجميع سبب معاملة الحالة على هذا النحو (التوجيه الأوروبي 2011/36، المادة 13(2)؛ "
             "اتفاقية مجلس أوروبا، المادة 10(3))."),
           ),
         q("note", "child_yes",
           T("This person is treated as a child: a child's assent and a guardian's or authority's consent apply, and "
             "so do duties to protect children.",
             "Esta persona se trata como menor: se aplican el asentimiento del niño o la niña y el consentimiento de su "
             "tutor o tutora, o de una autoridad, y también los deberes de protección de la infancia.",
             "يُعامل هذا الشخص كطفل: تنطبق موافقة الطفل وموافقة الوصي أو الجهة الرسمية، وكذلك واجبات حماية "
             "الأطفال."),
           T("The result of the rule for the answers above; it changes when they change.",
             "El resultado de la regla para las respuestas anteriores; cambia si cambian.",
             "نتيجة القاعدة بحسب الإجابات أعلاه؛ وتتغير إذا تغيّرت."),
           relevant="/data/assessment/treated_as_child = 'yes'"),
         q("note", "child_no",
           T("This person is treated as an adult: nothing recorded says under 18, and the worker has recorded why "
             "there is no reason to believe otherwise. Change the answers above if that changes.",
             "Esta persona se trata como adulta: nada de lo anotado dice que es menor, y quien la atiende anotó por qué "
             "no hay motivos para creer otra cosa. Cambie las respuestas de arriba si eso cambia.",
             "يُعامل هذا الشخص كبالغ: لا شيء مسجَّلًا يدل على أنه دون 18، وقد سجّل العامل سبب عدم وجود ما يدعو "
             "للاعتقاد بغير ذلك. غيّر الإجابات أعلاه إذا تغيّر ذلك."),
           T("The result of the rule for the answers above; it changes when they change.",
             "El resultado de la regla para las respuestas anteriores; cambia si cambian.",
             "نتيجة القاعدة بحسب الإجابات أعلاه؛ وتتغير إذا تغيّرت."),
           relevant="/data/assessment/treated_as_child = 'no'")),
    page("gender", T("Gender", "Género", "النوع الاجتماعي"),
         q("text", "gender",
           T("How do you describe your gender? You can use your own words.",
             "¿Cómo quieres que hablemos de ti: como chico, como chica o de otra manera? Puedes decirlo con tus propias palabras.",
             "كيف نخاطبك: كولد، أم كبنت، أم بطريقة أخرى؟ يمكنك الإجابة بكلماتك."),
           T("Recorded in the person's own words, so that they are addressed as they wish.",
             "Se anota con las palabras de la persona, para dirigirse a ella como desea.",
             "يُسجَّل بكلمات الشخص نفسه، كي يُخاطَب بالطريقة التي يريدها."),
           fact="survivor.gender", purpose="services referral national_referral research"),
         q("select1", "worker_gender",
           T("Would you feel more comfortable talking with a woman or a man?",
             "¿Te sentirías más cómodo o cómoda hablando con una mujer o con un hombre?",
             "هل يكون الحديث أسهل عليك مع امرأة أم مع رجل؟"),
           T("Lets the person choose the gender of their worker and interpreter where possible.",
             "Permite a la persona elegir, cuando sea posible, el género de quien la atiende y de quien interpreta.",
             "يتيح للشخص أن يختار جنس العامل والمترجم حيثما أمكن."),
           choices="worker_gender", fact="survivor.preferred_worker_gender", purpose="services referral")),
    page("languages", T("Languages", "Idiomas", "اللغات"),
         q("text", "languages",
           T("Which languages do you speak?", "¿Qué idiomas hablas?", "ما اللغات التي يمكنك التحدث بها؟"),
           T("So that the person is spoken to in a language they understand well.",
             "Para hablar con la persona en un idioma que entienda bien.",
             "كي نتحدث مع الشخص بلغة يفهمها جيدًا."),
           fact="survivor.languages", purpose="services referral law_enforcement national_referral"),
         q("text", "language_codes",
           T(STAFF_ONLY.en + "the same languages as BCP 47 tags, for example ar so es-419",
             STAFF_ONLY.es + "los mismos idiomas como etiquetas BCP 47, por ejemplo ar so es-419",
             STAFF_ONLY.ar + "اللغات نفسها بوسوم BCP 47، مثل ar so es-419"),
           T("Codes let interpreters and other organisations be matched without guessing at spellings; the person's "
             "own words stay above.",
             "Los códigos permiten buscar intérpretes y organizaciones sin adivinar la ortografía; las palabras de la "
             "persona quedan arriba.",
             "تتيح الرموز إيجاد المترجمين والمنظمات دون تخمين طريقة الكتابة؛ وتبقى كلمات الشخص نفسه في الأعلى."),
           constraint=LANGUAGE_MANY, cmsg=LANGUAGE_MANY_MSG,
           fact="survivor.language_codes", purpose="services referral law_enforcement national_referral"),
         q("select1", "reads",
           T("Can you read in any of those languages?", "¿Puedes leer en alguno de esos idiomas?",
             "هل يمكنك القراءة بأي من هذه اللغات؟"),
           T("Written material is only given to people who can read it; otherwise it is read aloud.",
             "Solo se da material escrito a quien puede leerlo; si no, se lee en voz alta.",
             "لا تُعطى المواد المكتوبة إلا لمن يستطيع قراءتها؛ وإلا فتُقرأ بصوت عالٍ."),
           choices="reads", fact="survivor.reads", purpose="services referral"),
         q("select1", "preferred_language",
           T("Which language would you like us to use with you?", "¿Qué idioma quieres que usemos contigo?",
             "بأي لغة يناسبك أن نتحدث معك؟"),
           T("Sets the interview language for this person's sessions.",
             "Fija el idioma de entrevista para las sesiones de esta persona.",
             "يحدد لغة المقابلة لجلسات هذا الشخص."),
           choices="language", fact="survivor.preferred_language", purpose="services referral"),
         q("select1", "interpreter_needed",
           T("Would you like an interpreter?", "¿Quieres que alguien interprete para ti?", "هل يفيدك وجود مترجم شفهي؟"),
           T("An interpreter must be arranged in advance, and must not be family or anyone linked to the exploiter.",
             "Hay que organizar un intérprete con antelación, y no debe ser un familiar ni nadie vinculado al "
             "explotador.",
             "يجب ترتيب المترجم مسبقًا، ويجب ألا يكون من الأسرة أو أي شخص له صلة بالمستغِل."),
           choices="yes_no", fact="survivor.interpreter_needed", purpose="services referral law_enforcement")),
    page("origin", T("Where you are from", "De dónde eres", "من أين أنت"),
         q("text", "nationality",
           T("Which country are you a citizen of? If more than one, name them all.",
             "¿De qué país eres ciudadano o ciudadana? Si son varios, dilos todos.",
             "ما جنسيتك؟ إن كانت لديك أكثر من جنسية، فنرجو ذكرها كلها."),
           T("Nationality decides which protections, services and consulates may be involved.",
             "La nacionalidad determina qué protecciones, servicios y consulados pueden intervenir.",
             "تحدد الجنسية أنواع الحماية والخدمات والقنصليات التي قد تكون معنية."),
           fact="survivor.nationality", purpose="services referral law_enforcement national_referral research"),
         q("text", "nationality_codes",
           T(STAFF_ONLY.en + "the same countries as ISO 3166 codes, for example SY or ER SD",
             STAFF_ONLY.es + "los mismos países como códigos ISO 3166, por ejemplo SY o ER SD",
             STAFF_ONLY.ar + "البلدان نفسها برموز ISO 3166، مثل SY أو ER SD"),
           T("HTCDS records nationality as two-letter ISO 3166 codes, so that records can be counted and compared; "
             "the person's own words stay above.",
             "HTCDS anota la nacionalidad con códigos ISO 3166 de dos letras, para poder contar y comparar registros; "
             "las palabras de la persona quedan arriba.",
             "يسجّل HTCDS الجنسية برموز ISO 3166 من حرفين، كي يمكن عدّ السجلات ومقارنتها؛ وتبقى كلمات الشخص نفسه "
             "في الأعلى."),
           constraint=COUNTRY_MANY, cmsg=COUNTRY_MANY_MSG,
           fact="survivor.nationality_codes", purpose="services referral law_enforcement national_referral research"),
         q("text", "country_of_birth",
           T("In which country were you born?", "¿En qué país naciste?", "في أي بلد وُلدت؟"),
           T("Helps to find birth records when age or identity must be confirmed.",
             "Ayuda a encontrar registros de nacimiento cuando hay que confirmar la edad o la identidad.",
             "يساعد في إيجاد سجلات الميلاد عندما يلزم تأكيد العمر أو الهوية."),
           fact="survivor.country_of_birth", purpose="services national_referral")),
    page("care", T("Who looks after you", "Quién te cuida", "من يعتني بك"),
         q("select1", "care_status",
           T(STAFF_ONLY.en + "is the child unaccompanied or separated?",
             STAFF_ONLY.es + "¿el niño o la niña está sin acompañamiento o lejos de sus padres?",
             STAFF_ONLY.ar + "هل الطفل غير مصحوب أو منفصل؟"),
           T("An unaccompanied or separated child needs a guardian appointed and child-protection services at once "
             "(UN Committee on the Rights of the Child, General Comment No. 6).",
             "Toda niña o niño sin acompañamiento o sin sus padres necesita que se designe a una persona que ejerza la tutela y servicios de "
             "protección infantil de inmediato (Comité de los Derechos del Niño de la ONU, Observación general "
             "n.º 6).",
             "الطفل غير المصحوب أو المنفصل يحتاج إلى تعيين وصي وإلى خدمات حماية الطفل فورًا (لجنة الأمم المتحدة "
             "لحقوق الطفل، التعليق العام رقم 6)."),
           choices="care_status", required=True, purpose="services referral national_referral"),
         q("select1", "current_carer",
           T("Who looks after you at the moment, where you are staying?",
             "¿Quién te cuida ahora, donde te estás quedando?",
             "من يعتني بك حاليًا، في المكان الذي تقيم فيه؟"),
           T("The current carer decides where the child sleeps tonight and who must be told or kept away.",
             "Quien cuida ahora al niño o niña decide dónde duerme esta noche y a quién hay que informar o mantener "
             "lejos.",
             "مقدّم الرعاية الحالي يحدد أين ينام الطفل الليلة ومن يجب إبلاغه أو إبعاده."),
           choices="current_carer", purpose="services referral national_referral"),
         q("text", "current_carer_details",
           T(STAFF_ONLY.en + "the current carer's name and how to reach them, if safe to record",
             STAFF_ONLY.es + "nombre de quien cuida ahora y cómo contactarle, si es seguro anotarlo",
             STAFF_ONLY.ar + "اسم مقدّم الرعاية الحالي وكيفية التواصل معه، إن كان تسجيل ذلك آمنًا"),
           T("Needed to arrange care and follow-up; leave it out if the carer may be involved in exploiting the "
             "child.",
             "Hace falta para organizar el cuidado y el seguimiento; no lo anote si quien cuida podría estar "
             "implicado en la explotación.",
             "لازم لترتيب الرعاية والمتابعة؛ لا تسجّله إذا كان مقدّم الرعاية قد يكون متورطًا في استغلال الطفل."),
           relevant="/data/care/current_carer != '' and /data/care/current_carer != 'nobody'",
           purpose="services referral"),
         relevant="/data/assessment/treated_as_child = 'yes'"),
    repeat("guardians", T("Parents or guardians", "Madre, padre o tutores", "الوالدان أو الأوصياء"),
           q("text", "guardian_name",
             T("What is this person's name?", "¿Cómo se llama esta persona?", "ما اسم هذا الشخص؟"),
             T("Guardians may need to be contacted, or kept away, for the child's sake.",
               "Puede ser necesario contactar a los tutores, o mantenerlos lejos, por el bien del niño o la niña.",
               "قد يلزم التواصل مع الأوصياء، أو إبعادهم، لمصلحة الطفل."),
             required=True, purpose="services law_enforcement national_referral"),
           q("select1", "guardian_relation",
             T("How are they related to you?", "¿Qué relación tiene contigo?", "ما صلته بك؟"),
             T("The relation shows who may hold legal responsibility.",
               "La relación muestra quién puede tener la responsabilidad legal.",
               "تبيّن الصلة من قد يحمل المسؤولية القانونية."),
             choices="relation", required=True, purpose="services law_enforcement national_referral"),
           q("select1", "legal_responsibility",
             T("Is this person legally responsible for you?", "¿Es esta persona legalmente responsable de ti?",
               "هل هذا الشخص مسؤول عنك قانونيًا؟"),
             T("Only a person with legal responsibility can consent for a child.",
               "Solo quien tiene la responsabilidad legal puede consentir por un niño o una niña.",
               "لا يستطيع الموافقة نيابة عن الطفل إلا من يحمل المسؤولية القانونية عنه."),
             choices="yes_no", purpose="services national_referral"),
           q("select1", "possibly_implicated",
             T(STAFF_ONLY.en + "is there any reason to think this guardian may be involved in exploiting or "
               "harming the person, or may pressure them?",
               STAFF_ONLY.es + "¿hay algún motivo para pensar que este tutor o tutora podría participar en la "
               "explotación o el daño a la persona, o presionarla?",
               STAFF_ONLY.ar + "هل هناك أي سبب للاعتقاد بأن هذا الوصي قد يكون متورطًا في استغلال الشخص أو إيذائه، "
               "أو قد يضغط عليه؟"),
             T("A guardian who may be implicated is kept out of decisions and is not told details; this protects "
               "the child.",
               "Si quien ejerce la tutela podría tener parte en lo ocurrido, queda fuera de las decisiones y no recibe "
               "detalles; así se protege al niño o la niña.",
               "الوصي الذي قد يكون متورطًا يُستبعد من القرارات ولا يُبلَّغ بالتفاصيل؛ وهذا يحمي الطفل."),
             choices="yes_no", required=True, purpose="services law_enforcement national_referral"),
           q("text", "guardian_contact",
             T("How can we contact this person safely?", "¿Cómo podemos contactar a esta persona con seguridad?",
               "كيف يمكننا التواصل مع هذا الشخص بأمان؟"),
             T("Asked only when the guardian is not thought to be implicated.",
               "Solo se pregunta si no se cree que quien ejerce la tutela tenga parte en lo ocurrido.",
               "لا يُسأل إلا إذا لم يُعتقد أن الوصي متورط."),
             relevant="/data/guardians/possibly_implicated = 'no'", purpose="services")),
    repeat("documents", T("Identity documents", "Documentos de identidad", "وثائق الهوية"),
           q("select1", "doc_type",
             T("What kind of document is it?", "¿Qué tipo de documento es?", "ما نوع هذه الوثيقة؟"),
             T("Documents affect identity, age and the right to services.",
               "Los documentos influyen en la identidad, la edad y el derecho a servicios.",
               "تؤثر الوثائق في الهوية والعمر والحق في الخدمات."),
             choices="doc_type", required=True, purpose="services law_enforcement national_referral"),
           q("select1", "doc_held_by",
             T("Who has this document now?", "¿Quién tiene ahora este documento?", "مع من هذه الوثيقة الآن؟"),
             T("Someone else keeping a person's documents is a common way of controlling them (HTCDS control method "
               "'withholds documents').",
               "Que otra persona guarde los documentos de alguien es una forma habitual de control (método de control "
               "de HTCDS «retiene documentos»).",
               "احتفاظ شخص آخر بوثائق الشخص وسيلة شائعة للسيطرة عليه (أسلوب السيطرة في HTCDS «حجز الوثائق»)."),
             choices="held_by", required=True, purpose="services law_enforcement national_referral"),
           q("text", "doc_country",
             T("Which country issued it?", "¿Qué país lo emitió?", "أي بلد أصدرها؟"),
             T("The issuing country shows whom to ask for a replacement or a check.",
               "El país emisor indica a quién pedir un duplicado o una comprobación.",
               "يبيّن بلد الإصدار الجهة التي يُطلب منها بديل أو تحقق."),
             purpose="services law_enforcement national_referral"),
           q("select1", "doc_suspected_false",
             T("Is there any reason to think the document is false or belongs to someone else?",
               "¿Hay algún motivo para pensar que el documento es falso o de otra persona?",
               "هل هناك أي سبب للاعتقاد بأن الوثيقة مزوّرة أو تخص شخصًا آخر؟"),
             T("A false document is not the person's fault; it may hide their real age.",
               "Un documento falso no es culpa de la persona; puede ocultar su edad real.",
               "الوثيقة المزوّرة ليست ذنب الشخص؛ وقد تُخفي عمره الحقيقي."),
             choices="yes_no", purpose="services law_enforcement national_referral")),
    page("needs", T("What you need now", "Lo que necesitas ahora", "ما تحتاجه الآن"),
         from_safety("medical_urgent"),
         from_safety("safe_tonight"),
         from_safety("food"),
         from_safety("clothing"),
         q("select1", "legal_help",
           T("Do you need help with papers, the police or the courts?",
             "¿Necesitas ayuda con papeles, la policía o los tribunales?",
             "هل أنت بحاجة إلى مساعدة في الأوراق، أو مع الشرطة، أو في المحاكم؟"),
           T("Legal and immigration problems are often urgent and need early advice.",
             "Los problemas legales y migratorios suelen ser urgentes y necesitan asesoría pronto.",
             "المشكلات القانونية ومشكلات الهجرة كثيرًا ما تكون عاجلة وتحتاج إلى استشارة مبكرة."),
           choices="yes_no", fact="needs.legal", purpose="services referral"),
         q("text", "other_needs",
           T("Is there anything else you need right now?", "¿Necesitas algo más ahora mismo?",
             "هل أنت بحاجة إلى أي شيء آخر الآن؟"),
           T("In the person's own words, so that nothing important is missed.",
             "Con las palabras de la persona, para no pasar por alto nada importante.",
             "بكلمات الشخص نفسه، كي لا يفوتنا أي شيء مهم."),
           fact="needs.other", purpose="services referral")),
]

FORM = Form("harbor-intake", FORM_VERSION, "Intake", SOURCES, NODES,
            {"yes_no": YES_NO, "age_method": AGE_METHOD, "worker_gender": WORKER_GENDER, "reads": READS,
             "language": LANGUAGE, "relation": RELATION, "doc_type": DOC_TYPE, "held_by": HELD_BY,
             "care_status": CARE_STATUS, "current_carer": CURRENT_CARER})
