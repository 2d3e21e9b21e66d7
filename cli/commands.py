"""Headless commands: `python main.py [--data-dir DIR] [--lang L] COMMAND ...`."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import cli.messages  # noqa: F401  (registers the CLI's messages)
from core import i18n
from core.auth import SYSTEM
from core.i18n import DomainError, t
from core.plant import PeopleQuery


def version() -> str:
    try:
        from importlib.metadata import version as dist_version

        return dist_version("safedesk")
    except Exception:  # noqa: BLE001 - running from a source tree without install
        return "dev"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="safedesk", description="SafeDesk 安全台")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: SAFEDESK_DATA or the "
                        "system's application data folder)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="zh_CN (default) or en")
    parser.add_argument("--version", action="version", version=f"SafeDesk {version()}")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="fill the data folder with the demo plant")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--force", action="store_true", help="replace existing data (backed up)")

    sub.add_parser("check", help="integrity check of the data file")

    shot = sub.add_parser("screenshot", help="render a page to a PNG offscreen")
    shot.add_argument("page", nargs="?")
    shot.add_argument("-o", "--output", type=Path)
    shot.add_argument("--size", default="1600x1000")
    shot.add_argument("--list", action="store_true", help="list the pages")

    imp = sub.add_parser("import", help="import an Excel file")
    imp_sub = imp.add_subparsers(dest="what", required=True)
    people = imp_sub.add_parser("people", help="people roster (.xlsx)")
    people.add_argument("file", type=Path)
    people.add_argument("--dry-run", action="store_true")
    people.add_argument("--skip-existing", action="store_true",
                        help="leave people whose employee number exists unchanged")
    people.add_argument("--map", action="append", default=[], metavar="表头=field")
    equipment = imp_sub.add_parser("equipment", help="equipment register (.xlsx)")
    equipment.add_argument("file", type=Path)
    equipment.add_argument("--dry-run", action="store_true")
    equipment.add_argument("--update", action="store_true",
                           help="update machines whose code exists (default: skip them)")
    equipment.add_argument("--map", action="append", default=[], metavar="表头=field")
    from cli.warnings_cli import add_import_parsers as add_readings_parsers

    add_readings_parsers(imp_sub)

    exp = sub.add_parser("export", help="export to an Excel file")
    exp_sub = exp.add_subparsers(dest="what", required=True)
    equipment_out = exp_sub.add_parser("equipment", help="equipment register (.xlsx)")
    equipment_out.add_argument("file", type=Path)
    equipment_out.add_argument("--area", help="area name or code")
    equipment_out.add_argument("--type", help="equipment type name or code")
    equipment_out.add_argument("--status", help="在用/停用/维修中/报废 (or in service, ...)")

    from cli.hazards_cli import add_parser as add_hazards_parser
    from cli.labels import add_parser as add_labels_parser
    from cli.report_cli import add_parser as add_report_parser
    from cli.scan_cli import add_parser as add_scan_parser

    add_labels_parser(sub)
    add_hazards_parser(sub)
    add_scan_parser(sub)
    add_report_parser(sub)
    from cli.sync_cli import add_parser as add_sync_parser

    add_sync_parser(sub)
    from cli.warnings_cli import add_parser as add_warnings_parser

    add_warnings_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    i18n.set_language(args.lang or os.environ.get("SAFEDESK_LANG") or i18n.DEFAULT_LANGUAGE)
    try:
        if args.command is None:
            return open_gui(args)
        handler = {"demo": cmd_demo, "check": cmd_check, "screenshot": cmd_screenshot,
                   "import": cmd_import, "export": cmd_export,
                   "labels": cmd_labels, "hazards": cmd_hazards, "scan": cmd_scan,
                   "report": cmd_report, "serve": cmd_serve, "server": cmd_server,
                   "enrol": cmd_enrol, "sync": cmd_sync, "warnings": cmd_warnings}[args.command]
        return handler(args)
    except DomainError as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the CLI promises one line, never a traceback
        return _unexpected(args, exc)


def _unexpected(args: argparse.Namespace, exc: Exception) -> int:
    """Log the traceback beside the data and print one line that says where it is."""
    import logging
    import traceback

    log_path = Path(tempfile.gettempdir()) / "safedesk-cli.log"
    try:
        folder = data_dir(args)
        if folder.is_dir():
            (folder / "logs").mkdir(exist_ok=True)
            log_path = folder / "logs" / "safedesk.log"
    except Exception:  # noqa: BLE001 - logging must not raise a second error
        pass
    logging.basicConfig(filename=log_path, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("safedesk.cli").error("unexpected error\n%s", traceback.format_exc())
    print(t("cli.unexpected", error=f"{type(exc).__name__}: {exc}", log=log_path), file=sys.stderr)
    return 2


def data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir:
        return args.data_dir.expanduser()
    from desktop.paths import default_data_dir

    return default_data_dir()


def _open(args: argparse.Namespace):
    """The existing data of the folder; a typo in --data-dir must not create an empty plant."""
    from db.database import DB_FILENAME
    from db.workspace import Workspace

    folder = data_dir(args)
    if not (folder / DB_FILENAME).is_file():
        raise DomainError("cli.no_data", path=folder)
    return Workspace.open(folder)


def cmd_demo(args: argparse.Namespace) -> int:
    from db.database import DB_FILENAME
    from db.demo_loader import load_demo
    from db.workspace import Workspace

    folder = data_dir(args)
    db_file = folder / DB_FILENAME
    if db_file.exists():
        if not args.force:
            print(t("cli.not_empty", path=folder), file=sys.stderr)
            return 1
        _set_aside(folder)
    ws = Workspace.open(folder)
    try:
        login = load_demo(ws, seed=args.seed)
        people = ws.people_repo.count(PeopleQuery())
    finally:
        ws.close()
    print(t("cli.demo_done", path=folder, people=people, **login))
    return 0


def _set_aside(folder: Path) -> None:
    """--force: move the current data file (and its WAL) into a dated backup folder."""
    import time

    from db.database import DB_FILENAME

    target = folder / "replaced" / time.strftime("%Y%m%d-%H%M%S")
    target.mkdir(parents=True)
    for suffix in ("", "-wal", "-shm"):
        src = folder / (DB_FILENAME + suffix)
        if src.exists():
            shutil.move(str(src), target / src.name)


def cmd_check(args: argparse.Namespace) -> int:
    from db.check import check

    ws = _open(args)
    try:
        problems = check(ws.db)
    finally:
        ws.close()
    for line in problems:
        print(line)
    if not problems:
        print(t("cli.check_ok", path=ws.db.path))
    return 1 if problems else 0


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = text.lower().split("x")
        return int(w), int(h)
    except ValueError as exc:
        raise DomainError("cli.bad_size") from exc


def cmd_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop import screenshot

    pages = screenshot.list_pages()
    if args.list or not args.page:
        print("\n".join(pages))
        return 0
    if args.page not in pages:
        print(t("cli.unknown_page", page=args.page, pages=", ".join(pages)), file=sys.stderr)
        return 1
    if args.output is None:
        print(t("cli.output_required"), file=sys.stderr)
        return 2
    ws = _open(args)
    try:
        screenshot.render(ws, args.page, args.output, _parse_size(args.size), i18n.language())
    finally:
        ws.close()
    print(args.output)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from cli.imports import commit_people, preview_people_file
    from core.importing import parse_manual_map

    if args.what == "equipment":
        return cmd_import_equipment(args)
    if args.what in ("mes-alarms", "sensor"):
        return cmd_import_readings(args)
    ws = _open(args)
    try:
        if not ws.is_initialised():
            print(t("cli.not_initialised", path=ws.data_dir), file=sys.stderr)
            return 1
        preview = preview_people_file(ws, SYSTEM, args.file, parse_manual_map(args.map))
        if preview.unmatched_headers:
            print(t("cli.unmatched", headers=", ".join(preview.unmatched_headers)), file=sys.stderr)
        problems = preview.messages(i18n.language())
        if problems:
            for line in problems:
                print(line)
            print(t("cli.import_failed", count=len(problems)), file=sys.stderr)
            return 1
        if args.dry_run:
            print(t("cli.import_dry", count=len(preview.records)))
            return 0
        created, updated, skipped = commit_people(ws, SYSTEM, preview, not args.skip_existing)
        print(t("cli.import_ok", created=created, updated=updated, skipped=skipped))
        return 0
    finally:
        ws.close()


def _equipment_io(args: argparse.Namespace, run: Callable[..., int]) -> int:
    """Open the folder and run an equipment import/export step as SYSTEM."""
    ws = _open(args)
    try:
        if not ws.is_initialised():
            print(t("cli.not_initialised", path=ws.data_dir), file=sys.stderr)
            return 1
        return run(ws, SYSTEM, args, i18n.language())
    finally:
        ws.close()


def cmd_import_equipment(args: argparse.Namespace) -> int:
    from cli.equipment_io import run_import

    return _equipment_io(args, run_import)


def cmd_export(args: argparse.Namespace) -> int:
    from cli.equipment_io import run_export

    return _equipment_io(args, run_export)


def cmd_labels(args: argparse.Namespace) -> int:
    from cli.labels import cmd_labels as run_labels

    ws = _open(args)
    try:
        return run_labels(ws, args)
    finally:
        ws.close()


def cmd_scan(args: argparse.Namespace) -> int:
    from cli.scan_cli import cmd_scan as run_scan

    ws = _open(args)
    try:
        return run_scan(ws, args)
    finally:
        ws.close()


def cmd_serve(args: argparse.Namespace) -> int:
    from cli.sync_cli import cmd_serve as run_serve

    return run_serve(args)


def cmd_server(args: argparse.Namespace) -> int:
    from cli.sync_cli import cmd_server as run_server

    return run_server(args)


def cmd_enrol(args: argparse.Namespace) -> int:
    from cli.sync_cli import cmd_enrol as run_enrol

    return run_enrol(data_dir(args), args)


def cmd_sync(args: argparse.Namespace) -> int:
    from cli.sync_cli import cmd_sync as run_sync

    ws = _open(args)
    try:
        return run_sync(ws, args)
    finally:
        ws.close()


def cmd_import_readings(args: argparse.Namespace) -> int:
    from cli.warnings_cli import cmd_import as run_import

    ws = _open(args)
    try:
        return run_import(ws, args)
    finally:
        ws.close()


def cmd_warnings(args: argparse.Namespace) -> int:
    from cli.warnings_cli import cmd_warnings as run_warnings

    ws = _open(args)
    try:
        return run_warnings(ws, args)
    finally:
        ws.close()


def cmd_hazards(args: argparse.Namespace) -> int:
    from cli.hazards_cli import cmd_hazards as run_hazards

    ws = _open(args)
    try:
        return run_hazards(ws, args)
    finally:
        ws.close()


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_gui(args: argparse.Namespace) -> int:
    if not _has_display():
        return render_main_pages(args)
    from desktop.app import run_gui

    return run_gui(data_dir(args), args.lang)


def render_main_pages(args: argparse.Namespace, out_dir: Path = Path("screenshots")) -> int:
    """No screen: render the main pages offscreen so `make run` still shows something."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from db.demo_loader import load_demo
    from db.workspace import Workspace
    from desktop import screenshot

    folder = data_dir(args)
    tmp = None
    ws = Workspace.open(folder)
    if not ws.is_initialised():
        # Nothing to show in an empty folder: show the demo plant from a scratch folder instead.
        ws.close()
        tmp = tempfile.mkdtemp(prefix="safedesk-demo-")
        ws = Workspace.open(tmp)
        load_demo(ws)
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        for page in screenshot.list_pages():
            screenshot.render(ws, page, out_dir / f"{page}.png", (1600, 1000), i18n.language())
    finally:
        ws.close()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    print(t("cli.no_display", path=out_dir.resolve()))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from cli.report_cli import cmd_report as run_report

    # The workspace is opened only when a report is actually made (--list needs no data).
    return run_report(_open, args)
