"""A scanned text → the machine it names, or the reason it names none (Qt-free).

Every way of scanning (webcam, photo file, handheld scanner) ends here, so all of them say the
same thing for the same label: ``core.qr_payload.parse`` reads the text (``qr.foreign``,
``qr.damaged``, ``qr.newer_version``) and ``EquipmentService.resolve_label`` finds the machine
(``label.other_site``, ``label.unknown``, ``label.removed``). Each is a DomainError whose
``message()`` is in the user's language.

Which site is "ours": a single-site workspace is that site. A workspace holding several sites
(a group's office PC) accepts a label of any of them; a label of a site it does not hold is
compared with its first site, so it is reported as another site's label.
"""

from __future__ import annotations

from core.auth import Actor
from core.equipment import Equipment
from core.i18n import DomainError
from core.qr_payload import LabelCode, parse
from db.workspace import Workspace


def site_code_for(ws: Workspace, actor: Actor, label: LabelCode) -> str:
    """The site code a label is checked against (see the module text)."""
    codes = [site["code"] for site in ws.structure.list(actor, "site")]
    if label.site_code in codes:
        return label.site_code
    # No site at all cannot happen after the first-run wizard; an empty code never matches.
    return codes[0] if codes else ""


def resolve(ws: Workspace, actor: Actor, text: str) -> Equipment:
    """The live machine a scanned label names; raises DomainError with the reason otherwise.

    Reads the database: call it off the UI thread (the "db" lane)."""
    label = parse(text)
    site = site_code_for(ws, actor, label)
    return ws.equipment.resolve_label(actor, site, label.site_code, label.equipment_code)


def describe(text: str) -> str:
    """A short human reading of a scanned text, for lists of several codes in one photo:
    the equipment code of one of our labels, else the text itself (shortened)."""
    try:
        label = parse(text)
    except DomainError:
        clean = " ".join(text.split())
        return clean if len(clean) <= 60 else clean[:57] + "…"
    return f"{label.equipment_code} ({label.site_code})"
