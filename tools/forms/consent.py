"""harbor-consent: consent and assent, per purpose."""
from common import LANGUAGE, SERVICE, SOURCES_COMMON, VERSION, YES_NO
from xform import T, Form, page, q, repeat

GIVER = [
    ("survivor", T("The person themselves (assent, for a child)", "La propia persona (asentimiento, si es menor)",
                   "الشخص نفسه (موافقة الطفل إن كان قاصرًا)")),
    ("guardian", T("A parent or guardian", "Madre, padre, tutor o tutora", "أحد الوالدين أو الوصي")),
    ("authority", T("An authority acting for a child", "Una autoridad que actúa por el niño o la niña",
                    "جهة رسمية تتصرف نيابة عن الطفل")),
]

RELATION = [
    ("parent", T("Parent", "Madre o padre", "أحد الوالدين")),
    ("relative", T("Other relative", "Otro familiar", "قريب آخر")),
    ("legal_guardian", T("Legal guardian", "Tutor legal", "وصي قانوني")),
    ("carer", T("Carer or foster carer", "Cuidador o familia de acogida", "مقدّم رعاية أو أسرة حاضنة")),
    ("other", T("Other", "Otra relación", "علاقة أخرى")),
]

METHOD = [
    ("verbal", T("Spoken", "De palabra", "شفهيًا")),
    ("written", T("Written and signed", "Por escrito y firmado", "كتابيًا مع التوقيع")),
    ("other", T("Another way", "De otra forma", "بطريقة أخرى")),
]

SOURCES = """\
Harbor built-in form: consent and assent, recorded per purpose (harbor-consent).
""" + SOURCES_COMMON + """
  * Consent per purpose, child assent with guardian or authority consent, exclusion of an
    implicated guardian: Harbor DOMAIN.md section 4 (R4, R8, R17), after the WHO
    recommendations above and the UK NRM guidance (gov.uk, October 2024).
  * HTCDS field vic_AgreementToManagePersonalData (consent to manage personal data)."""

CHILD = "/data/who/treated_as_child = 'yes'"
GUARDIAN_EXCLUDED = "/data/guardian/guardian_excluded = 'yes'"

NODES = [
    page("intro", T("Before we start", "Antes de empezar", "قبل أن نبدأ"),
         q("note", "intro_who",
           T("We help young people who may be in a difficult or unsafe situation. Before we talk, I want to tell you "
             "what we write down and who can see it.",
             "Ayudamos a jóvenes que pueden estar en una situación difícil o peligrosa. Antes de hablar, quiero "
             "contarte qué anotamos y quién puede verlo.",
             "نحن نساعد الشباب الذين قد يكونون في وضع صعب أو غير آمن. قبل أن نتحدث، أريد أن أخبرك بما نكتبه ومن "
             "يستطيع أن يراه."),
           T("Read this aloud in a language the person understands before anything is recorded: people can only "
             "agree when they know what happens to what they say.",
             "Léalo en voz alta, en un idioma que la persona entienda, antes de anotar nada: solo se puede aceptar "
             "cuando se sabe qué pasará con lo que se cuenta.",
             "اقرأ هذا بصوت عالٍ بلغة يفهمها الشخص قبل تسجيل أي شيء: لا تكون الموافقة حقيقية إلا إذا عرف الشخص ما "
             "سيحدث لما يقوله.")),
         q("note", "intro_confidential",
           T("What you tell us is kept locked on this computer. Only the people helping with your case can see it. "
             "There is one limit: if we learn that you or another child is in danger, we may have to tell the people "
             "whose job is to keep children safe. If we can, we will tell you first.",
             "Lo que nos cuentes se guarda bajo llave en esta computadora. Solo las personas que ayudan en tu caso "
             "pueden verlo. Hay un límite: si sabemos que tú u otro niño o niña están en peligro, quizá tengamos que "
             "avisar a quienes se encargan de proteger a la infancia. Si podemos, te lo diremos antes.",
             "ما تخبرنا به يُحفظ مقفلًا على هذا الحاسوب، ولا يراه إلا من يساعدونك. هناك حدّ واحد: إذا "
             "عرفنا أنك أو أي طفل آخر في خطر، فقد يجب علينا إبلاغ الجهات المسؤولة عن حماية الأطفال. وإن "
             "استطعنا، سنخبرك قبل ذلك."),
           T("States the limits of confidentiality and any duty to report before the person shares anything, so "
             "that nothing they say later comes as a betrayal.",
             "Explica los límites de la confidencialidad y la obligación de informar antes de que la persona cuente "
             "nada, para que nada de lo que diga después se viva como una traición.",
             "يوضح حدود السرية وأي واجب إبلاغ قبل أن يشارك الشخص أي شيء، حتى لا يشعر لاحقًا بأنه تعرّض "
             "للخداع.")),
         q("note", "intro_choice",
           T("You can choose not to answer any question, ask for a break, or stop at any time. Saying no will not "
             "change the help you get today.",
             "Puedes elegir no responder a cualquier pregunta, pedir un descanso o parar cuando quieras. Decir que no "
             "no cambiará la ayuda que recibes hoy.",
             "يمكنك عدم الإجابة عن أي سؤال، أو طلب استراحة، أو التوقف في أي وقت. قول «لا» لن يغيّر المساعدة "
             "المقدَّمة لك اليوم."),
           T("The right not to answer, to take a break and to stop is part of consent; it is said out loud so the person "
             "can use it.",
             "El derecho a no responder, a tomar un descanso y a parar forma parte del consentimiento; se dice en voz "
             "alta para que la persona pueda ejercerlo.",
             "الحق في عدم الإجابة وفي أخذ استراحة والتوقف جزء من الموافقة؛ ويُقال بصوت عالٍ كي يستطيع الشخص "
             "استخدامه.")),
         q("trigger", "intro_ack",
           T("I have explained this in a language the person understands, and they could ask questions.",
             "He explicado esto en un idioma que la persona entiende y ha podido hacer preguntas.",
             "شرحت هذا بلغة يفهمها الشخص، وأُتيحت له فرصة طرح الأسئلة."),
           T("Records that the explanation came before any consent was asked for.",
             "Deja constancia de que la explicación se dio antes de pedir ningún consentimiento.",
             "يثبت أن الشرح جاء قبل طلب أي موافقة."),
           required=True)),
    page("who", T("Who is agreeing", "Quién da su acuerdo", "من يعطي الموافقة"),
         q("select1", "treated_as_child",
           T("Is this person being treated as a child?",
             "¿Se trata a esta persona como menor de edad?",
             "هل يُعامل هذا الشخص على أنه طفل؟"),
           T("Choose yes if the person is under 18, or if their age is uncertain and they may be under 18. A child "
             "gives assent in their own words, and a guardian or an authority also gives consent.",
             "Elija sí si la persona tiene menos de 18 años, o si su edad es dudosa y podría ser menor. Un niño o "
             "niña da su asentimiento con sus propias palabras, y un tutor o una autoridad da también su "
             "consentimiento.",
             "اختر «نعم» إذا كان عمر الشخص أقل من 18 سنة، أو إذا كان عمره غير مؤكد وقد يكون دون 18. الطفل يعطي "
             "موافقته بكلماته الخاصة، ويعطي الوصي أو جهة رسمية موافقتهما أيضًا."),
           choices="yes_no", required=True, fact="survivor.treated_as_child", purpose="services"),
         q("select", "givers",
           T("Who is giving agreement today?", "¿Quién da su acuerdo hoy?", "من يعطي موافقته اليوم؟"),
           T("Agreement can come from the person, a guardian, or an authority acting for a child; record everyone "
             "who agrees, so the record shows on whose word each use rests.",
             "El acuerdo puede venir de la persona, de un tutor o una tutora, o de una autoridad que actúa por un niño o una niña; anote a "
             "todas las personas que aceptan, para que conste en qué palabra se basa cada uso.",
             "قد تأتي الموافقة من الشخص نفسه أو من الوصي أو من جهة رسمية تتصرف نيابة عن طفل؛ سجّل كل من "
             "يوافق، كي يظهر في السجل على موافقة من يستند كل استخدام."),
           choices="giver", required=True),
         q("note", "child_needs_adult",
           T("For a child, also record the consent of a guardian or an authority as soon as you can.",
             "Si se trata de un niño o una niña, anote también el consentimiento de su tutor o tutora, o de una autoridad en cuanto sea "
             "posible.",
             "في حالة الطفل، سجّل أيضًا موافقة الوصي أو الجهة الرسمية في أقرب وقت ممكن."),
           T("Shown because the person is treated as a child and only their own assent is recorded.",
             "Aparece porque se trata a la persona como menor y solo consta su propio asentimiento.",
             "يظهر لأن الشخص يُعامل كطفل ولم تُسجَّل إلا موافقته هو."),
           relevant=CHILD + " and not(selected(/data/who/givers, 'guardian')) and not(selected(/data/who/givers, 'authority'))"),
         q("select1", "assent",
           T("Do you understand what we talked about, and is it OK with you if we go on?",
             "¿Entiendes lo que hemos hablado y te parece bien que sigamos?",
             "هل كان ما تحدثنا عنه واضحًا لك، وهل من المقبول لديك أن نكمل؟"),
           T("A child's own agreement (assent) is asked for in simple words, even when an adult also consents; a "
             "no is respected.",
             "Se pide el acuerdo propio del niño o la niña (asentimiento) con palabras sencillas, aunque un adulto "
             "también consienta; un no se respeta.",
             "تُطلب موافقة الطفل نفسه بكلمات بسيطة، حتى عندما يوافق شخص بالغ أيضًا؛ ويُحترم رفضه."),
           choices="yes_no", required=True,
           relevant=CHILD + " and selected(/data/who/givers, 'survivor')")),
    page("guardian", T("Parent or guardian", "Madre, padre, tutor o tutora", "أحد الوالدين أو الوصي"),
         q("text", "guardian_name",
           T("Name of the parent or guardian", "Nombre de la madre, el padre, el tutor o la tutora", "اسم الوالد أو الوصي"),
           T("So the record shows who agreed on the child's behalf.",
             "Para que conste quién aceptó en nombre del niño o la niña.",
             "كي يُبيّن السجل من وافق نيابة عن الطفل."),
           required=True, purpose="services"),
         q("select1", "guardian_relation",
           T("How are they related to the child?", "¿Qué relación tiene con el niño o la niña?", "ما صلة هذا الشخص بالطفل؟"),
           T("Only some relations carry legal authority to consent.",
             "Solo algunas relaciones dan autoridad legal para consentir.",
             "بعض صلات القرابة فقط تمنح صلاحية قانونية للموافقة."),
           choices="relation", required=True),
         q("select1", "guardian_implicated",
           T("Is there any reason to think this person may be involved in the harm, or may pressure the child?",
             "¿Hay algún motivo para pensar que esta persona podría estar implicada en el daño o presionar al niño o la niña?",
             "هل هناك أي سبب للاعتقاد بأن هذا الشخص قد يكون متورطًا في الأذى، أو قد يضغط على الطفل؟"),
           T("Family members are sometimes involved in trafficking; a guardian who may be implicated must not "
             "decide for the child.",
             "A veces hay familiares implicados en la trata; si quien ejerce la tutela podría tener parte en "
             "ella, no debe decidir por el niño o la niña.",
             "أحيانًا يكون أفراد من الأسرة متورطين في الاتجار؛ ولا يجوز أن يقرر عن الطفل وصيٌّ قد يكون متورطًا."),
           choices="yes_no", required=True),
         q("select1", "guardian_excluded",
           T("Exclude this guardian's consent?", "¿Excluir el consentimiento de esta persona?",
             "هل تُستبعد موافقة هذا الوصي؟"),
           T("An implicated guardian's consent can be set aside; an authority or an independent guardian then "
             "consents for the child.",
             "El consentimiento de una persona tutora implicada puede dejarse de lado; entonces consiente por el niño o "
             "la niña una autoridad o una persona tutora independiente.",
             "يمكن استبعاد موافقة الوصي المتورط؛ وعندها توافق عن الطفل جهة رسمية أو وصيّ مستقل."),
           choices="yes_no", required=True, relevant="/data/guardian/guardian_implicated = 'yes'"),
         q("text", "guardian_exclusion_reason",
           T("Why is this guardian's consent excluded?", "¿Por qué se excluye el consentimiento de esta persona?",
             "لماذا تُستبعد موافقة هذا الوصي؟"),
           T("An exclusion is a serious decision and must be explained for whoever reviews the case.",
             "Excluir a una persona tutora es una decisión seria y debe explicarse a quien revise el caso.",
             "الاستبعاد قرار جدّي ويجب شرحه لمن يراجع الحالة."),
           required=True, relevant=GUARDIAN_EXCLUDED),
         q("note", "guardian_excluded_note",
           T("This guardian's consent will not be used. Record an authority or an independent guardian who consents "
             "for the child.",
             "No se usará el consentimiento de esta persona. Anote una autoridad o una persona tutora independiente que "
             "consienta por el niño o la niña.",
             "لن تُستخدم موافقة هذا الوصي. سجّل جهة رسمية أو وصيًّا مستقلًا يوافق نيابة عن الطفل."),
           T("Shown because the guardian's consent is excluded.",
             "Aparece porque se ha excluido el consentimiento de esta persona tutora.",
             "يظهر لأن موافقة الوصي استُبعدت."),
           relevant=GUARDIAN_EXCLUDED),
         relevant="selected(/data/who/givers, 'guardian')"),
    page("authority", T("Authority", "Autoridad", "الجهة الرسمية"),
         q("text", "authority_name",
           T("Name and role of the person consenting for the authority",
             "Nombre y cargo de la persona que consiente en nombre de la autoridad",
             "اسم ومنصب الشخص الذي يوافق باسم الجهة الرسمية"),
           T("So the record shows who took the decision for the child.",
             "Para que conste quién tomó la decisión por el niño o la niña.",
             "كي يبيّن السجل من اتخذ القرار نيابة عن الطفل."),
           required=True, purpose="services"),
         q("text", "authority_body",
           T("Which authority or service?", "¿Qué autoridad o servicio?", "أي جهة رسمية أو خدمة؟"),
           T("The authority's name lets others check its power to consent.",
             "El nombre de la autoridad permite comprobar que puede consentir.",
             "اسم الجهة يتيح للآخرين التحقق من صلاحيتها في الموافقة."),
           required=True),
         relevant="selected(/data/who/givers, 'authority') or " + GUARDIAN_EXCLUDED),
    page("how", T("How agreement was given", "Cómo se dio el acuerdo", "كيف أُعطيت الموافقة"),
         q("select1", "method",
           T("How was agreement given?", "¿Cómo se dio el acuerdo?", "كيف أُعطيت الموافقة؟"),
           T("The method is part of the consent record and shows how it can be checked later.",
             "El modo en que se dio forma parte del registro del consentimiento y muestra cómo comprobarlo después.",
             "طريقة الموافقة جزء من سجلها، وتبيّن كيف يمكن التحقق منها لاحقًا."),
           choices="method", required=True),
         q("text", "method_other",
           T("Describe how agreement was given", "Describa cómo se dio el acuerdo", "صف كيف أُعطيت الموافقة"),
           T("Needed when the method is not spoken or written.",
             "Necesario cuando la forma no fue de palabra ni por escrito.",
             "مطلوب عندما لا تكون الموافقة شفهية أو كتابية."),
           required=True, relevant="/data/how/method = 'other'"),
         q("select1", "consent_language",
           T("In which language was this explained?", "¿En qué idioma se explicó?", "بأي لغة شُرح هذا؟"),
           T("Consent only counts if it was explained in a language the person understands.",
             "El consentimiento solo vale si se explicó en un idioma que la persona entiende.",
             "لا تُعتبر الموافقة إلا إذا شُرحت بلغة يفهمها الشخص."),
           choices="language", required=True),
         q("text", "consent_language_other",
           T("Which other language?", "¿Qué otro idioma?", "ما هي اللغة الأخرى؟"),
           T("Names the language when it is not in the list.",
             "Indica el idioma cuando no está en la lista.",
             "يحدد اللغة عندما لا تكون في القائمة."),
           required=True, relevant="/data/how/consent_language = 'other'"),
         q("select1", "interpreter_used",
           T("Was an interpreter used?", "¿Se usó intérprete?", "هل استُعين بمترجم شفهي؟"),
           T("An interpreted consent records who interpreted, so that it can be checked.",
             "Un consentimiento interpretado registra quién interpretó, para poder comprobarlo.",
             "الموافقة التي تمت بالترجمة تسجّل من قام بالترجمة، كي يمكن التحقق منها."),
           choices="yes_no", required=True),
         q("text", "interpreter_name",
           T("Interpreter's name or reference", "Nombre o referencia del intérprete", "اسم المترجم أو رقمه المرجعي"),
           T("The interpreter must not be family, an employer, or anyone linked to the exploiter; naming them "
             "allows that check.",
             "El intérprete no debe ser un familiar, un empleador ni nadie vinculado al explotador; anotarlo permite "
             "comprobarlo.",
             "يجب ألا يكون المترجم من الأسرة أو صاحب العمل أو أي شخص له صلة بالمستغِل؛ وتسجيل اسمه يتيح هذا "
             "التحقق."),
           required=True, relevant="/data/how/interpreter_used = 'yes'")),
    page("purposes", T("What you agree to", "A qué das tu acuerdo", "على ماذا توافق"),
         q("select1", "consent_services",
           T("Is it OK for us to write down what you tell us and use it to help you here, for example to find a "
             "safe place, food or a doctor?",
             "¿Te parece bien que anotemos lo que nos cuentas y lo usemos para ayudarte aquí, por ejemplo para "
             "buscar un lugar seguro, comida o atención médica?",
             "هل من المقبول لديك أن نكتب ما نسمعه منك ونستخدمه لمساعدتك هنا، مثلًا لإيجاد مكان آمن أو طعام أو طبيب؟"),
           T("Consent for services. Without it, record only what immediate safety needs.",
             "Consentimiento para servicios. Sin él, anote solo lo que exija la seguridad inmediata.",
             "موافقة على الخدمات. بدونها، لا تسجّل إلا ما تتطلبه السلامة الفورية."),
           choices="yes_no", required=True, consent="services"),
         q("select1", "consent_law_enforcement",
           T("Is it OK for us to share what you tell us with the police, so that they can look into what happened?",
             "¿Te parece bien que compartamos lo que nos cuentas con la policía, para que investigue lo que pasó?",
             "هل من المقبول لديك أن نشارك ما نسمعه منك مع الشرطة، كي تحقق فيما حدث؟"),
           T("Sharing with law enforcement is a separate choice; saying no does not stop help. Duties to report a "
             "child in danger may still apply, as explained at the start.",
             "Compartir con la policía es una decisión aparte; decir que no no detiene la ayuda. Las obligaciones de "
             "informar sobre un niño o una niña en peligro pueden seguir aplicándose, como se explicó al principio.",
             "المشاركة مع جهات إنفاذ القانون خيار منفصل؛ ورفضها لا يوقف المساعدة. وقد يبقى واجب الإبلاغ عن "
             "طفل في خطر قائمًا، كما شُرح في البداية."),
           choices="yes_no", required=True, consent="law_enforcement"),
         q("select1", "consent_national_referral",
           T("Is it OK for us to tell the national office that supports people who have been trafficked about you, "
             "so that you can get more help?",
             "¿Te parece bien que informemos sobre ti a la oficina nacional que apoya a las víctimas de trata, para "
             "que puedas recibir más ayuda?",
             "هل من المقبول لديك أن نبلغ المكتب الوطني الذي يدعم ضحايا الاتجار بالبشر عنك، كي تصلك مساعدة "
             "إضافية؟"),
           T("A national referral or formal report needs its own consent for adults. In some countries a child is "
             "referred without consent; the child is still told.",
             "Una derivación nacional o una denuncia formal necesita su propio consentimiento en adultos. En algunos "
             "países se deriva a un niño o una niña sin consentimiento; aun así se le informa.",
             "تحتاج الإحالة الوطنية أو البلاغ الرسمي إلى موافقة خاصة بها عند البالغين. في بعض البلدان يُحال "
             "الطفل دون موافقة، ومع ذلك يُخبَر بذلك."),
           choices="yes_no", required=True, consent="national_referral"),
         q("select1", "consent_research",
           T("Is it OK for your information, with your name taken out, to be used to learn how to help other young "
             "people?",
             "¿Te parece bien que tu información, sin tu nombre, se use para aprender a ayudar a otros jóvenes?",
             "هل من المقبول لديك أن تُستخدم معلوماتك، بعد حذف اسمك، لنتعلم كيف نساعد شبابًا آخرين؟"),
           T("Research use is optional and never a condition of help.",
             "El uso para investigación es opcional y nunca es una condición para recibir ayuda.",
             "الاستخدام في البحث اختياري، وليس شرطًا للحصول على المساعدة أبدًا."),
           choices="yes_no", required=True, consent="research"),
         q("select1", "consent_recording",
           T("Is it OK for us to make a sound or video recording when we talk?",
             "¿Te parece bien que grabemos en audio o video cuando hablemos?",
             "هل من المقبول لديك أن نسجّل صوتًا أو فيديو عندما نتحدث؟"),
           T("A recording needs its own agreement; without it, notes are taken by hand.",
             "Una grabación necesita su propio acuerdo; sin él, se toman notas a mano.",
             "التسجيل يحتاج إلى موافقة خاصة به؛ وبدونها تُدوَّن الملاحظات كتابةً."),
           choices="yes_no", required=True, consent="recording")),
    repeat("referral_consents",
           T("Agreement to share with a named organisation", "Acuerdo para compartir con una organización concreta",
             "الموافقة على المشاركة مع منظمة محددة"),
           q("text", "organisation",
             T("Which organisation?", "¿Qué organización?", "أي منظمة؟"),
             T("Each referral needs agreement for that organisation; naming it lets the person decide for each one.",
               "Cada derivación necesita acuerdo para esa organización; nombrarla permite a la persona decidir en "
               "cada caso.",
               "كل إحالة تحتاج إلى موافقة على تلك المنظمة بعينها؛ وذكر اسمها يتيح للشخص أن يقرر في كل حالة."),
             required=True, purpose="referral"),
           q("select1", "service",
             T("For which kind of help?", "¿Para qué tipo de ayuda?", "لأي نوع من المساعدة؟"),
             T("Agreement covers one kind of help; the organisation receives only what that help needs.",
               "El acuerdo cubre un tipo de ayuda; la organización recibe solo lo que esa ayuda necesita.",
               "تشمل الموافقة نوعًا واحدًا من المساعدة؛ ولا تتلقى المنظمة إلا ما تحتاجه تلك المساعدة."),
             choices="service", required=True, purpose="referral"),
           q("select1", "consent_referral",
             T("Is it OK for us to share what is needed with this organisation, so that they can help you?",
               "¿Te parece bien que compartamos con esta organización lo necesario para que pueda ayudarte?",
               "هل من المقبول لديك أن نشارك مع هذه المنظمة ما تحتاجه كي تساعدك؟"),
             T("Consent for this referral only; the referral form will not send anything without it.",
               "Consentimiento solo para esta derivación; el formulario de derivaciones no enviará nada sin él.",
               "موافقة على هذه الإحالة فقط؛ ولن يُرسل استمارة الإحالات أي شيء بدونها."),
             choices="yes_no", required=True, consent="referral")),
    page("closing", T("Changing your mind", "Cambiar de opinión", "تغيير رأيك"),
         q("note", "change_mind",
           T("You can change your mind at any time. Just tell us, and from then on we will stop using your "
             "information for that purpose.",
             "Puedes cambiar de opinión cuando quieras. Solo tienes que decírnoslo y, desde ese momento, dejaremos "
             "de usar tu información para eso.",
             "يمكنك تغيير رأيك في أي وقت. يكفي إخبارنا بذلك، ومن تلك اللحظة سنتوقف عن استخدام معلوماتك لذلك "
             "الغرض."),
           T("Consent can be withdrawn; the person needs to know that, and how.",
             "El consentimiento puede retirarse; la persona debe saberlo y saber cómo hacerlo.",
             "يمكن سحب الموافقة؛ ويجب أن يعرف الشخص ذلك وكيف يفعله."),
           ),
         q("trigger", "closing_ack",
           T("The person was told they can change their mind at any time.",
             "Se ha dicho a la persona que puede cambiar de opinión en cualquier momento.",
             "أُخبر الشخص بأنه يستطيع تغيير رأيه في أي وقت."),
           T("Records that the right to withdraw was explained.",
             "Deja constancia de que se explicó el derecho a retirar el consentimiento.",
             "يثبت أن الحق في سحب الموافقة قد شُرح."),
           required=True)),
]

FORM = Form("harbor-consent", VERSION, "Consent and assent", SOURCES, NODES,
            {"yes_no": YES_NO, "giver": GIVER, "relation": RELATION, "method": METHOD, "language": LANGUAGE,
             "service": SERVICE})
