"""Photos and documents: immutable blobs stored by SHA-256 under <data>/attachments/.

A blob is written to a temporary file, flushed and renamed into place before its row is
committed, so a crash leaves at worst an unreferenced blob, never a row without its file.
The same file attached twice is stored once.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path

from core import i18n
from core.i18n import DomainError
from db import records
from db.database import Database
from db.repositories.tables import ATTACHMENTS

ATTACHMENT_KINDS = ("photo", "procedure", "document", "before", "after")
MAX_BYTES = 200 * 1024 * 1024

i18n.register({
    "attachment.missing": {"zh_CN": "找不到文件：{path}", "en": "File not found: {path}"},
    "attachment.too_large": {
        "zh_CN": "文件太大（{mb} MB），附件最大 200 MB。",
        "en": "The file is too large ({mb} MB); attachments are limited to 200 MB.",
    },
    "attachment.unreadable": {
        "zh_CN": "无法读取文件 {path}：{reason}",
        "en": "Cannot read the file {path}: {reason}",
    },
    "attachment.bad_kind": {"zh_CN": "附件类型无效：{kind}", "en": "Unknown attachment kind: {kind}"},
})


class AttachmentStore:
    def __init__(self, db: Database, root: Path) -> None:
        self.db = db
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, source: Path) -> tuple[str, int]:
        """Copy ``source`` into the store; returns (sha256, size)."""
        if not source.is_file():
            raise DomainError("attachment.missing", path=str(source))
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise DomainError("attachment.too_large", mb=round(size / 1024 / 1024))
        digest = hashlib.sha256()
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = self.path_for(sha)
            if target.exists():
                os.unlink(tmp)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, target)
        except OSError as exc:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise DomainError("attachment.unreadable", path=str(source), reason=exc.strerror or exc) from exc
        return sha, size

    def attach(self, owner_entity: str, owner_id: str, kind: str, source: Path) -> str:
        if kind not in ATTACHMENT_KINDS:
            raise DomainError("attachment.bad_kind", kind=kind)
        sha, size = self.put(source)
        mime = mimetypes.guess_type(source.name)[0]
        return records.insert(self.db, ATTACHMENTS, {
            "owner_entity": owner_entity, "owner_id": owner_id, "kind": kind, "sha256": sha,
            "filename": source.name, "mime": mime, "size": size})

    def remove(self, attachment_id: str) -> bool:
        # The blob stays: other rows (or other PCs' history) may name the same content.
        return records.tombstone(self.db, ATTACHMENTS, attachment_id)

    def export(self, sha256: str, target: Path) -> Path:
        shutil.copyfile(self.path_for(sha256), target)
        return target
