"""Known database problems, in the user's language."""

from core import i18n
from core.i18n import DomainError

MESSAGES = {
    "db.newer_version": {
        "zh_CN": "数据文件由更新版本的安全台创建（数据版本 {found}，本程序支持到 {supported}）。请升级安全台后再打开。",
        "en": "This data file was written by a newer SafeDesk (data version {found}; this program "
        "supports up to {supported}). Please update SafeDesk to open it.",
    },
    "db.not_a_database": {
        "zh_CN": "文件 {path} 不是安全台数据文件或已损坏。",
        "en": "The file {path} is not a SafeDesk data file or is damaged.",
    },
    "db.locked": {
        "zh_CN": "数据文件正被其他程序占用，请稍后重试。",
        "en": "The data file is busy in another program. Please try again shortly.",
    },
    "db.readonly": {
        "zh_CN": "无法写入 {path}，请检查该文件夹的权限（或是否为只读磁盘）。",
        "en": "Cannot write to {path}. Please check the folder's permissions (or a read-only disk).",
    },
    "db.disk_full": {
        "zh_CN": "磁盘已满，数据未保存。请清理磁盘空间后重试。",
        "en": "The disk is full; nothing was saved. Free some space and try again.",
    },
    "db.migration_failed": {
        "zh_CN": "数据升级失败（第 {version} 步：{reason}）。原文件已保留，备份在 {backup}。",
        "en": "Upgrading the data failed (step {version}: {reason}). The file is unchanged; "
        "a backup is at {backup}.",
    },
    "db.not_found": {
        "zh_CN": "记录不存在或已删除。",
        "en": "The record does not exist or was deleted.",
    },
}
i18n.register(MESSAGES)


def translate_sqlite_error(exc: Exception, path: str = "") -> DomainError | None:
    """Map the sqlite3 errors a user can cause (busy, full disk, read-only) to known messages."""
    text = str(exc).lower()
    if "database is locked" in text or "database is busy" in text:
        return DomainError("db.locked")
    if "disk is full" in text or "database or disk is full" in text:
        return DomainError("db.disk_full")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DomainError("db.readonly", path=path)
    if "file is not a database" in text or "malformed" in text:
        return DomainError("db.not_a_database", path=path)
    return None
