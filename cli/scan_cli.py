"""`scan FILE...`: read the QR labels in photo files and say which machine each one names.

One JSON object per file and line (UTF-8, Chinese as is), in the order given::

    {"file": "IMG_0012.jpg",
     "codes": [{"text": "SD1:ZC01:YJ-CY-0012:3F9A", "equipment": "YJ-CY-0012"}]}

(one line in the output; wrapped here).

``equipment`` is the code of a machine in this plant's registry, or null with an ``error`` in
the user's language: not a SafeDesk label (``qr.foreign``), a damaged one (``qr.damaged``),
a newer format, another site's label, an unknown or a removed machine. A file that cannot be
read as an image has ``"codes": []`` and an ``error``. Finding no code is not an error (exit 0);
an unreadable file makes the exit status 1 after every file has been reported.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from core import i18n
from core.auth import SYSTEM
from core.i18n import DomainError, t
from core.qr_payload import parse
from db.workspace import Workspace

i18n.register({
    "cli.scan_unreadable": {
        "zh_CN": "无法读取图片“{path}”：{reason}",
        "en": "Cannot read the picture “{path}”: {reason}",
    },
})


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scan", help="read equipment QR labels in photo files (JSON lines)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE",
                   help="photos or scans (JPEG, PNG, …); EXIF rotation is honoured")


def cmd_scan(ws: Workspace, args: argparse.Namespace) -> int:
    # Imported here: OpenCV and zxing load only for this command, not for every CLI start.
    from PIL import Image

    from desktop.scanner.decode import decode_image_file

    sites = ws.structure.list(SYSTEM, "site")
    site_codes = {s["id"]: s["code"] for s in sites}
    status = 0
    for path in args.files:
        entry: dict[str, Any] = {"file": str(path)}
        try:
            found = decode_image_file(path)
        except (OSError, ValueError, Image.DecompressionBombError) as err:
            # missing, not an image, truncated, absurdly many pixels
            entry["codes"] = []
            reason = getattr(err, "strerror", None) or str(err) or type(err).__name__
            entry["error"] = t("cli.scan_unreadable", path=path, reason=reason)
            status = 1
        else:
            entry["codes"] = [_describe(ws, d.text, site_codes) for d in found]
        print(json.dumps(entry, ensure_ascii=False), flush=True)
    return status


def _describe(ws: Workspace, text: str, site_codes: dict[str, str]) -> dict[str, Any]:
    """The machine a label names, or why it names none."""
    try:
        return {"text": text, "equipment": _resolve(ws, text, site_codes)}
    except DomainError as err:
        return {"text": text, "equipment": None, "error": err.message()}


def _resolve(ws: Workspace, text: str, site_codes: dict[str, str]) -> str:
    """The equipment code, checked like a scan in the app: our format, this plant's site, a
    machine in the registry, and the site the label names is that machine's own site (labels
    are printed with the machine's site code; the first site stands in for machines without
    one, as in reports.labels.items_for)."""
    label = parse(text)
    default_site = next(iter(site_codes.values()), "")
    # A label of any of this plant's sites is ours; anything else is "another site".
    this_site = label.site_code if label.site_code in site_codes.values() else default_site
    machine = ws.equipment.resolve_label(SYSTEM, this_site, label.site_code, label.equipment_code)
    if site_codes.get(machine.site_id, default_site) != label.site_code:
        raise DomainError("label.other_site", site=label.site_code)
    return machine.code
