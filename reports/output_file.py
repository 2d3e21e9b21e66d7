"""Where a report is written: one check of the output path and one atomic write for every report.

Every report (ledgers, registers, cards, metrics, the four-colour map) writes a hidden temp file
beside the target and renames it at the end, so a cancelled, failed or unwritable export leaves
no half file. The path problems people actually hit get their own message instead of the raw
OS error text (which is English and names the wrong thing, e.g. "No such file or directory"
for a missing folder): a folder that does not exist, a folder given instead of a file name, a
name without an extension, and a folder or file that cannot be written.

It lives in reports/ (not jobs/) because reports/four_colour_map.py writes through it too and
reports may not import jobs; jobs.ledger_reports re-exports ``atomic_output`` under its old name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

from core import i18n
from core.i18n import DomainError

i18n.register({
    "report.cannot_write": {
        "zh_CN": "无法写入文件“{path}”（文件夹只读、磁盘已满，或文件正被其他程序打开）。",
        "en": "Cannot write the file “{path}” (read-only folder, full disk, or the file is open "
              "in another program).",
    },
    "report.folder_missing": {
        "zh_CN": "文件夹不存在：{folder}",
        "en": "The folder does not exist: {folder}",
    },
    "report.output_is_folder": {
        "zh_CN": "“{path}”是一个文件夹，请给出文件名（例如 {example}）。",
        "en": "“{path}” is a folder; give a file name (for example {example}).",
    },
    "report.output_no_suffix": {
        "zh_CN": "请给出文件名及扩展名（{formats}）。",
        "en": "Give a file name with its extension ({formats}).",
    },
})

_EXAMPLE_NAME = {"zh_CN": "台账", "en": "ledger"}


def check_output(target: Path, formats: Sequence[str] = ("pdf", "xlsx")) -> None:
    """Refuse an output path that cannot work, before anything is rendered.

    ``formats``: the extensions the report offers (for the messages' examples). Whether the
    extension is one of them is the caller's check (it names the report)."""
    target = Path(target)
    if target.is_dir():
        example = target / f"{_EXAMPLE_NAME.get(i18n.language(), 'report')}.{formats[0]}"
        raise DomainError("report.output_is_folder", path=str(target), example=str(example))
    if not target.suffix.lstrip("."):
        raise DomainError("report.output_no_suffix", formats=", ".join(formats))
    folder = target.parent
    if not folder.is_dir():
        raise DomainError("report.folder_missing", folder=str(folder.absolute()))


def _error_for(target: Path, err: OSError) -> DomainError:
    """The user's message for an OS error while creating or replacing ``target``."""
    if err.errno in (errno.ENOENT, errno.ENOTDIR) and not target.parent.is_dir():
        return DomainError("report.folder_missing", folder=str(target.parent.absolute()))
    if err.errno == errno.EISDIR or target.is_dir():
        example = target / f"{_EXAMPLE_NAME.get(i18n.language(), 'report')}{target.suffix}"
        return DomainError("report.output_is_folder", path=str(target), example=str(example))
    return DomainError("report.cannot_write", path=str(target))


@contextlib.contextmanager
def atomic_output(target: Path | str) -> Iterator[Path]:
    """Yield a hidden sibling to write; rename it over ``target`` on success, remove it on any
    failure. Path problems become a DomainError the user can act on (see the module doc)."""
    target = Path(target)
    if target.is_dir():  # found before the whole document is rendered, not at the rename
        raise _error_for(target, OSError(errno.EISDIR, "is a directory"))
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        open(tmp, "xb").close()
    except OSError as err:
        raise _error_for(target, err) from err
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as err:
        _remove(tmp)
        raise _error_for(target, err) from err
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
