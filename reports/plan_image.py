"""Floor-plan images on import: check a PNG/JPG's size, or rasterise one page of a PDF.

Pillow reads only the header to learn the size, so a 10,000 px plan is never decoded here
(the desktop loads it for display, scaled if needed). A PDF page is rendered with pdfium at a
resolution that keeps the longer side at or under the limit, then saved as PNG.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from core.floorplan import MAX_SIDE_PX
from core.i18n import DomainError

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
PDF_DPI = 200.0  # a typical print-quality raster; lowered when the page would exceed the limit


@dataclass(frozen=True)
class PlanImage:
    path: Path  # a PNG or JPEG ready for the attachment store
    width_px: int
    height_px: int
    temporary: bool  # True when we rendered it (the caller deletes it after storing)


def probe(path: Path) -> tuple[int, int, str]:
    """(width, height, format) from the header only."""
    try:
        with Image.open(path) as img:
            return img.width, img.height, str(img.format)
    except FileNotFoundError:
        raise DomainError("floorplan.bad_image", path=str(path), reason="not found") from None
    except (UnidentifiedImageError, OSError) as exc:
        raise DomainError("floorplan.bad_image", path=str(path), reason=str(exc)) from exc


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

    try:
        pdf = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise DomainError("floorplan.bad_image", path=str(path), reason=str(exc)) from exc
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
