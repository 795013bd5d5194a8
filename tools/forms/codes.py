"""Coded values written beside free text: ISO 3166-1 alpha-2 countries, BCP 47 language tags, and
partial dates (a year, a year and month, or a full date; HTCDS hte_Date allows no less).

The lists are checked against the JDK's own ISO tables by CodedFieldsTest, so a code added to or
withdrawn from ISO 3166-1 shows up as a failing test rather than as a silently refused answer.
A list of codes is typed in one field, separated by spaces ("SY ER"): Harbor's renderer shows a
select as one checkbox a line, and 249 checkboxes are not something a worker can use offline.
"""
from xform import T

# ISO 3166-1 alpha-2, the 249 officially assigned codes (Locale.getISOCountries(PART1_ALPHA2)).
# Kosovo's XK is user-assigned, not ISO: it is written in the free-text field beside the code.
ISO_3166_ALPHA2 = """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split()

# ISO 639-1 two-letter codes valid as BCP 47 primary language subtags (Locale.getISOLanguages()
# without the deprecated in, iw, ji and mo, whose BCP 47 forms are id, he, yi and ro).
ISO_639_1 = """
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da
de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz
ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln
lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi
pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti
tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()

# The three-letter (ISO 639-2/T) forms of the languages above: BCP 47 takes the two-letter code
# when there is one, so "ara" or "eng" are refused with a message pointing to "ar" and "en".
ISO_639_2T_OF_1 = """
aar abk ave afr aka amh arg ara asm ava aym aze bak bel bul bih bis bam ben bod bre bos cat che
cha cos cre ces chu chv cym dan deu div dzo ewe ell eng epo spa est eus fas ful fin fij fao fra
fry gle gla glg grn guj glv hau heb hin hmo hrv hat hun hye her ina ind ile ibo iii ipk ido isl
ita iku jpn jav kat kon kik kua kaz kal khm kan kor kau kas kur kom cor kir lat ltz lug lim lin
lao lit lub lav mlg mah mri mkd mal mon mar msa mlt mya nau nob nde nep ndo nld nno nor nbl nav
nya oci oji orm ori oss pan pli pol pus por que roh run ron rus kin san srd snd sme sag sin slk
slv smo sna som sqi srp ssw sot sun swe swa tam tel tgk tha tir tuk tgl tsn ton tur tso tat twi
tah uig ukr urd uzb ven vie vol wln wol xho yid yor zha zho zul""".split()

_COUNTRY = "(" + "|".join(ISO_3166_ALPHA2) + ")"
# language[-Script][-REGION], the part of BCP 47 a worker needs: "ar", "ti-ER", "sr-Latn",
# "prs" (Dari, which has no two-letter code), "es-419".
_LANG = ("((?!(" + "|".join(ISO_639_2T_OF_1) + ")\\b)[a-z]{3}|" + "|".join(ISO_639_1) + ")"
         "(-[A-Z][a-z]{3})?(-(" + "|".join(ISO_3166_ALPHA2) + "|[0-9]{3}))?")

COUNTRY_ONE = f"regex(., '^{_COUNTRY}$')"
COUNTRY_MANY = f"regex(., '^{_COUNTRY}( {_COUNTRY})*$')"
LANGUAGE_MANY = f"regex(., '^{_LANG}( {_LANG})*$')"

COUNTRY_ONE_MSG = T(
    "Type one two-letter ISO 3166 country code in capitals, for example MX, SY or ER. Write anything else in the "
    "text field beside it.",
    "Escriba un código de país ISO 3166 de dos letras en mayúsculas, por ejemplo MX, SY o ER. Lo demás, escríbalo "
    "en el campo de texto de al lado.",
    "اكتب رمز بلد واحدًا من حرفين بالأحرف الكبيرة وفق ISO 3166، مثل MX أو SY أو ER. واكتب أي شيء آخر في حقل "
    "النص المجاور.")
COUNTRY_MANY_MSG = T(
    "Type two-letter ISO 3166 country codes in capitals, separated by spaces, for example SY ER. Only assigned "
    "codes are accepted; write anything else in the text field beside it.",
    "Escriba códigos de país ISO 3166 de dos letras en mayúsculas, separados por espacios, por ejemplo SY ER. Solo "
    "se aceptan códigos asignados; lo demás, escríbalo en el campo de texto de al lado.",
    "اكتب رموز البلدان من حرفين بالأحرف الكبيرة وفق ISO 3166، مفصولة بمسافات، مثل SY ER. لا تُقبل إلا الرموز "
    "المعتمدة؛ واكتب أي شيء آخر في حقل النص المجاور.")
LANGUAGE_MANY_MSG = T(
    "Type BCP 47 language tags separated by spaces, for example ar so es-419 prs: the two-letter code when the "
    "language has one (ar, not ara), then an optional script (sr-Latn) and region (ti-ER).",
    "Escriba etiquetas de idioma BCP 47 separadas por espacios, por ejemplo ar so es-419 prs: el código de dos "
    "letras cuando el idioma lo tiene (ar, no ara), y después, si hace falta, la escritura (sr-Latn) y la región "
    "(ti-ER).",
    "اكتب وسوم اللغات وفق BCP 47 مفصولة بمسافات، مثل ar so es-419 prs: الرمز المكوّن من حرفين إن كان "
    "للغة رمز كهذا (ar وليس ara)، ثم نظام الكتابة إن لزم (sr-Latn) والمنطقة (ti-ER).")

# The day exists in its month (JavaRosa's date() throws on "2010-02-31", so this is checked first and
# date() is reached only for a real day: XPath "and" stops at the first false).
_Y, _M, _D = "number(substr(., 0, 4))", "number(substr(., 5, 7))", "number(substr(., 8, 10))"
_LEAP = f"(({_Y} mod 4 = 0 and {_Y} mod 100 != 0) or {_Y} mod 400 = 0)"
_DAY_EXISTS = (f"({_M} != 2 or {_D} <= 28 or ({_D} = 29 and {_LEAP})) "
               f"and (not({_M} = 4 or {_M} = 6 or {_M} = 9 or {_M} = 11) or {_D} <= 30)")

# A partial date: "2019", "2019-03" or "2019-03-14"; no year before 1900, nothing in the future,
# and a full date must exist ("2010-02-31" is refused with the form's message).
PARTIAL_DATE = (
    "regex(., '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$') "
    "and number(substr(., 0, 4)) >= 1900 "
    "and number(substr(., 0, 4)) <= number(format-date(today(), '%Y')) "
    "and (string-length(.) != 7 or number(concat(substr(., 0, 4), substr(., 5, 7))) <= "
    "number(format-date(today(), '%Y%m'))) "
    "and (string-length(.) != 10 or (" + _DAY_EXISTS + " and date(.) <= today()))")
# A value shaped like a partial date that lies after today, compared at its own precision ("2031",
# "2031-01", "2031-01-05" against today's year, year and month, or date): lets a constraint message
# tell "in the future" from "no such date" (digits only, so "2010-02-31" never reaches date()).
PARTIAL_DATE_IN_FUTURE = (
    "regex(., '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$') and number(translate(., '-', '')) > "
    "number(translate(substr(format-date(today(), '%Y-%m-%d'), 0, string-length(.)), '-', ''))")
PARTIAL_DATE_MSG = T(
    "Type a year (2019), a year and month (2019-03) or a full date (2019-03-14). The date must exist and not be "
    "in the future.",
    "Escriba un año (2019), un año y un mes (2019-03) o una fecha completa (2019-03-14). La fecha debe existir y no "
    "ser futura.",
    "اكتب سنة (2019)، أو سنة وشهرًا (2019-03)، أو تاريخًا كاملًا (2019-03-14). يجب أن يكون التاريخ موجودًا وألا "
    "يكون في المستقبل.")


def precision(path):
    """The precision of the partial date at {@code path}: year, month or day (empty when unanswered)."""
    return (f"if(string-length({path}) = 4, 'year', if(string-length({path}) = 7, 'month', "
            f"if(string-length({path}) = 10, 'day', '')))")
