"""The pages of the main window, in sidebar order."""

from __future__ import annotations

from desktop.pages.base import Page
from desktop.pages.equipment import EquipmentPage
from desktop.pages.people import PeoplePage
from desktop.pages.structure import StructurePage
from desktop.pages.users import UsersPage

PAGES: list[type[Page]] = [PeoplePage, EquipmentPage, StructurePage, UsersPage]

__all__ = ["PAGES", "EquipmentPage", "Page", "PeoplePage", "StructurePage", "UsersPage"]
