"""Sync over loopback: a real PostgreSQL (temporary cluster) and the service in its own process.

Targets (F13): one change visible on a second PC under 100 ms after its sync round; the
initial sync of 100,000 records under 60 s; an idle round under 50 ms; the push rate as a ratio
to a plain PostgreSQL COPY of the same rows.

`python bench/sync_bench.py [--records N]` (needs the PostgreSQL server binaries).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import httpx  # noqa: E402
import psycopg  # noqa: E402

from db import records  # noqa: E402
from db.repositories import tables  # noqa: E402
from db.sync.client import Summary, SyncClient  # noqa: E402
from db.workspace import Workspace  # noqa: E402
from server import store  # noqa: E402
from tests.sync.pgcluster import TempCluster, find_bindir, free_port  # noqa: E402


def _serve(url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "server", "--database-url", url,
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(f"{base}/v1/hello", timeout=1).raise_for_status()
            return proc, base
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError("server did not start")


def _pc(root: Path, name: str, base: str, url: str, site: str) -> tuple[Workspace, SyncClient]:
    ws = Workspace.open(root / name, fast_hash=True)
    client = SyncClient(ws)
    with store.connect(url) as conn:
        code = store.enrolment_code(conn, site)
    client.enrol(base, code, name)
    return ws, client


def _people(n: int) -> list[dict]:
    return [{"employee_no": f"E{i:06d}", "name": f"员工{i}", "gender": "男" if i % 2 else "女",
             "hire_date": "2020-01-01", "phone": f"138{i:08d}", "status": "active"}
            for i in range(n)]


def _copy_seconds(url: str, rows: list[tuple]) -> float:
    """The same records written by one plain COPY into a table shaped like the store's."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TEMP TABLE plain (site_id text, entity text, id text, "
                     "fields jsonb, deleted_hlc bigint, seq bigint, "
                     "PRIMARY KEY (site_id, entity, id))")
        t0 = time.perf_counter()
        with conn.transaction(), conn.cursor().copy(
                "COPY plain (site_id, entity, id, fields, deleted_hlc, seq) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return time.perf_counter() - t0


def run(n: int) -> list[tuple[str, str, str]]:
    bindir = find_bindir()
    if bindir is None:
        return [("sync bench", "skipped", "PostgreSQL binaries missing")]
    cluster = TempCluster(bindir).start()
    root = Path(tempfile.mkdtemp(prefix="safedesk-sync-bench-"))
    proc = None
    rows: list[tuple[str, str, str]] = []
    try:
        url = cluster.create_db("bench")
        with store.connect(url) as conn:
            store.migrate(conn)
            site = store.add_site(conn, "一厂")
        proc, base = _serve(url)
        a_ws, a = _pc(root, "a", base, url, site)
        b_ws, b = _pc(root, "b", base, url, site)
        records.insert_many(a_ws.db, tables.PEOPLE, _people(n))

        t0 = time.perf_counter()
        pushed = Summary()
        a._push(pushed)  # the push phase alone, for the ratio to COPY
        push_s = time.perf_counter() - t0
        assert pushed.ok and pushed.pushed == n, pushed.to_json()
        t0 = time.perf_counter()
        assert a.sync().ok  # the rest of A's first round: its own changes come back
        echo_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        pulled = b.sync()
        pull_s = time.perf_counter() - t0
        assert pulled.ok and pulled.pulled == n, pulled.to_json()
        rows.append((f"initial push of {n:,} people (PC A)", f"{push_s:.1f} s", "< 60 s"))
        rows.append(("  then A's pull of its own changes (skipped, not rewritten)",
                     f"{echo_s:.1f} s", ""))
        rows.append((f"initial pull of {n:,} people (PC B)", f"{pull_s:.1f} s", "< 60 s"))

        with store.connect(url) as conn:
            plain = [(site, e, i, json.dumps(f), d, s) for e, i, f, d, s in conn.execute(
                "SELECT entity, id, fields, deleted_hlc, seq FROM records")]
        copy_s = _copy_seconds(url, plain)
        rows.append((f"plain COPY of the same {n:,} rows", f"{copy_s:.2f} s", ""))
        rows.append(("  ratio push / COPY", f"{push_s / copy_s:.1f}x", "(reported)"))

        person = a_ws.db.conn.execute("SELECT id FROM people LIMIT 1").fetchone()[0]
        seen, rounds_a = [], []
        for i in range(10):
            records.update(a_ws.db, tables.PEOPLE, person, {"phone": f"139{i:08d}"})
            t0 = time.perf_counter()
            assert a.sync().ok
            rounds_a.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            assert b.sync().pulled == 1
            seen.append(time.perf_counter() - t0)
            got = b_ws.db.conn.execute("SELECT phone FROM people WHERE id = ?",
                                       (person,)).fetchone()[0]
            assert got == f"139{i:08d}"
        rows.append(("one change: PC A's round (push), median of 10",
                     f"{statistics.median(rounds_a) * 1000:.0f} ms", ""))
        rows.append(("one change visible on PC B after its round, median of 10",
                     f"{statistics.median(seen) * 1000:.0f} ms", "< 100 ms"))
        idle = []
        for _ in range(20):
            t0 = time.perf_counter()
            assert b.sync().ok
            idle.append(time.perf_counter() - t0)
        rows.append(("idle round, median of 20", f"{statistics.median(idle) * 1000:.1f} ms",
                     "< 50 ms"))
        for client, ws in ((a, a_ws), (b, b_ws)):
            client.close()
            ws.close()
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    rows = run(args.records)
    width = max(len(r[0]) for r in rows)
    print("sync over loopback (2-core machine shared with other work while measuring)")
    print(f"{'benchmark':<{width}}  {'figure':>10}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:>10}  {target}")


if __name__ == "__main__":
    main()
