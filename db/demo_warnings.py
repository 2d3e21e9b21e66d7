"""The demo's early-warning inputs (core/demo_warnings.py) stored, and the rules run once, so
the demo opens with active warnings: line B's red repeat, the punch press on key monitoring,
the welding PPE time cluster and the MES press's forced stop. The sensor readings are stored
as pending series; the detector (analytics/, which db/ may not call) finds the compressor's
vibration drift the first time the warnings page or `warnings` runs the rules."""

from __future__ import annotations

import datetime as dt

import numpy as np

from core.auth import SYSTEM, Actor
from core.demo_equipment import DemoEquipment
from core.demo_warnings import generate_readings
from db.repositories.warnings import SqliteWarningRepository
from db.sensor_store import SensorStore, to_text
from db.workspace import Workspace


def load_demo_warnings(ws: Workspace, demo: DemoEquipment, seed: int, today: dt.date,
                       items: dict[str, str], username: str = "clerk") -> None:
    """``items``: equipment code -> id. The rules run as ``username`` (the safety clerk), who
    is then the recorder of the forced-stop hazard."""
    user = ws.users_repo.by_username(username)
    actor: Actor = user.actor() if user else SYSTEM
    readings = generate_readings(demo, seed, today)
    repo = SqliteWarningRepository(ws.db)
    repo.add_alarms([{"equipment_id": items[code], "mes_id": code, "at": at, "kind": kind,
                      "value": value, "source_file": "demo-mes.csv"}
                     for code, at, kind, value in readings.alarms])
    store = SensorStore(ws.data_dir / "sensors")
    arrays = {}
    for (code, signal), (begin, values) in readings.series.items():
        start = np.datetime64(begin, "s").astype(np.int64)
        times = start + 60 * np.arange(len(values), dtype=np.int64)
        arrays[(items[code], signal)] = (times, np.asarray(values, dtype=np.float32))
    store.commit(store.stage(arrays))
    for (equipment_id, signal), (times, _values) in arrays.items():
        repo.note_series(equipment_id, signal, to_text(times[0]), to_text(times[-1]), len(times))
    ws.warnings.run_rules(actor, today)
