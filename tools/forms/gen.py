"""python3 tools/forms/gen.py: rewrites the built-in XForms and their index."""
import importlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent.parent / "src/main/resources/org/harbor/forms/builtin"

sys.path.insert(0, str(HERE))
from xform import NAMES  # noqa: E402

OUT.mkdir(parents=True, exist_ok=True)
written = []
for name in NAMES:
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name == name:
            continue
        raise
    (OUT / f"{name}.xml").write_text(module.FORM.xml(), encoding="utf-8")
    written.append(f"{name}.xml")
(OUT / "index.txt").write_text("".join(n + "\n" for n in written), encoding="utf-8")
print("wrote", ", ".join(written))
