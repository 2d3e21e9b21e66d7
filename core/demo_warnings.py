"""Demo inputs for the early warnings (F8): MES alarms and a week of sensor readings.

One press on stamping line A (not one of the hazard stories' presses) has everyday MES alarms
and then three over-temperature alarms in a row two days before ``today``: the MES rule marks
it high risk and records a forced maintenance stop. Three machines send one-minute vibration,
temperature and current readings for the last seven days; the compressor whose motor bearing
wore (the equipment demo's ``bearing_compressor``) shows a slowly rising vibration over its
last day and a half, the fault the detector should find. Standard library only; numbers come
from ``random.Random(seed)``.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from core.demo_equipment import DemoEquipment

DAYS = 7
# signal -> (normal level, noise, daily load-cycle amplitude)
_NORMAL = {"vibration": (2.6, 0.1, 0.2), "temperature": (56.0, 0.4, 1.8),
           "current": (31.0, 0.7, 2.5)}


@dataclass(frozen=True)
class DemoReadings:
    alarms: list[tuple[str, str, str, float | None]]  # (equipment code, at ISO, kind, value)
    series: dict[tuple[str, str], tuple[dt.datetime, list[float]]]  # (code, signal) -> start, values
    mes_press: str
    sensor_machines: tuple[str, ...]
    faulty: tuple[str, str]  # (code, signal) with the injected fault


def _mes_press(demo: DemoEquipment) -> str:
    keys = set(demo.key_equipment.values())
    presses = [e.code for e in demo.items if e.type_code == "YJ" and e.code not in keys
               and e.status == "in_service"]
    on_line_a = [c for c in presses if any(e.code == c and (e.line_code or "").endswith("A")
                                           for e in demo.items)]
    return sorted(on_line_a or presses)[0]


def generate_readings(demo: DemoEquipment, seed: int, today: dt.date) -> DemoReadings:
    rng = random.Random(seed * 7919 + 8)
    press = _mes_press(demo)
    alarms: list[tuple[str, str, str, float | None]] = []
    start_day = today - dt.timedelta(days=10)
    for _ in range(6):  # everyday alarms: a door opened, lubrication low
        day = start_day + dt.timedelta(days=rng.randint(0, 6))
        at = dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.randint(0, 59)))
        alarms.append((press, at.isoformat(), rng.choice(("door_open", "lubrication_low")), None))
    first = dt.datetime.combine(today - dt.timedelta(days=2), dt.time(9, 12))
    for i, value in enumerate((81.5, 86.0, 91.4)):  # the hydraulic oil overheats, 3 in a row
        alarms.append((press, (first + dt.timedelta(minutes=47 * i)).isoformat(),
                       "over_temperature", value))
    alarms.sort(key=lambda a: a[1])

    compressor = demo.key_equipment.get("bearing_compressor") or press
    others = [c for c in (demo.key_equipment.get("noisy_press"),
                          demo.key_equipment.get("foot_switch_press")) if c and c != compressor]
    machines = (compressor, *others[:2])
    begin = dt.datetime.combine(today - dt.timedelta(days=DAYS), dt.time())
    minutes = DAYS * 1440
    series = {}
    for code in machines:
        for signal, (level, noise, cycle) in _NORMAL.items():
            level *= 1 + rng.uniform(-0.08, 0.08)
            phase = rng.uniform(0, 2 * math.pi)
            values = [level + cycle * math.sin(2 * math.pi * m / 1440 + phase)
                      + rng.gauss(0, noise) for m in range(minutes)]
            series[(code, signal)] = (begin, values)
    # The worn bearing: vibration creeps up over the last 36 hours, to about 6 noise widths.
    fault = (compressor, "vibration")
    _begin, values = series[fault]
    onset = minutes - 36 * 60
    for m in range(onset, minutes):
        values[m] += 0.6 * min((m - onset) / (24 * 60), 1.0)
    return DemoReadings(alarms, series, press, machines, fault)
