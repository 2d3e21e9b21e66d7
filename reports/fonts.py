"""The bundled CJK font (WenQuanYi Micro Hei) for every renderer: reportlab PDFs, Pillow
images and matplotlib figures.

The font ships in resources/ so Chinese never falls back to boxes on a PC without CJK fonts.
Its file is kept on disk for the life of the process: `as_file` would otherwise delete a copy
extracted from a zipped bundle before a renderer reads it.
"""

from __future__ import annotations

import importlib.resources
import threading
from contextlib import ExitStack
from pathlib import Path

_lock = threading.Lock()
_files = ExitStack()  # never closed: the font file must outlive every document and figure
_path: Path | None = None
_family: str | None = None


def font_file() -> Path:
    """A real path of the bundled TrueType collection (face 0 is Micro Hei)."""
    global _path
    with _lock:
        if _path is None:
            resource = importlib.resources.files("resources") / "fonts" / "wqy-microhei.ttc"
            _path = Path(_files.enter_context(importlib.resources.as_file(resource)))
        return _path


def cjk_family() -> str:
    """The matplotlib family name of the font, registered on first use."""
    global _family
    path = str(font_file())
    with _lock:  # charts are drawn on worker threads too
        if _family is None:
            # matplotlib only here: PDFs and labels must not pay for importing it
            from matplotlib import font_manager, rcParams

            font_manager.fontManager.addfont(path)
            _family = font_manager.FontProperties(fname=path).get_name()
            # The CJK font has no U+2212 minus glyph; an ASCII hyphen reads the same.
            rcParams["axes.unicode_minus"] = False
        return _family


def cjk_families() -> list[str]:
    """Font families for a matplotlib text: the CJK font first, DejaVu for what it lacks."""
    return [cjk_family(), "DejaVu Sans"]


def cjk_rc() -> dict[str, object]:
    """rc_context parameters that make a figure's default text the CJK font."""
    return {"font.family": "sans-serif", "font.sans-serif": cjk_families(),
            "axes.unicode_minus": False}
