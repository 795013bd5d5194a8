"""python3 tools/forms/catalog.py LANG: writes tools/forms/catalog/LANG.json for a translator.

Every English text of the built-in forms becomes a key; translations already in the file are kept,
new texts get an empty value (gen.py refuses to write the forms while one is empty) and texts no form
uses any more are dropped. Then fill the values and run gen.py. See docs/translating.md.
"""
import importlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from xform import CATALOG_DIR, NAMES, T  # noqa: E402

if len(sys.argv) != 2 or not sys.argv[1].isalpha() or sys.argv[1] in ("en", "es", "ar"):
    sys.exit("usage: python3 tools/forms/catalog.py LANG   (an ISO 639-1 code other than en, es, ar)")
lang = sys.argv[1]
for name in NAMES:
    importlib.import_module(name)
path = CATALOG_DIR / f"{lang}.json"
old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
texts = {}
for t in T.ALL:
    texts.setdefault(t.en, old.get(t.en, ""))
CATALOG_DIR.mkdir(exist_ok=True)
path.write_text(json.dumps(texts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
missing = sum(1 for v in texts.values() if not v)
print(f"{path}: {len(texts)} texts, {missing} to translate")
