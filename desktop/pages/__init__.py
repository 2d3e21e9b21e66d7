"""The pages of the main window, in sidebar order."""

from __future__ import annotations

from desktop.pages.base import Page
from desktop.pages.conflicts import ConflictsPage
from desktop.pages.dashboard import DashboardPage
from desktop.pages.equipment import EquipmentPage
from desktop.pages.hazards import HazardsPage
from desktop.pages.inspections import InspectionsPage
from desktop.pages.metrics import MetricsPage
from desktop.pages.monitoring import MonitoringPage
from desktop.pages.people import PeoplePage
from desktop.pages.points import PointsPage
from desktop.pages.reports import ReportsPage
from desktop.pages.risk_map import RiskMapPage
from desktop.pages.risks import RisksPage
from desktop.pages.structure import StructurePage
from desktop.pages.users import UsersPage
from desktop.pages.warnings import WarningsPage

PAGES: list[type[Page]] = [DashboardPage, HazardsPage, InspectionsPage, RisksPage, RiskMapPage,
                           WarningsPage, MonitoringPage, ReportsPage, MetricsPage, EquipmentPage,
                           PeoplePage, StructurePage, PointsPage, UsersPage, ConflictsPage]

__all__ = ["PAGES", "ConflictsPage", "DashboardPage", "EquipmentPage", "HazardsPage", "InspectionsPage",
           "MetricsPage", "MonitoringPage", "Page", "PeoplePage", "PointsPage", "ReportsPage",
           "RiskMapPage", "RisksPage", "StructurePage", "UsersPage", "WarningsPage"]
