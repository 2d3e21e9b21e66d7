"""Small JPEG thumbnails of photos for PDF rows and forms, cached on disk by content hash.

A ledger page embeds thumbnails, not the camera's 4 MB originals: the PDF stays small and fast
to write. Photos are immutable blobs named by SHA-256, so a thumbnail made once is valid forever.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from PIL import Image, ImageOps

LEDGER_PX = 160  # 14 mm at ~290 dpi: sharp enough on paper, ~6 KB each
FORM_PX = 900  # a notice's photo, 55 mm tall


def thumbnail(source: Path, cache_dir: Path, sha256: str,
              max_px: int = LEDGER_PX) -> tuple[Path, int, int] | None:
    """(thumbnail path, width, height), or None when the photo is missing or not an image."""
    target = cache_dir / f"{sha256}_{max_px}.jpg"
    if target.exists():
        try:
            with Image.open(target) as img:
                return target, img.width, img.height
        except OSError:
            pass  # a damaged cache file: make it again
    try:
        with Image.open(source) as img:
            img = ImageOps.exif_transpose(img).convert("RGB")
            img.thumbnail((max_px, max_px))
            cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}")
            img.save(tmp, "JPEG", quality=80)
            os.replace(tmp, target)  # another report may read the cache at the same time
            return target, img.width, img.height
    except (OSError, ValueError):
        return None
