"""`check`: is the file sound? Integrity, foreign keys, schema version, outbox consistency."""

from __future__ import annotations

import json
import sqlite3

from core import i18n
from core.i18n import t
from db.database import Database
from db.migrate import current_version, latest_version
from db.repositories.tables import ALL_TABLES

i18n.register({
    "check.integrity": {"zh_CN": "完整性：{detail}", "en": "integrity: {detail}"},
    "check.unreadable": {
        "zh_CN": "文件已损坏，无法读完（{detail}）。请用升级前或 replaced/ 中的备份恢复，并联系 IT。",
        "en": "The file is damaged and cannot be read through ({detail}). Restore a backup "
        "(the .bak files or replaced/) and contact IT.",
    },
    "check.foreign_key": {
        "zh_CN": "外键：{table} 表第 {rowid} 行指向不存在的 {parent} 记录",
        "en": "foreign key: {table} row {rowid} points to a missing {parent}",
    },
    "check.schema": {
        "zh_CN": "数据版本：文件为 {found}，应为 {expected}",
        "en": "schema: version {found}, expected {expected}",
    },
    "check.outbox_orphans": {
        "zh_CN": "待同步记录：{count} 条 {entity} 变更指向不存在的记录",
        "en": "outbox: {count} {entity} changes refer to missing records",
    },
    "check.outbox_missing": {
        "zh_CN": "待同步记录：{table} 表有 {count} 处本机修改没有写入同步队列",
        "en": "outbox: {count} {table} changes are missing from the outbox",
    },
    "check.clock": {
        "zh_CN": "时钟：同步队列中有比本机时钟更晚的时间戳",
        "en": "clock: the outbox holds stamps above the device clock",
    },
    "check.clocks": {
        "zh_CN": "字段时间戳：{table} 表有 {count} 行无法读取或不一致",
        "en": "clocks: {count} {table} rows have unreadable or inconsistent field stamps",
    },
})


def check(db: Database) -> list[str]:
    """One line per problem, in the user's language; an empty list means the file is sound."""
    try:
        return _check(db)
    except sqlite3.DatabaseError as exc:
        # A file damaged past what integrity_check can report still gets one clear line.
        return [t("check.unreadable", detail=str(exc))]


def _check(db: Database) -> list[str]:
    conn = db.conn
    problems: list[str] = []
    for (result,) in conn.execute("PRAGMA integrity_check"):
        if result != "ok":
            problems.append(t("check.integrity", detail=result))
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        problems.append(t("check.foreign_key", table=table, rowid=rowid, parent=parent))
    found, latest = current_version(conn), latest_version()
    if found != latest:
        problems.append(t("check.schema", found=found, expected=latest))
        return problems
    for spec in ALL_TABLES:
        problems += _check_table(db, spec.table, spec.entity, spec.fields)
    orphans = conn.execute(
        "SELECT o.entity, COUNT(*) FROM outbox o WHERE NOT EXISTS ("
        + " UNION ALL ".join(
            f"SELECT 1 FROM {table} t WHERE o.entity = '{entity}' AND t.id = o.row_id"
            for entity, table in [*((s.entity, s.table) for s in ALL_TABLES),
                                  ("hazard_event", "hazard_events")]
        )
        + ") GROUP BY o.entity"
    ).fetchall()
    for entity, count in orphans:
        problems.append(t("check.outbox_orphans", count=count, entity=entity))
    unlogged = conn.execute(
        "SELECT COUNT(*) FROM hazard_events e WHERE e.device = ? AND NOT EXISTS ("
        "SELECT 1 FROM outbox o WHERE o.row_id = e.id AND o.entity = 'hazard_event')",
        (db.device_id,)).fetchone()[0]
    if unlogged:
        problems.append(t("check.outbox_missing", table="hazard_events", count=unlogged))
    high = conn.execute("SELECT COALESCE(MAX(hlc), 0) FROM outbox").fetchone()[0]
    if high > db.clock.last:
        problems.append(t("check.clock"))
    return problems


def _check_table(db: Database, table: str, entity: str, fields: tuple[str, ...]) -> list[str]:
    problems = []
    conn = db.conn
    # Every local change must have reached the outbox in its own transaction: the record's
    # latest stamp appears there. (Changes merged from other devices have no local outbox row.)
    missing = conn.execute(
        f"SELECT COUNT(*) FROM {table} t WHERE t.device = ? AND NOT EXISTS ("
        f"SELECT 1 FROM outbox o WHERE o.row_id = t.id AND o.hlc = t.updated_hlc AND o.entity = ?)",
        (db.device_id, entity),
    ).fetchone()[0]
    if missing:
        problems.append(t("check.outbox_missing", table=table, count=missing))
    bad = 0
    for clocks, created, updated in conn.execute(
        f"SELECT clocks, created_hlc, updated_hlc FROM {table}"
    ):
        try:
            stamps = json.loads(clocks)
            top = max((int(s[0]) for s in stamps.values()), default=created)
            if set(stamps) - set(fields) or top > updated or created > updated:
                bad += 1
        except (ValueError, TypeError, IndexError):
            bad += 1
    if bad:
        problems.append(t("check.clocks", table=table, count=bad))
    return problems
