"""harbor-referrals: referrals (only with matching consent) and the safety plan."""
from common import SERVICE, SOURCES_COMMON, VERSION, YES_NO
from xform import T, Form, page, q, repeat

SOURCES = """\
Harbor built-in form: referrals and safety plan (harbor-referrals).
""" + SOURCES_COMMON + """
  * Referral fields after HTCDS cas_ReferredOrganisation and the referral status and outcome
    of the DOMAIN.md section 5 outline; a referral needs consent for that organisation (R8).
  * Peer and survivor-led services in the referral list (R10); no promises that cannot be kept
    (WHO recommendation 3, R21)."""

STATUS = [
    ("planned", T("Planned", "Prevista", "مخطط لها")),
    ("made", T("Made, waiting for an answer", "Hecha, en espera de respuesta", "أُرسلت، بانتظار الرد")),
    ("accepted", T("Accepted", "Aceptada", "مقبولة")),
    ("declined", T("Declined by the organisation", "Rechazada por la organización", "رفضتها المنظمة")),
    ("completed", T("Completed", "Completada", "مكتملة")),
    ("cancelled", T("Cancelled", "Cancelada", "أُلغيت")),
]

URGENCY = [
    ("today", T("Today", "Hoy", "اليوم")),
    ("this_week", T("This week", "Esta semana", "هذا الأسبوع")),
    ("routine", T("When possible", "Cuando sea posible", "عندما يكون ذلك ممكنًا")),
]

CONSENTED = "/data/referrals/consent_given = 'yes'"
STATUS_PATH = "/data/referrals/status"

NODES = [
    page("intro", T("Referrals", "Derivaciones", "الإحالات"),
         q("note", "intro_note",
           T("We can put you in touch with other services that may help. We will only share your information with an "
             "organisation you have agreed to, and only what they need.",
             "Podemos ponerte en contacto con otros servicios que pueden ayudarte. Solo compartiremos tu información "
             "con una organización que hayas aceptado, y solo lo que necesite.",
             "يمكننا أن نصلك بخدمات أخرى قد تساعدك. لن نشارك معلوماتك إلا مع منظمة وافقت عليها، ولن نشارك إلا "
             "ما تحتاجه."),
           T("Tells the person, without promising an outcome, what a referral shares and that they decide.",
             "Explica a la persona, sin prometer un resultado, qué se comparte en una derivación y que decide ella.",
             "يخبر الشخص، دون وعد بنتيجة، بما تشاركه الإحالة وبأن القرار له."))),
    repeat("referrals", T("Referral", "Derivación", "إحالة"),
           q("text", "organisation",
             T("Organisation", "Organización", "المنظمة"),
             T("The organisation must match one the person agreed to in the consent form.",
               "La organización debe coincidir con una que la persona aceptó en el formulario de consentimiento.",
               "يجب أن تطابق المنظمة واحدة وافق عليها الشخص في استمارة الموافقة."),
             required=True, purpose="referral"),
           q("select1", "service",
             T("Service", "Servicio", "الخدمة"),
             T("What the referral is for decides what may be shared.",
               "El motivo de la derivación decide qué puede compartirse.",
               "الغرض من الإحالة يحدد ما يجوز مشاركته."),
             choices="service", required=True, purpose="referral"),
           q("select1", "consent_given",
             T("Has the person agreed to this referral to this organisation?",
               "¿La persona ha aceptado esta derivación a esta organización?",
               "هل وافق الشخص على هذه الإحالة إلى هذه المنظمة؟"),
             T("Check the consent record: a referral is made only with consent for that organisation (for a child, "
               "a guardian's or an authority's as well).",
               "Compruebe el registro de consentimiento: solo se deriva con consentimiento para esa organización (si "
               "es un niño o una niña, también el de su tutor o tutora, o el de una autoridad).",
               "تحقق من سجل الموافقة: لا تتم الإحالة إلا بموافقة على تلك المنظمة (وفي حالة الطفل، بموافقة الوصي أو "
               "الجهة الرسمية أيضًا)."),
             choices="yes_no", required=True),
           q("note", "no_consent_note",
             T("Do not refer yet. Record the person's agreement in the consent form first; for a child at risk, "
               "follow your child-protection procedure.",
               "No derive todavía. Anote primero el acuerdo de la persona en el formulario de consentimiento; si se "
               "trata de un niño o una niña en riesgo, siga su procedimiento de protección infantil.",
               "لا تُحِل بعد. سجّل موافقة الشخص أولًا في استمارة الموافقة؛ وإذا كان طفلًا في خطر، فاتبع إجراء حماية "
               "الطفل المعتمد لديك."),
             T("Shown because there is no consent for this referral.",
               "Aparece porque no hay consentimiento para esta derivación.",
               "يظهر لعدم وجود موافقة على هذه الإحالة."),
             relevant="/data/referrals/consent_given = 'no'"),
           q("select1", "urgency",
             T("How soon is it needed?", "¿Con qué urgencia se necesita?", "ما مدى استعجال الحاجة إليها؟"),
             T("Urgent needs are followed up the same day.", "Las necesidades urgentes se atienden el mismo día.",
               "تُتابَع الاحتياجات العاجلة في اليوم نفسه."),
             choices="urgency", required=True, relevant=CONSENTED, purpose="referral"),
           q("select1", "status",
             T("Status", "Estado", "الحالة"),
             T("Tracks the referral until it is completed, so nobody falls between services.",
               "Sigue la derivación hasta completarla, para que nadie quede entre servicios.",
               "يتابع الإحالة حتى اكتمالها، كي لا يضيع أحد بين الخدمات."),
             choices="status", required=True, relevant=CONSENTED),
           q("date", "referral_date",
             T("Date the referral was made", "Fecha en que se hizo la derivación", "تاريخ إجراء الإحالة"),
             T("Shows how long the person has been waiting.", "Muestra cuánto tiempo lleva esperando la persona.",
               "يبيّن المدة التي ينتظرها الشخص."),
             relevant=CONSENTED + f" and {STATUS_PATH} != 'planned' and {STATUS_PATH} != 'cancelled'",
             constraint=". <= today()",
             cmsg=T("The date a referral was made cannot be in the future.",
                    "La fecha de una derivación hecha no puede ser futura.",
                    "لا يمكن أن يكون تاريخ إجراء الإحالة في المستقبل.")),
           q("text", "outcome",
             T("Outcome", "Resultado", "النتيجة"),
             T("What happened, in a few words, so that the next worker knows.",
               "Qué pasó, en pocas palabras, para que lo sepa quien venga después.",
               "ما الذي حدث، في كلمات قليلة، كي يعرف العامل التالي."),
             relevant=CONSENTED + f" and ({STATUS_PATH} = 'accepted' or {STATUS_PATH} = 'declined' or "
                                  f"{STATUS_PATH} = 'completed')",
             purpose="referral")),
    page("safety_plan", T("Safety plan", "Plan de seguridad", "خطة السلامة"),
         q("text", "plan_safe_place",
           T("If you feel unsafe, where could you go?", "Si no te sientes seguro o segura, ¿adónde podrías ir?",
             "إذا شعرت بالخطر، إلى أين يمكنك الذهاب؟"),
           T("A plan made in advance is easier to follow in a moment of fear.",
             "Un plan hecho de antemano es más fácil de seguir en un momento de miedo.",
             "الخطة المعدّة مسبقًا أسهل في التطبيق في لحظة الخوف."),
           fact="safety.plan_safe_place", purpose="services"),
         q("text", "plan_trusted_person",
           T("Who is someone you trust that you could call?", "¿A quién de confianza podrías llamar?",
             "من الشخص الموثوق لديك الذي يمكنك الاتصال به؟"),
           T("A trusted person is often the first help someone reaches for.",
             "Una persona de confianza suele ser la primera ayuda a la que se acude.",
             "كثيرًا ما يكون الشخص الموثوق أول مساعدة يلجأ إليها المرء."),
           fact="safety.trusted_person", purpose="services"),
         q("text", "plan_warning_signs",
           T("What would tell you that you might be in danger again?",
             "¿Qué te indicaría que podrías estar en peligro otra vez?",
             "ما الذي قد يدلك على أنك ربما في خطر مرة أخرى؟"),
           T("Knowing the warning signs helps the person act early.",
             "Conocer las señales de alarma ayuda a la persona a actuar pronto.",
             "معرفة علامات الخطر تساعد الشخص على التصرف مبكرًا."),
           purpose="services"),
         q("text", "plan_code_word",
           T("Would you like a code word that tells us you cannot talk safely?",
             "¿Quieres una palabra clave para avisarnos de que no puedes hablar con seguridad?",
             "هل تفيدك كلمة سرية نعرف منها أنه لا يمكنك التحدث بأمان؟"),
           T("A code word lets the person warn staff without the people around them knowing.",
             "Una palabra clave permite avisar al equipo sin que lo sepan las personas de alrededor.",
             "الكلمة السرية تتيح للشخص تنبيه الفريق دون أن يعرف من حوله."),
           fact="safety.code_word", purpose="services"),
         q("select1", "plan_emergency_number",
           T("Has the person been given an emergency number they can call at any time?",
             "¿Se le ha dado a la persona un número de emergencia al que pueda llamar en cualquier momento?",
             "هل أُعطي الشخص رقم طوارئ يمكنه الاتصال به في أي وقت؟"),
           T("Every safety plan ends with a way to get help at once.",
             "Todo plan de seguridad termina con una forma de pedir ayuda de inmediato.",
             "كل خطة سلامة تنتهي بطريقة للحصول على المساعدة فورًا."),
           choices="yes_no", required=True, purpose="services"),
         q("date", "plan_review",
           T("When will we look at this plan together again?", "¿Cuándo volveremos a revisar este plan contigo?",
             "متى سنراجع هذه الخطة معًا مرة أخرى؟"),
           T("Situations change; a review date keeps the plan useful.",
             "Las situaciones cambian; una fecha de revisión mantiene el plan útil.",
             "الأوضاع تتغير؛ وموعد المراجعة يُبقي الخطة مفيدة."),
           purpose="services")),
]

FORM = Form("harbor-referrals", VERSION, "Referrals and safety plan", SOURCES, NODES,
            {"yes_no": YES_NO, "service": SERVICE, "status": STATUS, "urgency": URGENCY})
