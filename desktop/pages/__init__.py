"""The pages of the main window, in sidebar order."""

from __future__ import annotations

from desktop.pages.base import Page
from desktop.pages.equipment import EquipmentPage
from desktop.pages.hazards import HazardsPage
from desktop.pages.inspections import InspectionsPage
from desktop.pages.people import PeoplePage
from desktop.pages.points import PointsPage
from desktop.pages.structure import StructurePage
from desktop.pages.users import UsersPage

PAGES: list[type[Page]] = [HazardsPage, InspectionsPage, PeoplePage, EquipmentPage, StructurePage,
                           UsersPage, PointsPage]

__all__ = ["PAGES", "EquipmentPage", "HazardsPage", "InspectionsPage", "Page", "PeoplePage",
           "PointsPage", "StructurePage", "UsersPage"]
