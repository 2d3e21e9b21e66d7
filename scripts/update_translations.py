"""Re-extract the UI strings from desktop/ and keep every translation already made.

Writes resources/translations/safedesk_zh_CN.ts (new strings marked unfinished, listed on
stdout) and compiles safedesk_zh_CN.qm. Run through `make translations`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
TARGET = TS_DIR / "safedesk_zh_CN.ts"
BIN = Path(sys.executable).parent


def known_translations() -> dict[tuple[str, str], ET.Element]:
    known = {}
    for ts in sorted(TS_DIR.glob("*_zh_CN.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                tr = message.find("translation")
                if tr is not None and tr.get("type") is None and (tr.text or list(tr)):
                    known[(name, message.findtext("source"))] = tr
                    # the same text in another context is a good first guess, nothing more
                    known.setdefault(("*", message.findtext("source")), tr)
    return known


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    known = known_translations()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "scratch.ts"
        subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(scratch),
                        "-target-language", "zh_CN", "-locations", "none"], check=True,
                       capture_output=True)
        tree = ET.parse(scratch)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            found = known.get((name, source))
            target = message.find("translation")
            if found is None:
                missing.append(f"{name}: {source!r}")
                continue
            message.remove(target)
            message.append(found)
    ET.indent(tree)
    tree.write(TARGET, encoding="utf-8", xml_declaration=True)
    for old in TS_DIR.glob("*_zh_CN.*"):
        if old.stem != TARGET.stem:
            old.unlink()
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TARGET), "-qm",
                    str(TARGET.with_suffix(".qm"))], check=True, capture_output=True)
    for line in missing:
        print("untranslated:", line)
    print(f"{TARGET.relative_to(ROOT)}: {len(missing)} strings need a translation")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
