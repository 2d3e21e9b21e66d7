"""Regenerate resources/demo/floorplan.png from the demo plant (seed 1).

Run from anywhere: ``.venv/bin/python scripts/make_demo_floorplan.py [--px-per-m 10]``.
The PNG is committed, so re-run this after changing the areas in core/demo_plant.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Running a file from scripts/ puts scripts/ (not the repo) on sys.path; the packages live one
# level up, so make them importable without requiring an installed copy.
REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from core.demo_plant import generate_plant  # noqa: E402
from reports.floorplan import render_floor_plan  # noqa: E402

OUTPUT = REPO / "resources" / "demo" / "floorplan.png"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--px-per-m", type=float, default=10.0, help="pixels per metre")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="PNG file to write")
    args = parser.parse_args(argv)

    plant = generate_plant(1)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    render_floor_plan(
        plant.areas,
        plant.plan_size,
        args.output,
        title=f"{plant.name} 厂区平面图",
        px_per_m=args.px_per_m,
    )
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
