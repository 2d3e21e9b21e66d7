"""Excel import: pick a file, preview, fix the mapping, import all or nothing.

The dialog is the same for every kind of record (people, equipment …); what differs — the
columns, how rows are checked and stored, the words — comes from an ``ImportKind``
(``desktop.dialogs.import_kinds``).

The reference tables are read on the "db" lane, the file is read and checked on the "io" lane (a
roster can have tens of thousands of rows) and nothing is stored until the preview is clean: the
services' ``import_records`` commit every row in one transaction, so a clerk never has to work
out which half of a file made it in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.i18n import DomainError, t
from core.importing import (
    FieldSpec,
    ImportPreview,
    Row,
    RowError,
    column_letter,
    map_columns,
    normalize_text,
)
from desktop.context import AppContext
from desktop.dialogs.feedback import MessageBar, guard
from desktop.dialogs.import_kinds import ImportKind
from desktop.tasks import Op, Progress
from reports.xlsx_io import iter_rows

Index = QModelIndex | QPersistentModelIndex

MAPPING_COLUMNS = 3  # column → field drop-downs side by side: rosters can have many columns
PREVIEW_ROWS = 5000  # rows kept for the preview table; every problem is listed regardless
_ERROR_BACKGROUND = QColor("#FBD9D5")
_UNMAPPED_TEXT = QColor("#8A8F98")


def reason(error: RowError, lang: str | None = None) -> str:
    """What is wrong with the cell, without the "row N, column X" prefix the table shows."""
    return t(error.key, lang, value=error.value, column=error.column, **error.params)


@dataclass
class _Reading:
    preview: ImportPreview | None
    rows: list[Row]  # the first rows of the file, for the preview table
    problem: DomainError | None  # why there is no preview (no header row found)


def _likely_header(rows: list[Row]) -> list[str]:
    """Without a recognised header, the widest of the first rows is the best guess: titles
    span one cell, headers span every column."""
    window = rows[:20]
    if not window:
        return []
    widest = max(window, key=lambda row: sum(1 for v in row[1] if normalize_text(v)))
    return [normalize_text(v) for v in widest[1]]


class PreviewModel(QAbstractTableModel):
    """The file's rows under its own headers; cells with a problem are tinted, with the reason
    as tooltip, and the vertical header shows Excel's row numbers so the clerk finds them."""

    def __init__(self, fields: Sequence[FieldSpec], parent: Any = None) -> None:
        super().__init__(parent)
        self.fields = {spec.name: spec for spec in fields}
        self.headers: list[str] = []
        self.mapping: dict[int, str] = {}
        self.rows: list[Row] = []
        self.problems: dict[tuple[int, int], str] = {}
        self.lang: str | None = None
        self.raw = False  # no header found: show the rows under Excel's column letters

    def set_raw(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.raw = True
        width = max((len(values) for _, values in rows), default=0)
        self.headers = [column_letter(c) for c in range(width)]
        self.mapping, self.rows, self.problems = {}, list(rows), {}
        self.endResetModel()

    def set_preview(self, preview: ImportPreview | None, rows: list[Row], lang: str) -> None:
        self.beginResetModel()
        self.lang = lang
        self.raw = False
        if preview is None:
            self.headers, self.mapping, self.rows, self.problems = [], {}, [], {}
        else:
            self.headers = preview.headers
            self.mapping = preview.mapping
            self.rows = [r for r in rows if r[0] > preview.header_row]
            self.problems = {}
            for error in preview.errors:
                key = (error.row, error.col)
                text = reason(error, lang)
                earlier = self.problems.get(key)
                self.problems[key] = f"{earlier}\n{text}" if earlier else text
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        number, values = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return normalize_text(values[col]) if col < len(values) else ""
        problem = self.problems.get((number, col))
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return _ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem
        if role == Qt.ItemDataRole.ForegroundRole and col not in self.mapping and not self.raw:
            return _UNMAPPED_TEXT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.rows):
                return str(self.rows[section][0])
            return None
        if not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] or column_letter(section)
        if role == Qt.ItemDataRole.ToolTipRole and not self.raw:
            name = self.mapping.get(section)
            if name is None:
                return self.tr("Not imported")
            return self.tr("Imported as “{field}”").format(
                field=self.fields[name].label(self.lang))
        if role == Qt.ItemDataRole.ForegroundRole and section not in self.mapping and not self.raw:
            return _UNMAPPED_TEXT
        return None

    def index_of(self, row_number: int, col: int) -> QModelIndex:
        for position, (number, _) in enumerate(self.rows):
            if number == row_number:
                return self.index(position, max(0, col))
        return QModelIndex()


class ErrorsModel(QAbstractTableModel):
    """Every problem in the file: row, column, value and the reason in the clerk's language."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.errors: list[RowError] = []
        self.lang: str | None = None

    def set_errors(self, errors: list[RowError], lang: str) -> None:
        self.beginResetModel()
        self.errors, self.lang = list(errors), lang
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.errors)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Reason"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.errors):
            return None
        error = self.errors[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            letter = column_letter(error.col) if error.col >= 0 else ""
            return (str(error.row), f"{letter} {error.column}".strip(), error.value,
                    reason(error, self.lang))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return error.message(self.lang)
        return None


class ImportDialog(QDialog):
    imported = Signal(int, int, int)  # created, updated, skipped

    def __init__(self, ctx: AppContext, kind: ImportKind,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.texts = kind.texts
        self.lang = ctx.language
        self._lookups_read = False  # the kind's reference tables, read once per chosen file
        self.path = ""
        self.manual_map: dict[str, str] = {}
        self.preview: ImportPreview | None = None
        self._mapping_headers: list[str] = []
        self._generation = 0
        self.setWindowTitle(self.texts.window_title)
        self.resize(1000, 660)  # fits a 1366×768 office screen with its taskbar

        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.texts.placeholder)
        choose = QPushButton(self.tr("Choose file…"), self)
        choose.clicked.connect(self.choose_file)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.message = MessageBar(self)

        self.mapping_box = QGroupBox(self.tr("Columns not recognised"), self)
        hint = QLabel(self.tr("Say which field each of these columns holds; columns left at "
                              "“Do not import” are ignored."), self.mapping_box)
        hint.setWordWrap(True)
        box_layout = QVBoxLayout(self.mapping_box)
        box_layout.addWidget(hint)
        self.mapping_grid = QGridLayout()
        box_layout.addLayout(self.mapping_grid)
        self.mapping_grid.setHorizontalSpacing(12)
        self.mapping_grid.setVerticalSpacing(6)
        # Pairs stay compact on the left; the spare width goes to an empty last column.
        self.mapping_grid.setColumnStretch(MAPPING_COLUMNS * 2, 1)
        self.mapping_box.hide()

        self.preview_model = PreviewModel(kind.fields, self)
        self.preview_view = self._table(self.preview_model)
        self.errors_model = ErrorsModel(self)
        self.errors_view = self._table(self.errors_model)
        self.errors_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.errors_view.horizontalHeader().setStretchLastSection(True)
        self.errors_view.clicked.connect(self._show_error_cell)
        self.errors_box = QGroupBox(self.tr("Problems to fix in the file"), self)
        errors_layout = QVBoxLayout(self.errors_box)
        errors_layout.setContentsMargins(8, 8, 8, 8)
        errors_layout.addWidget(self.errors_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.preview_view)
        splitter.addWidget(self.errors_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.update_existing = QRadioButton(self.texts.update_existing, self)
        self.skip_existing = QRadioButton(self.texts.skip_existing, self)
        (self.update_existing if kind.update_by_default else self.skip_existing).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.update_existing)
        group.addButton(self.skip_existing)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.commit)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File"), self))
        top.addWidget(self.file_edit, 1)
        top.addWidget(choose)
        bottom = QHBoxLayout()
        bottom.addWidget(self.update_existing)
        bottom.addSpacing(16)
        bottom.addWidget(self.skip_existing)
        bottom.addStretch(1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.mapping_box)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self._show_summary()

    def _table(self, model: QAbstractTableModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setAlternatingRowColors(True)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.horizontalHeader().setHighlightSections(False)
        return view

    # -- reading ------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose an Excel file"), "", self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        self.path = path
        self.manual_map = {}
        self._mapping_headers = []
        self._lookups_read = False  # what the file refers to may have changed since
        self.file_edit.setText(path)
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Read and check the file again (the mapping changed, or a new file was chosen)."""
        self._generation += 1
        generation = self._generation
        self.import_button.setEnabled(False)
        self.message.hide()
        self.summary.setText(self.tr("Reading the file…"))
        if self._lookups_read:
            self._read_file(generation)
            return
        # The reference tables (departments, areas, owners …) come from the database, on its
        # own lane; the file is read afterwards on the "io" lane against them.
        load = self.kind.load
        Op(self, lambda _: load(), lane="db").success(
            guard(self, lambda _: self._lookups_loaded(generation))
        ).failure(guard(self, lambda exc: self._unreadable(generation, exc))).run()

    def _lookups_loaded(self, generation: int) -> None:
        if generation != self._generation:
            return  # a newer refresh started and reads the tables itself
        self._lookups_read = True
        self._read_file(generation)

    def _read_file(self, generation: int) -> None:
        path, manual, lang = self.path, dict(self.manual_map), self.lang
        check = self.kind.preview
        read_text = self.tr("Read {n} rows…")

        def work(progress: Progress) -> _Reading:
            kept: list[Row] = []
            rows = _counted(_kept(iter_rows(path), kept), progress, read_text)
            try:
                preview = check(rows, manual or None, lang)
            except DomainError as exc:
                if not exc.key.startswith("import."):
                    raise
                # No header row found (or a stale manual mapping): the clerk can still map
                # columns by hand, from the rows read so far.
                return _Reading(None, kept, exc)
            return _Reading(preview, kept, None)

        Op(self, work, lane="io").with_progress(self.tr("Reading the file…")).success(
            guard(self, lambda result: self._previewed(generation, result))
        ).failure(
            guard(self, lambda exc: self._unreadable(generation, exc))
        ).cancelled(guard(self, lambda: self._unreadable(generation, None))).run()

    def _previewed(self, generation: int, result: _Reading) -> None:
        if generation != self._generation:
            return
        self.preview = result.preview
        if result.preview is None:
            self.preview_model.set_raw(result.rows)
            self.errors_model.set_errors([], self.lang)
            headers = _likely_header(result.rows)
            unmatched = map_columns(headers, self.kind.fields, self.manual_map).unmatched
        else:
            self.preview_model.set_preview(result.preview, result.rows, self.lang)
            self.errors_model.set_errors(result.preview.errors, self.lang)
            unmatched = result.preview.unmatched_headers
        _fit(self.preview_view)
        _fit(self.errors_view)
        self._build_mapping(unmatched)
        self._show_summary()
        if result.problem is not None:
            self.message.show_message(result.problem.message(self.lang), "error")

    def _unreadable(self, generation: int, exc: BaseException | None) -> None:
        if generation != self._generation:
            return
        self.preview = None
        self.preview_model.set_preview(None, [], self.lang)
        self.errors_model.set_errors([], self.lang)
        self._build_mapping([])
        self._show_summary()
        if exc is not None:
            self.message.show_failure(exc)

    # -- mapping ------------------------------------------------------------------------
    def _build_mapping(self, unmatched: list[str]) -> None:
        """A drop-down per column the importer could not name, to say which field it holds.

        A column stays listed once mapped by hand (it is no longer "unmatched" then), so the
        clerk can change their mind.
        """
        for header in unmatched:
            if header and header not in self._mapping_headers:
                self._mapping_headers.append(header)
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for position, header in enumerate(self._mapping_headers):
            combo = QComboBox(self.mapping_box)
            combo.setObjectName(f"map:{header}")
            combo.setMinimumContentsLength(8)
            combo.addItem(self.tr("Do not import"), "")
            for spec in self.kind.fields:
                combo.addItem(spec.label(self.lang), spec.name)
            combo.setCurrentIndex(max(0, combo.findData(self.manual_map.get(header, ""))))
            combo.currentIndexChanged.connect(
                lambda _, h=header, c=combo: self.set_mapping(h, c.currentData()))
            row, column = divmod(position, MAPPING_COLUMNS)
            caption = QLabel(self.tr("“{header}” is").format(header=header), self.mapping_box)
            self.mapping_grid.addWidget(caption, row, column * 2)
            self.mapping_grid.addWidget(combo, row, column * 2 + 1)
        self.mapping_box.setVisible(bool(self._mapping_headers))

    def mapping_combo(self, header: str) -> QComboBox | None:
        return self.mapping_box.findChild(QComboBox, f"map:{header}")

    def set_mapping(self, header: str, field: str) -> None:
        if field:
            self.manual_map[header] = field
        else:
            self.manual_map.pop(header, None)
        self.refresh_preview()

    # -- summary ------------------------------------------------------------------------
    def _show_summary(self) -> None:
        preview = self.preview
        if preview is None:
            self.summary.setText(self.texts.intro)
            self.errors_box.setTitle(self.tr("Problems to fix in the file"))
            self.import_button.setEnabled(False)
            return
        good = len(preview.records)
        bad = len(preview.error_rows)
        text = self.tr("Header found in row {header}. {rows} data rows: {good} ready to import, "
                       "{bad} with problems.").format(
            header=preview.header_row, rows=preview.data_rows, good=good, bad=bad)
        if preview.example_rows:
            text += " " + self.tr("The template's example row is skipped.")
        if preview.data_rows > PREVIEW_ROWS:
            text += " " + self.tr("The table shows the first {n} rows; every problem is listed "
                                  "below.").format(n=PREVIEW_ROWS)
        self.summary.setText(text)
        problems = len(preview.errors) + len(preview.missing_required)
        self.errors_box.setTitle(
            self.tr("Problems to fix in the file ({n})").format(n=problems))
        missing = preview.messages(self.lang)[: len(preview.missing_required)]
        if missing:
            self.message.show_message("\n".join(missing), "error")
        elif preview.ok and good:
            self.message.show_message(self.texts.ready.format(n=good), "success")
        elif preview.ok:
            self.message.show_message(self.tr("The file has no rows to import."), "warning")
        else:
            self.message.show_message(self.tr(
                "Nothing is imported until every problem is fixed. Correct the file in Excel, "
                "save it, and choose it again."), "warning")
        # All or nothing: a file with any problem cannot be imported.
        self.import_button.setEnabled(preview.ok and good > 0)

    def _show_error_cell(self, index: QModelIndex) -> None:
        error = self.errors_model.errors[index.row()]
        target = self.preview_model.index_of(error.row, error.col)
        if target.isValid():
            self.preview_view.selectionModel().setCurrentIndex(
                target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.preview_view.scrollTo(target, QAbstractItemView.ScrollHint.PositionAtCenter)

    # -- committing ---------------------------------------------------------------------
    def commit(self) -> None:
        if self.preview is None or not self.preview.ok:
            return
        preview, update, store = self.preview, self.update_existing.isChecked(), self.kind.commit
        self.import_button.setEnabled(False)
        # One transaction with no cancel point: a Cancel button would promise what it cannot do.
        Op(self, lambda _: store(preview, update), lane="db").with_progress(
            self.texts.importing.format(n=len(preview.records)), cancellable=False
        ).success(guard(self, lambda result: self._committed(result, update))).failure(
            guard(self, self._commit_failed)).run()

    def _committed(self, result: tuple[int, int, int], updated_existing: bool) -> None:
        created, updated, skipped = result
        self.preview = None  # imported: importing the same preview twice makes no sense
        text = self.texts.result.format(created=created, updated=updated, skipped=skipped)
        if skipped and not updated_existing and self.texts.skipped_hint:
            text += " " + self.texts.skipped_hint.format(n=skipped)
        self.message.show_message(text, "success")
        self.import_button.setEnabled(False)
        self.imported.emit(created, updated, skipped)
        self.ctx.notify(self.kind.entity)

    def _commit_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(self.preview is not None and self.preview.ok)
        if isinstance(exc, DomainError):
            self.message.show_message(
                self.tr("Nothing was imported.") + " " + exc.message(), "error")
        else:
            self.message.show_failure(exc)


def _fit(view: QTableView) -> None:
    """Columns as wide as their content plus breathing room, but never wider than 320 px."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    last = header.count() - 1 if header.stretchLastSection() else header.count()
    for column in range(last):
        header.resizeSection(column, min(320, header.sectionSize(column) + 16))


def _kept(rows: Iterable[Row], kept: list[Row]) -> Iterator[Row]:
    """Pass rows on to the checker while keeping the first ones for the preview table."""
    for number, values in rows:
        if len(kept) < PREVIEW_ROWS + 50 and any(normalize_text(v) for v in values):
            kept.append((number, values))
        yield number, values


def _counted(rows: Iterable[Row], progress: Progress, text: str) -> Iterator[Row]:
    """Report reading progress now and then; raises Cancelled when the clerk gives up."""
    for count, row in enumerate(rows, start=1):
        if count % 500 == 0:
            progress.set(count, 0, text.format(n=count))
        yield row
