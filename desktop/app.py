"""Composition root: the QApplication, fonts, translations, logging, then first run → login → window."""

from __future__ import annotations

import logging
import sys
import traceback
from importlib.resources import as_file, files
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from core import i18n
from core.i18n import DomainError
from db.workspace import Workspace
from desktop import errors, tasks
from desktop.context import AppContext
from desktop.dialogs.first_run import FirstRunDialog
from desktop.dialogs.login import LoginDialog
from desktop.main_window import MainWindow, app_version
from desktop.paths import APP, ORG
from desktop.settings import LANGUAGE, LAST_USERNAME, Settings, log_file

log = logging.getLogger("safedesk")

FONT_FILE = ("fonts", "wqy-microhei.ttc")
MIN_POINT_SIZE = 10  # Chinese glyphs at 9 pt are hard to read on office monitors

# QTranslator objects must outlive their installation; kept here so they can be swapped.
_translators: list[QTranslator] = []
_font_family: str | None = None


def normalise_language(lang: str | None) -> str:
    """"zh", "zh_CN", "zh-CN" → zh_CN; "en", "en_US" → en; anything else → the default."""
    if lang:
        code = lang.replace("-", "_")
        if code.lower().startswith("zh"):
            return "zh_CN"
        if code.lower().startswith("en"):
            return "en"
    return i18n.DEFAULT_LANGUAGE


def setup_application(lang: str | None = None) -> QApplication:
    """The QApplication with SafeDesk's font and translators; safe to call again (tests, CLI).

    ``lang`` None means the language saved in the settings.
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    elif not isinstance(app, QApplication):
        raise RuntimeError("a non-GUI QCoreApplication already exists")
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    _install_font(app)
    set_ui_language(app, lang if lang is not None else Settings().get(LANGUAGE))
    return app


def _install_font(app: QApplication) -> None:
    # The bundled font makes Chinese independent of what the PC has installed (no boxes).
    global _font_family
    if _font_family is None:
        data = files("resources").joinpath(*FONT_FILE).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("could not load the bundled font %s", "/".join(FONT_FILE))
            return
        _font_family = families[0]
    font = QFont(app.font())
    font.setFamilies([_font_family])
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
    app.setFont(font)


def set_ui_language(app: QApplication, lang: str) -> str:
    """Install the translators for ``lang`` (removing earlier ones); returns the language used.

    Widgets already built keep their text: the shell applies a language change on restart.
    """
    lang = normalise_language(lang)
    remove_translators(app)
    i18n.set_language(lang)
    if lang == "zh_CN":
        QLocale.setDefault(QLocale("zh_CN"))
        for path in _qm_files("zh_CN"):
            _install_translator(app, path)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own strings: standard buttons, context menus, file dialogs.
        qtbase = Path(qt_dir) / "qtbase_zh_CN.qm"
        if qtbase.exists():
            _install_translator(app, qtbase)
    else:
        QLocale.setDefault(QLocale("en_US"))
    return lang


def remove_translators(app: QApplication) -> None:
    """Back to the untranslated (English) UI strings; used between tests."""
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()


def _qm_files(lang: str) -> list[Path]:
    # One .qm per part of the UI (shell, pages, ...): all of them are installed.
    folder = files("resources").joinpath("translations")
    with as_file(folder) as path:  # a real folder for a normal install and PyInstaller onedir
        return sorted(Path(path).glob(f"*_{lang}.qm"))


def _install_translator(app: QApplication, path: Path) -> None:
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        _translators.append(translator)
    else:
        log.warning("could not load translation %s", path)


# -- logging and unexpected errors --------------------------------------------------------

def setup_logging(data_dir: Path) -> Path | None:
    """Log to <data folder>/logs/safedesk.log, rotated; returns the path (None if unwritable)."""
    path = log_file(data_dir)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        # A read-only folder is reported when the workspace opens; log to stderr meanwhile.
        handler = logging.StreamHandler()
        path = None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    errors.set_log_path(str(path) if path else "")
    qInstallMessageHandler(_qt_message)
    return path


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # Qt's own warnings go to the log file, where IT can see them, not to a console nobody has.
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


_in_excepthook = False


def _excepthook(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    """An exception escaping a Qt slot: log it and show the crash dialog, keep running."""
    global _in_excepthook
    if issubclass(exc_type, KeyboardInterrupt) or _in_excepthook:
        sys.__excepthook__(exc_type, exc, tb)
        return
    _in_excepthook = True
    try:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        errors.show_crash(QApplication.activeWindow(), exc, text)
    finally:
        _in_excepthook = False


# -- the application ---------------------------------------------------------------------

def run_gui(data_dir: Path, lang: str | None = None) -> int:
    """Run the desktop application on ``data_dir``; returns the process exit code."""
    data_dir = Path(data_dir)
    app = setup_application(lang)
    settings = Settings()
    setup_logging(data_dir)
    sys.excepthook = _excepthook

    log.info("SafeDesk %s starting; data folder %s; language %s",
             app_version(), data_dir, i18n.language())
    try:
        # Opened before any window exists (migrations included), so nothing can look frozen.
        workspace = Workspace.open(data_dir)
    except DomainError as exc:
        log.warning("cannot open the data folder: %s", exc)
        QMessageBox.critical(None, QCoreApplication.translate("app", "SafeDesk"), exc.message())
        return 1
    except Exception as exc:
        errors.show_crash(None, exc)
        return 1
    try:
        return _run(app, workspace, settings)
    finally:
        tasks.wait_all()
        workspace.close()
        log.info("SafeDesk stopped")


def _run(app: QApplication, workspace: Workspace, settings: Settings) -> int:
    username = settings.get(LAST_USERNAME)
    hint = ""
    if not workspace.is_initialised():
        wizard = FirstRunDialog(workspace)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return 0
        username, hint = wizard.username, wizard.login_hint
    login = LoginDialog(workspace, username=username, hint=hint)
    if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
        return 0
    settings.set(LAST_USERNAME, login.actor.username)
    log.info("logged in: %s", login.actor.username)
    ctx = AppContext(workspace, login.actor, i18n.language())
    window = MainWindow(ctx, settings=settings)
    window.show()
    return app.exec()
