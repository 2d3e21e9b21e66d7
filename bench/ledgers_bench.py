"""The hazard ledger (隐患排查治理台账) of 10,000 hazards: PDF and Excel, against the plain library.

Targets (issue 7): PDF under 10 s, Excel under 5 s. Each is compared with the plain library
writing the same strings: reportlab's canvas drawing every cell's text on fixed-height rows (no
wrapping, no grid, no furniture: the floor), and openpyxl's write-only mode appending the same
values without styles. Peak memory is tracemalloc's Python-level peak in a separate, untimed run.

`python bench/ledgers_bench.py [--hazards N]`
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # run as a script: the project root is importable

from hazards_bench import build  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from reportlab.lib.pagesizes import A3, landscape  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from core.periods import Period  # noqa: E402
from jobs.ledger_reports import ledger_rows  # noqa: E402
from jobs.report_catalog import ReportRequest  # noqa: E402
from reports import ledgers as render  # noqa: E402
from reports.pdf_layout import FONT, Furniture, cell_text, register_font  # noqa: E402

# 5 % of the generated histories are 随手拍 reports not (yet) accepted: not ledger rows.
GENERATED_PER_ROW = 1.053


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def _peak_mb(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def plain_pdf(path: Path, table: list[list[str]]) -> int:
    """The floor: every string drawn once, 30 rows per A3 page, nothing else."""
    register_font()
    c = Canvas(str(path), pagesize=landscape(A3), pageCompression=1, invariant=1,
               initialFontName=FONT)
    width = landscape(A3)[0] - 60
    col_w = width / len(table[0])
    pages = 0
    for start in range(0, len(table), 30):
        text = c.beginText()
        text.setFont(FONT, 7)
        y = 800
        for row in table[start:start + 30]:
            for k, value in enumerate(row):
                text.setTextOrigin(30 + k * col_w, y)
                text.textOut(value)
            y -= 25
        c.drawText(text)
        c.showPage()
        pages += 1
    c.save()
    return pages


def plain_xlsx(path: Path, values: list[list[object]]) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("ledger")
    for row in values:
        ws.append(row)
    wb.save(str(path))


def bench_ledgers(rows_wanted: int = 10_000) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws, _groups, load_s = build(folder / "ws", int(rows_wanted * GENERATED_PER_ROW) + 1)
        # Realistic cell lengths: the generated descriptions are short; ledgers' are a sentence.
        with ws.db.transaction() as conn:
            conn.execute("UPDATE hazards SET description = description || "
                         "'：冲压B线3号压力机脚踏开关防护罩缺失，操作工未按规定佩戴防护手套', "
                         "location = '冲压B线3号冲床旁'")
        request = ReportRequest(period=Period(None, None, "all"), lang="zh_CN")
        fetch_s, rows = _timed(lambda: ledger_rows(ws, request))
        assert isinstance(rows, list)
        n = len(rows)
        out.append((f"fetch + fold {n:,} ledger rows from SQLite", f"{fetch_s:.2f} s", ""))
        furniture = Furniture("隐患排查治理台账", "华东精密制造有限公司", "全部", "zh_CN")
        columns = render.ledger_columns("zh_CN")
        pdf_s, pages = _timed(lambda: render.hazard_ledger_pdf(
            folder / "ledger.pdf", furniture, rows, None, "A3"))
        table = [[cell_text(v, c.kind) for v, c in zip(r.values(), columns, strict=True)]
                 for r in rows]
        plain_pdf_s, plain_pages = _timed(lambda: plain_pdf(folder / "plain.pdf", table))
        out.append((f"hazard ledger PDF, {n:,} rows, A3 ({pages} pages)", f"{pdf_s:.2f} s",
                    "< 10 s"))
        out.append((f"  plain reportlab canvas, same strings ({plain_pages} pages)",
                    f"{plain_pdf_s:.2f} s", ""))
        out.append(("  ratio ours / plain", f"{pdf_s / plain_pdf_s:.1f}x", ""))
        out.append(("  PDF size", f"{(folder / 'ledger.pdf').stat().st_size / 1e6:.1f} MB", ""))
        xlsx_s, _ = _timed(lambda: render.hazard_ledger_xlsx(
            folder / "ledger.xlsx", furniture, rows, "A3"))
        values = [r.values() for r in rows]
        plain_xlsx_s, _ = _timed(lambda: plain_xlsx(folder / "plain.xlsx", values))
        out.append((f"hazard ledger Excel, {n:,} rows (write-only, styled)", f"{xlsx_s:.2f} s",
                    "< 5 s"))
        out.append(("  plain openpyxl write-only, same cells, no styles",
                    f"{plain_xlsx_s:.2f} s", ""))
        out.append(("  ratio ours / plain", f"{xlsx_s / plain_xlsx_s:.1f}x", ""))
        out.append(("peak Python memory, PDF render (tracemalloc)", f"{_peak_mb(lambda: render.hazard_ledger_pdf(folder / 'm.pdf', furniture, rows, None, 'A3')):.1f} MB", ""))  # noqa: E501
        out.append(("peak Python memory, Excel render (tracemalloc)", f"{_peak_mb(lambda: render.hazard_ledger_xlsx(folder / 'm.xlsx', furniture, rows, 'A3')):.1f} MB", ""))  # noqa: E501
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out.append(("peak resident memory of the whole bench process", f"{rss:.0f} MB", ""))
        out.append((f"(setup: {load_s:.1f} s to load the hazards; machine shared, 2 cores)",
                    "", ""))
        ws.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hazards", type=int, default=10_000, help="ledger rows wanted")
    args = parser.parse_args()
    rows = bench_ledgers(args.hazards)
    width = max(len(r[0]) for r in rows)
    print(f"{'ledgers benchmark':<{width}}  {'figure':>10}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:>10}  {target}")


if __name__ == "__main__":
    main()
