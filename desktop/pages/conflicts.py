"""同步冲突 Sync conflicts: what sync found for a supervisor to settle.

Two kinds: a workflow conflict (two PCs advanced one hazard offline; the earlier step applied,
the later one waits here) is settled with a ``conflict_resolved`` event that syncs to every
PC; a duplicate code (two records hold one equipment code, hazard number or employee no.) is
settled by changing one record's code in its page, or marked as accepted here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission
from core.hazards import STEP_LABELS, label
from db.sync import local
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar
from desktop.dialogs.hazard_dialogs import event_label
from desktop.pages.base import Page
from desktop.tasks import Op

Index = QModelIndex | QPersistentModelIndex


def _titles() -> dict[str, str]:
    return {"kind": QCoreApplication.translate("ConflictsPage", "Kind"),
            "subject": QCoreApplication.translate("ConflictsPage", "Concerns"),
            "detail": QCoreApplication.translate("ConflictsPage", "What happened"),
            "found": QCoreApplication.translate("ConflictsPage", "Found")}


def _entity_name(entity: str) -> str:
    names = {"equipment": QCoreApplication.translate("ConflictsPage", "Equipment code"),
             "hazard": QCoreApplication.translate("ConflictsPage", "Hazard number"),
             "person": QCoreApplication.translate("ConflictsPage", "Employee no.")}
    return names.get(entity, entity)


class ConflictsModel(QAbstractTableModel):
    COLUMNS = ("kind", "subject", "detail", "found")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return _titles()[self.COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = self.COLUMNS[index.column()]
        workflow = row["kind"] == "workflow"
        if column == "kind":
            return (QCoreApplication.translate("ConflictsPage", "Workflow") if workflow
                    else QCoreApplication.translate("ConflictsPage", "Duplicate code"))
        if column == "subject":
            if workflow:
                return f"{row.get('number') or ''} {row.get('description') or ''}".strip()
            return f"{_entity_name(row['entity'])} {row['ref']}"
        if column == "detail":
            detail = row["detail"]
            if workflow:
                return QCoreApplication.translate(
                    "ConflictsPage", "{actor}: “{kind}” arrived when the hazard was at “{step}”"
                ).replace("{actor}", detail.get("actor") or "?").replace(
                    "{kind}", event_label(detail.get("kind", ""))).replace(
                    "{step}", label(STEP_LABELS, detail.get("step", "")))
            return QCoreApplication.translate("ConflictsPage", "{n} records hold this code") \
                .replace("{n}", str(len(detail)))
        if column == "found":
            return row["detected_at"].replace("T", " ")[:16]
        return None


class ConflictsPage(Page):
    page_id = "conflicts"
    required_permission = Permission.RESOLVE_CONFLICT

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ConflictsPage", "Sync conflicts")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr(
            "When two PCs change the same thing while offline, sync keeps both and lists the "
            "clash here. Settle a workflow conflict with a note: the earlier step stays, and "
            "the note is kept in the hazard's history on every PC."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.bar = MessageBar(self)
        layout.addWidget(self.bar)
        self.model = ConflictsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No conflicts: every PC agrees."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)  # takes the table's room, so the intro stays on top
        row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("How it was settled (kept in the history)"))
        self.settle_button = QPushButton(self.tr("Settle"))
        self.settle_button.clicked.connect(self.settle)
        row.addWidget(self.note, 1)
        row.addWidget(self.settle_button)
        layout.addLayout(row)
        self._selected()
        ctx.data_changed.connect(self._changed)
        self.reload()

    def _changed(self, entity: str, _ids: list) -> None:
        if entity in ("sync_conflict", "hazard", "hazard_event", *local.CODE_FIELDS):
            self.reload()

    def activated(self) -> None:
        self.reload()

    def reload(self) -> None:
        ws = self.ctx.workspace

        def load(_p: object) -> tuple[list[dict[str, Any]], bool]:
            enrolled = bool(local.SyncState(ws.db).get("credential"))
            rows = local.open_conflicts(ws.db)
            for row in rows:
                if row["kind"] == "workflow":
                    hazard = ws.hazards_repo.get(row["ref"])
                    row["number"] = hazard.number if hazard else ""
                    row["description"] = hazard.description if hazard else ""
            return rows, enrolled

        Op(self, load, lane="db").success(self._loaded).failure(self.bar.show_failure).run()

    def _loaded(self, result: tuple[list[dict[str, Any]], bool]) -> None:
        rows, enrolled = result
        # "Every PC agrees" would be untrue on a PC that has never synced.
        self.empty.setText(self.tr("No conflicts: every PC agrees.") if enrolled
                           else self.tr("This PC is not enrolled for sync yet."))
        chosen = self.current()
        self.model.set_rows(rows)
        for number, row in enumerate(rows):  # a reload keeps the supervisor's selection
            if chosen is not None and row["id"] == chosen["id"]:
                self.table.selectRow(number)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._selected()

    def current(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _selected(self) -> None:
        row = self.current()
        self.settle_button.setEnabled(row is not None)
        if row is not None:
            self.settle_button.setText(self.tr("Settle") if row["kind"] == "workflow"
                                       else self.tr("Accept both"))

    def settle(self) -> None:
        row = self.current()
        if row is None:
            return
        note = self.note.text().strip()
        ws, actor = self.ctx.workspace, self.ctx.actor
        if row["kind"] == "workflow" and not note:
            self.bar.show_message(self.tr("Write how it was settled first."), "warning")
            return

        def work(_p: object) -> None:
            if row["kind"] == "workflow":
                ws.hazards.resolve_conflict(actor, row["ref"], [row["detail"]["event_id"]], note)
                from db.sync.client import SyncClient

                SyncClient(ws).refresh_conflicts()
            else:
                local.settle_conflict(ws.db, row["id"])

        def done(_r: object) -> None:
            self.note.clear()
            self.bar.show_message(self.tr("Settled."), "success")
            self.ctx.notify("hazard_event" if row["kind"] == "workflow" else "sync_conflict",
                            [row["ref"]])
            self.reload()

        Op(self, work, lane="db").success(done).failure(self.bar.show_failure).run()
