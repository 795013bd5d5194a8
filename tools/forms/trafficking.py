"""harbor-trafficking: trafficking history and indicators (interviewers and supervisors only)."""
from codes import (COUNTRY_MANY, COUNTRY_MANY_MSG, COUNTRY_ONE, COUNTRY_ONE_MSG, PARTIAL_DATE, PARTIAL_DATE_MSG,
                   precision)
from common import SOURCES_COMMON, YES_NO
from xform import T, Form, Node, calc, page, q

# Raised from common.VERSION for issue 12: new questions and choice values, ind_child_sexual replaced.
VERSION = "2026120401"

SOURCES = """\
Harbor built-in form: trafficking history and indicators (harbor-trafficking). Restricted:
only interviewers and supervisors open it or read its answers (harbor:sensitivity).
""" + SOURCES_COMMON + """
  * HTCDS fields used: vic_MethodOfRecruitment, vic_RecruitmentWebsitesAndApps,
    vic_TypeOfLabourExploitation, vic_TypeOfSexExploitation, vic_MethodsOfControl (the 16
    control methods), hte_Type (recruitment, transit, exploitation). Value names follow HTCDS;
    labels are Harbor's own translations. HTCDS is (c) IOM / UN Migration, CC BY 4.0.
  * Polaris, "The Typology of Modern Slavery" (2017): the 25 type labels only, translated;
    Polaris's descriptions are not reproduced.
  * HTCDS Historic Trafficking Events (hte_Type, hte_Date, hte_Country, hte_City): a date,
    country and city for recruitment, transit and exploitation. Countries are ISO 3166-1
    alpha-2 codes as HTCDS asks (prs_Nationality); dates may be partial (year, or year and
    month), with their precision kept beside them. Means of transport and the relation to the
    recruiter follow DOMAIN.md section 5 (Transport.modes, Perpetrator.relation_to_person).
  * Forms of exploitation: Palermo Protocol Art. 3(a) (sexual exploitation, forced labour or
    services, slavery, servitude, removal of organs), EU Directive 2011/36/EU Art. 2(3)
    (begging, criminal activities) and the categories of the Council of Europe's GRETA reports
    (forced begging, forced criminality, domestic servitude, forced marriage).
  * A child needs no means: Palermo Protocol (UN Protocol to Prevent, Suppress and Punish
    Trafficking in Persons, 2000) Art. 3(c): recruiting, moving or receiving a child for
    exploitation is trafficking even when none of the means of Art. 3(a) (force, deception,
    coercion, abuse of vulnerability, payment) is shown; Art. 3(d): a child is anyone under 18.
    So for a child ANY form of exploitation is an indicator, not only sexual exploitation.
  * Combination of recruitment, exploitation and control for adults: ILO/EC Operational
    Indicators of Trafficking in Human Beings (2009), paraphrased.
  * A positive screen is not an identification: Harbor DOMAIN.md section 3."""

RECRUITMENT = [
    ("abduction", T("Abduction", "Secuestro", "الاختطاف")),
    ("educational_facility", T("At a school or place of study", "En una escuela o centro de estudios",
                               "في مدرسة أو مكان دراسة")),
    ("familial", T("By a family member", "Por un familiar", "عن طريق أحد أفراد الأسرة")),
    ("internet", T("Internet: social media or online advertisement", "Internet: redes sociales o anuncio en línea",
                   "الإنترنت: وسائل التواصل الاجتماعي أو إعلان على الإنترنت")),
    ("marriage_broker", T("International marriage broker", "Agencia matrimonial internacional",
                          "وسيط زواج دولي")),
    ("intimate_partner", T("Intimate partner or marriage proposal", "Pareja íntima o propuesta de matrimonio",
                           "شريك عاطفي أو عرض زواج")),
    ("job_offer", T("Job offer or advertisement", "Oferta o anuncio de trabajo", "عرض عمل أو إعلان وظيفة")),
    ("benefactor", T("Someone posing as a helper or benefactor", "Alguien que se hacía pasar por benefactor",
                     "شخص تظاهر بأنه مُحسن أو مساعد")),
    ("public_area", T("Approached in a public place", "Abordaje en un lugar público", "الاقتراب منه في مكان عام")),
    ("accommodation", T("Offer of a place to stay", "Oferta de alojamiento", "عرض مكان للإقامة")),
    ("shelter", T("At a shelter", "En un albergue", "في دار إيواء")),
    ("smuggling", T("Smuggling or ransom", "Tráfico de migrantes o rescate", "التهريب أو الفدية")),
    ("work", T("At a workplace", "En un lugar de trabajo", "في مكان عمل")),
    ("other", T("Another way", "De otra forma", "طريقة أخرى")),
]

PLATFORM = [
    ("facebook", T("Facebook", "Facebook", "فيسبوك")),
    ("instagram", T("Instagram", "Instagram", "إنستغرام")),
    ("whatsapp", T("WhatsApp", "WhatsApp", "واتساب")),
    ("telegram", T("Telegram", "Telegram", "تيليغرام")),
    ("tiktok", T("TikTok", "TikTok", "تيك توك")),
    ("snapchat", T("Snapchat", "Snapchat", "سناب شات")),
    ("viber", T("Viber", "Viber", "فايبر")),
    ("other", T("Another site or app", "Otro sitio o aplicación", "موقع أو تطبيق آخر")),
]

DOCUMENTS_BY = [
    ("self", T("The person or their family, freely", "La persona o su familia, libremente",
               "الشخص نفسه أو أسرته، بحرية")),
    ("recruiter", T("The recruiter or agency", "El reclutador o la agencia", "المجنِّد أو الوكالة")),
    ("exploiter", T("The employer or exploiter", "El empleador o explotador", "صاحب العمل أو المستغِل")),
    ("smuggler", T("A smuggler", "Un traficante de migrantes", "مهرِّب")),
    ("none", T("No documents were used", "No se usaron documentos", "لم تُستخدم أي وثائق")),
    ("other", T("Someone else", "Otra persona", "شخص آخر")),
]

EXPLOITATION = [
    ("labour", T("Labour exploitation", "Explotación laboral", "الاستغلال في العمل")),
    ("sexual", T("Sexual exploitation", "Explotación sexual", "الاستغلال الجنسي")),
    ("criminal", T("Forced criminal activity", "Actividad delictiva forzada", "إجبار على نشاط إجرامي")),
    ("forced_marriage", T("Forced marriage", "Matrimonio forzado", "الزواج القسري")),
    ("begging", T("Forced begging", "Mendicidad forzada", "التسوّل القسري")),
    ("domestic_servitude", T("Domestic servitude", "Servidumbre doméstica", "الاستعباد المنزلي")),
    ("organ_removal", T("Removal of organs", "Extracción de órganos", "نزع الأعضاء")),
    ("other", T("Another form", "Otra forma", "شكل آخر")),
]

TRANSPORT_MODES = [
    ("air", T("By air", "En avión", "جوًّا")),
    ("sea", T("By boat or ship", "En barco o lancha", "بالقارب أو السفينة")),
    ("bus", T("By bus or coach", "En autobús", "بالحافلة")),
    ("car", T("By car, van or lorry", "En auto, camioneta o camión", "بالسيارة أو الشاحنة")),
    ("train", T("By train", "En tren", "بالقطار")),
    ("on_foot", T("On foot", "A pie", "سيرًا على الأقدام")),
    ("hidden", T("Hidden in a vehicle or container", "Escondido o escondida en un vehículo o contenedor",
                 "مخبّأً في مركبة أو حاوية")),
    ("other", T("Another way", "De otra forma", "طريقة أخرى")),
]

RECRUITER_RELATION = [
    ("parent", T("Parent or step-parent", "Madre, padre, madrastra o padrastro", "أحد الوالدين أو زوج الأم أو زوجة الأب")),
    ("relative", T("Another relative", "Otro familiar", "قريب آخر")),
    ("partner", T("Partner, boyfriend or girlfriend", "Pareja, novio o novia", "شريك أو حبيب أو حبيبة")),
    ("friend", T("Friend or acquaintance", "Un amigo, una amiga o una persona conocida", "صديق أو أحد المعارف")),
    ("employer", T("Employer", "Empleador o empleadora", "صاحب عمل")),
    ("agent", T("Agent, broker or recruitment agency", "Agente, intermediario o agencia de empleo",
                "وكيل أو وسيط أو وكالة توظيف")),
    ("community", T("Someone known in the community", "Alguien conocido en la comunidad", "شخص معروف في المجتمع")),
    ("stranger", T("A stranger", "Un desconocido o una desconocida", "شخص غريب")),
    ("other", T("Someone else", "Otra persona", "شخص آخر")),
]

LABOUR = [
    ("agriculture", T("Agriculture", "Agricultura", "الزراعة")),
    ("aquafarming", T("Fish farming or fishing", "Acuicultura o pesca", "تربية الأسماك أو الصيد")),
    ("begging", T("Begging", "Mendicidad", "التسوّل")),
    ("construction", T("Construction", "Construcción", "البناء")),
    ("domestic_work", T("Domestic work", "Trabajo doméstico", "العمل المنزلي")),
    ("hospitality", T("Hotels, restaurants and hospitality", "Hoteles, restaurantes y turismo", "الفنادق والمطاعم والضيافة")),
    ("illicit_activities", T("Illicit activities", "Actividades ilícitas", "أنشطة غير مشروعة")),
    ("manufacturing", T("Factories and manufacturing", "Fábricas y manufactura", "المصانع والتصنيع")),
    ("mining", T("Mining or drilling", "Minería o perforación", "التعدين أو الحفر")),
    ("peddling", T("Street selling", "Venta ambulante", "البيع المتجول")),
    ("transportation", T("Transport", "Transporte", "النقل")),
    ("other", T("Other work", "Otro trabajo", "عمل آخر")),
]

SEX = [
    ("prostitution", T("Prostitution", "Prostitución", "الدعارة")),
    ("pornography", T("Pornography", "Pornografía", "المواد الإباحية")),
    ("remote_interactive", T("Remote interactive sexual acts (online)", "Actos sexuales interactivos a distancia (en "
                             "línea)", "أفعال جنسية تفاعلية عن بُعد (عبر الإنترنت)")),
    ("private_sexual", T("Private sexual services", "Servicios sexuales privados", "خدمات جنسية خاصة")),
]

POLARIS = [
    ("escort_services", T("Escort services", "Servicios de acompañantes", "خدمات المرافقة")),
    ("illicit_massage", T("Illicit massage, health and beauty", "Masajes, salud y belleza ilícitos",
                          "التدليك والصحة والتجميل غير المشروعة")),
    ("outdoor_solicitation", T("Outdoor solicitation", "Comercio sexual en la vía pública", "الجنس التجاري في الشوارع والأماكن العامة")),
    ("residential", T("Residential", "Prostíbulos en casas particulares", "بيوت دعارة في مساكن خاصة")),
    ("domestic_work", T("Domestic work", "Trabajo doméstico", "العمل المنزلي")),
    ("bars_strip_clubs", T("Bars, strip clubs and cantinas", "Bares, clubes de striptease y cantinas",
                           "الحانات ونوادي التعرّي والملاهي الليلية")),
    ("pornography", T("Pornography", "Pornografía", "المواد الإباحية")),
    ("traveling_sales", T("Traveling sales crews", "Equipos de venta ambulante itinerante", "فرق البيع المتنقلة")),
    ("restaurants", T("Restaurants and food service", "Restaurantes y servicios de comida", "المطاعم وخدمات الطعام")),
    ("peddling_begging", T("Peddling and begging", "Venta ambulante y mendicidad", "البيع المتجول والتسوّل")),
    ("agriculture", T("Agriculture and animal husbandry", "Agricultura y ganadería", "الزراعة وتربية الحيوانات")),
    ("personal_sexual_servitude", T("Personal sexual servitude", "Servidumbre sexual personal",
                                    "الاستعباد الجنسي الشخصي")),
    ("health_beauty", T("Health and beauty services", "Servicios de salud y belleza", "خدمات الصحة والتجميل")),
    ("construction", T("Construction", "Construcción", "البناء")),
    ("hotels", T("Hotels and hospitality", "Hoteles y hospedaje", "الفنادق والضيافة")),
    ("landscaping", T("Landscaping", "Jardinería y paisajismo", "تنسيق الحدائق")),
    ("illicit_activities", T("Illicit activities", "Actividades ilícitas", "أنشطة غير مشروعة")),
    ("arts_entertainment", T("Arts and entertainment", "Arte y espectáculos", "الفنون والترفيه")),
    ("commercial_cleaning", T("Commercial cleaning", "Limpieza comercial", "التنظيف التجاري")),
    ("factories", T("Factories and manufacturing", "Fábricas y manufactura", "المصانع والتصنيع")),
    ("remote_interactive", T("Remote interactive sexual acts", "Actos sexuales interactivos a distancia",
                             "أفعال جنسية تفاعلية عن بُعد")),
    ("carnivals", T("Carnivals", "Ferias y carnavales", "الكرنفالات ومدن الملاهي المتنقلة")),
    ("forestry", T("Forestry and logging", "Silvicultura y tala", "الغابات وقطع الأشجار")),
    ("health_care", T("Health care", "Atención de salud", "الرعاية الصحية")),
    ("recreational", T("Recreational facilities", "Instalaciones recreativas", "المرافق الترفيهية")),
]

CONTROL = [
    ("debt_bondage", T("Debt bondage", "Servidumbre por deudas", "عبودية الدَّين")),
    ("takes_earnings", T("Takes earnings", "Se queda con las ganancias", "الاستيلاء على الأجور")),
    ("restricts_financial_access", T("Restricts access to money", "Restringe el acceso al dinero",
                                     "تقييد الوصول إلى المال")),
    ("threats", T("Threats", "Amenazas", "التهديد")),
    ("psychological_abuse", T("Psychological abuse", "Maltrato psicológico", "الإساءة النفسية")),
    ("physical_abuse", T("Physical abuse", "Maltrato físico", "الإساءة الجسدية")),
    ("sexual_abuse", T("Sexual abuse", "Abuso sexual", "الإساءة الجنسية")),
    ("false_promises", T("False promises", "Falsas promesas", "الوعود الكاذبة")),
    ("psychoactive_substances", T("Alcohol or drugs used to control", "Uso de alcohol o drogas para controlar",
                                  "استخدام الكحول أو المخدرات للسيطرة")),
    ("restricts_movement", T("Restricts movement", "Restringe la libertad de movimiento", "تقييد حرية التنقل")),
    ("restricts_medical_care", T("Restricts medical care", "Restringe la atención médica", "تقييد الرعاية الطبية")),
    ("excessive_working_hours", T("Excessive working hours", "Jornadas de trabajo excesivas",
                                  "ساعات عمل مفرطة")),
    ("uses_children", T("Uses children", "Usa a los hijos o hijas de la persona para controlarla", "استخدام أطفال الشخص للسيطرة عليه")),
    ("threat_of_law_enforcement", T("Threat of police or deportation", "Amenaza con la policía o la deportación",
                                    "التهديد بالشرطة أو الترحيل")),
    ("withholds_necessities", T("Withholds food, sleep or other necessities",
                                "Niega comida, sueño u otras necesidades básicas",
                                "الحرمان من الطعام أو النوم أو الضروريات الأخرى")),
    ("withholds_documents", T("Withholds documents", "Retiene los documentos", "حجز الوثائق")),
]

CONTROL_PATH = "/data/control/control_methods"
TYPES_PATH = "/data/exploitation/exploitation_types"
CHILD = "/data/intro/treated_as_child = 'yes'"
# Palermo Protocol Art. 3(c): for a child, any form of exploitation is enough; no means are needed.
CHILD_EXPLOITED = f"{CHILD} and count-selected({TYPES_PATH}) > 0"
COUNT = (f"count-selected({CONTROL_PATH}) + number(/data/recruitment/work_differed = 'yes') + "
         f"number(/data/recruitment/debt_at_start = 'yes') + number({CHILD_EXPLOITED})")

HISTORY = "services law_enforcement national_referral research"
INDICATOR_HINT = T("Listed because of an answer in this form.", "Aparece por una respuesta de este formulario.",
                   "يظهر بسبب إجابة في هذه الاستمارة.")


PLACE = "law_enforcement national_referral research"
CITY = "law_enforcement national_referral"
DATE_HINT = T("A year, or a year and month, is enough when the person does not know the day (HTCDS hte_Date); the "
              "precision is kept beside it.",
              "Basta un año, o un año y un mes, si la persona no sabe el día (hte_Date de HTCDS); la precisión se "
              "guarda al lado.",
              "تكفي السنة، أو السنة والشهر، إذا لم يعرف الشخص اليوم (hte_Date في HTCDS)؛ وتُحفظ الدقة إلى "
              "جانبه.")
COUNTRY_HINT = T("Two-letter ISO 3166 codes, as HTCDS asks (hte_Country), so that records can be compared across "
                 "organisations; for example MX Mexico, GT Guatemala, SY Syria, ER Eritrea, AL Albania, VN Viet Nam.",
                 "Códigos ISO 3166 de dos letras, como pide HTCDS (hte_Country), para poder comparar registros entre "
                 "organizaciones; por ejemplo MX México, GT Guatemala, SY Siria, ER Eritrea, AL Albania, VN Vietnam.",
                 "رموز ISO 3166 من حرفين كما يطلب HTCDS (hte_Country)، لتمكين مقارنة السجلات بين المنظمات؛ مثل MX "
                 "المكسيك، GT غواتيمالا، SY سوريا، ER إريتريا، AL ألبانيا، VN فيتنام.")
CITY_HINT = T("In the staff's words, as precise as the person's account allows (HTCDS hte_City).",
              "Con palabras del equipo, tan preciso como permita el relato (hte_City de HTCDS).",
              "بكلمات الفريق، وبالدقة التي يسمح بها حديث الشخص (hte_City في HTCDS).")


def date_q(name, label, relevant=None):
    """A partial date and, beside it, its precision (year, month or day)."""
    return [q("text", name, label, DATE_HINT, constraint=PARTIAL_DATE, cmsg=PARTIAL_DATE_MSG, relevant=relevant,
              purpose=HISTORY),
            calc(name + "_precision", precision("../" + name), purpose=HISTORY)]


def event(kind, date_name, date_label, country_label, city_label, many=False):
    """One HTCDS historic trafficking event (hte_Type = kind): when, in which country, in which place."""
    prefix = kind if kind != "recruitment" else "recruit"
    return [*date_q(date_name, date_label),
            q("text", f"{prefix}_countries" if many else f"{prefix}_country", country_label, COUNTRY_HINT,
              constraint=COUNTRY_MANY if many else COUNTRY_ONE, cmsg=COUNTRY_MANY_MSG if many else COUNTRY_ONE_MSG,
              purpose=PLACE),
            q("text", f"{prefix}_cities" if many else f"{prefix}_city", city_label, CITY_HINT, purpose=CITY)]


def indicator(value):
    return Node("note", "ind_" + value, None, INDICATOR_HINT,
                relevant=f"selected({CONTROL_PATH}, '{value}')", label_id=f"choice.control.{value}")


NODES = [
    page("intro", T("Before you record", "Antes de anotar", "قبل التسجيل"),
         q("note", "worker_note",
           T("Record from what the person has already told you. Do not read these lists aloud, and do not press for "
             "detail: a forensic interview, when needed, is done separately by a trained interviewer.",
             "Anote a partir de lo que la persona ya le ha contado. No lea estas listas en voz alta ni insista en los "
             "detalles: si hace falta una entrevista forense, la hace aparte una persona entrevistadora con formación.",
             "سجّل بناءً على ما أخبرك به الشخص بالفعل. لا تقرأ هذه القوائم بصوت عالٍ، ولا تضغط طلبًا للتفاصيل: "
             "المقابلة الجنائية، عند الحاجة، يجريها على حدة مقابِل مدرَّب."),
           T("Lists read aloud can suggest answers, and repeated telling harms; this form is a staff record.",
             "Leer listas en voz alta puede sugerir respuestas, y contar una y otra vez hace daño; este formulario es "
             "un registro del equipo.",
             "قراءة القوائم بصوت عالٍ قد توحي بالإجابات، وتكرار رواية الأحداث مؤذٍ؛ هذه الاستمارة سجل للفريق.")),
         q("select1", "treated_as_child",
           T("Is this person being treated as a child?", "¿Se trata a esta persona como menor de edad?",
             "هل يُعامل هذا الشخص على أنه طفل؟"),
           T("For a child, exploitation alone is enough: no force, deception or coercion needs to be shown.",
             "Si se trata de un niño o una niña, basta la explotación: no hace falta demostrar fuerza, engaño ni coacción.",
             "في حالة الطفل، يكفي الاستغلال وحده: لا حاجة لإثبات القوة أو الخداع أو الإكراه."),
           choices="yes_no", required=True, fact="survivor.treated_as_child", purpose=HISTORY)),
    page("recruitment", T("Recruitment", "Captación", "التجنيد"),
         q("select", "recruit_methods",
           T("How was the person first approached or recruited?", "¿Cómo se abordó o captó a la persona al principio?",
             "كيف جرى التواصل مع الشخص أو تجنيده في البداية؟"),
           T("The way someone was recruited shows whether deception or force was used (HTCDS method of recruitment).",
             "La forma de captación muestra si hubo engaño o fuerza (método de captación de HTCDS).",
             "طريقة التجنيد تبيّن ما إذا استُخدم الخداع أو القوة (طريقة التجنيد في HTCDS)."),
           choices="recruitment", purpose=HISTORY),
         q("select", "recruit_platforms",
           T("Which sites or apps were used?", "¿Qué sitios o aplicaciones se usaron?", "ما المواقع أو التطبيقات التي استُخدمت؟"),
           T("Platforms help investigators and services see patterns (HTCDS recruitment websites and apps).",
             "Las plataformas ayudan a investigadores y servicios a ver patrones (sitios y aplicaciones de captación "
             "de HTCDS).",
             "تساعد المنصات المحققين والخدمات على رؤية الأنماط (مواقع وتطبيقات التجنيد في HTCDS)."),
           choices="platform", relevant="selected(/data/recruitment/recruit_methods, 'internet')",
           purpose="law_enforcement national_referral research"),
         q("text", "promised_job",
           T("What was the person told they would do, or what were they promised?",
             "¿Qué se le dijo a la persona que haría, o qué se le prometió?",
             "ماذا قيل للشخص إنه سيعمل، أو بماذا وُعد؟"),
           T("A promise that turned out false is a sign of deceptive recruitment.",
             "Una promesa que resultó falsa es señal de captación engañosa.",
             "الوعد الذي تبيّن أنه كاذب علامة على التجنيد بالخداع."),
           purpose="law_enforcement national_referral"),
         q("select1", "work_differed",
           T("Was the work or situation different from what was promised?",
             "¿El trabajo o la situación fueron distintos de lo prometido?",
             "هل كان العمل أو الوضع مختلفًا عمّا وُعد به؟"),
           T("Deception about the work is an indicator of trafficking.",
             "El engaño sobre el trabajo es un indicador de trata.",
             "الخداع بشأن العمل مؤشر على الاتجار بالبشر."),
           choices="yes_no", purpose=HISTORY),
         q("select1", "debt_at_start",
           T("Was the person told they owed money, for example for travel, papers or the job?",
             "¿Se le dijo a la persona que debía dinero, por ejemplo por el viaje, los papeles o el trabajo?",
             "هل قيل للشخص إنه مدين بالمال، مثلًا مقابل السفر أو الأوراق أو العمل؟"),
           T("A debt from the start is a common way of binding someone to an exploiter.",
             "Una deuda desde el principio es una forma habitual de atar a alguien a un explotador.",
             "الدَّين منذ البداية وسيلة شائعة لربط الشخص بالمستغِل."),
           choices="yes_no", purpose=HISTORY),
         q("select", "recruiter_relation",
           T("Who was the recruiter to the person?", "¿Qué relación tenía con la persona quien la captó?",
             "ما صلة المجنِّد بالشخص؟"),
           T("Recruiters are often people the person knew; a parent or relative as recruiter changes who may be told "
             "and who may consent for a child.",
             "Quien capta suele ser alguien conocido; si fue la madre, el padre u otro familiar, cambia a quién se "
             "informa y quién puede consentir por un niño o niña.",
             "كثيرًا ما يكون المجنِّد شخصًا يعرفه الشخص؛ وإذا كان أحد الوالدين أو قريبًا، يتغيّر من يُبلَّغ ومن يمكنه "
             "الموافقة عن الطفل."),
           choices="recruiter_relation", purpose=HISTORY),
         *event("recruitment", "recruited",
                T("When was the person recruited?", "¿Cuándo se captó a la persona?", "متى جرى تجنيد الشخص؟"),
                T("In which country was the person recruited? ISO code", "¿En qué país se captó a la persona? Código ISO",
                  "في أي بلد جرى تجنيد الشخص؟ رمز ISO"),
                T("In which city or place?", "¿En qué ciudad o lugar?", "في أي مدينة أو مكان؟"))),
    page("transport", T("Travel", "Viaje", "السفر"),
         q("select1", "border_crossed",
           T("Did the person cross into another country?", "¿La persona cruzó a otro país?", "هل عبر الشخص إلى بلد آخر؟"),
           T("Crossing a border brings other laws, protections and authorities into the case.",
             "Cruzar una frontera hace que intervengan otras leyes, protecciones y autoridades.",
             "عبور الحدود يُدخل في الحالة قوانين وأنواع حماية وجهات رسمية أخرى."),
           choices="yes_no", purpose=HISTORY),
         q("select1", "documents_by",
           T("Who arranged the passport, visa or other papers for the journey?",
             "¿Quién gestionó el pasaporte, la visa u otros papeles para el viaje?",
             "من رتّب جواز السفر أو التأشيرة أو الأوراق الأخرى للرحلة؟"),
           T("Papers arranged by a recruiter or exploiter are often used later to control the person.",
             "Los papeles gestionados por un reclutador o explotador se usan a menudo después para controlar a la "
             "persona.",
             "الأوراق التي يرتبها المجنِّد أو المستغِل تُستخدم غالبًا فيما بعد للسيطرة على الشخص."),
           choices="documents_by", relevant="/data/transport/border_crossed = 'yes'", purpose=HISTORY),
         q("select", "transport_modes",
           T("How did the person travel?", "¿Cómo viajó la persona?", "كيف سافر الشخص؟"),
           T("The means of transport show the route and who may have seen the person on the way.",
             "Los medios de transporte muestran la ruta y quién pudo ver a la persona en el camino.",
             "وسائل النقل تبيّن الطريق ومن قد يكون رأى الشخص في الطريق."),
           choices="transport_modes", purpose=HISTORY),
         *event("transit", "transit_started",
                T("When did the journey start?", "¿Cuándo empezó el viaje?", "متى بدأت الرحلة؟"),
                T("Through which countries did the person pass? ISO codes",
                  "¿Por qué países pasó la persona? Códigos ISO", "ما البلدان التي مرّ بها الشخص؟ رموز ISO"),
                T("Through which cities or places?", "¿Por qué ciudades o lugares?", "ما المدن أو الأماكن التي مرّ بها؟"),
                many=True)),
    page("exploitation", T("Exploitation", "Explotación", "الاستغلال"),
         q("select", "exploitation_types",
           T("Which forms of exploitation does the account describe?",
             "¿Qué formas de explotación describe el relato?",
             "ما أشكال الاستغلال التي يصفها الحديث؟"),
           T("The form of exploitation decides which services, laws and indicators apply.",
             "La forma de explotación determina qué servicios, leyes e indicadores se aplican.",
             "يحدد شكل الاستغلال الخدمات والقوانين والمؤشرات التي تنطبق."),
           choices="exploitation", purpose=HISTORY),
         q("select", "labour_types",
           T("What kind of labour?", "¿Qué tipo de trabajo?", "ما نوع العمل؟"),
           T("HTCDS type of labour exploitation.", "Tipo de explotación laboral según HTCDS.",
             "نوع الاستغلال في العمل بحسب HTCDS."),
           choices="labour", relevant=f"selected({TYPES_PATH}, 'labour')", purpose=HISTORY),
         q("select", "sex_types",
           T("What kind of sexual exploitation?", "¿Qué tipo de explotación sexual?", "ما نوع الاستغلال الجنسي؟"),
           T("HTCDS type of sex exploitation.", "Tipo de explotación sexual según HTCDS.",
             "نوع الاستغلال الجنسي بحسب HTCDS."),
           choices="sex", relevant=f"selected({TYPES_PATH}, 'sexual')", purpose=HISTORY),
         q("select", "polaris_types",
           T("Which Polaris types fit the account?", "¿Qué tipos de Polaris corresponden al relato?",
             "ما أنواع تصنيف Polaris التي تنطبق على الحديث؟"),
           T("The Polaris typology groups cases by how the exploitation operates, which helps referrals and "
             "investigation.",
             "La tipología de Polaris agrupa los casos según cómo funciona la explotación, lo que ayuda a derivar e "
             "investigar.",
             "يصنّف تصنيف Polaris الحالات بحسب طريقة عمل الاستغلال، مما يساعد في الإحالة والتحقيق."),
           choices="polaris", relevant=f"count-selected({TYPES_PATH}) > 0", purpose=HISTORY),
         q("select1", "ongoing",
           T("Is the exploitation still going on?", "¿Sigue la explotación?", "هل لا يزال الاستغلال مستمرًا؟"),
           T("Ongoing exploitation is a current danger: a yes raises the case's safety banner and calls for your "
             "emergency procedure today.",
             "Una explotación en curso es un peligro actual: un sí activa el aviso de seguridad del caso y exige "
             "aplicar hoy su procedimiento de emergencia.",
             "الاستغلال المستمر خطر قائم: الإجابة بـ«نعم» تُظهر تنبيه السلامة في الحالة وتستدعي تطبيق إجراء "
             "الطوارئ اليوم."),
           choices="yes_no", purpose=HISTORY, danger=True),
         q("note", "ongoing_note",
           T("Act now: exploitation that is still going on is a danger today. Follow your organisation's emergency "
             "procedure before going on.",
             "Actúe ya: una explotación que sigue es un peligro hoy. Siga el procedimiento de emergencia de su "
             "organización antes de continuar.",
             "تصرّف الآن: الاستغلال المستمر خطر قائم اليوم. اتبع إجراء الطوارئ في منظمتك قبل المتابعة."),
           T("Shown because the exploitation is still going on.", "Aparece porque la explotación sigue.",
             "يظهر لأن الاستغلال لا يزال مستمرًا."),
           relevant="/data/exploitation/ongoing = 'yes'"),
         *event("exploitation", "exploitation_started",
                T("When did the exploitation start?", "¿Cuándo empezó la explotación?", "متى بدأ الاستغلال؟"),
                T("In which country did the exploitation take place? ISO code(s)",
                  "¿En qué país ocurrió la explotación? Código(s) ISO", "في أي بلد وقع الاستغلال؟ رمز ISO أو أكثر"),
                T("In which city or place?", "¿En qué ciudad o lugar?", "في أي مدينة أو مكان؟"), many=True),
         *date_q("exploitation_ended",
                T("When did the exploitation end?", "¿Cuándo terminó la explotación?", "متى انتهى الاستغلال؟"),
                relevant="/data/exploitation/ongoing = 'no'")),
    page("control", T("Control", "Formas de control", "السيطرة"),
         q("select", "control_methods",
           T("Which ways of controlling the person does the account describe?",
             "¿Qué formas de controlar a la persona describe el relato?",
             "ما وسائل السيطرة على الشخص التي يصفها الحديث؟"),
           T("The 16 HTCDS methods of control; each one present is listed as an indicator on the result page.",
             "Los 16 métodos de control de HTCDS; cada uno presente aparece como indicador en la página de "
             "resultados.",
             "وسائل السيطرة الست عشرة في HTCDS؛ وكل وسيلة موجودة تظهر كمؤشر في صفحة النتيجة."),
           choices="control", purpose=HISTORY),
         q("text", "control_other",
           T("Any other way of control, in a few words", "Otra forma de control, en pocas palabras",
             "أي وسيلة سيطرة أخرى، في كلمات قليلة"),
           T("Control takes many forms; what does not fit the list is kept in the staff's words.",
             "El control adopta muchas formas; lo que no encaja en la lista se anota con palabras del equipo.",
             "للسيطرة أشكال كثيرة؛ وما لا يناسب القائمة يُسجَّل بكلمات الفريق."),
           purpose="law_enforcement national_referral")),
    page("result", T("Indicators", "Indicadores", "المؤشرات"),
         calc("indicator_count", COUNT),
         q("note", "count_note",
           T('Indicators present: <output value="/data/result/indicator_count"/>',
             'Indicadores presentes: <output value="/data/result/indicator_count"/>',
             'المؤشرات الموجودة: <output value="/data/result/indicator_count"/>'),
           T("A summary of the answers above; it changes when they change.",
             "Un resumen de las respuestas anteriores; cambia si cambian.",
             "ملخص للإجابات أعلاه؛ ويتغير إذا تغيّرت.")),
         q("note", "ind_deception",
           T("Deceptive recruitment: the work or situation differed from what was promised.",
             "Captación engañosa: el trabajo o la situación no eran los prometidos.",
             "تجنيد بالخداع: كان العمل أو الوضع مختلفًا عمّا وُعد به."),
           INDICATOR_HINT, relevant="/data/recruitment/work_differed = 'yes'"),
         q("note", "ind_debt",
           T("Debt from the start of recruitment.", "Deuda desde el inicio de la captación.",
             "دَين منذ بداية التجنيد."),
           INDICATOR_HINT, relevant="/data/recruitment/debt_at_start = 'yes'"),
         q("note", "ind_child_exploitation",
           T("A child in exploitation, of any form: for a child, exploitation alone is enough; no force, deception "
             "or coercion needs to be shown (Palermo Protocol, Article 3(c)).",
             "Un niño o niña en explotación, de cualquier forma: en el caso de un niño o niña basta la explotación; "
             "no hace falta demostrar fuerza, engaño ni coacción (Protocolo de Palermo, artículo 3(c)).",
             "طفل في استغلال بأي شكل: في حالة الطفل يكفي الاستغلال وحده؛ ولا حاجة لإثبات القوة أو الخداع أو "
             "الإكراه (بروتوكول باليرمو، المادة 3(ج))."),
           INDICATOR_HINT, relevant=CHILD_EXPLOITED),
         *[indicator(value) for value, _ in CONTROL],
         q("note", "none_note",
           T("No indicators were recorded. That does not mean the person was not trafficked: people often say more "
             "once they feel safe.",
             "No se anotó ningún indicador. Eso no significa que la persona no haya sido víctima de trata: a menudo "
             "las personas cuentan más cuando se sienten seguras.",
             "لم يُسجَّل أي مؤشر. هذا لا يعني أن الشخص لم يتعرض للاتجار: كثيرًا ما يقول الناس أكثر عندما "
             "يشعرون بالأمان."),
           T("Shown when no indicator is present.", "Aparece cuando no hay ningún indicador.",
             "يظهر عندما لا يوجد أي مؤشر."),
           relevant="/data/result/indicator_count = 0"),
         q("note", "not_identification",
           T("A positive screen is not an identification. These indicators mean the person may have been trafficked "
             "and should be offered support and a referral; only the competent authority decides whether someone "
             "is a victim of trafficking.",
             "Un resultado positivo en la detección no es una identificación. Estos indicadores significan que la persona puede haber "
             "sido víctima de trata y que debe ofrecérsele apoyo y una derivación; solo la autoridad competente "
             "decide si alguien es víctima de trata.",
             "نتيجة الفحص الإيجابية ليست تحديدًا لهوية الضحية. هذه المؤشرات تعني أن الشخص ربما تعرّض للاتجار "
             "وينبغي أن يُعرض عليه الدعم والإحالة؛ والجهة المختصة وحدها تقرر ما إذا كان الشخص ضحية اتجار."),
           T("Always shown: screening suggests, it does not decide.",
             "Siempre visible: la detección orienta, no decide.",
             "يظهر دائمًا: الفحص يقترح ولا يقرر."))),
]

FORM = Form("harbor-trafficking", VERSION, "Trafficking history and indicators", SOURCES, NODES,
            {"yes_no": YES_NO, "recruitment": RECRUITMENT, "platform": PLATFORM, "documents_by": DOCUMENTS_BY,
             "exploitation": EXPLOITATION, "labour": LABOUR, "transport_modes": TRANSPORT_MODES,
             "recruiter_relation": RECRUITER_RELATION, "sex": SEX, "polaris": POLARIS, "control": CONTROL},
            sensitivity="trafficking-history")
