"""Fixtures for desktop tests: offscreen Qt, a fresh data folder, settings in a temp ini file."""

from __future__ import annotations

import os

# Before any QApplication exists (pytest-qt makes it lazily): no display is needed.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from core import i18n  # noqa: E402
from core.auth import Actor  # noqa: E402
from db.workspace import Workspace  # noqa: E402
from desktop import settings as desktop_settings  # noqa: E402
from desktop import tasks  # noqa: E402
from desktop.context import AppContext  # noqa: E402

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "correct-horse-9"
PLANT_NAME = "华东精密制造有限公司"


# The offscreen platform plugin does not implement size-hint propagation and says so (a Qt
# warning) whenever a shown dialog's minimum size follows its layout, e.g. when an inline error
# appears. Real platforms implement it; this one message is noise from the test platform only.
OFFSCREEN_NOISE = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, extend=True))


@pytest.fixture(autouse=True)
def settings_file(tmp_path: Path) -> Iterator[Path]:
    """Every test gets its own QSettings ini file, never the developer's real settings."""
    path = tmp_path / "settings" / "safedesk.ini"
    desktop_settings.use_ini_file(path)
    yield path
    desktop_settings.use_ini_file(None)


@pytest.fixture
def workspace(tmp_path: Path, qapp: QApplication) -> Iterator[Workspace]:
    """An empty data folder (not initialised), with fast password hashing."""
    ws = Workspace.open(tmp_path / "data", fast_hash=True)
    yield ws
    tasks.wait_all()  # background work still holding the connection
    qapp.processEvents()
    ws.close()


@pytest.fixture
def admin(workspace: Workspace) -> Actor:
    """The workspace with a plant, its first site and an administrator; returns the admin."""
    return workspace.create_plant(PLANT_NAME, "A", "一厂区", ADMIN_USERNAME, "王磊",
                                  ADMIN_PASSWORD)


@pytest.fixture
def ctx(workspace: Workspace, admin: Actor) -> AppContext:
    return AppContext(workspace, admin, i18n.language())


@pytest.fixture
def ui_language(qapp: QApplication) -> Iterator[Callable[[str], QApplication]]:
    """Switch the UI language (translators, domain messages); restored afterwards."""
    from desktop.app import remove_translators, setup_application

    locale, language = QLocale(), i18n.language()
    yield setup_application
    remove_translators(qapp)
    i18n.set_language(language)
    QLocale.setDefault(locale)
