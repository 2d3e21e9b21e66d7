"""Floor-plan images on import: check a PNG/JPG's size, or rasterise one page of a PDF.

Only the header is read to learn the size (see ``probe``), so an oversized plan is refused with
our message before anything is decoded, and a 10,000 px plan is never decoded here (the desktop
loads it for display, scaled if needed). A PDF page is rendered with pdfium at a
resolution that keeps the longer side at or under the limit, then saved as PNG.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, JpegImagePlugin, PngImagePlugin, UnidentifiedImageError

from core import i18n
from core.floorplan import MAX_SIDE_PX
from core.i18n import DomainError

i18n.register({
    "floorplan.not_image": {
        "zh_CN": "“{path}”不是 PNG 或 JPG 图片（或文件已损坏），无法作为平面图导入。",
        "en": "“{path}” is not a PNG or JPG image (or the file is damaged): it cannot be "
              "imported as a floor plan.",
    },
    "floorplan.file_missing": {
        "zh_CN": "找不到平面图文件：{path}",
        "en": "The floor plan file was not found: {path}",
    },
    "floorplan.unreadable": {
        "zh_CN": "没有权限读取平面图文件：{path}",
        "en": "No permission to read the floor plan file: {path}",
    },
    "floorplan.bad_pdf": {
        "zh_CN": "无法读取 PDF 文件“{path}”：文件已损坏、加密或不是 PDF。",
        "en": "Cannot read the PDF “{path}”: it is damaged, encrypted or not a PDF.",
    },
})

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
PDF_DPI = 200.0  # a typical print-quality raster; lowered when the page would exceed the limit


@dataclass(frozen=True)
class PlanImage:
    path: Path  # a PNG or JPEG ready for the attachment store
    width_px: int
    height_px: int
    temporary: bool  # True when we rendered it (the caller deletes it after storing)


_SIGNATURES = {b"\x89PNG\r\n\x1a\n": PngImagePlugin.PngImageFile,
               b"\xff\xd8\xff": JpegImagePlugin.JpegImageFile}
PLAN_PIXELS = MAX_SIDE_PX * MAX_SIDE_PX  # the most pixels a plan we accept can have


def probe(path: Path) -> tuple[int, int, str]:
    """(width, height, format) from the header only.

    ``Image.open`` would run Pillow's decompression-bomb check first: a warning above ~89 Mpx
    (a valid 10,000 × 10,000 plan is 100 Mpx) and an exception above twice that (a 20,000 px
    PNG of a few kB), before our own clearer limit could speak. The PNG/JPEG plugin classes
    read the same header without that check; the size is then judged by ``prepare``."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
            opener = next((cls for sig, cls in _SIGNATURES.items() if head.startswith(sig)),
                          None)
            if opener is None:
                raise DomainError("floorplan.not_image", path=str(path))
            fh.seek(0)
            with opener(fh) as img:
                return img.width, img.height, str(img.format)
    except FileNotFoundError:
        raise DomainError("floorplan.file_missing", path=str(path)) from None
    except IsADirectoryError:
        raise DomainError("floorplan.not_image", path=str(path)) from None
    except PermissionError:
        raise DomainError("floorplan.unreadable", path=str(path)) from None
    except (UnidentifiedImageError, SyntaxError, OSError, ValueError) as exc:
        # a PNG/JPEG signature with a broken header (Pillow raises SyntaxError for those)
        raise DomainError("floorplan.not_image", path=str(path)) from exc


_limit_lock = threading.Lock()
_limit_users = 0
_saved_limit: int | None = None


@contextmanager
def plan_pixel_limit() -> Iterator[None]:
    """Let Pillow open any plan we accepted (up to 10,000 px a side) without its
    DecompressionBombWarning, for the duration of the block only.

    Pillow's limit is one module global (``Image.MAX_IMAGE_PIXELS``) with no per-call
    override. It is raised (never lowered) to exactly what a 10,000 × 10,000 plan needs, so
    the bomb check still guards everything else at that level, and put back when the last
    concurrent user leaves the block (a count under a lock: two exports in two threads do
    not restore each other's value too early)."""
    global _limit_users, _saved_limit
    with _limit_lock:
        if _limit_users == 0:
            _saved_limit = Image.MAX_IMAGE_PIXELS
            if Image.MAX_IMAGE_PIXELS is not None and Image.MAX_IMAGE_PIXELS < PLAN_PIXELS:
                Image.MAX_IMAGE_PIXELS = PLAN_PIXELS
        _limit_users += 1
    try:
        yield
    finally:
        with _limit_lock:
            _limit_users -= 1
            if _limit_users == 0:
                Image.MAX_IMAGE_PIXELS = _saved_limit


def prepare(path: Path, page: int = 1, work_dir: Path | None = None) -> PlanImage:
    """A plan image from ``path`` (PNG/JPG as is; PDF ``page``, 1-based, rendered to PNG)."""
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        width, height, fmt = probe(path)
        if fmt not in ("PNG", "JPEG"):
            raise DomainError("floorplan.bad_format", suffix=fmt.lower())
        if max(width, height) > MAX_SIDE_PX:
            raise DomainError("floorplan.too_big", width=width, height=height, limit=MAX_SIDE_PX)
        return PlanImage(path, width, height, False)
    if suffix == ".pdf":
        return _render_pdf_page(path, page, work_dir or path.parent)
    raise DomainError("floorplan.bad_format", suffix=suffix.lstrip(".") or "?")


def _render_pdf_page(path: Path, page: int, work_dir: Path) -> PlanImage:
    import pypdfium2 as pdfium  # only PDF imports pay for loading pdfium

    if not path.is_file():
        raise DomainError("floorplan.file_missing", path=str(path))
    try:
        pdf = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise DomainError("floorplan.bad_pdf", path=str(path)) from exc
    try:
        if not 1 <= page <= len(pdf):
            raise DomainError("floorplan.bad_page", pages=len(pdf), page=page)
        pdf_page = pdf[page - 1]
        width_pt, height_pt = pdf_page.get_size()
        scale = min(PDF_DPI / 72.0, (MAX_SIDE_PX - 1) / max(width_pt, height_pt))
        bitmap = pdf_page.render(scale=scale, fill_color=(255, 255, 255, 255))
        image = bitmap.to_pil().convert("RGB")
    finally:
        pdf.close()
    work_dir.mkdir(parents=True, exist_ok=True)
    out = work_dir / f".plan-{os.getpid()}-{id(image)}.png"
    image.save(out, "PNG", optimize=False)
    return PlanImage(out, image.width, image.height, True)
