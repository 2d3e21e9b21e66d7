"""Writes and search at 100k people: SafeDesk repositories vs plain sqlite3."""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from core.auth import SYSTEM
from core.plant import PeopleQuery
from db.repositories.people import SqlitePeopleRepository
from db.workspace import Workspace

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕玉兰文军红梅晓东丹丹俊杰浩然子涵欣怡"


def make_rows(n: int, dept: str, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        rows.append({
            "employee_no": f"E{i:06d}", "name": name, "gender": rng.choice("MF"),
            "department_id": dept, "post_id": None, "hire_date": "2020-01-01",
            "phone": f"13{rng.randrange(10**9):09d}", "status": "active",
        })
    return rows


def bench_writes(n: int = 100_000) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp) / "ours", fast_hash=True)
        site = ws.structure.add(SYSTEM, "site", {"code": "S", "name": "厂"})
        dept = ws.structure.add(SYSTEM, "department", {"code": "D", "name": "部", "site_id": site})
        rows = make_rows(n, dept)
        repo = SqlitePeopleRepository(ws.db)
        t0 = time.perf_counter()
        repo.upsert_many(rows, [])
        ours = time.perf_counter() - t0
        ws.close()

        # The plain library: the same rows into the same columns, one executemany, one commit.
        conn = sqlite3.connect(Path(tmp) / "plain.db")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("CREATE TABLE people (id TEXT PRIMARY KEY, employee_no TEXT, name TEXT, "
                     "gender TEXT, department_id TEXT, post_id TEXT, hire_date TEXT, phone TEXT, "
                     "status TEXT)")
        conn.execute("CREATE INDEX p_no ON people (employee_no)")
        conn.execute("CREATE INDEX p_name ON people (name)")
        conn.execute("CREATE INDEX p_dept ON people (department_id)")
        import uuid

        plain_rows = [(str(uuid.uuid4()), *r.values()) for r in rows]
        t0 = time.perf_counter()
        with conn:
            conn.executemany("INSERT INTO people VALUES (?,?,?,?,?,?,?,?,?)", plain_rows)
        plain = time.perf_counter() - t0
        conn.close()
    return {"ours_s": ours, "plain_s": plain, "ratio": ours / plain}


def bench_search(n: int = 100_000, rounds: int = 30) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.open(Path(tmp), fast_hash=True)
        site = ws.structure.add(SYSTEM, "site", {"code": "S", "name": "厂"})
        dept = ws.structure.add(SYSTEM, "department", {"code": "D", "name": "部", "site_id": site})
        SqlitePeopleRepository(ws.db).upsert_many(make_rows(n, dept), [])
        fragments = ["王", "建国", "李秀英", "E0999", "1381", "龚丹丹", "不存在的人"]
        timings: dict[str, list[float]] = {f: [] for f in fragments}
        for _ in range(rounds):
            for fragment in fragments:
                q = PeopleQuery(fragment)
                t0 = time.perf_counter()
                # the first page the list shows and the "共 N 人" label, as the people page asks
                ws.people.search_page(SYSTEM, q, 0, 200)
                timings[fragment].append(time.perf_counter() - t0)
        ws.close()
    return {f: statistics.median(v) * 1000 for f, v in timings.items()}
