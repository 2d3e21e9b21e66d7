"""This PC's own settings (language, last user name, window geometry), each key declared once.

Plant-wide settings that sync live in the database; these stay on the PC, in QSettings.
Every key is declared here with its type and default so no caller spells a key or guesses
a default, and a bad stored value (hand-edited ini, older version) falls back to the default.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from desktop.paths import APP, ORG

T = TypeVar("T")

# Bumped when a key changes meaning; upgrade steps go in Settings._upgrade.
VERSION = 1


@dataclass(frozen=True)
class Key(Generic[T]):
    name: str
    type: type
    default: T
    valid: Callable[[Any], bool] | None = None  # stored values failing this read as the default


LANGUAGE: Key[str] = Key("ui/language", str, DEFAULT_LANGUAGE, lambda v: v in LANGUAGES)
LAST_USERNAME: Key[str] = Key("login/last_username", str, "")
WINDOW_GEOMETRY: Key[QByteArray] = Key("window/geometry", QByteArray, QByteArray())
ALL_KEYS = (LANGUAGE, LAST_USERNAME, WINDOW_GEOMETRY)

_ini_path: Path | None = None


def use_ini_file(path: Path | None) -> None:
    """Keep settings in this ini file instead of the OS default (tests, portable installs)."""
    global _ini_path
    _ini_path = Path(path) if path is not None else None


def log_file(data_dir: Path) -> Path:
    """The log lives with the data, so "send me the data folder" brings the log along."""
    return Path(data_dir) / "logs" / "safedesk.log"


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            if _ini_path is not None:
                qsettings = QSettings(str(_ini_path), QSettings.Format.IniFormat)
            else:
                # Explicit names: works before a QApplication has been given its names.
                qsettings = QSettings(ORG, APP)
        self.q = qsettings
        self._upgrade()

    def get(self, key: Key[T]) -> T:
        if not self.q.contains(key.name):
            return _copy(key.default)
        try:
            value = self.q.value(key.name, key.default, type=key.type)
        except (TypeError, ValueError):
            return _copy(key.default)
        if value is None or (key.valid is not None and not key.valid(value)):
            return _copy(key.default)
        return value

    def set(self, key: Key[T], value: T) -> None:
        self.q.setValue(key.name, value)
        self.q.sync()  # written now: a crash later must not lose the language choice

    def _upgrade(self) -> None:
        stored = self.q.value("meta/version", 0, type=int)
        if stored != VERSION:
            # Version 1 is the first; later versions rename or convert keys here, in order.
            self.q.setValue("meta/version", VERSION)


def _copy(value: T) -> T:
    # QByteArray defaults are mutable objects; hand out copies so callers cannot change them.
    return QByteArray(value) if isinstance(value, QByteArray) else value  # type: ignore[return-value]
