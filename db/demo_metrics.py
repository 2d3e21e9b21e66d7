"""Load the demo plant's effect-metrics registers (core/demo_metrics.py) into a workspace."""

from __future__ import annotations

import datetime as dt

from core.demo_metrics import generate_metrics
from core.demo_plant import DemoPlant
from db.workspace import Workspace


def load_demo_metrics(ws: Workspace, plant: DemoPlant, today: dt.date,
                      people: dict[str, str]) -> None:
    """After the demo hazards: the external inspections fall on the regulator's visit days."""
    days = [dt.date.fromisoformat(r[0]) for r in ws.db.conn.execute(
        "SELECT DISTINCT substr(found_at, 1, 10) FROM hazards WHERE source = 'regulator'")]
    demo = generate_metrics(plant.people, today, days)
    repo = ws.metrics_repo
    with ws.db.transaction():
        repo.save_many("workforce", demo.workforce)
        repo.save_many("incident", [
            {**{k: v for k, v in row.items() if k != "person_employee_no"},
             "person_id": people.get(row["person_employee_no"])} for row in demo.incidents])
        repo.save_many("external_inspection", demo.inspections)
