"""No UI string is left untranslated: every string in desktop/ has a Simplified Chinese translation.

The test re-extracts the strings from the sources with Qt's lupdate (into a scratch file), so a
new self.tr() text without a translation in resources/translations/*_zh_CN.ts fails here.
"""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"


def _lupdate() -> str:
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(exe) if exe.exists() else shutil.which("pyside6-lupdate")
    if not found:
        pytest.fail("pyside6-lupdate not found (it ships with PySide6)")
    return found


def _messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation")
    return out


def _translated(all_ts: list[Path]) -> dict[tuple[str, str], str]:
    done = {}
    for ts in all_ts:
        for key, translation in _messages(ts).items():
            if translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                # a plural message keeps its text in <numerusform>s (its own text is indentation)
                text = (translation.text or "").strip() or "".join(
                    n.text or "" for n in translation.iter("numerusform"))
                if text.strip():
                    done[key] = text
    return done


def test_every_ui_string_has_a_chinese_translation(tmp_path):
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    scratch = tmp_path / "extracted.ts"
    subprocess.run([_lupdate(), *sources, "-ts", str(scratch)], check=True,
                   capture_output=True, text=True)
    extracted = _messages(scratch)
    assert len(extracted) > 50, "lupdate found suspiciously few strings"
    translated = _translated(sorted(TS_DIR.glob("*_zh_CN.ts")))
    missing = sorted(f"{ctx}: {src!r}" for ctx, src in extracted if (ctx, src) not in translated)
    assert not missing, "untranslated UI strings:\n" + "\n".join(missing)


def test_committed_ts_files_have_no_unfinished_entries_and_compiled_qm_is_current():
    for ts in sorted(TS_DIR.glob("*_zh_CN.ts")):
        for (ctx, src), translation in _messages(ts).items():
            assert translation is not None and translation.get("type") != "unfinished", f"{ts.name} {ctx}: {src}"
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run `make translations`"
        assert qm.stat().st_mtime >= ts.stat().st_mtime - 1 or qm.stat().st_size > 0


def test_chinese_translations_look_chinese():
    for (ctx, src), text in _translated(sorted(TS_DIR.glob("*_zh_CN.ts"))).items():
        if any(ch.isalpha() for ch in src) and not src.strip().startswith(("SafeDesk", "&", "%")):
            has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in text)
            assert has_cjk or text == src, f"{ctx}: {src!r} -> {text!r}"


def test_no_aliased_translate_functions_hide_strings_from_lupdate():
    """`t = self.tr` then `t("Text")` is invisible to lupdate: the text stays English in the
    Chinese UI while the test above passes. Call self.tr / QCoreApplication.translate directly."""
    alias = re.compile(r"^\s*\w+\s*=\s*(self\.tr|cls\.tr|QCoreApplication\.translate)\s*$")
    found = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "desktop").rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if alias.match(line)]
    assert not found, "aliased translate functions:\n" + "\n".join(found)
