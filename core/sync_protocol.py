"""The sync wire format, shared by the desktop client (db/sync) and the server (server/).

Pure data and rules, standard library only. Everything travels as JSON.

Push (POST /v1/push), one batch of changes read from a PC's outbox::

    {"batch_id": "<uuid7>", "device": "<device id>", "epoch": "<last epoch seen or null>",
     "cursor": <last seq pulled>,
     "changes": [
        {"entity": "person", "id": "<uuid7>",
         "fields": {"name": ["张三", <hlc>, "<device>"], ...}, "deleted_hlc": null},
        {"entity": "hazard_event", "id": "<uuid7>", "event": {...the whole row...}}]}

A record change carries each field with its own stamp, so the server merges field by field with
the same rule as the PCs (core.fieldclock.merge: higher (hlc, device) wins). An event is a fact:
it is appended once, never merged.

Pull (GET /v1/pull?cursor=N&limit=L)::

    {"epoch": "...", "cursor": <seq of the last change returned>, "high": <site's latest seq>,
     "more": bool, "changes": [... same shapes as above, each with "seq" ...]}

Errors are ``{"error": <code>, "message": <English text>, ...details}`` with the HTTP status in
ERROR_STATUS. The client maps codes to messages in the user's language.

Every request carries the headers ``SafeDesk-Protocol`` and, from version 2,
``SafeDesk-Client-Ms`` (the PC's wall clock); requests of an enrolled PC carry
``Authorization: Bearer <token>``.

Every push is also refused (``future_stamps``) when a change in it is stamped more than
MAX_SKEW_MS ahead of the server's clock; before pushing, a PC re-stamps its own unsent changes
that are that far ahead (see db.sync.local.restamp_future), using ``server_ms`` from
``GET /v1/hello``.

Protocol versions:
  1 — first release: no wall clock header; the server judges clock skew from the newest HLC in
      a pushed batch (a batch without stamps passes, pulls are not checked).
  2 — the PC sends its wall clock with every request, so skew is caught even when the outbox
      is empty or old.
A server accepts MIN_PROTOCOL..PROTOCOL; an older PC is told to update (``version_too_old``),
a PC newer than the server is told the server needs updating (``version_too_new``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PROTOCOL = 2
MIN_PROTOCOL = 1
PROTOCOL_HEADER = "SafeDesk-Protocol"
CLIENT_MS_HEADER = "SafeDesk-Client-Ms"
MAX_SKEW_MS = 5 * 60 * 1000  # DESIGN.md: more than 5 minutes off is refused
MAX_BATCH_CHANGES = 5000  # the server refuses bigger batches (bounded memory per request)
PULL_LIMIT = 5000
EVENT_KEY = "event"

# error codes
CLOCK_SKEW = "clock_skew"
REVOKED = "revoked"
UNAUTHORIZED = "unauthorized"
VERSION_TOO_OLD = "version_too_old"
VERSION_TOO_NEW = "version_too_new"
EPOCH_CHANGED = "epoch_changed"
BAD_REQUEST = "bad_request"
BAD_CODE = "bad_enrolment_code"
NOT_FOUND = "not_found"
# A data folder that holds a plant may only enrol into an empty site (or the site it synced
# with before): two plants merged into one site would duplicate everything.
SITE_NOT_EMPTY = "site_not_empty"
# A change stamped more than MAX_SKEW_MS ahead of the server's clock (made while the PC's
# clock was wrong): accepted, it would win over every later edit until the clock caught up.
FUTURE_STAMPS = "future_stamps"
# Admin commands (no HTTP route): the CLI says them in the user's language.
NO_SITE = "no_site"
NO_DEVICE = "no_device"
SITE_EXISTS = "site_exists"

ERROR_STATUS = {
    CLOCK_SKEW: 409, REVOKED: 403, UNAUTHORIZED: 401, VERSION_TOO_OLD: 426,
    VERSION_TOO_NEW: 400, EPOCH_CHANGED: 409, BAD_REQUEST: 400, BAD_CODE: 403, NOT_FOUND: 404,
    SITE_NOT_EMPTY: 409, FUTURE_STAMPS: 409, NO_SITE: 404, NO_DEVICE: 404, SITE_EXISTS: 409,
}


class SyncError(Exception):
    """A refusal the other side explains with a code (see ERROR_STATUS)."""

    def __init__(self, code: str, message: str = "", **details: Any) -> None:
        super().__init__(message or code)
        self.code = code
        self.details = details

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "message": str(self), **self.details}


def check_version(version: int | None) -> None:
    if version is None or version < MIN_PROTOCOL:
        raise SyncError(VERSION_TOO_OLD, "This SafeDesk is too old for the sync server: "
                        "please update it.", supported=[MIN_PROTOCOL, PROTOCOL])
    if version > PROTOCOL:
        raise SyncError(VERSION_TOO_NEW, "The sync server is older than this SafeDesk: "
                        "ask IT to update the server.", supported=[MIN_PROTOCOL, PROTOCOL])


def check_skew(client_ms: int | None, server_ms: int) -> None:
    """Refuse a PC whose clock is more than MAX_SKEW_MS away from the server's."""
    if client_ms is None:
        return
    skew = client_ms - server_ms
    if abs(skew) > MAX_SKEW_MS:
        raise SyncError(CLOCK_SKEW, f"This PC's clock is {abs(skew) // 1000} s "
                        f"{'ahead of' if skew > 0 else 'behind'} the server; correct the clock "
                        "and sync again (your changes are kept).", skew_ms=skew)


def hlc_ms(hlc: int) -> int:
    return hlc >> 16


def check_future(changes: list[Mapping[str, Any]], server_ms: int) -> None:
    """Refuse a batch holding a stamp more than MAX_SKEW_MS ahead of the server's clock, for
    every protocol version: the wall clock header only tells how the PC's clock is NOW, not
    how it was when the changes were made."""
    newest = newest_stamp_ms(changes)
    if newest is not None and newest - server_ms > MAX_SKEW_MS:
        ahead = newest - server_ms
        raise SyncError(FUTURE_STAMPS, f"Changes stamped {ahead // 1000} s ahead of the "
                        "server's clock (made while this PC's clock was wrong).", ahead_ms=ahead)


def newest_stamp_ms(changes: list[Mapping[str, Any]]) -> int | None:
    """The wall part of the newest stamp in a batch (protocol 1's skew evidence)."""
    top = 0
    for change in changes:
        event = change.get(EVENT_KEY)
        if event is not None:
            top = max(top, int(event.get("hlc") or 0))
            continue
        for stamped in (change.get("fields") or {}).values():
            top = max(top, int(stamped[1]))
        top = max(top, int(change.get("deleted_hlc") or 0))
    return hlc_ms(top) if top else None


def validate_change(change: Any) -> None:
    """Shape check of one incoming change; raises SyncError(BAD_REQUEST)."""
    if not isinstance(change, dict) or not isinstance(change.get("entity"), str) \
            or not isinstance(change.get("id"), str) or not change["id"]:
        raise SyncError(BAD_REQUEST, "a change needs an entity and an id")
    if EVENT_KEY in change:
        event = change[EVENT_KEY]
        if not isinstance(event, dict) or not isinstance(event.get("hlc"), int):
            raise SyncError(BAD_REQUEST, f"event {change['id']} needs a stamp")
        return
    fields = change.get("fields")
    if not isinstance(fields, dict):
        raise SyncError(BAD_REQUEST, f"record {change['id']} needs fields")
    for name, stamped in fields.items():
        if not (isinstance(stamped, list) and len(stamped) == 3 and isinstance(stamped[1], int)
                and isinstance(stamped[2], str)):
            raise SyncError(BAD_REQUEST, f"field {name} of {change['id']} needs "
                            "[value, hlc, device]")
    deleted = change.get("deleted_hlc")
    if deleted is not None and not isinstance(deleted, int):
        raise SyncError(BAD_REQUEST, "deleted_hlc must be an integer")


def merge_deleted(a: int | None, b: int | None) -> int | None:
    """A tombstone stays: the earliest deletion stamp wins, whatever the order replicas meet."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)
