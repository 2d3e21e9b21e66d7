"""The pages of the main window, in sidebar order."""

from __future__ import annotations

from desktop.pages.base import Page
from desktop.pages.people import PeoplePage
from desktop.pages.structure import StructurePage
from desktop.pages.users import UsersPage

PAGES: list[type[Page]] = [PeoplePage, StructurePage, UsersPage]

__all__ = ["PAGES", "Page", "PeoplePage", "StructurePage", "UsersPage"]
