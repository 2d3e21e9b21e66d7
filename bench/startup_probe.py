"""Child process for the start-up benchmark: open the demo plant's main window, then report.

Prints "shown <seconds since interpreter start> <peak RSS MB>" once the window has been painted.
Login is skipped (a person types the password); everything else is the real start-up path.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

STARTED = time.perf_counter()


def main(data_dir: str, page: str = "people") -> None:
    from PySide6.QtCore import QTimer

    from db.workspace import Workspace
    from desktop.app import setup_application
    from desktop.context import AppContext
    from desktop.main_window import MainWindow
    from desktop.screenshot import first_admin

    app = setup_application("zh_CN")
    ws = Workspace.open(Path(data_dir))
    window = MainWindow(AppContext(ws, first_admin(ws)))
    window.show()
    window.show_page(page)

    def report() -> None:
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"shown {time.perf_counter() - STARTED:.3f} {rss_mb:.1f}", flush=True)
        app.quit()

    # A zero timer fires after the first paint events of the shown window are processed.
    QTimer.singleShot(0, report)
    app.exec()
    from desktop import tasks

    tasks.wait_all()  # the page's first load may still be running in the database lane
    ws.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
