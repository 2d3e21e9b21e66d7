"""Equipment at 50,000 records: first page of the list and search, through the service."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from core.auth import SYSTEM
from core.equipment import EquipmentQuery
from db.workspace import Workspace

NAMES = ["开式固定台压力机", "闭式单点压力机", "CO2气体保护焊机", "焊接机器人", "喷漆房", "螺杆空压机",
         "电动单梁起重机", "平衡重式叉车", "低压配电柜", "立式钻床", "砂轮机", "排风机"]
MAKERS = ["扬力", "济南二机床", "沃得精机", "松下", "奥太", "安川", "阿特拉斯·科普柯", "合力", "杭叉"]


def build(folder: Path, n: int, seed: int = 3) -> Workspace:
    rng = random.Random(seed)
    ws = Workspace.open(folder, fast_hash=True)
    site = ws.structure.add(SYSTEM, "site", {"code": "S01", "name": "主厂区"})
    areas = [ws.structure.add(SYSTEM, "area", {"code": f"A{i}", "name": f"{i}号车间", "site_id": site})
             for i in range(10)]
    types = [ws.equipment.add_type(SYSTEM, f"T{i}", NAMES[i]) for i in range(len(NAMES))]
    rows = []
    for i in range(n):
        t = rng.randrange(len(NAMES))
        rows.append({"code": f"T{t}-A{i % 10}-{i:06d}", "name": NAMES[t], "type_id": types[t],
                     "area_id": areas[i % 10], "model": f"M{rng.randrange(10**5)}",
                     "manufacturer": rng.choice(MAKERS), "serial_no": f"SN{rng.randrange(10**8)}",
                     "status": "in_service", "special": 0,
                     "risk_grade": rng.choice(["major", "considerable", "general", "low", None])})
    ws.equipment_repo.upsert_many(rows, [])
    # one maintenance record for a tenth of them, so the derived columns have work to do
    for item in list(ws.equipment.iter_all(SYSTEM, EquipmentQuery()))[: n // 10]:
        ws.equipment_repo.add_maintenance({"equipment_id": item.id, "date": "2025-01-01",
                                           "kind": "monthly", "next_due": "2025-02-01"})
    return ws


def bench_equipment(n: int = 50_000, rounds: int = 15) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        ws = build(Path(tmp), n)
        cases = {
            "first page (no filter)": EquipmentQuery(),
            "search '压力机'": EquipmentQuery(text="压力机"),
            "search '扬'": EquipmentQuery(text="扬"),
            "search serial 'SN1234'": EquipmentQuery(text="sn1234"),
            "filter maintenance overdue": EquipmentQuery(maintenance_overdue=True),
            "filter area + risk": EquipmentQuery(area_id=None, risk_grade="major"),
        }
        out = {}
        for name, query in cases.items():
            times = []
            for _ in range(rounds):
                t0 = time.perf_counter()
                ws.equipment.search_page(SYSTEM, query, 0, 200)
                times.append(time.perf_counter() - t0)
            out[name] = statistics.median(times) * 1000
        ws.close()
    return out


if __name__ == "__main__":
    for name, ms in bench_equipment().items():
        print(f"{name:<32} {ms:8.1f} ms")
