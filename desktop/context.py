"""What every page gets: the open workspace, the logged-in user, and change notifications."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.auth import Actor, Permission
from db.workspace import Workspace


class AppContext(QObject):
    # entity name ("person", "department", ...) and the ids that changed; pages refresh from this
    data_changed = Signal(str, list)
    language_changed = Signal(str)

    def __init__(self, workspace: Workspace, actor: Actor, language: str = "zh_CN") -> None:
        super().__init__()
        self.workspace = workspace
        self.actor = actor
        self.language = language

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)

    def notify(self, entity: str, ids: list[str] | None = None) -> None:
        self.data_changed.emit(entity, ids or [])
