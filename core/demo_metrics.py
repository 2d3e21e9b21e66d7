"""The demo plant's effect-metrics registers (F9): monthly workforce, incidents and external
inspections for the two years the demo hazards cover, shaped like the field report's table.

- Workforce: the people hired by the first of each month (295 growing to 312, from the demo
  roster's hire dates), about 8 hours a weekday with some overtime.
- Incidents: two minor injuries in the paper era (a stamping operator's finger caught by a
  press, a welder's burn), none after the switch. On the period definition of core/metrics.py
  that is 2 ÷ (≈303 × 12) × 1000 ≈ 0.55‰ before and 0‰ after. The field report's 0.1‰ cannot
  come from whole people at this size: one injury in 12 months of 312 people is already 0.27‰.
- External inspections: the regulator's quarterly visits of the paper era, on the days the demo
  hazards record their findings, 10 or 14 points deducted (12 a visit on average); after the
  switch a "四不两直" surprise check and a fire brigade visit with nothing deducted.

Pure and deterministic: everything comes from ``today``, the roster and the regulator days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.demo_hazards import month_windows
from core.demo_plant import Person

AGENCY = "区应急管理局"
FIRE_AGENCY = "区消防救援大队"
OVERTIME = 1.08


@dataclass(frozen=True)
class DemoMetrics:
    workforce: list[dict[str, Any]]
    incidents: list[dict[str, Any]]  # person_employee_no instead of person_id
    inspections: list[dict[str, Any]]


def _weekdays(first: dt.date) -> int:
    day, count = first, 0
    while day.month == first.month:
        count += day.weekday() < 5
        day += dt.timedelta(days=1)
    return count


def _month_firsts(start: dt.date, today: dt.date) -> list[dt.date]:
    out, day = [], start.replace(day=1)
    while day <= today:
        out.append(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return out


def _worker(people: Sequence[Person], department: str, before: dt.date) -> Person:
    """The first active person of a production department hired well before the day."""
    return next(p for p in people if p.department_code == department and p.status == "active"
                and p.hire_date < before - dt.timedelta(days=365))


def generate_metrics(people: Sequence[Person], today: dt.date,
                     regulator_days: Sequence[dt.date]) -> DemoMetrics:
    windows = month_windows(today)
    switch = windows[len(windows) // 2][0]
    workforce = []
    for first in _month_firsts(windows[0][0], today):
        heads = sum(1 for p in people if p.hire_date <= first)
        workforce.append({"month": first.isoformat()[:7], "headcount": heads,
                          "hours_worked": round(heads * 8 * _weekdays(first) * OVERTIME)})
    press_day = windows[3][0] + dt.timedelta(days=9)
    burn_day = windows[8][0] + dt.timedelta(days=16)
    operator, welder = _worker(people, "CY", press_day), _worker(people, "HJ", burn_day)
    incidents = [
        {"date": press_day.isoformat(), "person_employee_no": operator.employee_no,
         "person_name": operator.name, "category": "machinery", "severity": "minor",
         "lost_days": 21,
         "description": "B线冲床换模后试冲，双手按钮被短接，右手食指被上模压伤（骨折）"},
        {"date": burn_day.isoformat(), "person_employee_no": welder.employee_no,
         "person_name": welder.name, "category": "burn", "severity": "minor", "lost_days": 6,
         "description": "手工焊接线补焊时未戴焊接手套，焊渣飞溅灼伤左手背（二度烫伤）"},
    ]
    inspections = []
    before_visits = sorted(d for d in set(regulator_days) if d < switch)
    for n, day in enumerate(before_visits):
        deductions = 14 if n % 2 else 10
        inspections.append({
            "date": day.isoformat(), "agency": AGENCY, "kind": "执法检查",
            "deductions": deductions,
            "findings": f"现场检查发现隐患 {4 if n % 2 else 3} 项，已责令限期整改，扣 {deductions} 分"})
    surprise = windows[16][0] + dt.timedelta(days=6)
    fire = windows[20][0] + dt.timedelta(days=11)
    inspections += [
        {"date": surprise.isoformat(), "agency": AGENCY, "kind": "“四不两直”突击检查",
         "deductions": 0, "findings": "未发现问题，全区唯一零扣分单位"},
        {"date": fire.isoformat(), "agency": FIRE_AGENCY, "kind": "消防安全检查",
         "deductions": 0, "findings": "消防设施完好，台账齐全"},
    ]
    return DemoMetrics(workforce, incidents, inspections)
