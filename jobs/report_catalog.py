"""The one list of reports: name, title, formats and how each is made from a workspace.

A report module registers itself with `register(ReportSpec(...))`; `cli/report_cli.py` and the
reports page read `REPORTS`. Modules are imported by `load_all()` so registration is explicit.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core import i18n
from core.periods import Period

if TYPE_CHECKING:
    from db.workspace import Workspace

# Modules that register reports; each issue adds its own line here.
# The order is the order of the reports page and `report --list`: ledgers first, as inspectors
# ask for them, then the risk documents, then the metrics.
REPORT_MODULES: list[str] = [
    "jobs.ledger_reports",
    "jobs.risk_reports",
    "jobs.map_reports",
    "jobs.metrics_reports",
]


class Cancelled(Exception):
    """Raised by a renderer when `request.cancelled()` turns true; the partial file is removed."""


@dataclass
class ReportRequest:
    period: Period = field(default_factory=lambda: Period(None, None, "all"))
    hazard_number: str | None = None   # rectification notice / acceptance record
    plan: str | None = None            # four-colour map: plan name (None: every plan)
    before: Period | None = None       # effect metrics
    after: Period | None = None
    area: str | None = None            # inspection ledger: area name/code
    equipment: str | None = None       # inspection ledger: equipment code
    paper: str | None = None           # "A4" / "A3" where the report offers both
    lang: str | None = None            # None: the current language
    progress: Callable[[int, int], None] = lambda done, total: None
    cancelled: Callable[[], bool] = lambda: False

    def language(self) -> str:
        return self.lang or i18n.language()

    def check(self, done: int, total: int) -> None:
        """Report progress; raise Cancelled when the user pressed Cancel (renderers call
        this between rows or pages)."""
        if self.cancelled():
            raise Cancelled()
        self.progress(done, total)


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int | None = None   # PDF pages
    rows: int | None = None    # data rows in the table


@dataclass(frozen=True)
class ReportSpec:
    name: str                   # CLI name: hazard-ledger
    title: tuple[str, str]      # (zh_CN, en): 隐患排查治理台账
    formats: tuple[str, ...]    # ("pdf", "xlsx") / ("pdf", "png")
    # Which request fields the report uses: "period", "hazard", "plan", "before_after", "area",
    # "equipment", "paper". The CLI refuses what a report needs but was not given.
    needs: tuple[str, ...]
    render: Callable[[Workspace, ReportRequest, Path], ReportResult]

    def title_in(self, lang: str) -> str:
        return self.title[0] if lang.startswith("zh") else self.title[1]


REPORTS: dict[str, ReportSpec] = {}


def register(spec: ReportSpec) -> ReportSpec:
    REPORTS[spec.name] = spec
    return spec


def load_all() -> dict[str, ReportSpec]:
    for module in REPORT_MODULES:
        importlib.import_module(module)
    return REPORTS
