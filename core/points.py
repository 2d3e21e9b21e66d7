"""Participation (F12): safety points, the monthly ranking, a person's history, and the few
look-ups a 随手拍 reporter needs at a shared PC without logging in.

Points are never stored as totals: they are sums of award events (see core.hazards, which makes
the awards). The rules are configurable (setting ``points.rules``); the defaults are
规范巡检 +2, 按期完成整改 +5, 随手拍被采纳 +3.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from core import i18n
from core.auth import Actor, Permission, require
from core.hazards import DEFAULT_POINT_RULES
from core.i18n import DomainError

RULE_LABELS: dict[str, tuple[str, str]] = {
    "inspection": ("规范巡检", "Proper inspection"),
    "rectified_on_time": ("按期完成整改", "Rectification finished on time"),
    "verified_report": ("随手拍被采纳", "Snapshot report accepted"),
}

i18n.register({
    "points.bad_month": {"zh_CN": "月份无效：{year}-{month}",
                         "en": "Not a valid month: {year}-{month}"},
})


def rule_label(rule: str, lang: str | None = None) -> str:
    zh, en = RULE_LABELS.get(rule, (rule, rule))
    return en if (lang or i18n.language()) == "en" else zh


def rules_text(rules: Mapping[str, int], lang: str | None = None) -> str:
    """The rules in plain words: "规范巡检 +2，按期完成整改 +5，随手拍被采纳 +3"."""
    lang = lang or i18n.language()
    known = [r for r in RULE_LABELS if r in rules]
    known += sorted(r for r in rules if r not in RULE_LABELS)
    parts = [f"{rule_label(r, lang)} {int(rules[r]):+d}" for r in known if int(rules[r])]
    return (", " if lang == "en" else "，").join(parts)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First day of the month and first day of the next one (the end is exclusive)."""
    try:
        start = dt.date(year, month, 1)
    except (TypeError, ValueError) as exc:
        raise DomainError("points.bad_month", year=year, month=month) from exc
    end = dt.date(year + (month == 12), month % 12 + 1, 1)
    return start, end


@dataclass(frozen=True)
class Ranked:
    rank: int  # equal points share a rank (1, 1, 3)
    person_id: str
    name: str
    employee_no: str
    points: int


@dataclass(frozen=True)
class Award:
    at: dt.datetime
    rule: str
    points: int
    reason: str  # e.g. the hazard number it was earned on

    @property
    def rule_label(self) -> str:
        return rule_label(self.rule)


@dataclass(frozen=True)
class Reporter:
    """Who reports a hazard: just enough to confirm "is this me?" at a shared PC."""

    person_id: str
    name: str
    employee_no: str
    department_name: str = ""


class PointsRepository(Protocol):
    def points(self, since: dt.date, until: dt.date) -> list[tuple[str, str, str, int]]: ...
    def awards_of(self, person_id: str) -> list[tuple[str, str, int, str]]: ...
    def get(self, hazard_id: str) -> Any: ...  # a core.hazards.Hazard or None


class ReporterPeople(Protocol):
    def ids_by_employee_no(self, employee_nos: Iterable[str]) -> dict[str, str]: ...
    def get(self, person_id: str) -> Any: ...  # a core.plant.Person or None


class ReportPlaces(Protocol):
    def list(self, kind: str, include_deleted: bool = False) -> list[dict[str, Any]]: ...


class ReportEquipment(Protocol):
    def find_by_code(self, code: str, include_deleted: bool = False) -> Any: ...


class PointsService:
    def __init__(self, repo: PointsRepository, people: ReporterPeople, places: ReportPlaces,
                 equipment: ReportEquipment,
                 rules: Callable[[], Mapping[str, int]] = lambda: DEFAULT_POINT_RULES) -> None:
        self.repo = repo
        self.people = people
        self.places = places
        self.equipment = equipment
        self._rules = rules

    # -- points --------------------------------------------------------------------------
    def rules(self) -> dict[str, int]:
        return {k: int(v) for k, v in self._rules().items()}

    def rules_text(self, lang: str | None = None) -> str:
        return rules_text(self.rules(), lang)

    def ranking(self, actor: Actor, year: int, month: int) -> list[Ranked]:
        """Everyone who earned points in the month, highest first."""
        require(actor, Permission.VIEW_HAZARDS)
        since, until = month_bounds(year, month)
        out: list[Ranked] = []
        previous, rank = None, 0
        for position, (person_id, name, employee_no, total) in enumerate(
                self.repo.points(since, until), start=1):
            if total != previous:
                rank, previous = position, total
            out.append(Ranked(rank, person_id, name, employee_no, int(total)))
        return out

    def history(self, actor: Actor, person_id: str) -> list[Award]:
        """A person's awards, newest first."""
        require(actor, Permission.VIEW_HAZARDS)
        return [Award(dt.datetime.fromisoformat(at), rule, int(points), reason)
                for at, rule, points, reason in self.repo.awards_of(person_id)]

    # -- 随手拍 at a shared PC (no login: these reveal names only, never details) ------------
    def find_reporter(self, employee_no: str) -> Reporter | None:
        """The person with this employee number, if they still work here."""
        code = employee_no.strip().upper()  # codes are stored upper case (hj0002 == HJ0002)
        if not code:
            return None
        person_id = self.people.ids_by_employee_no([code]).get(code)
        return self.reporter(person_id) if person_id else None

    def reporter(self, person_id: str | None) -> Reporter | None:
        person = self.people.get(person_id) if person_id else None
        if person is None or getattr(person, "status", "active") == "left":
            return None
        return Reporter(person.id, person.name, person.employee_no,
                        getattr(person, "department_name", "") or "")

    def report_areas(self) -> list[tuple[str, str]]:
        """(id, name) of the areas a report can name, in code order."""
        return [(a["id"], a["name"]) for a in self.places.list("area")]

    def equipment_by_code(self, code: str) -> tuple[str, str, str, str | None] | None:
        """(id, code, name, area id) of the equipment with this code (as on its QR label)."""
        code = code.strip()
        if not code:
            return None
        item = self.equipment.find_by_code(code) or self.equipment.find_by_code(code.upper())
        if item is None:
            return None
        return item.id, item.code, item.name, item.area_id

    def hazard_number(self, hazard_id: str) -> str:
        """The number to quote in the thank-you note (YH-2026-0001)."""
        hazard = self.repo.get(hazard_id)
        return hazard.number if hazard is not None else ""
