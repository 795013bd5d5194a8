"""Writes Harbor's built-in XForms from the compact definitions in builtin.py.

The XML under src/main/resources/org/harbor/forms/builtin/ is what Harbor loads; this module
only saves typing three translations into itext by hand. Conventions: docs/forms.md.
"""
import json
import pathlib
import re
from xml.sax.saxutils import escape, quoteattr

# English, Spanish and Arabic are written beside each other in the form definitions; every other
# shipped language comes from a catalog, tools/forms/catalog/<code>.json, mapping each English text to
# its translation (written by tools/forms/catalog.py, filled by a translator; see docs/translating.md).
BASE_LANGS = ("en", "es", "ar")
CATALOG_ORDER = ("fr", "pt", "vi", "sq", "tl")
CATALOG_DIR = pathlib.Path(__file__).resolve().parent / "catalog"
CATALOGS = {}
for _path in sorted(CATALOG_DIR.glob("*.json")):
    CATALOGS[_path.stem] = json.loads(_path.read_text(encoding="utf-8"))
LANGS = BASE_LANGS + tuple(sorted(CATALOGS, key=lambda c: (CATALOG_ORDER + (c,)).index(c)))
ROOT = "data"
# the built-in forms, one module each under tools/forms, in the order Harbor offers them
NAMES = ["consent", "safety", "intake", "trafficking", "referrals"]


OUTPUT = re.compile(r'<output value="([^"]*)"/>')
LITERAL = re.compile(r"'[^']*'")


def placeholders(value):
    """The {@code <output/>} expressions of a text, with their string literals (words shown to the
    person, translated with the text) blanked: what a translation must keep unchanged."""
    return sorted(LITERAL.sub("'…'", e) for e in OUTPUT.findall(value))


def markup(value):
    """Escapes a text, keeping its {@code <output value="..."/>} placeholders (their expression escaped
    as an attribute value, so that it may compare with < and >)."""
    parts = OUTPUT.split(value)  # text, expression, text, expression, ..., text
    return "".join(escape(p) if i % 2 == 0 else f'<output value="{escape(p)}"/>' for i, p in enumerate(parts))


class T:
    """One text in English, Spanish and Arabic; other languages are looked up in their catalog."""

    ALL = []  # every text made, in order: what tools/forms/catalog.py offers for translation

    def __init__(self, en, es, ar):
        self.en, self.es, self.ar = en, es, ar
        T.ALL.append(self)

    def get(self, lang):
        if lang in BASE_LANGS:
            return getattr(self, lang)
        value = CATALOGS.get(lang, {}).get(self.en)
        if value and placeholders(value) != placeholders(self.en):
            raise ValueError(f"{lang} text changes the <output/> placeholders of: {self.en}")
        return value


class Node:
    def __init__(self, kind, name, label=None, hint=None, *, choices=None, required=False,
                 relevant=None, constraint=None, cmsg=None, fact=None, purpose=None,
                 danger=False, consent=None, calculate=None, children=(), appearance=None,
                 label_id=None, nonresponse=None, consentcheck=None):
        self.kind, self.name, self.label, self.hint = kind, name, label, hint
        self.choices, self.required, self.relevant = choices, required, relevant
        self.constraint, self.cmsg, self.fact, self.purpose = constraint, cmsg, fact, purpose
        self.danger, self.consent, self.calculate = danger, consent, calculate
        self.children, self.appearance, self.label_id = list(children), appearance, label_id
        # nonresponse="none": not a question to the survivor (an acknowledgement, a consent decision),
        # so the non-response choices are not offered; consentcheck: a yes is checked against the
        # recorded consents for that purpose.
        self.nonresponse, self.consentcheck = nonresponse, consentcheck
        self.path = None


def q(kind, name, label, hint, **kw):
    return Node(kind, name, label, hint, **kw)


def page(name, label, *children, relevant=None):
    return Node("page", name, label, None, children=children, relevant=relevant)


def repeat(name, label, *children, relevant=None):
    return Node("repeat", name, label, None, children=children, relevant=relevant)


def calc(name, expression, fact=None, purpose=None):
    return Node("calc", name, calculate=expression, fact=fact, purpose=purpose)


TYPES = {"text": "string", "int": "int", "decimal": "decimal", "date": "date", "select1": "select1",
         "select": "select", "note": "string", "trigger": "string", "calc": "string"}


class Form:
    def __init__(self, form_id, version, title, sources, nodes, choices, sensitivity=None):
        self.form_id, self.version, self.title = form_id, version, title
        self.sources, self.nodes, self.choices = sources, nodes, choices
        self.sensitivity = sensitivity
        self.texts = {}  # id -> T, in insertion order

    def text(self, text_id, t):
        if t is None:
            return
        if text_id in self.texts and self.texts[text_id] is not t:
            raise ValueError("itext id used twice with different text: " + text_id)
        self.texts[text_id] = t

    # --- paths ---------------------------------------------------------------------------
    def assign(self, nodes, parent):
        for n in nodes:
            n.path = parent + "/" + n.name
            self.assign(n.children, n.path)

    # --- XML -----------------------------------------------------------------------------
    def instance(self, nodes, indent, out):
        for n in nodes:
            pad = "  " * indent
            if n.kind == "repeat":
                out.append(f'{pad}<{n.name} jr:template="">')
                self.instance(n.children, indent + 1, out)
                out.append(f"{pad}</{n.name}>")
            elif n.kind == "page":
                out.append(f"{pad}<{n.name}>")
                self.instance(n.children, indent + 1, out)
                out.append(f"{pad}</{n.name}>")
            else:
                out.append(f"{pad}<{n.name}/>")

    def binds(self, nodes, out):
        for n in nodes:
            if n.kind in ("page", "repeat"):
                if n.relevant:
                    out.append(f'      <bind nodeset="{n.path}" relevant={quoteattr(n.relevant)}/>')
                self.binds(n.children, out)
                continue
            attrs = [f'nodeset="{n.path}"', f'type="{TYPES[n.kind]}"']
            if n.kind == "note":
                attrs.append('readonly="true()"')
            if n.required:
                attrs.append('required="true()"')
            if n.relevant:
                attrs.append("relevant=" + quoteattr(n.relevant))
            if n.constraint:
                attrs.append("constraint=" + quoteattr(n.constraint))
                if n.cmsg is None:
                    raise ValueError("a constraint needs a message: " + n.path)
                self.text(n.path + ":constraintMsg", n.cmsg)
                attrs.append(f"jr:constraintMsg=\"jr:itext('{n.path}:constraintMsg')\"")
            if n.calculate:
                attrs.append("calculate=" + quoteattr(n.calculate))
            if n.fact:
                attrs.append(f'harbor:fact="{n.fact}"')
            if n.purpose:
                attrs.append(f'harbor:purpose="{n.purpose}"')
            if n.danger:
                attrs.append('harbor:safety="danger"')
            if n.consent:
                attrs.append(f'harbor:consent="{n.consent}"')
            if n.consentcheck:
                attrs.append(f'harbor:consentcheck="{n.consentcheck}"')
            if n.nonresponse:
                attrs.append(f'harbor:nonresponse="{n.nonresponse}"')
            out.append("      <bind " + " ".join(attrs) + "/>")

    def label_ref(self, n):
        label_id = n.label_id or n.path + ":label"
        self.text(label_id, n.label)
        return f"<label ref=\"jr:itext('{label_id}')\"/>"

    def hint_ref(self, n):
        if n.hint is None:
            raise ValueError("every question has a hint: " + n.path)
        self.text(n.path + ":hint", n.hint)
        return f"<hint ref=\"jr:itext('{n.path}:hint')\"/>"

    def body(self, nodes, indent, out):
        for n in nodes:
            pad = "  " * indent
            if n.kind == "calc":
                continue
            if n.kind == "page":
                out.append(f'{pad}<group ref="{n.path}" appearance="field-list">')
                out.append(f"{pad}  " + self.label_ref(n))
                self.body(n.children, indent + 1, out)
                out.append(f"{pad}</group>")
            elif n.kind == "repeat":
                out.append(f'{pad}<group ref="{n.path}">')
                out.append(f"{pad}  " + self.label_ref(n))
                out.append(f'{pad}  <repeat nodeset="{n.path}">')
                self.body(n.children, indent + 2, out)
                out.append(f"{pad}  </repeat>")
                out.append(f"{pad}</group>")
            elif n.kind in ("select1", "select"):
                out.append(f'{pad}<{n.kind} ref="{n.path}">')
                out.append(f"{pad}  " + self.label_ref(n))
                out.append(f"{pad}  " + self.hint_ref(n))
                list_name = n.choices
                for value, t in self.choices[list_name]:
                    text_id = f"choice.{list_name}.{value}"
                    self.text(text_id, t)
                    out.append(f"{pad}  <item><label ref=\"jr:itext('{text_id}')\"/><value>{value}</value></item>")
                out.append(f"{pad}</{n.kind}>")
            elif n.kind == "trigger":
                out.append(f'{pad}<trigger ref="{n.path}">')
                out.append(f"{pad}  " + self.label_ref(n))
                out.append(f"{pad}  " + self.hint_ref(n))
                out.append(f"{pad}</trigger>")
            else:
                out.append(f'{pad}<input ref="{n.path}">')
                out.append(f"{pad}  " + self.label_ref(n))
                out.append(f"{pad}  " + self.hint_ref(n))
                out.append(f"{pad}</input>")

    def xml(self):
        self.assign(self.nodes, "/" + ROOT)
        inst = []
        self.instance(self.nodes, 5, inst)
        binds = []
        self.binds(self.nodes, binds)
        body = []
        self.body(self.nodes, 2, body)
        sens = f' harbor:sensitivity="{self.sensitivity}"' if self.sensitivity else ""
        out = ['<?xml version="1.0" encoding="UTF-8"?>', "<!--"]
        out += ["  " + line if line else "" for line in self.sources.strip("\n").split("\n")]
        out += ["-->",
                '<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"',
                '        xmlns:jr="http://openrosa.org/javarosa" xmlns:harbor="urn:harbor">',
                "  <h:head>",
                f"    <h:title>{escape(self.title)}</h:title>",
                "    <model>",
                "      <instance>",
                f'        <{ROOT} id="{self.form_id}" version="{self.version}"{sens}>']
        out += inst
        out += [f"        </{ROOT}>", "      </instance>", "      <itext>"]
        for lang in LANGS:
            default = ' default="true()"' if lang == "en" else ""
            out.append(f'        <translation lang="{lang}"{default}>')
            for text_id, t in self.texts.items():
                value = t.get(lang)
                if value is None or not value.strip():
                    raise ValueError(f"missing {lang} text for {text_id}")
                out.append(f'          <text id="{text_id}"><value>{markup(value)}</value></text>')
            out.append("        </translation>")
        out += ["      </itext>"] + binds + ["    </model>", "  </h:head>", "  <h:body>"] + body
        out += ["  </h:body>", "</h:html>", ""]
        return "\n".join(out)
