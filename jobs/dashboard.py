"""One dashboard refresh: the figures and charts (core/dashboard.py over the workspace) plus the
active-warning count from the warning rules, when the workspace has them."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from core.auth import Actor
from core.dashboard import Dashboard, DashboardFilters

if TYPE_CHECKING:
    from db.workspace import Workspace


def active_warnings(ws: Workspace, actor: Actor) -> int | None:
    """None (shown as "—") while the warning rules are not part of the workspace: not zero,
    which would claim that nothing is wrong."""
    if not hasattr(ws, "warnings"):
        return None
    return ws.warnings.active_count(actor)


def load_dashboard(ws: Workspace, actor: Actor, filters: DashboardFilters,
                   no_area: str = "") -> Dashboard:
    dashboard = ws.dashboard.load(actor, filters, no_area)
    return replace(dashboard, figures=replace(dashboard.figures,
                                              active_warnings=active_warnings(ws, actor)))
