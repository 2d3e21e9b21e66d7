"""Where the data folder is: --data-dir, then SAFEDESK_DATA, then the OS's app-data folder."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

ORG = "SafeDesk"
APP = "SafeDesk"


def default_data_dir() -> Path:
    env = os.environ.get("SAFEDESK_DATA")
    if env:
        return Path(env).expanduser()
    QCoreApplication.setOrganizationName(ORG)
    QCoreApplication.setApplicationName(APP)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".safedesk"
