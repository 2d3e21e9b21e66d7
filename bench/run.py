"""Print SafeDesk's benchmark figures: `make bench` (or `python bench/run.py [--quick]`).

Targets (issue 2, on a 2-core machine): start-up to main window < 1.5 s median; repository
writes of 100k people < 4x plain sqlite3 executemany; search over 100k people < 30 ms median;
the running app with the demo plant < 400 MB resident.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from people_bench import bench_search, bench_writes  # noqa: E402


def bench_startup(runs: int = 5) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", tmp, "demo"],
                       check=True, capture_output=True)
        walls, rss = [], []
        for _ in range(runs):
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, str(HERE / "startup_probe.py"), tmp],
                                 check=True, capture_output=True, text=True, env=env).stdout
            wall = time.perf_counter() - t0
            line = next(ln for ln in out.splitlines() if ln.startswith("shown"))
            _, _inner, mb = line.split()
            # process start -> window shown: measured from outside, so interpreter start counts
            walls.append(wall)
            rss.append(float(mb))
    return {"median_s": statistics.median(walls), "max_s": max(walls), "rss_mb": max(rss)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="10k people instead of 100k")
    args = parser.parse_args()
    n = 10_000 if args.quick else 100_000

    rows = []
    s = bench_startup()
    rows.append(("start-up to main window (demo plant), median of 5", f"{s['median_s']:.2f} s",
                 "< 1.5 s"))
    rows.append(("peak resident memory of that app", f"{s['rss_mb']:.0f} MB", "< 400 MB"))
    w = bench_writes(n)
    rows.append((f"write {n:,} people via repositories", f"{w['ours_s']:.2f} s", ""))
    rows.append((f"write {n:,} people, plain sqlite3 executemany", f"{w['plain_s']:.2f} s", ""))
    rows.append(("  ratio repositories / plain", f"{w['ratio']:.2f}x", "< 4x"))
    search = bench_search(n)
    for fragment, ms in search.items():
        rows.append((f"search page+count '{fragment}' in {n:,} people, median", f"{ms:.1f} ms",
                     "< 30 ms"))
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':<{width}}  {'figure':>10}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:>10}  {target}")
    # The feature benchmarks print their own tables (each is also runnable alone).
    for script in ("equipment_bench.py", "equipment_ui_bench.py", "equipment_io_bench.py",
                   "labels_bench.py", "hazards_bench.py", "scanner_bench.py",
                   "ledgers_bench.py",
                   "risk_bench.py", "warnings_bench.py",
                   "floorplan_bench.py",
                   "dashboard_bench.py",
                   "sync_bench.py"):
        if (HERE / script).exists():
            print(f"\n== {script}", flush=True)
            subprocess.run([sys.executable, str(HERE / script)], check=False,
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


if __name__ == "__main__":
    main()
