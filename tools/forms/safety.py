"""harbor-safety: safety and immediate needs, asked first."""
from common import SOURCES_COMMON, STAFF_ONLY, YES_NO
from xform import T, Form, page, q

# Raised from common.VERSION for issue 12: neutral wording, who came today, children at risk.
VERSION = "2026120401"

SOURCES = """\
Harbor built-in form: safety and immediate needs (harbor-safety). Asked before anything else;
a "yes" to a question marked harbor:safety="danger" raises the case's safety banner.
""" + SOURCES_COMMON + """
  * Safety triage first, emergency readiness: Harbor DOMAIN.md section 4 (R1-R3), after WHO
    recommendations 1 and 9 (do no harm; be prepared for emergency intervention).
  * HTCDS-derived outline of SafetyRisk and ImmediateNeeds: DOMAIN.md section 5.
  * No harm is assumed before it is disclosed: questions ask who makes the person feel unsafe,
    not who hurt them (NICHD and ABE guidance on non-leading questions, paraphrased).
  * Other children at risk: a duty to protect them arises at once (UN Convention on the Rights
    of the Child, Art. 19 and 35; DOMAIN.md R18), so a yes raises the safety banner."""

DANGER_ANY = ("/data/danger/danger_now = 'yes' or /data/danger/exploiter_nearby = 'yes' or "
              "/data/danger/exploiter_contact = 'yes' or /data/danger/threats_family = 'yes' or "
              "/data/danger/children_at_risk = 'yes'")

CAME_WITH = [
    ("alone", T("Nobody: the person came alone", "Nadie: la persona vino sola", "لا أحد: جاء الشخص وحده")),
    ("parent", T("A parent", "La madre o el padre", "أحد الوالدين")),
    ("relative", T("Another relative", "Otro familiar", "قريب آخر")),
    ("partner", T("A partner, boyfriend or girlfriend", "Una pareja, novio o novia", "شريك أو حبيب أو حبيبة")),
    ("friend", T("A friend or acquaintance", "Un amigo, una amiga o una persona conocida", "صديق أو أحد المعارف")),
    ("employer", T("An employer or someone from work", "Un empleador o alguien del trabajo",
                   "صاحب عمل أو شخص من العمل")),
    ("professional", T("Police, a social worker or another professional",
                       "La policía, personal de trabajo social u otra persona profesional",
                       "الشرطة أو أخصائي اجتماعي أو مهني آخر")),
    ("other", T("Someone else", "Otra persona", "شخص آخر")),
]

NODES = [
    page("intro", T("Safety first", "Primero, tu seguridad", "السلامة أولًا"),
         q("note", "intro_note",
           T("First I want to check that you are safe right now. These questions are only about today.",
             "Primero quiero comprobar que estás a salvo ahora mismo. Estas preguntas son solo sobre hoy.",
             "أريد أولًا أن أتأكد أنك في أمان الآن. هذه الأسئلة عن اليوم فقط."),
           T("Safety comes before any other question and may interrupt any other form.",
             "La seguridad va antes que cualquier otra pregunta y puede interrumpir cualquier otro formulario.",
             "السلامة تأتي قبل أي سؤال آخر، ويمكن أن تقطع أي استمارة أخرى."))),
    page("danger", T("Safety right now", "Tu seguridad ahora", "سلامتك الآن"),
         q("select1", "danger_now",
           T("Are you in danger right now?", "¿Estás en peligro ahora mismo?", "هل أنت في خطر الآن؟"),
           T("An immediate danger changes what happens next: a yes raises the case's safety banner and calls for "
             "your emergency procedure now.",
             "Un peligro inmediato cambia lo que ocurre después: un sí activa el aviso de seguridad del caso y exige "
             "aplicar ya su procedimiento de emergencia.",
             "الخطر المباشر يغيّر ما يحدث بعد ذلك: الإجابة بـ«نعم» تُظهر تنبيه السلامة في الحالة وتستدعي تطبيق "
             "إجراء الطوارئ فورًا."),
           choices="yes_no", required=True, fact="safety.danger_now", purpose="services", danger=True),
         q("select1", "exploiter_nearby",
           T("Is there anyone nearby, or waiting for you, who makes you feel unsafe?",
             "¿Hay alguien cerca, o esperándote, que te haga sentir inseguro o insegura?",
             "هل يوجد بالقرب منك، أو ينتظرك، أي شخص يجعلك تشعر بعدم الأمان؟"),
           T("Someone nearby can see or stop the person leaving; staff need to know before going on.",
             "Alguien cercano puede vigilar o impedir que la persona se vaya; el equipo debe saberlo antes de seguir.",
             "قد يراقب شخص قريب الشخصَ أو يمنعه من المغادرة؛ ويجب أن يعرف الفريق ذلك قبل المتابعة."),
           choices="yes_no", required=True, fact="safety.exploiter_nearby", purpose="services", danger=True),
         q("select1", "exploiter_contact",
           T("Is anyone who makes you feel unsafe in touch with you, for example by phone or messages?",
             "¿Alguien que te hace sentir inseguro o insegura está en contacto contigo, por ejemplo por teléfono o "
             "mensajes?",
             "هل يتواصل معك أي شخص يجعلك تشعر بعدم الأمان، مثلًا عبر الهاتف أو الرسائل؟"),
           T("Contact from an exploiter is a way of keeping control and a risk to the person's safety.",
             "El contacto de un explotador es una forma de mantener el control y un riesgo para la seguridad.",
             "تواصل المستغِل وسيلة للإبقاء على السيطرة، وخطر على سلامة الشخص."),
           choices="yes_no", required=True, fact="safety.exploiter_contact", purpose="services", danger=True),
         q("select1", "threats_family",
           T("Has anyone threatened to hurt your family or people you care about?",
             "¿Alguien ha amenazado con hacer daño a tu familia o a personas que quieres?",
             "هل هدّد أحد بإيذاء عائلتك أو أشخاص يهمّك أمرهم؟"),
           T("Threats to family are a common way of controlling someone and can put others at risk too.",
             "Las amenazas a la familia son una forma habitual de control y pueden poner en riesgo a otras personas.",
             "تهديد الأسرة وسيلة شائعة للسيطرة، وقد يعرّض آخرين للخطر أيضًا."),
           choices="yes_no", required=True, fact="safety.threats_to_family", purpose="services", danger=True),
         q("select1", "children_at_risk",
           T("Do you know of any children who may not be safe right now?",
             "¿Sabes de algún niño o niña que quizá no esté a salvo ahora mismo?",
             "هل تعرف أي أطفال قد لا يكونون في أمان الآن؟"),
           T("Other children still at risk call for child protection today: a yes raises the case's safety banner "
             "and calls for your emergency procedure now.",
             "Otros niños o niñas todavía en riesgo exigen protección infantil hoy: un sí activa el aviso de "
             "seguridad del caso y exige aplicar ya su procedimiento de emergencia.",
             "وجود أطفال آخرين لا يزالون في خطر يستدعي حماية الطفل اليوم: الإجابة بـ«نعم» تُظهر تنبيه السلامة في "
             "الحالة وتستدعي تطبيق إجراء الطوارئ فورًا."),
           choices="yes_no", required=True, fact="safety.children_at_risk", purpose="services referral law_enforcement",
           danger=True),
         q("select", "came_with",
           T(STAFF_ONLY.en + "who came with the person today?", STAFF_ONLY.es + "¿quién vino hoy con la persona?",
             STAFF_ONLY.ar + "من جاء مع الشخص اليوم؟"),
           T("What you saw or were told on arrival. The person who brings someone is sometimes the one who controls "
             "them: speak with the person alone, and do not give details to whoever came with them.",
             "Lo que vio o le dijeron a la llegada. Quien acompaña a alguien es a veces quien lo controla: hable a "
             "solas con la persona y no dé detalles a quien la acompañó.",
             "ما رأيته أو قيل لك عند الوصول. من يُحضر شخصًا يكون أحيانًا هو من يتحكم به: تحدّث مع الشخص على "
             "انفراد، ولا تعطِ تفاصيل لمن جاء معه."),
           choices="came_with", required=True, purpose="services law_enforcement"),
         q("text", "came_with_who",
           T(STAFF_ONLY.en + "who they are, as they described themselves, in a few words",
             STAFF_ONLY.es + "quién es, según se presentó, en pocas palabras",
             STAFF_ONLY.ar + "من هو، كما عرّف نفسه، في كلمات قليلة"),
           T("A name or role given at the door can later be compared with the person's account.",
             "Un nombre o papel dado en la puerta puede compararse después con el relato de la persona.",
             "الاسم أو الصفة المذكورة عند الباب يمكن مقارنتها لاحقًا بحديث الشخص."),
           relevant="count-selected(/data/danger/came_with) > 0 and not(selected(/data/danger/came_with, 'alone'))",
           purpose="services law_enforcement"),
         q("note", "danger_note",
           T("Act now: follow your organisation's emergency procedure before going on. Do not leave the person alone.",
             "Actúe ya: siga el procedimiento de emergencia de su organización antes de continuar. No deje sola a la "
             "persona.",
             "تصرّف الآن: اتبع إجراء الطوارئ في منظمتك قبل المتابعة. لا تترك الشخص وحده."),
           T("Shown because an answer about danger was yes.",
             "Aparece porque una respuesta sobre peligro fue sí.",
             "يظهر لأن إحدى الإجابات عن الخطر كانت «نعم»."),
           relevant=DANGER_ANY)),
    page("health", T("Health", "Salud", "الصحة"),
         q("select1", "medical_urgent",
           T("Are you hurt or ill, or do you need to see a doctor or nurse today?",
             "¿Tienes alguna herida o te sientes mal, o necesitas ver hoy a un médico o una enfermera?",
             "هل لديك إصابة أو مرض، أو هل أنت بحاجة إلى رؤية طبيب أو ممرض اليوم؟"),
           T("Urgent medical care comes before any interview.",
             "La atención médica urgente va antes que cualquier entrevista.",
             "الرعاية الطبية العاجلة تأتي قبل أي مقابلة."),
           choices="yes_no", required=True, fact="needs.medical_urgent", purpose="services referral", danger=True),
         q("text", "medical_details",
           T("Can you tell me a little about what hurts or what you need?",
             "¿Puedes contarme un poco qué te duele o qué necesitas?",
             "هل يمكنك إخباري قليلًا بما يؤلمك أو بما أنت بحاجة إليه؟"),
           T("Only what is needed to find the right care quickly.",
             "Solo lo necesario para encontrar rápido la atención adecuada.",
             "فقط ما يلزم لإيجاد الرعاية المناسبة بسرعة."),
           relevant="/data/health/medical_urgent = 'yes'", fact="needs.medical_details", purpose="services referral"),
         q("select1", "self_harm",
           T("Sometimes when people go through hard things, they think about hurting themselves. Have you had "
             "thoughts like that lately?",
             "A veces, cuando alguien pasa por cosas difíciles, piensa en hacerse daño. ¿Has tenido pensamientos así "
             "últimamente?",
             "أحيانًا عندما يمرّ الناس بأمور صعبة، يفكرون في إيذاء أنفسهم. هل راودتك أفكار كهذه مؤخرًا؟"),
           T("Asked plainly because asking does not put the idea in someone's mind, and a yes needs a response today.",
             "Se pregunta con claridad porque preguntar no hace que alguien lo piense, y un sí requiere respuesta hoy.",
             "يُسأل بوضوح لأن السؤال لا يزرع الفكرة في ذهن أحد، والإجابة بـ«نعم» تحتاج إلى استجابة اليوم."),
           choices="yes_no", required=True, fact="safety.self_harm_risk", purpose="services", danger=True),
         q("note", "self_harm_note",
           T("Stay with the person and follow your organisation's procedure for a risk of self-harm now.",
             "Quédese con la persona y siga ya el procedimiento de su organización ante riesgo de autolesión.",
             "ابقَ مع الشخص واتبع الآن إجراء منظمتك الخاص بخطر إيذاء النفس."),
           T("Shown because the answer about hurting oneself was yes.",
             "Aparece porque la respuesta sobre hacerse daño fue sí.",
             "يظهر لأن الإجابة عن إيذاء النفس كانت «نعم»."),
           relevant="/data/health/self_harm = 'yes'")),
    page("needs", T("What you need today", "Lo que necesitas hoy", "ما تحتاجه اليوم"),
         q("select1", "safe_tonight",
           T("Do you have somewhere safe to sleep tonight?", "¿Tienes un lugar seguro donde dormir esta noche?",
             "هل لديك مكان آمن للنوم الليلة؟"),
           T("If not, finding a safe place becomes today's first task.",
             "Si no lo tiene, encontrar un lugar seguro pasa a ser la primera tarea de hoy.",
             "إن لم يكن لديه، يصبح إيجاد مكان آمن أول مهمة اليوم."),
           choices="yes_no", required=True, fact="needs.safe_place_tonight", purpose="services referral"),
         q("note", "shelter_note",
           T("Arrange a safe place to stay before the person leaves.",
             "Organice un lugar seguro para quedarse antes de que la persona se vaya.",
             "رتّب مكانًا آمنًا للإقامة قبل أن يغادر الشخص."),
           T("Shown because the person has nowhere safe to sleep tonight.",
             "Aparece porque la persona no tiene dónde dormir segura esta noche.",
             "يظهر لأن الشخص ليس لديه مكان آمن ينام فيه الليلة."),
           relevant="/data/needs/safe_tonight = 'no'"),
         q("select1", "food",
           T("Do you need food or water now?", "¿Necesitas comida o agua ahora?", "هل أنت بحاجة إلى طعام أو ماء الآن؟"),
           T("Basic needs come first; a hungry or thirsty person cannot be asked to go on.",
             "Las necesidades básicas van primero; no se puede pedir a alguien con hambre o sed que continúe.",
             "الاحتياجات الأساسية أولًا؛ لا يصح أن يُطلب من شخص جائع أو عطشان أن يكمل."),
           choices="yes_no", required=True, fact="needs.food", purpose="services"),
         q("select1", "clothing",
           T("Do you need clothes or other things for today?", "¿Necesitas ropa u otras cosas para hoy?",
             "هل أنت بحاجة إلى ملابس أو أشياء أخرى لليوم؟"),
           T("So that basic items can be found before the person leaves.",
             "Para conseguir lo básico antes de que la persona se vaya.",
             "كي تُؤمَّن الأشياء الأساسية قبل أن يغادر الشخص."),
           choices="yes_no", required=True, fact="needs.clothing", purpose="services"),
         q("select1", "has_phone",
           T("Do you have a phone you can use safely, one that nobody else checks?",
             "¿Tienes un teléfono que puedas usar con seguridad, que nadie más revise?",
             "هل لديك هاتف يمكنك استخدامه بأمان، ولا يفتّشه أحد غيرك؟"),
           T("A phone that someone else controls can put the person at risk when we call.",
             "Un teléfono que controla otra persona puede ponerla en riesgo cuando llamemos.",
             "الهاتف الذي يتحكم به شخص آخر قد يعرّض الشخص للخطر عندما نتصل به."),
           choices="yes_no", required=True, fact="needs.has_safe_phone", purpose="services"),
         q("text", "phone",
           T("Which number can we use to reach you safely?",
             "¿A qué número podemos llamarte con seguridad?",
             "ما الرقم الذي يمكننا استخدامه للتواصل معك بأمان؟"),
           T("So that staff can reach the person for services and follow-up.",
             "Para que el equipo pueda contactar a la persona para servicios y seguimiento.",
             "كي يتمكن الفريق من التواصل مع الشخص من أجل الخدمات والمتابعة."),
           relevant="/data/needs/has_phone = 'yes'", fact="survivor.phone", purpose="services referral",
           constraint="regex(., '^\\+?[0-9 ()-]{4,20}$')",
           cmsg=T("Type a phone number: digits, spaces, brackets or dashes, with an optional + at the start.",
                  "Escriba un número de teléfono: cifras, espacios, paréntesis o guiones, con un + opcional al "
                  "principio.",
                  "اكتب رقم هاتف: أرقام أو مسافات أو أقواس أو شرطات، مع علامة + اختيارية في البداية.")),
         q("text", "safe_times",
           T("When is it safe to call you, and what should we say if someone else answers?",
             "¿Cuándo es seguro llamarte y qué debemos decir si contesta otra persona?",
             "متى يكون الاتصال بك آمنًا، وماذا نقول إذا أجاب شخص آخر؟"),
           T("A call at the wrong time, or a careless word, can tell an exploiter that the person sought help.",
             "Una llamada a mala hora, o una palabra descuidada, puede revelar al explotador que la persona pidió "
             "ayuda.",
             "اتصال في وقت غير مناسب، أو كلمة غير محسوبة، قد يكشف للمستغِل أن الشخص طلب المساعدة."),
           relevant="/data/needs/has_phone = 'yes'", fact="survivor.contact_safe_times", purpose="services")),
]

FORM = Form("harbor-safety", VERSION, "Safety and immediate needs", SOURCES, NODES,
            {"yes_no": YES_NO, "came_with": CAME_WITH})
