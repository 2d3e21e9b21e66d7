"""The page contract: the main window shows a sidebar entry per page the user may see."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core.auth import Permission
from desktop.context import AppContext


class Page(QWidget):
    page_id: str = ""  # stable id used by `screenshot PAGE` and settings
    required_permission: Permission | None = None  # hidden from users without it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    @classmethod
    def title(cls) -> str:
        """The sidebar label, translated (override with self.tr-style QCoreApplication.translate)."""
        raise NotImplementedError

    def activated(self) -> None:
        """Called when the page becomes visible; refresh here if needed."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the page's search box, if it has one."""
