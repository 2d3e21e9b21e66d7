"""The main window: a thin shell of sidebar, page stack, menus and status bar. Pages do the work."""

from __future__ import annotations

import html
from collections.abc import Sequence
from importlib import metadata

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QFont,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.auth import Permission, Role, role_label
from desktop.context import AppContext
from desktop.notifications import NotificationBell
from desktop.pages.base import Page
from desktop.scanner.keyboard_wedge import KeyboardWedge
from desktop.settings import LANGUAGE, WINDOW_GEOMETRY, Settings, log_file

SIDEBAR_WIDTH = 180
LANGUAGE_NAMES = (("zh_CN", "中文"), ("en", "English"))  # each in its own language: never translated

# Calm, low-contrast chrome; pages keep the platform look for their own widgets.
_STYLE = """
QFrame#sidebar { background: #f3f5f7; border: none; border-right: 1px solid #dde1e6; }
QLabel#brand { color: #1f3b5c; padding: 18px 16px 2px 16px; }
QLabel#brandSub { color: #6b7785; padding: 0 16px 14px 16px; }
QListWidget#nav { background: transparent; border: none; outline: 0; }
QListWidget#nav::item { padding: 8px 12px; margin: 1px 8px; border-radius: 4px; color: #2b3440; }
QListWidget#nav::item:hover:!selected { background: #e7ebef; }
QListWidget#nav::item:selected { background: #d9e6f5; color: #123f6e; }
QLabel#pageHeader { color: #1f2933; }
QToolButton#scanButton { background: #1f3b5c; color: white; border: none; border-radius: 4px;
                         padding: 8px 12px; margin: 4px 12px; font-weight: bold; }
QToolButton#scanButton:hover { background: #2a4f7a; }
QStatusBar QLabel { color: #4a5560; padding: 0 8px; }
"""


def app_version() -> str:
    try:
        return metadata.version("safedesk")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "dev"


class MainWindow(QMainWindow):
    scan_opened = Signal(str)  # the id of the machine whose card a scan opened (or raised)

    def __init__(self, ctx: AppContext, pages: Sequence[type[Page]] | None = None,
                 settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if pages is None:
            from desktop.pages import PAGES  # late: the page package is large and optional here

            pages = PAGES
        self.ctx = ctx
        self.settings = settings if settings is not None else Settings()
        # Hidden, not greyed out: a clerk should not see an admin's tools at all.
        self.page_classes: list[type[Page]] = [
            p for p in pages if p.required_permission is None or ctx.can(p.required_permission)
        ]
        self._pages: dict[str, Page] = {}
        # Scanning (F3): the scan window, the cards scans opened, and handheld scanners, which
        # are recognised anywhere in the program while this window is open.
        self.camera_backend: object | None = None  # None: OpenCV; tests put a fake webcam here
        self.scan_dialog: QWidget | None = None
        self.scan_problem: QMessageBox | None = None
        self._scan_cards: dict[str, QWidget] = {}
        self.can_scan = ctx.can(Permission.VIEW_EQUIPMENT)
        self.wedge = KeyboardWedge(self)
        self.wedge.scanned.connect(self.handle_scan)
        self._build_scan_action()

        self.setWindowTitle(f"安全台 SafeDesk — {ctx.workspace.plant_name}")
        self.setStyleSheet(_STYLE)
        self.setMinimumSize(900, 600)
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self._build_shortcuts()
        from desktop.sync_ui import attach_sync  # F13: Sync menu, status label, rounds

        self.sync = attach_sync(self)
        self.resize(1280, 800)
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if self.page_classes:
            self.nav.setCurrentRow(0)

    # -- building ------------------------------------------------------------------------
    def _build_body(self) -> None:
        sidebar = QFrame(objectName="sidebar")
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 12)
        side.setSpacing(0)
        brand = QLabel("安全台", objectName="brand")
        brand.setFont(_scaled(brand.font(), 1.6, QFont.Weight.DemiBold))
        side.addWidget(brand)
        side.addWidget(QLabel("SafeDesk", objectName="brandSub"))

        self.nav = QListWidget(objectName="nav")
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard users have Ctrl+1..9
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, cls in enumerate(self.page_classes, start=1):
            item = QListWidgetItem(cls.title())
            item.setData(Qt.ItemDataRole.UserRole, cls.page_id)
            if number <= 9:
                item.setToolTip(f"Ctrl+{number}")
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_row_changed)
        side.addWidget(self.nav, 1)
        from desktop.scanner.scan_dialog import scan_icon

        scan_button = QToolButton(objectName="scanButton")
        scan_button.setText(self.tr("Scan a label"))
        scan_button.setIcon(scan_icon("#ffffff"))  # on the dark button; the menu's is dark
        scan_button.setToolTip(self.scan_action.toolTip())
        scan_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scan_button.clicked.connect(self.scan_action.trigger)
        scan_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        scan_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        scan_button.setVisible(self.can_scan)
        self.scan_button = scan_button
        side.addWidget(scan_button)

        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(24, 16, 24, 12)
        body.setSpacing(12)
        self.header = QLabel(objectName="pageHeader")
        self.header.setFont(_scaled(self.header.font(), 1.5, QFont.Weight.DemiBold))
        body.addWidget(self.header)
        self.stack = QStackedWidget()
        body.addWidget(self.stack, 1)
        if not self.page_classes:
            empty = QLabel(self.tr("Your account has no pages to show. "
                                   "Ask an administrator to give you a role."))
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setWordWrap(True)
            self.stack.addWidget(empty)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(content, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        # 随手拍 from every page: anyone who sees something unsafe reports it at once.
        self.report_action = file_menu.addAction(self.tr("Report a hazard…"), self.report_hazard)
        self.report_action.setShortcut(QKeySequence("Ctrl+R"))
        self.report_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.report_action.setVisible(self.ctx.can(Permission.REPORT_HAZARD))
        self.report_action.setEnabled(self.ctx.can(Permission.REPORT_HAZARD))
        file_menu.addAction(self.scan_action)
        file_menu.addSeparator()
        file_menu.addAction(self.tr("Open data folder"), self.open_data_folder)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("Quit"), self.close)
        # Spelled out: QKeySequence.Quit is empty on Windows, where clerks work.
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))

        settings_menu = bar.addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES:
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.ctx.language)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            self.language_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("About SafeDesk"), self.show_about)
        help_menu.addAction(self.tr("Open log file"), self.open_log_file)
        self.menus = {"file": file_menu, "settings": settings_menu, "help": help_menu}

    def _build_scan_action(self) -> None:
        from desktop.scanner.scan_dialog import scan_icon

        self.scan_action = QAction(scan_icon(), self.tr("Scan a label…"), self)
        self.scan_action.setToolTip(self.tr("Scan an equipment label with the webcam or from a "
                                            "photo (Ctrl+Shift+S). A handheld scanner works "
                                            "without this."))
        self.scan_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.scan_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.scan_action.triggered.connect(lambda _=False: self.open_scan_dialog())
        self.scan_action.setVisible(self.can_scan)
        self.scan_action.setEnabled(self.can_scan)
        self.addAction(self.scan_action)

    def _build_status_bar(self) -> None:
        actor = self.ctx.actor
        separator = self.tr(", ")
        roles = separator.join(role_label(r) for r in Role if r in actor.roles)  # declared order
        self.user_label = QLabel(
            self.tr("User: {name} ({roles})").replace("{name}", actor.display_name)
            .replace("{roles}", roles)
        )
        self.plant_label = QLabel(
            self.tr("Plant: {name}").replace("{name}", self.ctx.workspace.plant_name))
        folder = str(self.ctx.workspace.data_dir)
        self.folder_label = QLabel(self.tr("Data folder: {path}").replace("{path}", folder))
        self.folder_label.setToolTip(folder)
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addPermanentWidget(self.plant_label)
        status.addPermanentWidget(self.folder_label)
        # What waits for this user; hidden for roles that do not see hazards.
        self.bell = NotificationBell(self.ctx, self)
        self.bell.open_hazard.connect(self.open_hazard)
        status.addPermanentWidget(self.bell)

    def _build_shortcuts(self) -> None:
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda n=number: self._select_row(n - 1))
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self._focus_search)

    # -- pages ---------------------------------------------------------------------------
    def show_page(self, page_id: str) -> bool:
        """Switch to a page; False if it does not exist or this user may not see it."""
        for row, cls in enumerate(self.page_classes):
            if cls.page_id == page_id:
                self._select_row(row)
                return True
        return False

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def page_ids(self) -> list[str]:
        return [cls.page_id for cls in self.page_classes]

    def _select_row(self, row: int) -> None:
        if 0 <= row < len(self.page_classes):
            self.nav.setCurrentRow(row)

    def _on_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.page_classes):
            return
        cls = self.page_classes[row]
        page = self._pages.get(cls.page_id)
        if page is None:
            # Built on first visit: start-up stays quick however many pages there are.
            page = cls(self.ctx)
            if cls.page_id == "equipment":
                # The page asks for import, export and labels; these do the work.
                from desktop.equipment_actions import connect_equipment_page

                connect_equipment_page(page)  # type: ignore[arg-type]
            self._pages[cls.page_id] = page
            self.stack.addWidget(page)
        self.header.setText(cls.title())
        self.stack.setCurrentWidget(page)
        page.activated()

    def _focus_search(self) -> None:
        page = self.current_page()
        if page is not None:
            page.focus_search()

    # -- hazards -------------------------------------------------------------------------
    def report_hazard(self) -> None:
        from desktop.dialogs.report_dialog import open_report_dialog

        open_report_dialog(self.ctx, self)

    def open_hazard(self, hazard_id: str) -> None:
        """A notification was clicked: the hazard's details, or at least the hazards page."""
        try:
            from desktop.dialogs.hazard_detail import HazardDetailDialog
        except ModuleNotFoundError as exc:
            if exc.name != "desktop.dialogs.hazard_detail":
                raise  # a real bug inside the module, not its absence
            self.show_page("hazards")
            return
        dialog = HazardDetailDialog(self.ctx, hazard_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- scanning ------------------------------------------------------------------------
    def open_scan_dialog(self) -> QWidget:
        """The scan window (one per main window; raised if already open)."""
        from desktop.scanner.scan_dialog import ScanDialog

        dialog = self.scan_dialog
        if dialog is None:
            dialog = ScanDialog(self, backend=self.camera_backend, settings=self.settings)
            dialog.scanned.connect(self.handle_scan)
            dialog.finished.connect(lambda _r: self._scan_dialog_closed())
            self.scan_dialog = dialog
        elif dialog.isVisible():
            dialog.raise_()  # already open, perhaps behind a card
            dialog.activateWindow()
        dialog.show()
        return dialog

    def _scan_dialog_closed(self) -> None:
        dialog, self.scan_dialog = self.scan_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def handle_scan(self, text: str) -> None:
        """Every scan (webcam, photo, handheld) ends here: our label opens the machine's card,
        anything else says why not, in the user's language."""
        from desktop.scanner.resolve import resolve
        from desktop.tasks import Op

        ws, actor = self.ctx.workspace, self.ctx.actor
        Op(self, lambda _: resolve(ws, actor, text), lane="db").success(
            self._scan_resolved).failure(self._scan_refused).run()

    def _scan_resolved(self, equipment: object) -> None:
        from desktop.dialogs.equipment_card import EquipmentCardDialog

        equipment_id = getattr(equipment, "id", "")
        card = self._scan_cards.get(equipment_id)
        if card is not None and card.isVisible():
            card.raise_()  # the same label scanned again: the card already open
            card.activateWindow()
            self.scan_opened.emit(equipment_id)
            return
        # Over whatever dialog is in front, so the card is never hidden behind it.
        parent = QApplication.activeModalWidget() or self
        card = EquipmentCardDialog(self.ctx, equipment_id, parent, from_scan=True)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        card.label_requested.connect(self._print_label)
        card.destroyed.connect(lambda _=None, i=equipment_id: self._scan_cards.pop(i, None))
        self._scan_cards[equipment_id] = card
        card.show()  # a new window comes up in front by itself
        self.scan_opened.emit(equipment_id)

    def _scan_refused(self, exc: BaseException) -> None:
        from core.i18n import DomainError
        from desktop.errors import show_error

        if not isinstance(exc, DomainError):
            show_error(self, exc)
            return
        text = exc.message()
        self.statusBar().showMessage(text, 10000)
        if self.scan_dialog is not None and self.scan_dialog.isVisible():
            self.scan_dialog.show_problem(text)  # type: ignore[attr-defined]
            return
        box = self.scan_problem
        if box is None:
            parent = QApplication.activeModalWidget() or self
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Scan"), text,
                              QMessageBox.StandardButton.Ok, parent)
            box.setObjectName("scanProblem")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.destroyed.connect(lambda _=None: setattr(self, "scan_problem", None))
            self.scan_problem = box
        box.setText(text)
        box.open()

    def _print_label(self, equipment_id: str) -> None:
        from core.equipment import EquipmentQuery
        from desktop.dialogs.labels_dialog import LabelsDialog

        dialog = LabelsDialog(self.ctx, [equipment_id], EquipmentQuery(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- menu actions --------------------------------------------------------------------
    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.workspace.data_dir)))

    def open_log_file(self) -> None:
        path = log_file(self.ctx.workspace.data_dir)
        if not path.exists():
            QMessageBox.information(self, self.tr("Open log file"),
                                    self.tr("There is no log file yet."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def choose_language(self, code: str) -> None:
        if code == self.settings.get(LANGUAGE):
            return
        self.settings.set(LANGUAGE, code)
        # Rebuilding every page in place would lose unsaved form input; a restart is safer.
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The new language applies after SafeDesk restarts."))

    def show_about(self) -> None:
        version = self.tr("Version {version}").replace("{version}", app_version())
        text = self.tr("Safety office software for the plant. It works offline and keeps "
                       "all its data in the data folder.")
        folder = html.escape(str(self.ctx.workspace.data_dir))
        QMessageBox.about(self, self.tr("About SafeDesk"),
                          f"<h3>安全台 SafeDesk</h3><p>{html.escape(version)}</p>"
                          f"<p>{html.escape(text)}</p><p><small>{folder}</small></p>")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.can_scan:
            self.wedge.install()  # installing twice keeps one filter

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.wedge.uninstall()
        if self.scan_dialog is not None:
            self.scan_dialog.close()  # stops the camera
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        super().closeEvent(event)


def _scaled(font: QFont, factor: float, weight: QFont.Weight) -> QFont:
    font = QFont(font)
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setWeight(weight)
    return font
