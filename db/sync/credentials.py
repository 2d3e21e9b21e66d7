"""Where a PC keeps its sync token: the OS keyring, else a file only its user can read.

The keyring (Windows Credential Manager, macOS Keychain, Secret Service) is tried first. A
headless Linux without a keyring backend falls back silently to ``<data>/sync-token`` with
mode 0600. The database only holds a reference saying which of the two was used.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

SERVICE = "SafeDesk sync"
TOKEN_FILE = "sync-token"
log = logging.getLogger("safedesk.sync")


def _keyring():  # noqa: ANN202 - the module, or None when it cannot be imported
    try:
        import keyring

        return keyring
    except Exception:  # noqa: BLE001 - a broken keyring install must not stop sync
        return None


def save_token(data_dir: Path, user: str, token: str) -> str:
    """Store the token; returns the reference to keep in sync_state."""
    keyring = _keyring()
    if keyring is not None:
        try:
            keyring.set_password(SERVICE, user, token)
            if keyring.get_password(SERVICE, user) == token:
                _remove_file(data_dir)
                return f"keyring:{user}"
        except Exception as exc:  # noqa: BLE001 - no backend, locked, D-Bus missing: fall back
            log.info("keyring unavailable (%s); using the protected file", type(exc).__name__)
    path = Path(data_dir) / TOKEN_FILE
    tmp = path.with_name(TOKEN_FILE + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, token.encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)  # in case the file existed with wider rights
    os.replace(tmp, path)
    return f"file:{TOKEN_FILE}"


def load_token(data_dir: Path, reference: str | None) -> str | None:
    if not reference:
        return None
    kind, _, name = reference.partition(":")
    if kind == "keyring":
        keyring = _keyring()
        try:
            return keyring.get_password(SERVICE, name) if keyring else None
        except Exception:  # noqa: BLE001 - treated as "not enrolled": the user enrols again
            return None
    path = Path(data_dir) / name
    try:
        return path.read_text().strip() or None
    except OSError:
        return None


def forget_token(data_dir: Path, reference: str | None) -> None:
    if reference and reference.startswith("keyring:"):
        keyring = _keyring()
        try:
            if keyring:
                keyring.delete_password(SERVICE, reference.partition(":")[2])
        except Exception:  # noqa: BLE001 - nothing stored: nothing to forget
            pass
    _remove_file(data_dir)


def _remove_file(data_dir: Path) -> None:
    try:
        (Path(data_dir) / TOKEN_FILE).unlink()
    except OSError:
        pass
