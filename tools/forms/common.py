"""Choice lists and texts shared by several built-in forms."""
from xform import T

VERSION = "2026112801"

YES_NO = [
    ("yes", T("Yes", "Sí", "نعم")),
    ("no", T("No", "No", "لا")),
]

LANGUAGE = [
    ("en", T("English", "Inglés", "الإنجليزية")),
    ("es", T("Spanish", "Español", "الإسبانية")),
    ("ar", T("Arabic", "Árabe", "العربية")),
    ("other", T("Another language", "Otro idioma", "لغة أخرى")),
]

SERVICE = [
    ("shelter", T("Safe place to stay", "Lugar seguro para quedarse", "مكان آمن للإقامة")),
    ("medical", T("Medical care", "Atención médica", "رعاية طبية")),
    ("mental_health", T("Emotional support or counselling", "Apoyo emocional o psicológico", "دعم نفسي أو إرشاد")),
    ("legal", T("Legal advice", "Asesoría legal", "استشارة قانونية")),
    ("immigration", T("Immigration advice", "Asesoría migratoria", "استشارة بشأن الهجرة والإقامة")),
    ("child_protection", T("Child protection services", "Servicios de protección infantil", "خدمات حماية الطفل")),
    ("education", T("School or training", "Escuela o formación", "مدرسة أو تدريب")),
    ("peer_support", T("Survivor-led or peer support group", "Grupo de apoyo de sobrevivientes o entre pares",
                       "مجموعة دعم يقودها ناجون أو أقران")),
    ("family_tracing", T("Finding or contacting family", "Búsqueda o contacto con la familia", "البحث عن الأسرة أو التواصل معها")),
    ("other", T("Another service", "Otro servicio", "خدمة أخرى")),
]

# Opens the label of a question the worker answers from their own observation or judgement and does
# not read to the survivor (docs/forms.md, "Who reads what"). Labels without it are said to the person.
STAFF_ONLY = T("Staff observation, not read aloud: ", "Observación del equipo, no se lee en voz alta: ",
               "ملاحظة الفريق، لا تُقرأ بصوت عالٍ: ")

# Named in a comment at the top of every form and in docs/forms.md.
SOURCES_COMMON = """\
Sources (paraphrased in Harbor's own words; no text is copied):
  * SAMHSA, Trauma-Informed Approach, six principles (HHS SMA 14-4884, 2014).
  * Zimmerman and Watts, WHO Ethical and Safety Recommendations for Interviewing Trafficked
    Women (2003): do no harm, informed consent, right not to answer or to stop.
  * IOM Human Trafficking Case Data Standard (HTCDS) v2.0, UNMigration/HTCDS, licensed
    CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/): field names and value lists
    are adapted; labels and hints are Harbor's own wording."""
