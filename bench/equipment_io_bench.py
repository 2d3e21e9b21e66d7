"""Equipment registry through Excel: a 10,000-row import and a 50,000-record export.

Import: read + preview + commit through the service (what `import equipment` does, in
process), against reading the same file with openpyxl alone — the floor any importer stands
on. Target: under 10 s in total. Export: 50,000 records streamed to a workbook; time and peak
Python memory (tracemalloc, in a second run because tracing slows everything down).

Run: `.venv/bin/python bench/equipment_io_bench.py [--quick]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from cli.equipment_io import all_people, commit_equipment, load_lookups, owner_numbers
from core.auth import SYSTEM
from core.equipment import EquipmentQuery
from core.equipment_import import preview_equipment
from db.workspace import Workspace
from reports.equipment_export import export_equipment, export_headers
from reports.xlsx_io import iter_rows

TYPES = [("YJ", "压力机"), ("HJ", "焊机"), ("QZ", "起重机"), ("CC", "叉车"), ("KY", "空压机"),
         ("PD", "配电柜"), ("ZC", "钻床"), ("SL", "砂轮机"), ("FJ", "排风机"), ("PQ", "喷漆房")]
SPECIAL = {"QZ", "CC"}
MAKERS = ["扬力", "济南二机床", "沃得精机", "松下", "奥太", "安川", "阿特拉斯·科普柯", "合力"]
STATUS = ["在用", "在用", "在用", "停用", "维修中"]
RISK = ["红", "橙", "黄", "蓝", "较大风险", "一般风险", None]


def make_plant(folder: Path) -> Workspace:
    """10 areas with 3 lines each, 10 types, 5 departments, 500 people."""
    ws = Workspace.open(folder, fast_hash=True)
    ws.create_plant("基准厂", "S01", "主厂区", "admin", "管理员", "password-1")
    site = ws.structure.list(SYSTEM, "site")[0]["id"]
    for i in range(10):
        area = ws.structure.add(SYSTEM, "area", {"code": f"A{i}", "name": f"{i}号车间",
                                                 "site_id": site})
        for j in range(3):
            ws.structure.add(SYSTEM, "line", {"code": f"A{i}-L{j}", "name": f"{j + 1}号线",
                                              "area_id": area})
    depts = [ws.structure.add(SYSTEM, "department", {"code": f"D{i}", "name": f"{i}号部门",
                                                     "site_id": site}) for i in range(5)]
    for code, name in TYPES:
        ws.equipment.add_type(SYSTEM, code, name, special=code in SPECIAL)
    ws.people_repo.upsert_many([{"employee_no": f"E{i:04d}", "name": f"员工{i}",
                                 "department_id": depts[i % 5], "status": "active"}
                                for i in range(500)], [])
    return ws


def _date_cell(rng: random.Random) -> Any:
    day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(5000))
    # Mostly real date cells, some typed as text the way clerks do.
    return rng.choice([day, day, day, f"{day.year}年{day.month}月{day.day}日",
                       f"{day.year}/{day.month}/{day.day}"])


def write_import_book(path: Path, n: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("设备台账")
    sheet.append(["设备台账"])
    sheet.append(export_headers("zh_CN"))
    for i in range(n):
        code, name = TYPES[rng.randrange(len(TYPES))]
        area = rng.randrange(10)
        sheet.append([
            f"{code}-A{area}-{i:05d}", f"{name}{i % 7 + 1}号", name,
            f"M{rng.randrange(10**5)}", rng.choice(MAKERS), f"SN{rng.randrange(10**8)}",
            f"{area}号车间", f"{rng.randrange(3) + 1}号线", f"{rng.randrange(5)}号部门",
            f"E{rng.randrange(500):04d}", _date_cell(rng), rng.choice(STATUS), rng.choice(RISK),
            "是" if code in SPECIAL else "否",
            dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(365)) if code in SPECIAL
            else None,
            None, rng.choice([None, None, "每班点检", "防护罩完好\n急停有效"]),
        ])
    wb.save(path)


def openpyxl_read(path: Path) -> float:
    t0 = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    for _row in wb.worksheets[0].iter_rows(values_only=True):
        pass
    wb.close()
    return time.perf_counter() - t0


def bench_import(n: int = 10_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "import.xlsx"
        write_import_book(book, n)
        plain = min(openpyxl_read(book) for _ in range(3))
        ws = make_plant(Path(tmp) / "plant")
        try:
            t0 = time.perf_counter()
            preview = preview_equipment(iter_rows(book), load_lookups(ws, SYSTEM))
            t1 = time.perf_counter()
            assert preview.ok, preview.messages()[:5]
            created, _updated, _skipped = commit_equipment(ws, SYSTEM, preview)
            t2 = time.perf_counter()
            assert created == n
        finally:
            ws.close()
    return {"read_preview_s": t1 - t0, "commit_s": t2 - t1, "total_s": t2 - t0,
            "openpyxl_s": plain, "ratio": (t1 - t0) / plain}


def fill_registry(ws: Workspace, n: int, seed: int = 9) -> None:
    rng = random.Random(seed)
    types = {t["code"]: t["id"] for t in ws.equipment.types(SYSTEM)}
    areas = ws.structure.list(SYSTEM, "area")
    lines = ws.structure.list(SYSTEM, "line")
    people = [p.id for p in all_people(ws, SYSTEM)]
    rows = []
    for i in range(n):
        code, name = TYPES[rng.randrange(len(TYPES))]
        area = areas[rng.randrange(len(areas))]
        line = rng.choice([ln for ln in lines if ln["area_id"] == area["id"]])
        rows.append({
            "code": f"{code}-{area['code']}-{i:06d}", "name": f"{name}{i % 9}",
            "type_id": types[code], "area_id": area["id"], "line_id": line["id"],
            "site_id": area["site_id"], "owner_person_id": rng.choice(people),
            "model": f"M{rng.randrange(10**5)}", "manufacturer": rng.choice(MAKERS),
            "serial_no": f"SN{rng.randrange(10**8)}", "status": "in_service",
            "install_date": (dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(5000)))
            .isoformat(),
            "risk_grade": rng.choice(["major", "considerable", "general", "low", None]),
            "special": 1 if code in SPECIAL else 0,
        })
    ws.equipment_repo.upsert_many(rows, [])


def bench_export(n: int = 50_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        ws = make_plant(Path(tmp) / "plant")
        try:
            fill_registry(ws, n)
            numbers = owner_numbers(ws, SYSTEM)
            out = Path(tmp) / "export.xlsx"
            t0 = time.perf_counter()
            count = export_equipment(ws.equipment.iter_all(SYSTEM, EquipmentQuery()), out,
                                     owner_numbers=numbers)
            elapsed = time.perf_counter() - t0
            assert count == n
            size = out.stat().st_size
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
            plain = openpyxl_write(ws, numbers, Path(tmp) / "plain.xlsx")
            tracemalloc.start()
            export_equipment(ws.equipment.iter_all(SYSTEM, EquipmentQuery()), out,
                             owner_numbers=numbers)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        finally:
            ws.close()
    return {"export_s": elapsed, "rows_per_s": n / elapsed, "peak_mb": peak / 2**20,
            "file_mb": size / 2**20, "process_rss_mb": rss, "openpyxl_s": plain,
            "ratio": elapsed / plain}


def openpyxl_write(ws: Workspace, numbers: dict[str, str], path: Path) -> float:
    """The floor: the same cell values, already in memory, through write-only openpyxl."""
    from reports.equipment_export import _Context, _rows

    rows = list(_rows(ws.equipment.iter_all(SYSTEM, EquipmentQuery()),
                      _Context("zh_CN", numbers), None))
    t0 = time.perf_counter()
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("x")
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1,000 / 5,000 rows")
    args = parser.parse_args()
    n_in, n_out = (1_000, 5_000) if args.quick else (10_000, 50_000)
    imp = bench_import(n_in)
    print(f"import {n_in:,} rows: read + preview {imp['read_preview_s']:.2f} s, "
          f"commit {imp['commit_s']:.2f} s, total {imp['total_s']:.2f} s (target < 10 s)")
    print(f"  openpyxl alone reading the file: {imp['openpyxl_s']:.2f} s; "
          f"read + preview / openpyxl = {imp['ratio']:.2f}x")
    exp = bench_export(n_out)
    print(f"export {n_out:,} records: {exp['export_s']:.2f} s ({exp['rows_per_s']:,.0f} rows/s), "
          f"file {exp['file_mb']:.1f} MB")
    print(f"  openpyxl alone writing the same values from memory: {exp['openpyxl_s']:.2f} s; "
          f"export / openpyxl = {exp['ratio']:.2f}x")
    print(f"  peak Python memory during export (tracemalloc): {exp['peak_mb']:.1f} MB; "
          f"process peak RSS after the export {exp['process_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
