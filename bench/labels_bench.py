"""1,000 equipment QR labels to PDF: SafeDesk's label sheet vs the plain libraries.

Target (issue F2): 1,000 labels on A4 3×8 sheets in under 10 s on a 2-core machine.
"Plain" is the least work that still makes a scannable page: qrcode makes each code as a PIL
image and reportlab's canvas places it with drawImage at the label grid, with no text, no
band and no fitting. The ratio says what our layout costs on top of that.

It also times the two ways of putting a QR code into the PDF (vector rectangles from the
qrcode matrix, as reports/labels.py does, vs a PIL image via ImageReader), which is how the
vector path was chosen.

Run: ``.venv/bin/python bench/labels_bench.py [n]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_Q
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from core.qr_payload import encode
from reports import labels
from reports.labels import LabelItem, render_labels
from reports.pdf_layout import register_font

_NAMES = (
    "冲压机 JH21-160",
    "数控折弯机（WC67K-100/3200）液压系统及后挡料装置",
    "空压机",
    "Overhead crane 10 t bridge type with remote control",
    "喷漆房排风机组",
    "叉车 CPD30",
)
_AREAS = ("冲压车间", "焊接车间", "涂装车间 二楼调漆间", "仓库")
_GRADES = ("major", "considerable", "general", "low", None)


def make_items(n: int) -> Iterator[LabelItem]:
    for i in range(n):
        code = f"YJ-CY-{i:04d}"
        yield LabelItem(
            code=code,
            name=_NAMES[i % len(_NAMES)],
            area=_AREAS[i % len(_AREAS)],
            risk_grade=_GRADES[i % len(_GRADES)],
            payload=encode("ZC01", code),
        )


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _plain(payloads: list[str], path: Path) -> None:
    """qrcode make + drawImage on a 3×8 grid: the libraries alone, same codes, same pages."""
    canvas = Canvas(str(path), pagesize=A4)
    for i, payload in enumerate(payloads):
        if i and i % 24 == 0:
            canvas.showPage()
        row, col = divmod(i % 24, 3)
        qr = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, box_size=1, border=4)
        qr.add_data(payload)
        qr.make(fit=True)
        image = qr.make_image().get_image()
        x, y = col * 70 * mm, A4[1] - (row + 1) * 37 * mm
        canvas.drawImage(ImageReader(image), x, y, 28 * mm, 28 * mm)
    canvas.showPage()
    canvas.save()


def _qr_only(payloads: list[str], path: Path, vector: bool) -> None:
    """Only the QR codes, drawn the way reports/labels.py does (vector) or as images."""
    canvas = Canvas(str(path), pagesize=A4)
    for i, payload in enumerate(payloads):
        if i and i % 24 == 0:
            canvas.showPage()
        row, col = divmod(i % 24, 3)
        x, y = col * 70 * mm, A4[1] - (row + 1) * 37 * mm
        if vector:
            labels._draw_qr(canvas, payload, x, y, 28 * mm)
        else:
            qr = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, box_size=1, border=4)
            qr.add_data(payload)
            qr.make(fit=True)
            canvas.drawImage(ImageReader(qr.make_image().get_image()), x, y, 28 * mm, 28 * mm)
    canvas.showPage()
    canvas.save()


def bench_labels(n: int = 1000) -> dict[str, float]:
    """Seconds for ``n`` labels (ours, plain libraries, QR drawing variants) and ratios."""
    payloads = [item.payload for item in make_items(n)]
    register_font()  # once per process in real use too; not part of per-sheet cost
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        pages = 0

        def ours() -> None:
            nonlocal pages
            pages = render_labels(
                make_items(n), out / "ours.pdf", "a4-3x8", "华东精密机械制造有限公司"
            )

        ours_s = _timed(ours)
        plain_s = _timed(lambda: _plain(payloads, out / "plain.pdf"))
        vector_s = _timed(lambda: _qr_only(payloads, out / "vector.pdf", vector=True))
        image_s = _timed(lambda: _qr_only(payloads, out / "image.pdf", vector=False))
        return {
            "labels": float(n),
            "pages": float(pages),
            "ours_s": ours_s,
            "plain_s": plain_s,
            "ratio": ours_s / plain_s,
            "qr_vector_s": vector_s,
            "qr_image_s": image_s,
            "ours_pdf_kb": (out / "ours.pdf").stat().st_size / 1024,
            "plain_pdf_kb": (out / "plain.pdf").stat().st_size / 1024,
        }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    r = bench_labels(n)
    print(f"{n} labels, a4-3x8, {r['pages']:.0f} pages")
    print(
        f"  SafeDesk render_labels   {r['ours_s']:6.2f} s   ({r['ours_pdf_kb']:.0f} KB)  target < 10 s"
    )
    print(f"  plain qrcode+drawImage   {r['plain_s']:6.2f} s   ({r['plain_pdf_kb']:.0f} KB)")
    print(f"  ratio ours / plain       {r['ratio']:6.2f}")
    print(f"  QR only, vector paths    {r['qr_vector_s']:6.2f} s   (what labels.py uses)")
    print(f"  QR only, PIL images      {r['qr_image_s']:6.2f} s")


if __name__ == "__main__":
    main()
