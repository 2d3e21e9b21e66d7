"""Sync commands.

On the server machine::

    serve --database-url URL [--host H] [--port P]     run the sync service (migrates first)
    server add-site NAME --database-url URL            prints the new site's id
    server enrolment-code SITE --database-url URL      prints a one-time code (72 h)
    server revoke DEVICE --database-url URL            a revoked PC is refused from then on
    server devices --database-url URL                  enrolled PCs (JSON lines)
    server new-epoch --database-url URL                after restoring a backup

On a PC (its --data-dir)::

    enrol URL CODE [--name N]   register this data folder with the server (a new device
                          id; a folder holding a plant only joins an empty site)
    sync                  one round; prints {"pushed", "pulled", "conflicts", "errors", ...}
                          and exits 1 when the round failed
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core import i18n
from core.i18n import t

i18n.register({
    "cli.sync_db_unreachable": {
        "zh_CN": "无法连接数据库：{reason}",
        "en": "Cannot connect to the database: {reason}",
    },
    "cli.sync_enrolled": {
        "zh_CN": "本机已登记到 {url}（厂区：{site}，设备编号：{device}）。",
        "en": "This PC is enrolled with {url} (site: {site}, device id: {device}).",
    },
    "cli.sync_refused": {"zh_CN": "服务器拒绝：{reason}", "en": "Refused by the server: {reason}"},
    "cli.sync_no_site": {"zh_CN": "没有名为或编号为“{site}”的厂区。",
                         "en": "There is no site named or numbered “{site}”."},
    "cli.sync_no_device": {"zh_CN": "没有名为或编号为“{device}”的设备（见 server devices）。",
                           "en": "There is no device named or numbered “{device}” (see "
                           "server devices)."},
    "cli.sync_site_exists": {"zh_CN": "已有名为“{site}”的厂区。",
                             "en": "A site named “{site}” already exists."},
    "cli.sync_site_name": {"zh_CN": "厂区需要名称。", "en": "A site needs a name."},
    "cli.sync_revoked": {
        "zh_CN": "已撤销设备 {device}（{name}，厂区：{site}），它今后的同步将被拒绝。",
        "en": "Revoked device {device} ({name}, site: {site}): its syncs are refused from now "
        "on.",
    },
})

# Admin refusals of server.store in the user's language (the store speaks English codes).
_ADMIN_MESSAGES = {"no_site": "cli.sync_no_site", "no_device": "cli.sync_no_device",
                   "site_exists": "cli.sync_site_exists"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="run the sync service over PostgreSQL")
    serve.add_argument("--database-url", required=True, help="postgresql://user@host/db")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)

    server = sub.add_parser("server", help="administer the sync service")
    admin = server.add_subparsers(dest="action", required=True)
    site = admin.add_parser("add-site", help="create a site; prints its id")
    site.add_argument("name")
    code = admin.add_parser("enrolment-code", help="a one-time code to enrol one PC")
    code.add_argument("site", help="site id or name")
    code.add_argument("--hours", type=int, default=72, help="valid for (default 72)")
    revoke = admin.add_parser("revoke", help="refuse a PC from now on")
    revoke.add_argument("device", help="device id (or name) from `server devices`")
    admin.add_parser("devices", help="list enrolled PCs")
    admin.add_parser("new-epoch", help="after restoring a backup: PCs resend what they hold")
    for p in (site, code, revoke, *admin.choices.values()):
        if not any(a.dest == "database_url" for a in p._actions):
            p.add_argument("--database-url", required=True)

    enrol = sub.add_parser("enrol", help="enrol this PC with a sync server")
    enrol.add_argument("url", help="https://sync.example.com")
    enrol.add_argument("code", help="the one-time enrolment code")
    enrol.add_argument("--name", help="this PC's name on the server (default: host name · "
                       "data folder name)")

    sub.add_parser("sync", help="one sync round; prints a JSON summary")


def cmd_serve(args: argparse.Namespace) -> int:
    import psycopg

    from server import store
    from server.run import serve

    try:  # a wrong URL or a stopped database: one clear line, not a startup traceback
        with store.connect(args.database_url) as conn:
            store.migrate(conn)
    except psycopg.OperationalError as exc:
        print(t("cli.sync_db_unreachable", reason=str(exc).strip().splitlines()[0]),
              file=sys.stderr)
        return 1
    serve(args.database_url, args.host, args.port)
    return 0


def cmd_server(args: argparse.Namespace) -> int:
    import psycopg

    from core.sync_protocol import SyncError
    from server import store

    try:
        with store.connect(args.database_url) as conn:
            store.migrate(conn)
            if args.action == "add-site":
                print(store.add_site(conn, args.name))
            elif args.action == "enrolment-code":
                print(store.enrolment_code(conn, args.site, args.hours))
            elif args.action == "revoke":
                for device in store.revoke(conn, args.device):
                    print(t("cli.sync_revoked", device=device["id"], name=device["name"],
                            site=device["site"]))
            elif args.action == "devices":
                for device in store.devices(conn):
                    print(json.dumps(device, ensure_ascii=False))
            elif args.action == "new-epoch":
                print(store.new_epoch(conn))
    except psycopg.OperationalError as exc:
        print(t("cli.sync_db_unreachable", reason=str(exc).strip().splitlines()[0]),
              file=sys.stderr)
        return 1
    except SyncError as exc:
        key = _ADMIN_MESSAGES.get(exc.code)
        if key is None and args.action == "add-site" and not args.name.strip():
            key = "cli.sync_site_name"
        print(t(key, **exc.details) if key else str(exc), file=sys.stderr)
        return 1
    return 0


def cmd_enrol(folder: Path, args: argparse.Namespace) -> int:
    from db.sync.client import SyncClient
    from db.workspace import Workspace

    ws = Workspace.open(folder)
    client = SyncClient(ws)
    try:
        result = client.enrol(args.url, args.code, args.name)
        print(t("cli.sync_enrolled", url=client.url, site=result["site"],
                device=result["device"]))
        return 0
    finally:
        client.close()
        ws.close()


def cmd_sync(ws, args: argparse.Namespace) -> int:  # noqa: ANN001 - a db.workspace.Workspace
    from db.sync.client import SyncClient

    client = SyncClient(ws)
    try:
        summary = client.sync()
    finally:
        client.close()
    print(json.dumps(summary.to_json(), ensure_ascii=False))
    return 0 if summary.ok else 1
