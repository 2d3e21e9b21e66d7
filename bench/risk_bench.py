"""The risk register (F7) at plant-group scale: 5,000 risk points with 5 measures each.

Figures: bulk load, one assessment (append + grade + machine follow, one transaction), the
register as PDF and Excel against the plain library writing the same strings (reportlab canvas
without wrapping or grid; openpyxl write-only without styles), and tracemalloc's peak.

`python bench/risk_bench.py [--points N]`
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from ledgers_bench import plain_pdf, plain_xlsx  # noqa: E402

from core.auth import SYSTEM  # noqa: E402
from core.ids import uuid7  # noqa: E402
from core.risk import MEASURE_KINDS, RiskQuery, score  # noqa: E402
from db.workspace import Workspace  # noqa: E402
from jobs.risk_reports import register_rows  # noqa: E402
from reports.pdf_layout import Furniture, cell_text  # noqa: E402
from reports.risk_register import (  # noqa: E402
    register_columns,
    register_values,
    risk_register_pdf,
    risk_register_xlsx,
)

FACTORS = [{"l": 3, "e": 6, "c": 15}, {"l": 1, "e": 6, "c": 7}, {"l": 6, "e": 6, "c": 40},
           {"l": 3, "e": 3, "c": 7}, {"l": 1, "e": 3, "c": 3}]


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def _peak_mb(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def build(folder: Path, n: int) -> tuple[Workspace, str, float]:
    ws = Workspace.open(folder, fast_hash=True)
    site = ws.structure.add(SYSTEM, "site", {"code": "S", "name": "主厂区"})
    area = ws.structure.add(SYSTEM, "area", {"code": "CY", "name": "冲压车间", "site_id": site})
    press = ws.equipment.add(SYSTEM, {"name": "开式压力机", "area_id": area, "code": "YJ-1"})
    t0 = time.perf_counter()
    ids = [uuid7() for _ in range(n)]
    points, measures, assessments = [], [], []
    for i, point_id in enumerate(ids):
        result = score("lec", FACTORS[i % len(FACTORS)])
        points.append({"code": f"FX-{i + 1:05d}", "name": f"冲压作业区第{i}号工位", "kind": "area",
                       "area_id": area, "site_id": site, "method": "lec", "grade": result.grade,
                       "score": result.score, "control_level": "workshop",
                       "hazard_factors": "滑块下行时手进入模具区、脚踏开关误动作、离合制动失灵、光幕失效",
                       "possible_accidents": "机械伤害、物体打击", "review_date": "2026-06-30"})
        for k, kind in enumerate(MEASURE_KINDS):
            measures.append({"risk_point_id": point_id, "kind": kind, "position": k,
                             "text": "安装光电保护装置（光幕）并与离合器联锁，每班开机前点检"})
        assessments.append({"risk_point_id": point_id, "method": "lec", **result.values,
                            "score": result.score, "grade": result.grade,
                            "assessed_at": "2025-03-01T09:00:00", "assessor_name": "安全员"})
    ws.risk_repo.add_many(points, ids, measures, assessments)
    # One equipment point so an assessment also moves a machine's grade.
    ws.risk.add(SYSTEM, {"code": "FX-M", "name": "冲床", "kind": "equipment",
                         "equipment_id": press})
    return ws, press, time.perf_counter() - t0


def bench(n: int) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws, _press, load_s = build(folder / "ws", n)
        out.append((f"bulk load {n:,} points, {n * 5:,} measures, {n:,} assessments",
                    f"{load_s:.2f} s", ""))
        point = ws.risk_repo.search_page(RiskQuery(kind="equipment"))[0][0]
        times = []
        for i in range(20):
            t0 = time.perf_counter()
            ws.risk.assess(SYSTEM, point.id, "lec", FACTORS[i % len(FACTORS)])
            times.append((time.perf_counter() - t0) * 1000)
        out.append(("assess one point (append + grade + machine), median of 20",
                    f"{statistics.median(times):.1f} ms", ""))
        fetch_s, rows = _timed(lambda: register_rows(ws))
        assert isinstance(rows, list)
        out.append((f"fetch {len(rows):,} register rows with measures", f"{fetch_s:.2f} s", ""))
        furniture = Furniture("风险分级管控清单", "华嘉精工金属制品有限公司", "全部", "zh_CN")
        colours = {"major": "#E02020", "considerable": "#F28C28", "general": "#F5D000",
                   "low": "#2F7FD8"}
        pdf_s, pages = _timed(lambda: risk_register_pdf(folder / "r.pdf", furniture, rows, colours))
        columns = register_columns("zh_CN")
        values = [register_values(r, i, "zh_CN") for i, r in enumerate(rows, start=1)]
        table = [[cell_text(v, c.kind) for v, c in zip(vals, columns, strict=True)]
                 for vals in values]
        plain_s, plain_pages = _timed(lambda: plain_pdf(folder / "p.pdf", table))
        out.append((f"register PDF, A3 ({pages} pages)", f"{pdf_s:.2f} s", ""))
        out.append((f"  plain reportlab canvas, same strings ({plain_pages} pages)",
                    f"{plain_s:.2f} s", ""))
        out.append(("  ratio ours / plain", f"{pdf_s / plain_s:.1f}x", ""))
        xlsx_s, _ = _timed(lambda: risk_register_xlsx(folder / "r.xlsx", furniture, rows, colours))
        plain_x, _ = _timed(lambda: plain_xlsx(folder / "p.xlsx", values))
        out.append(("register Excel (styled, grade fills)", f"{xlsx_s:.2f} s", ""))
        out.append(("  plain openpyxl write-only, same cells", f"{plain_x:.2f} s", ""))
        out.append(("  ratio ours / plain", f"{xlsx_s / plain_x:.1f}x", ""))
        out.append(("peak Python memory, PDF render (tracemalloc)",
                    f"{_peak_mb(lambda: risk_register_pdf(folder / 'm.pdf', furniture, rows, colours)):.0f} MB",  # noqa: E501
                    ""))
        out.append(("(machine shared with other work, 2 cores)", "", ""))
        ws.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=5_000)
    rows = bench(parser.parse_args().points)
    width = max(len(r[0]) for r in rows)
    print(f"{'risk register benchmark':<{width}}  {'figure':>10}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:>10}  {target}")


if __name__ == "__main__":
    main()
