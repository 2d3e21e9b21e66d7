"""What the equipment page's requests do: import, export, the import template and labels.

The page only asks (``import_requested``, ``export_requested``, ``template_requested``,
``labels_requested``); the shell connects those signals here with ``connect_equipment_page``
when it builds the page, so the page itself never deals with workbooks or label sheets.
Everything slow runs as an ``Op`` off the UI thread and reports in the page's message bar.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog

from core.auth import Permission
from core.equipment import EquipmentQuery
from core.i18n import DomainError
from desktop.dialogs.feedback import guard
from desktop.dialogs.import_dialog import ImportDialog
from desktop.dialogs.import_kinds import all_people, equipment_kind
from desktop.dialogs.labels_dialog import LabelsDialog
from desktop.tasks import Op, Progress
from reports.equipment_export import export_equipment, write_equipment_template

if TYPE_CHECKING:
    from desktop.pages.equipment import EquipmentPage



def connect_equipment_page(page: EquipmentPage) -> None:
    """Make the page's import, export, template and label buttons work."""
    page.import_requested.connect(lambda: open_import(page))
    page.export_requested.connect(lambda query: choose_export(page, query))
    page.template_requested.connect(lambda: choose_template(page))
    page.labels_requested.connect(lambda ids, query: open_labels(page, ids, query))


# ------------------------------------------------------------------------------- import


def open_import(page: EquipmentPage, path: str | None = None) -> ImportDialog:
    dialog = ImportDialog(page.ctx, equipment_kind(page.ctx), page)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    if path:
        dialog.load_file(path)
    return dialog


# ------------------------------------------------------------------------------- labels


def open_labels(page: EquipmentPage, selected_ids: list[str],
                query: EquipmentQuery) -> LabelsDialog:
    dialog = LabelsDialog(page.ctx, selected_ids, query, page)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


# ------------------------------------------------------------------------------- export


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))


def _xlsx(path: str) -> str:
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def choose_export(page: EquipmentPage, query: EquipmentQuery) -> Op | None:
    """Ask where to save the list the clerk is looking at, then export it there."""
    name = QCoreApplication.translate("EquipmentActions", "equipment-{date}.xlsx").format(
        date=dt.date.today().strftime("%Y%m%d"))
    path, _ = QFileDialog.getSaveFileName(
        page, QCoreApplication.translate("EquipmentActions", "Export the equipment list"),
        str(_documents() / name),
        QCoreApplication.translate("EquipmentActions", "Excel workbooks (*.xlsx)"))
    if not path:
        return None
    return export_to(page, query, path)


def export_to(page: EquipmentPage, query: EquipmentQuery, path: str) -> Op:
    """Stream every machine the query matches into a workbook, with progress and Cancel.

    The workbook is saved only at the end (next to the target, then renamed), so a cancelled
    or failed export leaves no half-written file and never spoils an older export.
    """
    path = _xlsx(path)
    ctx = page.ctx
    ws, actor, lang = ctx.workspace, ctx.actor, ctx.language
    title = QCoreApplication.translate(
        "EquipmentActions", "{plant} equipment register (exported {date})").format(
        plant=ws.plant_name, date=dt.date.today().isoformat())
    counting = QCoreApplication.translate("EquipmentActions",
                                          "Exported {done} of {total} machines…")
    # Owners go out as employee numbers (what the import reads back); a user who may not see
    # the roster gets the owners' names instead.
    with_numbers = ctx.can(Permission.VIEW_PEOPLE)

    def work(progress: Progress) -> int:
        total = ws.equipment.search_page(actor, query, 0, 1)[1]
        progress.set(0, total)
        numbers = {}
        if with_numbers:
            for person in all_people(ws, actor):
                numbers[person.id] = person.employee_no
            progress.check()
        return export_equipment(
            ws.equipment.iter_all(actor, query), path, lang, title=title,
            progress=lambda done: progress.set(done, total,
                                               counting.format(done=done, total=total)),
            owner_numbers=numbers)

    def done(count: int) -> None:
        text = QCoreApplication.translate("EquipmentActions", "Exported {n} machines to {path}")
        page.message.show_message(text.format(n=count, path=path), "success")

    def failed(exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            # Typically the file is open in Excel or WPS, or the folder is read-only.
            page.message.show_message(QCoreApplication.translate(
                "EquipmentActions", "Nothing was exported.") + " " + exc.message(), "error")
        else:
            page.message.show_failure(exc)

    def cancelled() -> None:
        page.message.show_message(QCoreApplication.translate(
            "EquipmentActions", "Export cancelled; no file was saved."), "info")

    return Op(page, work, lane="db").with_progress(
        QCoreApplication.translate("EquipmentActions", "Exporting the equipment list…")
    ).success(guard(page, done)).failure(guard(page, failed)).cancelled(
        guard(page, cancelled)).run()


# ------------------------------------------------------------------------------- template


def choose_template(page: EquipmentPage) -> Op | None:
    suggested = _documents() / QCoreApplication.translate(
        "EquipmentActions", "equipment-import-template.xlsx")
    path, _ = QFileDialog.getSaveFileName(
        page, QCoreApplication.translate("EquipmentActions", "Save the import template"),
        str(suggested), QCoreApplication.translate("EquipmentActions", "Excel workbooks (*.xlsx)"))
    if not path:
        return None
    return write_template_to(page, path)


def write_template_to(page: EquipmentPage, path: str) -> Op:
    path = _xlsx(path)
    lang = page.ctx.language

    def done(_: object) -> None:
        page.message.show_message(QCoreApplication.translate(
            "EquipmentActions", "Template saved to {path}").format(path=path), "success")

    return Op(page, lambda _: write_equipment_template(path, lang), lane="io").success(
        guard(page, done)).failure(guard(page, page.message.show_failure)).run()
